"""`flows` (Management API /flows) -> blueprint `flows`; each flow's actions become assets/flows/<key>.json."""

from __future__ import annotations

from cli.adopt.sections._fields import items_by_name, register_ids
from cli.adopt.sections._flow_references import json_asset
from cli.adopt.translate import Translation

SOURCE = "flows"
TARGET = "flows"
KIND = SOURCE


def register(ctx: Translation) -> None:
    register_ids(ctx, SOURCE, KIND, TARGET)


def translate(ctx: Translation) -> None:
    flows: dict = {}
    for _item, data, name, key in items_by_name(ctx, SOURCE, KIND):
        prefix = f"{TARGET}.{key}"
        flows[key] = {"name": name, "actions": json_asset(ctx, TARGET, f"assets/flows/{key}.json",
                                                          data.get("actions") or [], f"{prefix}.actions")}
        ctx.leftovers(TARGET, prefix, data, {"name", "actions", "executed_at"})
    if flows:
        ctx.blueprint[TARGET] = flows
