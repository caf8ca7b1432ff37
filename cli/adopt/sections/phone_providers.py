"""`phoneProviders` (Management API /branding/phone/providers) -> blueprint `phone_provider` (one per tenant).

The Twilio auth token is a secret reference (the API never returns it; a0deploy writes a placeholder).
A tenant-level provider means the Unified Phone Experience, so `tenant.phone_consolidated_experience` is set.
"""

from __future__ import annotations

from cli.adopt.sections._fields import copy_fields
from cli.adopt.translate import Translation
from components.config.phone_provider import PhoneConfiguration

SOURCE = "phoneProviders"
TARGET = "phone_provider"


def translate(ctx: Translation) -> None:
    items = [item for item in ctx.export.get(SOURCE, []) if isinstance(item.data, dict)]
    for index, item in enumerate(items):
        data = item.data
        if index:
            ctx.report.unexpressed(TARGET, f"phoneProviders.{data.get('name', index)}", "a tenant has one phone "
                                   "provider; this one was left out")
            continue
        if data.get("id"):
            ctx.ids[(TARGET, "")] = data["id"]
        provider: dict = {"name": data.get("name")}
        if data.get("disabled") is not None:
            provider["disabled"] = data["disabled"]
        configuration: dict = {}
        copy_fields(ctx, TARGET, f"{TARGET}.configuration", data.get("configuration") or {}, configuration,
                    PhoneConfiguration)
        provider["configuration"] = configuration
        credentials = data.get("credentials") or {}
        if provider["name"] == "twilio":
            provider["credentials"] = {"auth_token": ctx.secret(
                TARGET, credentials.get("auth_token"), f"{TARGET}.credentials.auth_token", "phone_provider_auth_token")}
        ctx.leftovers(TARGET, f"{TARGET}.credentials", credentials, {"auth_token"})
        ctx.leftovers(TARGET, TARGET, data, {"name", "disabled", "configuration", "credentials", "channel"})
        ctx.blueprint[TARGET] = provider
        tenant = ctx.blueprint.setdefault("tenant", {})
        if tenant.get("phone_consolidated_experience") is not True:
            tenant["phone_consolidated_experience"] = True
            ctx.report.notes.append("tenant.phone_consolidated_experience: set to true, because the tenant sends "
                                    "SMS and voice through a tenant-level phone provider")
