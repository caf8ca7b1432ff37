"""Pydantic's validation errors as one readable line each: the key path as the user wrote it, what was expected."""


import difflib
import re
import types
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, Tag, ValidationError

from components.config.errors import Problem, excerpt
from components.config.merge import lookup
from components.config.types import PATTERN_MEANINGS

Locate = Callable[[list], tuple[str, str, int | None]]


def validation_problems(error: ValidationError, model: type[BaseModel], data: Any, locate: Locate) -> list[Problem]:
    """One problem per error; `locate(key path)` says which file and line the value came from."""
    problems = []
    for item in error.errors(include_url=False):
        parts = _data_path(data, item["loc"], item["type"])
        file, dotted, line = locate(parts)
        problems.append(Problem(file, dotted, _explain(item, model), line))
    return problems


def _data_path(data: Any, loc: tuple, kind: str) -> list:
    """The key path as the user wrote it: pydantic's extra steps (union tags, validator names) left out."""
    shown = []
    for index, part in enumerate(loc):
        found, value = lookup(data, (part,))
        if found:
            shown.append(part)
            data = value
        elif index == len(loc) - 1 and kind == "missing":
            shown.append(part)  # the missing key itself; any other absent step is a union tag
    return shown


def _explain(item: dict, model: type[BaseModel]) -> str:
    kind, ctx, value = item["type"], item.get("ctx", {}), item.get("input")
    if kind == "extra_forbidden":
        return unknown_key(item["loc"][-1], _field_names(model, item["loc"][:-1]))
    if kind == "missing":
        return "required but missing"
    if kind == "literal_error":
        close = difflib.get_close_matches(value, re.findall(r"'([^']*)'", ctx["expected"]), n=1, cutoff=0.6) \
            if isinstance(value, str) else []
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"expected one of {ctx['expected']}; got {_shown(value)}{hint}"
    if kind == "union_tag_invalid":
        return f"{ctx['discriminator'].strip(chr(39))} must be one of {ctx['expected_tags']}; got {_shown(ctx['tag'])}"
    if kind == "string_pattern_mismatch":
        meaning = PATTERN_MEANINGS.get(ctx.get("pattern"), f"a value matching {ctx.get('pattern')}")
        return f"expected {meaning}; got {_shown(value)}"
    if kind == "value_error":
        return item["msg"].removeprefix("Value error, ")
    if kind == "secret_required":
        return item["msg"]  # never echo the value: it is a secret, and this line lands in CI logs
    message = item["msg"]
    message = message.replace("Input should be", "expected").replace("Input", "value")
    return f"{message[0].lower()}{message[1:]}; got {_shown(value)}"


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return excerpt(value)


def unknown_key(key: Any, valid: typing.Iterable[str]) -> str:
    close = difflib.get_close_matches(str(key), list(valid), n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown key {excerpt(str(key))}{hint}"


def _field_names(model: Any, loc: tuple) -> list[str]:
    """The keys valid at a location, by following the model's annotations along pydantic's loc."""
    current: Any = model
    for part in loc:
        current = _unwrap(current, part)
        if isinstance(current, type) and issubclass(current, BaseModel):
            if str(part) not in current.model_fields:
                continue  # a discriminated union's tag in the location: the member model itself
            field = current.model_fields.get(str(part))
            current = field.annotation if field else None
        elif typing.get_origin(current) in (dict, list):
            current = typing.get_args(current)[-1 if typing.get_origin(current) is dict else 0]
    current = _unwrap(current, None)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any, tag: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [m for m in typing.get_args(annotation) if m is not type(None)]
            tagged = [m for m in members if _tagged(m, tag)]
            annotation = (tagged or members)[0]
        else:
            return annotation


def _tagged(member: Any, tag: Any) -> bool:
    """Whether a union member is the one `tag` selects: by its Literal field, or by a pydantic `Tag`."""
    if typing.get_origin(member) is typing.Annotated:
        if any(isinstance(meta, Tag) and meta.tag == tag for meta in typing.get_args(member)[1:]):
            return True
        member = typing.get_args(member)[0]
    return isinstance(member, type) and issubclass(member, BaseModel) and _has_tag(member, tag)


def _has_tag(model: type[BaseModel], tag: Any) -> bool:
    for field in model.model_fields.values():
        if typing.get_origin(field.annotation) is typing.Literal and tag in typing.get_args(field.annotation):
            return True
    return False
