"""Copying the fields a model has under the same name; the rest goes to the report by key path."""

from __future__ import annotations

from pydantic import BaseModel

from cli.adopt.translate import DROP, Translation


def model_fields(model: type[BaseModel]) -> set[str]:
    return {info.alias or name for name, info in model.model_fields.items()}


def copy_fields(ctx: Translation, section: str, prefix: str, data: dict, target: dict, model: type[BaseModel],
                rename: dict[str, str] | None = None, used: set[str] | None = None) -> None:
    """Fields named as in `model` (or renamed) are copied with their keywords as `${var}`; nulls stay unset."""
    rename = rename or {}
    names = model_fields(model)
    consumed = set(used or ())
    for source, value in data.items():
        field = rename.get(source, source)
        if source in consumed:
            continue
        if field in names:
            consumed.add(source)
            if value is None:
                continue
            converted = ctx.value(section, value, f"{prefix}.{source}")
            if converted is not DROP:
                target[field] = converted
    ctx.leftovers(section, prefix, data, consumed)


def items_by_name(ctx: Translation, section: str, kind: str, name_field: str = "name"):
    """(item, name, key) for each object of a section, keys registered (a clash is an error)."""
    for index, item in enumerate(ctx.export.get(section, [])):
        data = item.data if isinstance(item.data, dict) else {}
        name = data.get(name_field)
        if not isinstance(name, str) or not name:
            ctx.report.unexpressed(section, f"{section}.{index}", f"an object without `{name_field}`; left out")
            continue
        yield item, data, name, ctx.key(kind, name, item.file)

