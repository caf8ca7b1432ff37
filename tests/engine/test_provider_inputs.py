"""The plans of every fixture tenant use only inputs the installed pulumi-auth0 takes, and the check that says so
finds an unknown property, a wrong type and a missing required input, each with its URN and property path."""

from __future__ import annotations

import copy
import dataclasses

import pytest

from cli.offline import Plan
from cli.provider_inputs import problems
from tests.conftest import fixture_plan, fixture_stacks

TENANTS = ("minimal", "full", "b2c-complete", "b2b-complete")
STACKS = [(tenant, stack) for tenant in TENANTS for stack in fixture_stacks(tenant)]


@pytest.mark.parametrize(("tenant", "stack"), STACKS)
def test_every_fixture_plan_uses_only_inputs_the_provider_takes(tenant, stack):
    found = problems(fixture_plan(tenant, stack))
    assert not found, f"{tenant}/{stack}:\n" + "\n".join(found)


def _with_changed_client(change, type_token: str = "auth0:index/client:Client") -> tuple[Plan, str]:
    plan = fixture_plan("full", fixture_stacks("full")[0])
    client = next(r for r in plan.resources if r.type == type_token)
    inputs = copy.deepcopy(client.inputs)
    change(inputs)
    changed = [dataclasses.replace(r, inputs=inputs) if r is client else r for r in plan.resources]
    return Plan(stack=plan.stack, resources=changed), client.urn


@pytest.mark.parametrize(("change", "expected"), [
    (lambda i: i.update(callbackUrls=["https://x.example"]), "callbackUrls: not an input of ClientArgs"),
    (lambda i: i.setdefault("jwtConfiguration", {}).update(lifetimeInSeconds="an hour"),
     "jwtConfiguration.lifetimeInSeconds: expected int, got str"),
    (lambda i: i.setdefault("jwtConfiguration", {}).update(lifetime=3600),
     "jwtConfiguration.lifetime: not an input of ClientJwtConfigurationArgs"),
    (lambda i: i.update(callbacks="https://x.example"), "callbacks: expected Sequence"),
])
def test_an_input_the_provider_would_refuse_is_named_with_its_urn_and_path(change, expected):
    plan, urn = _with_changed_client(change)
    found = problems(plan)
    assert any(line.startswith(urn) and expected in line for line in found), f"{expected!r} not in {found}"


def test_a_missing_required_input_is_named():
    plan, urn = _with_changed_client(lambda i: i.pop("strategy"), "auth0:index/connection:Connection")
    assert f"{urn}: strategy: required by ConnectionArgs, not set" in problems(plan)


def test_secret_and_computed_stand_ins_are_not_type_errors():
    plan, _urn = _with_changed_client(lambda i: i.update(name="[secret]", description="[computed]"))
    assert problems(plan) == []


def test_the_cli_exits_1_and_names_each_problem(monkeypatch, capsys):
    import cli.offline
    from cli.provider_inputs import main

    broken, urn = _with_changed_client(lambda i: i.update(callbackUrls=["https://x.example"]))
    monkeypatch.setattr(cli.offline, "run_program", lambda _dir, _stack: broken)
    assert main(["--stack", broken.stack]) == 1
    out, err = capsys.readouterr()
    assert out.startswith(f"{urn}: callbackUrls: not an input of ClientArgs"), out
    assert f"{broken.stack}: {len(broken.resources)} resources, 1 input problems" in err, err
    clean = fixture_plan("full", fixture_stacks("full")[0])
    monkeypatch.setattr(cli.offline, "run_program", lambda _dir, _stack: clean)
    assert main(["--stack", clean.stack]) == 0
