"""`emailProvider` (Management API /emails/provider) -> blueprint `email_provider`; credentials are secrets."""

from __future__ import annotations

from cli.adopt.sections._fields import set_values
from cli.adopt.translate import DROP, Translation

SOURCE = "emailProvider"
TARGET = "email_provider"
PLAIN_CREDENTIALS = ("smtp_host", "smtp_port", "region", "domain", "tenantId", "clientId")


def translate(ctx: Translation) -> None:
    items = ctx.export.get(SOURCE, [])
    data = items[0].data if items and isinstance(items[0].data, dict) else None
    if not data:
        return
    provider: dict = {}
    set_values(ctx, TARGET, provider, data, ("name", "enabled", "default_from_address", "settings"), TARGET)
    credentials = {}
    for field, value in (data.get("credentials") or {}).items():
        path = f"{TARGET}.credentials.{field}"
        if field in PLAIN_CREDENTIALS:
            converted = ctx.value(TARGET, value, path)
            if converted is not DROP:
                credentials[field] = converted
        else:
            credentials[field] = ctx.secret(TARGET, value, path, f"email_provider_{field}")
    if credentials:
        provider["credentials"] = credentials
    ctx.leftovers(TARGET, TARGET, data, {"name", "enabled", "default_from_address", "settings", "credentials"})
    ctx.blueprint[TARGET] = provider
