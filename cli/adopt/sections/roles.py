"""`roles` (Management API /roles and their permissions) -> blueprint `roles`, permissions by API key."""

from __future__ import annotations

from cli.adopt.sections._fields import items_by_name
from cli.adopt.translate import Translation

SOURCE = "roles"
TARGET = "roles"
KIND = "roles"


def translate(ctx: Translation) -> None:
    roles: dict = {}
    for item, data, name, key in items_by_name(ctx, SOURCE, KIND):
        prefix = f"{TARGET}.{key}"
        role: dict = {"description": data.get("description") or name}
        if name != key:
            role["name"] = name
        if data.get("id"):
            ctx.ids[(TARGET, key)] = data["id"]
        permissions: dict[str, list[str]] = {}
        for index, permission in enumerate(data.get("permissions") or []):
            audience = permission.get("resource_server_identifier")
            api = ctx.keys.get("audiences", {}).get(audience)
            if api is None:
                ctx.ref("resourceServers", audience, item.file, f"roles.{name}.permissions.{index}")
                continue
            permissions.setdefault(api, []).append(permission.get("permission_name"))
        if permissions:
            role["permissions"] = permissions
        ctx.leftovers(TARGET, prefix, data, {"name", "description", "permissions"})
        roles[key] = role
    ctx.blueprint[TARGET] = roles
