"""`make diff` shows where stacks diverge; the parity test holds every stack to the same resource set."""

from __future__ import annotations

import pytest

from cli.diff import declared_exceptions, diff_plans, main, parity_problems
from cli.offline import Plan, Record
from components.config.errors import ConfigError
from components.config.parity import ParityException
from tests.conftest import FIXTURE_TENANTS, FULL_STACKS, fixture_plan

CLIENT = "auth0:index/client:Client"


def _plan(stack: str, *records: tuple[str, str, dict]) -> Plan:
    return Plan(stack, [Record(f"urn:pulumi:{stack}::ciam::{t}::{n}", t, n, None, False, (), i) for t, n, i in records])


def test_every_stack_plans_the_same_resources_unless_declared():
    plans = {stack: fixture_plan("full", stack) for stack in FULL_STACKS}
    assert parity_problems(plans, declared_exceptions(FIXTURE_TENANTS / "full")) == []


def test_an_undeclared_resource_in_one_stack_breaks_parity():
    plans = {"sandbox": _plan("sandbox", (CLIENT, "ciam-apps-debug", {})), "live": _plan("live")}
    assert parity_problems(plans, []) == [
        "auth0:index/client:Client::ciam-apps-debug: planned by ['sandbox'], expected ['live', 'sandbox']"]


def test_a_declared_exception_allows_exactly_the_declared_stacks():
    plans = {"sandbox": _plan("sandbox", (CLIENT, "ciam-apps-debug", {})), "live": _plan("live")}
    declared = [ParityException(resource=f"{CLIENT}::ciam-apps-debug", stacks=["sandbox"], reason="developers only")]
    assert parity_problems(plans, declared) == []
    stale = [ParityException(resource=f"{CLIENT}::ciam-apps-debug", stacks=["live"], reason="wrong")]
    assert parity_problems(plans, stale) == [
        "auth0:index/client:Client::ciam-apps-debug: planned by ['sandbox'], expected ['live'] "
        "(declared in tenant.yaml parity.exceptions)"]


def test_diff_lists_resources_on_one_side_and_changed_properties():
    dev = _plan("sandbox",
                (CLIENT, "ciam-apps-web", {"callbacks": ["https://sandbox.globex.example/cb"], "name": "web"}),
                (CLIENT, "ciam-apps-debug", {}))
    prod = _plan("live", (CLIENT, "ciam-apps-web", {"callbacks": ["https://www.globex.example/cb"], "name": "web"}))
    diff = diff_plans(dev, prod)
    assert diff.only_before == [f"{CLIENT}::ciam-apps-debug"] and diff.only_after == []
    assert diff.changed == {f"{CLIENT}::ciam-apps-web": [
        ("callbacks[0]", "https://sandbox.globex.example/cb", "https://www.globex.example/cb")]}


def test_make_diff_prints_the_differences_and_exits_0(project, capsys):
    assert main(["--from", "sandbox", "--to", "live"], project.root) == 0
    out = capsys.readouterr().out
    assert "Stack diff: sandbox -> live" in out
    assert '    domain: "id.sandbox.globex.example" -> "id.globex.example"' in out
    assert "    (protect): false -> true" in out


def test_an_overlay_difference_shows_up_in_the_diff(project, capsys):
    project.set_stack_config("preprod", "ciam:tenant", {"friendly_name": "Globex QA"})
    assert main(["--from", "live", "--to", "preprod"], project.root) == 0
    assert '    friendlyName: "Globex Travel" -> "Globex QA"' in capsys.readouterr().out


def test_a_malformed_parity_exception_is_a_config_error(project):
    data = project.blueprint()
    data["parity"] = {"exceptions": [{"resource": "ciam-apps-debug", "stacks": ["sandbox"], "reason": "x"}]}
    project.write_blueprint(data)
    with pytest.raises(ConfigError) as error:
        project.plan("sandbox")
    assert "tenant.yaml" in str(error.value) and "parity.exceptions.0.resource" in str(error.value)
