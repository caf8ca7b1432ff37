"""Invariants of whatever tenant the repository holds (tenant.yaml, Pulumi.<stack>.yaml, assets/).

They hold for any valid tenant, so a team's own edit plus `make snapshots` keeps them green; they fail only for a
real problem: a stack that does not plan, a mandatory production check, stacks that drift apart without a declared
exception, a secret that would reach a plan in plain text. (URN snapshots: test_urn_snapshots.py; the Action and
custom-database JavaScript tests under assets/ run with `make test-js`.)
"""

from __future__ import annotations

from typing import Any

import pytest

from cli.check import check_plan, open_findings, production_problems
from cli.diff import declared_exceptions, parity_problems
from cli.offline import SECRET
from cli.provider_inputs import problems as provider_input_problems
from cli.provider_rules import violations as provider_rule_violations
from cli.render import render_json
from components.config.stacks import stacks
from tests.conftest import PROJECT_DIR, STACKS, load_yaml, shipped_plan

PRODUCTION = [info.name for info in stacks(PROJECT_DIR) if info.is_production]


def _secret_names(node: Any) -> set[str]:
    """Every `{secret: <name>}` reference in a YAML document."""
    if isinstance(node, dict):
        if set(node) == {"secret"} and isinstance(node["secret"], str):
            return {node["secret"]}
        return set().union(*(_secret_names(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_secret_names(item) for item in node))
    return set()


def _secure_values(stack: str) -> dict[str, str]:
    config = (load_yaml((PROJECT_DIR / f"Pulumi.{stack}.yaml").read_text()) or {}).get("config") or {}
    return {key: value["secure"] for key, value in config.items() if isinstance(value, dict) and "secure" in value}


@pytest.mark.parametrize("stack", STACKS)
def test_every_stack_plans(stack):
    plan = shipped_plan(stack)
    assert plan.resources, f"stack {stack}: planned nothing"


@pytest.mark.parametrize("stack", STACKS)
def test_every_stack_plans_inputs_the_provider_takes(stack):
    problems = provider_input_problems(shipped_plan(stack))
    assert not problems, f"{stack}: inputs pulumi-auth0 would refuse:\n" + "\n".join(problems)


@pytest.mark.parametrize("stack", STACKS)
def test_every_shipped_stack_passes_the_terraform_provider_rules(stack):
    found = provider_rule_violations(shipped_plan(stack))
    assert not found, f"{stack}: values terraform-provider-auth0 would refuse at preview:\n" + "\n".join(found)


def test_the_stack_names_and_promotion_order_are_valid():
    order = [info.name for info in stacks(PROJECT_DIR)]  # a bad name, an unknown stack or a cycle raises here
    assert sorted(order) == sorted(STACKS)


@pytest.mark.parametrize("stack", PRODUCTION)
def test_every_production_stack_passes_the_mandatory_checks(stack):
    """Except the open findings an adopted tenant declares in its stack file; `pulumi up` still refuses those."""
    result = check_plan(shipped_plan(stack), "production")
    problems = production_problems(result, open_findings(PROJECT_DIR, stack))
    assert not problems, f"stack {stack} (production), `make check STACK={stack}`:\n" + "\n".join(problems)


def test_stacks_plan_the_same_resources_except_the_declared_exceptions():
    plans = {stack: shipped_plan(stack) for stack in STACKS}
    problems = parity_problems(plans, declared_exceptions(PROJECT_DIR))
    assert not problems, ("stacks differ (declare a reviewed difference under parity.exceptions in tenant.yaml):\n"
                          + "\n".join(problems))


@pytest.mark.parametrize("stack", STACKS)
def test_every_secret_the_tenant_references_is_redacted_in_the_plan(stack):
    plan = shipped_plan(stack)
    text = render_json(plan)
    referenced = _secret_names(load_yaml((PROJECT_DIR / "tenant.yaml").read_text()))
    referenced |= _secret_names(load_yaml((PROJECT_DIR / f"Pulumi.{stack}.yaml").read_text()))
    secure = _secure_values(stack)
    unaccounted = sorted(name for name in referenced if name not in plan.unset_secrets and f"ciam:{name}" not in secure)
    assert not unaccounted, f"stack {stack}: secrets referenced but neither set nor reported unset: {unaccounted}"
    assert "[unset secret" not in text, f"stack {stack}: a secret placeholder reached the plan unredacted"
    for key, ciphertext in secure.items():
        assert ciphertext not in text, f"stack {stack}: {key}'s ciphertext is in the plan"
    if referenced:
        assert SECRET in text, f"stack {stack}: the tenant references secrets but the plan shows no {SECRET}"
