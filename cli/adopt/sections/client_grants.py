"""`clientGrants` (Management API /client-grants) -> `applications.<key>.grants`: API key -> scopes,
or {scopes, organization_usage, allow_any_organization} for a grant organizations use."""

from __future__ import annotations

from cli.adopt.translate import Translation

SOURCE = "clientGrants"
TARGET = "applications"
# A grant for an organization's members: written in full ({scopes, organization_usage, ...}) only when set.
ORGANIZATION_FIELDS = ("organization_usage", "allow_any_organization")


def translate(ctx: Translation) -> None:
    applications = ctx.blueprint.setdefault(TARGET, {})
    for index, item in enumerate(ctx.export.get(SOURCE, [])):
        data = item.data if isinstance(item.data, dict) else {}
        where = f"clientGrants.{index}"
        client = ctx.ref("clients", data.get("client_id"), item.file, f"{where}.client_id")
        audience = data.get("audience")
        api = ctx.keys.get("audiences", {}).get(audience)
        if api is None:
            if client is not None and audience is not None:
                ctx.report.unexpressed("applications", f"{where}", f"a grant to {audience}, an API the export "
                                       "does not define (the Management API?); grant it by hand")
            continue
        if client is None:
            continue
        ctx.ids[("grants", f"{client}-{api}")] = data.get("id", "")
        scopes = list(data.get("scope") or [])
        organization = {k: data[k] for k in ORGANIZATION_FIELDS if data.get(k) is not None}
        applications[client].setdefault("grants", {})[api] = {"scopes": scopes, **organization} if organization \
            else scopes
        ctx.leftovers("applications", where, data, {"client_id", "audience", "scope", *ORGANIZATION_FIELDS})
