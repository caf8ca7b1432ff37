"""Offline-only shortcuts through the Pulumi SDK's per-resource bookkeeping, active while `run_program` runs.

A typed SDK class hands the runtime every property it declares (about 70 for an auth0.Client, most of them
None). For each one the stock runtime serializes it, only to drop it when it is None, and makes an Output from
four futures and a task that it tracks until the program ends. The plan gets the same results cheaper:
- None top-level inputs are skipped before serialization rather than dropped after it;
- a property's Output is one future holding its whole state, resolved by the registration (as the SDK already
  does for `urn` and `id`), and is not tracked on its own: the registration that resolves it is;
- the unwrapping of a type annotation (`Input[Optional[T]]` to `T`) is computed once per annotation;
- a class's property types (for output translation and input serialization) are resolved one property at a
  time, when a value of that property is first translated, rather than all of them (about 70 `get_type_hints`
  calls for an auth0.Client) the first time any one is; a class an annotation quotes from a module whose
  classes are created on first use (cli/lazy_classes.py) is created as the annotation is resolved;
- no source position is captured (the SDK extracts the whole call stack for every resource): a recorded plan
  carries none;
- the check for unknowns inside a value (run for every property the registration resolves) walks it without
  defining a recursive closure per call: each one is a reference cycle (the function, its cell, its `set[int]`
  annotation) that only the collector frees, and the collector is off during a plan (cli/batch_gc.py).

Nothing here runs under `pulumi up`. The shortcuts are written against one SDK version; with any other the
stock runtime runs unchanged (slower, same plan). tests/engine/test_lean_sdk.py compares the two.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import sys
from collections.abc import Iterator, Mapping
from typing import Any, get_type_hints

from pulumi import _types, _version
from pulumi.output import Output, _OutputData
from pulumi.runtime import known_types, rpc
from pulumi.runtime import resource as runtime_resource

SDK_VERSION = "3.272.0"  # the pulumi version whose internals these replacements mirror


def applies() -> bool:
    """Whether the installed SDK is the one the shortcuts were written against."""
    return _version._VERSION == SDK_VERSION


_stock_serialize_properties = rpc.serialize_properties
_stock_unwrap_type = _types.unwrap_type


async def _serialize_properties(inputs, property_deps, *args, **kwargs):
    if type(inputs) is dict:
        inputs = {key: value for key, value in inputs.items() if value is not None}
    return await _stock_serialize_properties(inputs, property_deps, *args, **kwargs)


def _resolve(resource, data: asyncio.Future, value: Any, is_known: bool, is_secret: bool, deps, failed) -> None:
    # The stock resolver's arguments and outcome, into the one future an Output reads.
    if failed is not None:
        data.set_exception(failed)
        return
    resources = set(deps) if deps else set()
    resources.add(resource)
    data.set_result(_OutputData(resources=resources, value=value, is_known=is_known, is_secret=is_secret))


def _transfer_properties(res, props, custom: bool) -> dict[str, Any]:
    resolvers = {}
    for name in props:
        if name == "urn" or (name == "id" and custom):
            continue
        data = asyncio.Future()
        resolvers[name] = functools.partial(_resolve, res, data)
        output = object.__new__(Output)
        output._data = data
        res.__dict__[name] = output
    return resolvers


_unwrapped: dict[Any, Any] = {}


def _unwrap_type(annotation):
    try:
        return _unwrapped[annotation]
    except KeyError:
        unwrapped = _unwrapped[annotation] = _stock_unwrap_type(annotation)
        return unwrapped
    except TypeError:  # an unhashable annotation
        return _stock_unwrap_type(annotation)


class _PropertyTypes(Mapping):
    """What `_types._types_from_py_properties(cls)` returns (Pulumi name to the unwrapped return annotation of
    its getter, `Output` itself left out), each entry resolved on first use; `base` holds entries the class's
    properties override, as `resource_types` merges its annotation types under them."""

    def __init__(self, cls: type, base: Mapping[str, Any] | None = None):
        self._cls = cls
        self._base = base or {}
        self._getters: dict[str, list] = {}
        for _, pulumi_name, prop in _types._py_properties(cls):
            self._getters.setdefault(pulumi_name, []).append(prop.fget)
        self._resolved: dict[str, Any] = {}
        self._namespaces: _Namespaces | None = None

    def _own(self, pulumi_name: str) -> Any:
        try:
            return self._resolved[pulumi_name]
        except KeyError:
            pass
        if self._namespaces is None:
            self._namespaces = _namespaces_of(self._cls)
        hint = None
        for getter in self._getters.get(pulumi_name, ()):  # the last getter with a return annotation wins
            hint = self._namespaces.return_hint(getter) or hint
        typ = _MISSING if hint is None else _types.unwrap_type(hint)
        self._resolved[pulumi_name] = _MISSING if typ is Output else typ
        return self._resolved[pulumi_name]

    def __getitem__(self, pulumi_name: str) -> Any:
        typ = self._own(pulumi_name) if pulumi_name in self._getters else _MISSING
        if typ is _MISSING:
            return self._base[pulumi_name]
        return typ

    def __iter__(self) -> Iterator[str]:
        return iter([name for name in {**dict.fromkeys(self._base), **dict.fromkeys(self._getters)} if name in self])

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, pulumi_name: object) -> bool:
        try:
            self[pulumi_name]  # type: ignore[index]
        except KeyError:
            return False
        return True


_MISSING = object()


class _Namespaces:
    """The names a class's annotations resolve with, as `_types._raw_return_hints` gives them (the globals of the
    modules of its bases, `Output` and `T`), and each postponed annotation string resolved once: the SDK's
    getters repeat a few hundred of them (`pulumi.Output[Optional[_builtins.str]]`) over thousands."""

    def __init__(self, cls: type):
        self.globalns = _types._globals_for_cls(cls)
        self.localns = _AnnotationNames(cls, self.globalns)
        self._strings: dict[str, Any] = {}

    def return_hint(self, getter) -> Any:
        annotation = getter.__annotations__.get("return")
        postponed = type(annotation) is str
        if postponed and annotation in self._strings:
            return self._strings[annotation]
        hint = get_type_hints(getter, globalns=self.globalns, localns=self.localns).get("return")
        if postponed:
            self._strings[annotation] = hint
        return hint


def _namespaces_of(cls: type) -> _Namespaces:
    # Classes whose bases come from the same modules resolve a string the same way: they share one.
    modules = tuple(base.__module__ for base in cls.__mro__)
    try:
        return _NAMESPACES[modules]
    except KeyError:
        namespaces = _NAMESPACES[modules] = _Namespaces(cls)
        return namespaces


_NAMESPACES: dict[tuple[str, ...], _Namespaces] = {}


class _AnnotationNames(Mapping):
    """The local names the stock runtime gives a property annotation (`Output`, and `T` for `Input`), and a class
    an annotation quotes that its module leaves to a lazily created SDK module (`__lazy_sources__`, set by
    cli/lazy_classes.py and cli/lean_auth0.py), created as it is resolved; its module's own names come first."""

    _FIXED = {"Output": Output, "T": type(None)}

    def __init__(self, cls: type, globalns: Mapping[str, Any]):
        self._globalns = globalns
        self._sources = [source for base in getattr(cls, "__mro__", (cls,))  # a class, or an SDK function
                         for source in getattr(sys.modules.get(base.__module__), "__lazy_sources__", ())]

    def __getitem__(self, name: str) -> Any:
        if name in self._FIXED:
            return self._FIXED[name]
        if name not in self._globalns:
            for source in self._sources:
                if name in source.__lazy_names__:
                    return getattr(source, name)
        raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._FIXED)

    def __len__(self) -> int:
        return len(self._FIXED)


@functools.cache
def _input_type_types(input_type_cls: type) -> Mapping[str, Any]:
    assert _types.is_input_type(input_type_cls)
    return _PropertyTypes(input_type_cls)


@functools.cache
def _output_type_types(output_type_cls: type) -> Mapping[str, Any]:
    assert _types.is_output_type(output_type_cls)
    return _PropertyTypes(output_type_cls)


@functools.cache
def _resource_types(resource_cls: type) -> Mapping[str, Any]:
    return _PropertyTypes(resource_cls, _types._types_from_annotations(resource_cls))


def _contains_unknowns(value: Any) -> bool:
    return _unknown_within(value, set())


def _unknown_within(value: Any, seen_ids: set[int]) -> bool:
    # rpc.contains_unknowns's walk, step for step, as a module function rather than a closure.
    if known_types.is_unknown(value):
        return True
    value_id = id(value)
    if value_id in seen_ids:
        return False
    seen_ids.add(value_id)
    if isinstance(value, dict):
        return any(_unknown_within(value[key], seen_ids) for key in value)
    if isinstance(value, list):
        return any(_unknown_within(item, seen_ids) for item in value)
    return False


def _no_stack_trace():
    return runtime_resource.source_pb2.StackTrace()


_REPLACEMENTS = (
    (rpc, "serialize_properties", _serialize_properties),
    (rpc, "transfer_properties", _transfer_properties),
    (rpc, "contains_unknowns", _contains_unknowns),
    (_types, "unwrap_type", _unwrap_type),
    (_types, "input_type_types", _input_type_types),
    (_types, "output_type_types", _output_type_types),
    (_types, "resource_types", _resource_types),
)


@contextlib.contextmanager
def lean_sdk():
    """The shortcuts for the duration of one plan, the stock functions restored afterwards."""
    replacements = [(runtime_resource, "_get_stack_trace", _no_stack_trace)]
    if applies():
        replacements += _REPLACEMENTS
    stock = [(module, name, getattr(module, name)) for module, name, _ in replacements]
    for module, name, replacement in replacements:
        setattr(module, name, replacement)
    try:
        yield
    finally:
        for module, name, original in stock:
            setattr(module, name, original)
