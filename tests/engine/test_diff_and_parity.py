"""`make diff` shows where stacks diverge; the parity test holds every stack to the same resource set."""

from __future__ import annotations

import pytest

from cli.diff import declared_exceptions, diff_plans, main, parity_problems
from cli.offline import Plan, Record
from components.config.errors import ConfigError
from components.config.parity import ParityException
from tests.conftest import PROJECT_DIR, STACKS, shipped_plan

CLIENT = "auth0:index/client:Client"


def _plan(stack: str, *records: tuple[str, str, dict]) -> Plan:
    return Plan(stack, [Record(f"urn:pulumi:{stack}::ciam::{t}::{n}", t, n, None, False, (), i) for t, n, i in records])


def test_every_stack_plans_the_same_resources_unless_declared():
    plans = {stack: shipped_plan(stack) for stack in STACKS}
    assert parity_problems(plans, declared_exceptions(PROJECT_DIR)) == []


def test_an_undeclared_resource_in_one_stack_breaks_parity():
    plans = {"dev": _plan("dev", (CLIENT, "ciam-apps-debug", {})), "prod": _plan("prod")}
    assert parity_problems(plans, []) == [
        "auth0:index/client:Client::ciam-apps-debug: planned by ['dev'], expected ['dev', 'prod']"]


def test_a_declared_exception_allows_exactly_the_declared_stacks():
    plans = {"dev": _plan("dev", (CLIENT, "ciam-apps-debug", {})), "prod": _plan("prod")}
    declared = [ParityException(resource=f"{CLIENT}::ciam-apps-debug", stacks=["dev"], reason="developers only")]
    assert parity_problems(plans, declared) == []
    stale = [ParityException(resource=f"{CLIENT}::ciam-apps-debug", stacks=["prod"], reason="wrong")]
    assert parity_problems(plans, stale) == [
        "auth0:index/client:Client::ciam-apps-debug: planned by ['dev'], expected ['prod'] "
        "(declared in tenant.yaml parity.exceptions)"]


def test_diff_lists_resources_on_one_side_and_changed_properties():
    dev = _plan("dev", (CLIENT, "ciam-apps-web", {"callbacks": ["https://dev.acme.example/cb"], "name": "web"}),
                (CLIENT, "ciam-apps-debug", {}))
    prod = _plan("prod", (CLIENT, "ciam-apps-web", {"callbacks": ["https://www.acme.example/cb"], "name": "web"}))
    diff = diff_plans(dev, prod)
    assert diff.only_before == [f"{CLIENT}::ciam-apps-debug"] and diff.only_after == []
    assert diff.changed == {f"{CLIENT}::ciam-apps-web": [
        ("callbacks[0]", "https://dev.acme.example/cb", "https://www.acme.example/cb")]}


def test_make_diff_dev_to_prod_prints_the_differences_and_exits_0(capsys):
    assert main(["--from", "dev", "--to", "prod"]) == 0
    out = capsys.readouterr().out
    assert "Stack diff: dev -> prod" in out
    assert '    domain: "login.dev.acme.example" -> "login.acme.example"' in out
    assert "    (protect): false -> true" in out


def test_an_overlay_difference_shows_up_in_the_diff(project, capsys):
    project.set_stack_config("qa", "ciam:tenant", {"friendly_name": "Acme QA"})
    assert main(["--from", "prod", "--to", "qa"], project.root) == 0
    assert '    friendlyName: "Acme" -> "Acme QA"' in capsys.readouterr().out


def test_a_malformed_parity_exception_is_a_config_error(project):
    data = project.blueprint()
    data["parity"] = {"exceptions": [{"resource": "ciam-apps-debug", "stacks": ["dev"], "reason": "x"}]}
    project.write_blueprint(data)
    with pytest.raises(ConfigError) as error:
        project.plan("dev")
    assert "tenant.yaml" in str(error.value) and "parity.exceptions.0.resource" in str(error.value)
