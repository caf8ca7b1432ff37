"""`clientGrants` (Management API /client-grants) -> `applications.<key>.grants`: API key -> scopes."""

from __future__ import annotations

from cli.adopt.translate import Translation

SOURCE = "clientGrants"
TARGET = "applications"


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
        applications[client].setdefault("grants", {})[api] = list(data.get("scope") or [])
        ctx.leftovers("applications", where, data, {"client_id", "audience", "scope"})
