"""The offline runner's shortcuts through the SDK (cli/lean_sdk.py) change nothing a plan shows: every record
(inputs, secrets, dependencies, aliases, providers) and every stack output is what the stock runtime gives, and
each property type it resolves on its own is the one the stock runtime computes for the whole class; its check for
unknowns answers as the stock one does and leaves no garbage for the collector, which is off during a plan."""

from __future__ import annotations

import contextlib
import gc
import inspect

import pulumi
import pulumi_auth0
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pulumi import _types
from pulumi.output import Unknown
from pulumi.runtime import resource as runtime_resource
from pulumi.runtime import rpc

import cli.offline
from cli import lean_sdk
from cli.offline import run_program
from tests.conftest import FULL, FULL_STACKS, assert_same_plan, fixture_copy


def test_the_shortcuts_apply_to_the_installed_sdk():
    assert lean_sdk.applies(), (
        f"pulumi is not {lean_sdk.SDK_VERSION}: the offline plan runs the stock runtime (correct, slower); "
        "check cli/lean_sdk.py against the new SDK's rpc.transfer_properties / serialize_properties and update "
        "SDK_VERSION")


def test_the_stock_functions_are_back_after_a_plan():
    def current():
        return (rpc.serialize_properties, rpc.transfer_properties, rpc.contains_unknowns, _types.unwrap_type,
                _types.input_type_types, _types.output_type_types, _types.resource_types,
                runtime_resource._get_stack_trace)

    stock = current()
    fixture_copy(FULL).plan(FULL_STACKS[0])
    assert current() == stock, "an in-process caller after a plan (a test, `pulumi up` in the same process) " \
        "must get the stock SDK back"


@pytest.mark.parametrize("stack", FULL_STACKS)
def test_plan_is_the_stock_runtimes(stack, monkeypatch):
    project = fixture_copy(FULL).root
    lean = run_program(project, stack)
    monkeypatch.setattr(cli.offline, "lean_sdk", contextlib.nullcontext)
    stock = run_program(project, stack)
    assert_same_plan(lean, stock, "the stock runtime's")


def _sdk_classes(is_kind) -> list[type]:
    modules = {module for name, module in vars(pulumi_auth0).items() if inspect.ismodule(module)}
    found = {value for module in modules for value in vars(module).values()
             if inspect.isclass(value) and value.__module__.startswith("pulumi_auth0") and is_kind(value)}
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


@pytest.mark.parametrize(("lean_types", "stock_types", "is_kind"), [
    (lean_sdk._resource_types, _types.resource_types, lambda cls: issubclass(cls, pulumi.Resource)),
    (lean_sdk._input_type_types, _types.input_type_types, _types.is_input_type),
    (lean_sdk._output_type_types, _types.output_type_types, _types.is_output_type),
], ids=["resources", "input types", "output types"])
def test_property_types_resolved_one_at_a_time_are_the_stock_ones(lean_types, stock_types, is_kind):
    # Every class of the SDK: what the plan's per-property resolution gives for each Pulumi name is what the
    # stock runtime computes for the whole class at once (including a name it leaves out).
    classes = _sdk_classes(is_kind)
    assert len(classes) > 50, classes[:3]
    for cls in classes:
        stock, lean = stock_types(cls), lean_types(cls)
        names = {pulumi_name for _, pulumi_name, _ in _types._py_properties(cls)} | set(stock)
        differing = [name for name in sorted(names) if lean.get(name) != stock.get(name)]
        assert differing == [], f"{cls.__module__}.{cls.__qualname__}: {differing[:3]}"
        assert dict(lean) == stock, f"{cls.__module__}.{cls.__qualname__}"


_STOCK_CONTAINS_UNKNOWNS = rpc.contains_unknowns  # outside a plan, the stock function
_UNKNOWN = Unknown()
_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=3) | st.just(_UNKNOWN),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=2), inner, max_size=4),
    max_leaves=12)


@given(_values)
def test_the_check_for_unknowns_answers_as_the_stock_one(value):
    # The same value twice in one container: the stock walk skips what it has seen, so sharing changes nothing.
    for candidate in (value, [value, value], {"a": value, "b": [value]}):
        assert lean_sdk._contains_unknowns(candidate) == _STOCK_CONTAINS_UNKNOWNS(candidate), candidate


def test_the_check_for_unknowns_ends_on_a_value_that_contains_itself():
    looped: list = [1, {"k": "v"}]
    looped.append(looped)
    assert lean_sdk._contains_unknowns(looped) is _STOCK_CONTAINS_UNKNOWNS(looped) is False
    looped.append(_UNKNOWN)
    assert lean_sdk._contains_unknowns(looped) is _STOCK_CONTAINS_UNKNOWNS(looped) is True


@pytest.mark.parametrize(("check", "leaves_garbage"), [
    (lean_sdk._contains_unknowns, False),
    (_STOCK_CONTAINS_UNKNOWNS, True),  # the control: the stock closure is a cycle per call
], ids=["lean", "stock"])
def test_the_check_for_unknowns_leaves_no_garbage_for_the_collector(check, leaves_garbage):
    # A plan runs it for every property it resolves, with the collector off (cli/batch_gc.py): a cycle per call
    # would stay in memory until the process ends.
    value = {"callbacks": ["https://a.example/cb"], "jwt": {"alg": "RS256"}, "grants": [{"scopes": ["read"]}]}
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for _ in range(100):
            check(value)
        collected = gc.collect()
    finally:
        if enabled:
            gc.enable()
    assert (collected > 0) is leaves_garbage, f"{check.__module__}.{check.__qualname__}: {collected} objects " \
        "of cyclic garbage after 100 checks"
