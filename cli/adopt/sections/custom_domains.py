"""`customDomains` (Management API /custom-domains) -> blueprint `custom_domain` (the project manages one)."""

from __future__ import annotations

from cli.adopt.sections._fields import copy_fields
from cli.adopt.translate import Translation
from components.config.custom_domain import CustomDomainSection

SOURCE = "customDomains"
TARGET = "custom_domain"


def translate(ctx: Translation) -> None:
    items = [item for item in ctx.export.get(SOURCE, []) if isinstance(item.data, dict)]
    for index, item in enumerate(items):
        if index:
            ctx.report.unexpressed(TARGET, f"customDomains.{item.data.get('domain')}", "the project manages one "
                                   "custom domain; this one was left out")
            continue
        domain: dict = {}
        copy_fields(ctx, TARGET, TARGET, item.data, domain, CustomDomainSection,
                    used={"primary", "verification", "custom_domain_id", "origin_domain_name", "certificate"})
        if item.data.get("custom_domain_id"):
            ctx.ids[(TARGET, "")] = item.data["custom_domain_id"]
        ctx.blueprint[TARGET] = domain
