"""`forms` (Management API /forms) -> blueprint `forms`; nodes, start, ending, style and translations become
JSON files under assets/forms/<key>-<part>.json; languages and messages are copied."""

from __future__ import annotations

from cli.adopt.sections._fields import items_by_name, register_ids
from cli.adopt.sections._flow_references import json_asset
from cli.adopt.translate import DROP, Translation

SOURCE = "forms"
TARGET = "forms"
KIND = SOURCE
FILES = ("nodes", "start", "ending", "style", "translations")
MESSAGES = {"errors": "messages_errors", "custom": "messages_custom"}


def register(ctx: Translation) -> None:
    register_ids(ctx, SOURCE, KIND, TARGET)


def translate(ctx: Translation) -> None:
    forms: dict = {}
    for _item, data, name, key in items_by_name(ctx, SOURCE, KIND):
        prefix = f"{TARGET}.{key}"
        form: dict = {"name": name}
        for part in FILES:
            if data.get(part) is not None:
                form[part] = json_asset(ctx, TARGET, f"assets/forms/{key}-{part}.json", data[part],
                                        f"{prefix}.{part}")
        if "nodes" not in form:
            form["nodes"] = json_asset(ctx, TARGET, f"assets/forms/{key}-nodes.json", [], f"{prefix}.nodes")
        languages = data.get("languages") or {}
        if languages:
            form["languages"] = {k: languages[k] for k in ("primary", "default") if languages.get(k) is not None}
            ctx.leftovers(TARGET, f"{prefix}.languages", languages, {"primary", "default"})
        messages = data.get("messages") or {}
        for part, field in MESSAGES.items():
            if messages.get(part):
                value = ctx.value(TARGET, messages[part], f"{prefix}.messages.{part}")
                if value is not DROP:
                    form[field] = value
        ctx.leftovers(TARGET, f"{prefix}.messages", messages, set(MESSAGES))
        ctx.leftovers(TARGET, prefix, data, {"name", "languages", "messages", "embedded_at", "submitted_at", *FILES})
        forms[key] = form
    if forms:
        ctx.blueprint[TARGET] = forms
