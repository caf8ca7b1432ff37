"""`tenant` (a0deploy `tenant`, Management API /tenants/settings) -> blueprint `tenant`."""

from __future__ import annotations

from cli.adopt.sections._fields import copy_fields
from cli.adopt.translate import Translation
from components.config.tenant import TenantSection

SOURCE = "tenant"
TARGET = "tenant"


def translate(ctx: Translation) -> None:
    items = ctx.export.get(SOURCE, [])
    data = items[0].data if items and isinstance(items[0].data, dict) else {}
    tenant: dict = {}
    # Pages and error pages: the blueprint keeps them in `pages` and `tenant.error_page` as files.
    used = {"change_password", "guardian_mfa_page", "error_page"}
    copy_fields(ctx, TARGET, "tenant", data, tenant, TenantSection, used=used)
    for name in sorted(used & set(data)):
        ctx.report.unexpressed(TARGET, f"tenant.{name}", "hosted pages come from the `pages` section as HTML files")
    tenant.setdefault("friendly_name", data.get("friendly_name") or "Imported tenant")
    ctx.blueprint[TARGET] = tenant
