"""`networkACLs` (Management API /network-acls) -> blueprint `network_acls`, keyed by slug of description.

The API nests the rule (`rule: {action: {block: true}, match, not_match, scope}`); the blueprint names its
parts flat (`action: block`, `match`, `scope`).
"""

from __future__ import annotations

from cli.adopt.sections._fields import items_by_name
from cli.adopt.translate import DROP, Translation

SOURCE = "networkACLs"
TARGET = "network_acls"
KIND = "networkACLs"
ACTIONS = ("allow", "block", "log", "redirect")


def register(ctx: Translation) -> None:
    for _item, data, _name, key in items_by_name(ctx, SOURCE, KIND, name_field="description"):
        if data.get("id"):
            ctx.ids[(TARGET, key)] = data["id"]


def translate(ctx: Translation) -> None:
    acls: dict = {}
    for _item, data, description, key in items_by_name(ctx, SOURCE, KIND, name_field="description"):
        prefix = f"{TARGET}.{key}"
        rule = data.get("rule") or {}
        action = rule.get("action") or {}
        acl: dict = {"description": description, "active": data.get("active", True),
                     "priority": data.get("priority")}
        chosen = [name for name in ACTIONS if action.get(name)]
        if chosen:
            acl["action"] = chosen[0]
        if action.get("redirect_uri"):
            acl["redirect_uri"] = ctx.value(TARGET, action["redirect_uri"], f"{prefix}.rule.action.redirect_uri")
        for part in ("scope", "match", "not_match"):
            if rule.get(part) is not None:
                value = ctx.value(TARGET, rule[part], f"{prefix}.rule.{part}")
                if value is not DROP:
                    acl[part] = value
        ctx.leftovers(TARGET, f"{prefix}.rule", rule, {"action", "scope", "match", "not_match"})
        ctx.leftovers(TARGET, prefix, data, {"description", "active", "priority", "rule"})
        acls[key] = acl
    if acls:
        ctx.blueprint[TARGET] = acls
