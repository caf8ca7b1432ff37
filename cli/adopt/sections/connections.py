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
from components.config.social_scopes import SOCIAL_SCOPES, STRATEGY_ONLY_OPTIONS

SOURCE = "connections"
TARGET = "connections"
KIND = "connections"

OPTIONS = {"client_id": "client_id", "team_id": "team_id", "kid": "key_id",
           "set_user_root_attributes": "set_user_root_attributes", "non_persistent_attrs": "non_persistent_attrs"}


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
        fields = {**OPTIONS, **{name: name for name, strategies in STRATEGY_ONLY_OPTIONS.items()
                                if strategy in strategies}}
        for source, field in fields.items():
            if options.get(source) is not None:
                value = ctx.value(TARGET, options[source], f"{prefix}.options.{source}")
                if value is not DROP:
                    connection[field] = value
        secret_field = "app_secret" if "app_secret" in options else "client_secret"
        connection["client_secret"] = ctx.secret(TARGET, options.get(secret_field), f"{prefix}.options.{secret_field}",
                                                 f"{key}_client_secret")
        used = _scopes(ctx, strategy, options, prefix, connection)
        ctx.leftovers(TARGET, f"{prefix}.options", options, {*fields, "client_secret", "app_secret", *used})
        ctx.leftovers(TARGET, prefix, data, {"name", "display_name", "strategy", "enabled_clients", "options"})
        connections[key] = connection


def _scopes(ctx: Translation, strategy: str, options: dict, prefix: str, connection: dict) -> set[str]:
    """`scopes` from the permission flags (`email: true`, ...), which Auth0 keeps, or else from `scope`; the option
    names used."""
    known = SOCIAL_SCOPES[strategy]
    flags = [name for name in known if isinstance(options.get(name), bool)]  # Auth0's order, whatever the export's
    if flags:
        # `scope` is what Auth0 sends the provider, derived from the flags (GitHub's names differ: user:email).
        scopes = [name for name in flags if options[name]]
        used = {*flags, "scope"}
    else:
        scope = options.get("scope") or []
        listed = scope.split() if isinstance(scope, str) else list(scope)
        scopes = [name for name in listed if name in known]
        for name in listed:
            if name not in known:
                ctx.report.unexpressed(TARGET, f"{prefix}.options.scope", f"'{name}' is not a {strategy} "
                                       "permission Auth0 knows; left out of scopes")
        used = {"scope"}
    if scopes:
        connection["scopes"] = scopes
    return used


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
