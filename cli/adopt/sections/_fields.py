"""Copying the fields a model has under the same name; the rest goes to the report by key path."""

from __future__ import annotations

from pydantic import BaseModel

from cli.adopt.translate import DROP, Item, Translation


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


def singleton(ctx: Translation, section: str) -> tuple[Item | None, dict]:
    """The one object of a singleton section (tenant, branding, guardianPolicies...), or (None, {})."""
    items = ctx.export.get(section, [])
    if items and isinstance(items[0].data, dict):
        return items[0], items[0].data
    return None, {}


def asset_name(text: str) -> str:
    """A file name from a key or an Auth0 name (`form-content-end`, `universal_login`)."""
    return text.replace("_", "-").lower()


def register_ids(ctx: Translation, section: str, kind: str, target: str, name_field: str = "name") -> None:
    """First pass: register each object's key, and keep its Auth0 id (a live tenant's) for import.json."""
    for _item, data, _name, key in items_by_name(ctx, section, kind, name_field):
        if data.get("id"):
            ctx.ids[(target, key)] = data["id"]


def set_value(ctx: Translation, section: str, target: dict, field: str, value, path: str) -> None:
    """`target[field]` = the value with its keywords as `${var}`, unless it needs a secret or is unset."""
    converted = ctx.value(section, value, path)
    if converted is not DROP and converted is not None:
        target[field] = converted


def set_values(ctx: Translation, section: str, target: dict, data: dict, fields, prefix: str) -> None:
    """`set_value` for each of `fields` that `data` holds, at `<prefix>.<field>` (a null stays unset)."""
    for field in fields:
        if data.get(field) is not None:
            set_value(ctx, section, target, field, data[field], f"{prefix}.{field}")
