"""`actions` (Management API /actions/actions) -> blueprint `actions`; code under assets/actions/<key>.js.

Keywords in the code (a0deploy replaces them on deploy) become the Action's `config`: each quoted string
holding one is rewritten to read `CONFIG.<var>`, and the blueprint sets `config.<var>: ${var}` per stack.
"""

from __future__ import annotations

import re

from cli.adopt.keywords import MARKER, is_secret_name, var_name
from cli.adopt.sections._fields import items_by_name
from cli.adopt.sections.action_modules import action_modules
from cli.adopt.translate import Translation
from components.config.actions import CONFIG_PLACEHOLDER, TRIGGER_VERSIONS

SOURCE = "actions"
TARGET = "actions"
KIND = "actions"
_STRING = re.compile(r"(['\"`])((?:\\.|(?!\1).)*?)\1")


def register(ctx: Translation) -> None:
    for _item, data, _name, key in items_by_name(ctx, SOURCE, KIND):
        if data.get("id"):
            ctx.ids[(TARGET, key)] = data["id"]


def code_reading_config(code: str) -> tuple[str, list[str]]:
    """The code with keyword-bearing string literals reading CONFIG, and the keywords it reads."""
    used: list[str] = []

    def literal(match: re.Match) -> str:
        quote, body = match.groups()
        if not MARKER.search(body):
            return match.group(0)
        parts, last = [], 0
        for marker in MARKER.finditer(body):
            if marker.start() > last:
                parts.append(f"{quote}{body[last:marker.start()]}{quote}")
            keyword = marker.group(1) or marker.group(2)
            used.append(keyword)
            parts.append(f"CONFIG.{var_name(keyword)}")
            last = marker.end()
        if last < len(body):
            parts.append(f"{quote}{body[last:]}{quote}")
        return "(" + " + ".join(parts) + ")" if len(parts) > 1 else parts[0]

    rewritten = _STRING.sub(literal, code)
    if used:
        rewritten = f"const CONFIG = {CONFIG_PLACEHOLDER};\n{rewritten}"
    return rewritten, sorted(set(used))


def translate(ctx: Translation) -> None:
    actions: dict = {}
    for item, data, name, key in items_by_name(ctx, SOURCE, KIND):
        prefix = f"{TARGET}.{key}"
        triggers = data.get("supported_triggers") or []
        trigger = triggers[0].get("id") if triggers and isinstance(triggers[0], dict) else None
        if trigger not in TRIGGER_VERSIONS:
            ctx.report.unexpressed(TARGET, f"{prefix}.supported_triggers", f"trigger {trigger} is not expressible "
                                   "yet; the whole Action was left out")
            ctx.ids.pop((TARGET, key), None)
            continue
        action: dict = {"trigger": trigger}
        if name != key:
            action = {"name": name, **action}
        where = f"{prefix}.code"
        text = ctx.side_file(item, data.get("code"), where)
        code, keywords = code_reading_config(text)
        secret_keywords = [k for k in keywords if is_secret_name(k)]
        for keyword in secret_keywords:
            ctx.report.unexpressed(TARGET, where, f"secret keyword {keyword} in the code: add it to the Action's "
                                   "secrets and read event.secrets")
        action["code"] = f"assets/actions/{key}.js"
        ctx.assets[action["code"]] = code
        config = {}
        for keyword in (k for k in keywords if k not in secret_keywords):
            ctx.keywords.note(keyword, where)
            config[var_name(keyword)] = "${" + var_name(keyword) + "}"
        if config:
            action["config"] = config
        if data.get("runtime") and data["runtime"] != "node22":
            ctx.report.unexpressed(TARGET, f"{prefix}.runtime", f"{data['runtime']}: this project deploys node22; "
                                   "check the code runs there")
        dependencies = {d.get("name"): d.get("version") for d in data.get("dependencies") or [] if isinstance(d, dict)}
        if dependencies:
            action["dependencies"] = dependencies
        secrets = {s.get("name"): ctx.secret(TARGET, s.get("value"), f"{prefix}.secrets.{s.get('name')}",
                                             f"{key}_{s.get('name')}")
                   for s in data.get("secrets") or [] if isinstance(s, dict) and s.get("name")}
        if secrets:
            action["secrets"] = secrets
        modules = action_modules(ctx, item, data, prefix)
        if modules:
            action["modules"] = modules
        if data.get("deployed") is False:
            action["deploy"] = False
        action["bind"] = False  # triggers.py binds the ones a trigger lists, in its order
        ctx.leftovers(TARGET, prefix, data, {"name", "code", "supported_triggers", "runtime",
                                             "dependencies", "secrets", "deployed", "modules"})
        actions[key] = action
    ctx.blueprint[TARGET] = actions
