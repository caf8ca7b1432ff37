"""`triggers` (Management API /actions/triggers/{id}/bindings) -> `actions.<key>.bind` and the actions' order.

The blueprint runs bound actions in declaration order per trigger, so the actions are reordered to follow
each trigger's binding list.
"""

from __future__ import annotations

from cli.adopt.translate import Translation

SOURCE = "triggers"
TARGET = "actions"


def translate(ctx: Translation) -> None:
    actions = ctx.blueprint.get(TARGET, {})
    items = ctx.export.get(SOURCE, [])
    bindings = items[0].data if items and isinstance(items[0].data, dict) else {}
    bound: list[str] = []
    for trigger, entries in sorted(bindings.items()):
        for index, entry in enumerate(entries or []):
            name = entry.get("action_name") if isinstance(entry, dict) else None
            key = ctx.ref("actions", name, items[0].file, f"triggers.{trigger}.{index}.action_name")
            if key is None or key not in actions:
                continue
            if actions[key]["trigger"] != trigger:
                ctx.report.unexpressed(TARGET, f"triggers.{trigger}.{index}", f"{name} is bound to {trigger} but "
                                       f"supports {actions[key]['trigger']}")
                continue
            del actions[key]["bind"]
            bound.append(key)
    ctx.blueprint[TARGET] = {key: actions[key] for key in [*bound, *(k for k in actions if k not in bound)]}
