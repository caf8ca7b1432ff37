"""`connections` (Management API /connections, every strategy but auth0) -> blueprint `connections`.

Social and enterprise strategies (samlp, oidc, okta, waad, google-apps, ad; cli/adopt/sections/_enterprise.py)
map; other strategies (passwordless) go to the report whole until the model has them.
"""

from __future__ import annotations

from cli.adopt.sections import _enterprise
from cli.adopt.sections._fields import items_by_name
from cli.adopt.sections.databases import enabled_applications
from cli.adopt.translate import DROP, Translation
from components.config.connections import SOCIAL_STRATEGIES
from components.config.enterprise_connections import ENTERPRISE_STRATEGIES

SOURCE = "connections"
TARGET = "connections"
KIND = "connections"

OPTIONS = {"client_id": "client_id", "team_id": "team_id", "kid": "key_id"}


def register(ctx: Translation) -> None:
    for _item, data, _name, key in items_by_name(ctx, SOURCE, KIND):
        if data.get("id"):
            ctx.ids[(TARGET, key)] = data["id"]


def translate(ctx: Translation) -> None:
    connections = ctx.blueprint.setdefault(TARGET, {})
    for item in ctx.export.get(SOURCE, []):
        data = item.data if isinstance(item.data, dict) else {}
        name = data.get("name")
        key = ctx.keys.get(KIND, {}).get(name)
        if key is None:
            continue
        prefix = f"{TARGET}.{key}"
        strategy = data.get("strategy")
        if strategy in ENTERPRISE_STRATEGIES:
            _enterprise_connection(ctx, item, data, name, key, connections)
            continue
        if strategy not in SOCIAL_STRATEGIES:
            ctx.report.unexpressed(TARGET, prefix, f"strategy {strategy} is not expressible yet; the whole "
                                   "connection was left out")
            ctx.ids.pop((TARGET, key), None)
            continue
        connection: dict = {"strategy": strategy}
        if name != key:
            connection["name"] = name
        if data.get("display_name"):
            connection["display_name"] = ctx.value(TARGET, data["display_name"], f"{prefix}.display_name")
        connection["enabled_applications"] = enabled_applications(ctx, item, data, f"{SOURCE}.{name}")
        options = data.get("options") or {}
        for source, field in OPTIONS.items():
            if options.get(source) is not None:
                value = ctx.value(TARGET, options[source], f"{prefix}.options.{source}")
                if value is not DROP:
                    connection[field] = value
        secret_field = "app_secret" if "app_secret" in options else "client_secret"
        connection["client_secret"] = ctx.secret(TARGET, options.get(secret_field), f"{prefix}.options.{secret_field}",
                                                 f"{key}_client_secret")
        scope = options.get("scope")
        if scope:
            connection["scopes"] = scope.split() if isinstance(scope, str) else list(scope)
        ctx.leftovers(TARGET, f"{prefix}.options", options, {*OPTIONS, "client_secret", "app_secret", "scope"})
        ctx.leftovers(TARGET, prefix, data, {"name", "display_name", "strategy", "enabled_clients", "options"})
        connections[key] = connection


def _enterprise_connection(ctx: Translation, item, data: dict, name: str, key: str, connections: dict) -> None:
    prefix = f"{TARGET}.{key}"
    connection: dict = {"strategy": data["strategy"]}
    if name != key:
        connection["name"] = name
    if data.get("display_name"):
        connection["display_name"] = ctx.value(TARGET, data["display_name"], f"{prefix}.display_name")
    connection["enabled_applications"] = enabled_applications(ctx, item, data, f"{SOURCE}.{name}")
    if not _enterprise.translate(ctx, item, data, key, connection):
        ctx.ids.pop((TARGET, key), None)
        return
    ctx.leftovers(TARGET, prefix, data, {"name", "display_name", "strategy", "enabled_clients", "options",
                                         "show_as_button"})
    connections[key] = connection
