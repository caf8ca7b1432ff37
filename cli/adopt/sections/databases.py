"""`databases` (Management API /connections, strategy auth0) -> blueprint `connections`, options flattened.

Custom-database scripts are copied to assets/custom-database/<key>/; their `configuration` values become
secret references (the Management API never returns them in plain text).
"""

from __future__ import annotations

from cli.adopt.sections._fields import items_by_name
from cli.adopt.translate import DROP, Translation

SOURCE = "databases"
TARGET = "connections"
KIND = "connections"

OPTIONS = {"passwordPolicy": "password_policy", "password_complexity_options": "password_complexity_options",
           "password_history": "password_history", "password_dictionary": "password_dictionary",
           "password_no_personal_info": "password_no_personal_info", "requires_username": "requires_username",
           "disable_signup": "disable_signup", "brute_force_protection": "brute_force_protection"}
SCRIPTS = ("login", "get_user")


def register(ctx: Translation) -> None:
    for _item, data, _name, key in items_by_name(ctx, SOURCE, KIND):
        if data.get("id"):
            ctx.ids[(TARGET, key)] = data["id"]


def enabled_applications(ctx: Translation, item, data: dict, where: str) -> list[str]:
    names = data.get("enabled_clients") or []
    keys = [ctx.ref("clients", name, item.file, f"{where}.enabled_clients") for name in names]
    return [key for key in keys if key]


def translate(ctx: Translation) -> None:
    connections = ctx.blueprint.setdefault(TARGET, {})
    for item in ctx.export.get(SOURCE, []):
        data = item.data if isinstance(item.data, dict) else {}
        name = data.get("name")
        key = ctx.keys.get(KIND, {}).get(name)
        if key is None:
            continue
        prefix = f"{TARGET}.{key}"
        connection: dict = {"strategy": "auth0"}
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
        dictionary = connection.get("password_dictionary")
        if isinstance(dictionary, dict) and "dictionary" in dictionary:  # the Management API's name for the words
            words = dictionary.pop("dictionary")
            if words:
                dictionary["dictionaries"] = words
        scripts = options.get("customScripts") or {}
        if options.get("enabledDatabaseCustomization") or "login" in scripts:
            custom: dict = {"import_mode": bool(options.get("import_mode", False))}
            for script, reference in scripts.items():
                where = f"{prefix}.options.customScripts.{script}"
                if script not in SCRIPTS:
                    ctx.report.unexpressed(TARGET, where, "only lazy migration (login, get_user) is expressible")
                    continue
                text = ctx.side_file(item, reference, where)
                custom[script] = ctx.text_asset(TARGET, f"assets/custom-database/{key}/{script}.js", text, where)
            configuration = options.get("configuration") or {}
            custom["configuration"] = {
                name: ctx.secret(TARGET, value, f"{prefix}.options.configuration.{name}", f"{key}_{name}")
                for name, value in sorted(configuration.items())
            }
            connection["custom_database"] = custom
        used = {*OPTIONS, "customScripts", "enabledDatabaseCustomization", "import_mode", "configuration"}
        ctx.leftovers(TARGET, f"{prefix}.options", options, used)
        ctx.leftovers(TARGET, prefix, data, {"name", "display_name", "strategy", "enabled_clients", "options"})
        connections[key] = connection
