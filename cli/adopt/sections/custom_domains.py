"""`customDomains` (Management API /custom-domains) -> blueprint `custom_domain` (the primary one, else the
first) and `custom_domains` (the others, keyed by their domain)."""

from __future__ import annotations

from cli.adopt.sections._fields import copy_fields
from cli.adopt.translate import Translation
from components.config.custom_domain import CustomDomainSection

SOURCE = "customDomains"
TARGET = "custom_domain"
MORE = "custom_domains"
# Auth0's read-only state, and `is_default`, which becomes `default` (and `verify`, which the default needs).
_USED = {"primary", "verification", "custom_domain_id", "origin_domain_name", "certificate", "status", "is_default"}


def _domain(ctx: Translation, prefix: str, data: dict) -> dict:
    domain: dict = {}
    copy_fields(ctx, TARGET, prefix, data, domain, CustomDomainSection, used=_USED)
    if data.get("is_default"):
        domain.update(verify=True, default=True)
    return domain


def translate(ctx: Translation) -> None:
    items = [item for item in ctx.export.get(SOURCE, []) if isinstance(item.data, dict)]
    items.sort(key=lambda item: not item.data.get("primary"))  # stable: the primary first, others as listed
    for index, item in enumerate(items):
        if index == 0:
            ctx.blueprint[TARGET] = _domain(ctx, TARGET, item.data)
            if item.data.get("custom_domain_id"):
                ctx.ids[(TARGET, "")] = item.data["custom_domain_id"]
            continue
        key = ctx.key(MORE, str(item.data.get("domain")), item.file)
        ctx.blueprint.setdefault(MORE, {})[key] = _domain(ctx, f"{MORE}.{key}", item.data)
        if item.data.get("custom_domain_id"):
            ctx.ids[(MORE, key)] = item.data["custom_domain_id"]
