"""`resourceServers` (Management API /resource-servers) -> blueprint `apis`, keyed by slug of name."""

from __future__ import annotations

from cli.adopt.sections._fields import copy_fields, items_by_name
from cli.adopt.translate import Translation
from components.config.apis import Api

SOURCE = "resourceServers"
TARGET = "apis"
KIND = "resourceServers"


def register(ctx: Translation) -> None:
    for _item, data, _name, key in items_by_name(ctx, SOURCE, KIND):
        if data.get("identifier"):
            ctx.keys.setdefault("audiences", {})[data["identifier"]] = key
        if data.get("id"):
            ctx.ids[(TARGET, key)] = data["id"]


def translate(ctx: Translation) -> None:
    apis: dict = {}
    for item in ctx.export.get(SOURCE, []):
        data = item.data if isinstance(item.data, dict) else {}
        key = ctx.keys.get(KIND, {}).get(data.get("name"))
        if key is None:
            continue
        prefix = f"{TARGET}.{key}"
        api: dict = {}
        copy_fields(ctx, TARGET, prefix, data, api, Api, used={"scopes"})
        scopes = {}
        for index, scope in enumerate(data.get("scopes") or []):
            if isinstance(scope, dict) and scope.get("value"):
                scopes[scope["value"]] = scope.get("description") or scope["value"]
            else:
                ctx.report.unexpressed(TARGET, f"{prefix}.scopes.{index}", "a scope without `value`")
        if scopes:
            api["scopes"] = scopes
        if api.get("name") == key:
            del api["name"]
        apis[key] = api
    ctx.blueprint[TARGET] = apis
