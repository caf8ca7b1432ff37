"""Actions on every trigger Auth0 offers: each has its trigger version, the bindable ones are the triggers
pulumi_auth0's TriggerActions takes, several Actions bind in declared order, and custom-token-exchange is
never bound (the full fixture tenant)."""

from __future__ import annotations

import inspect
import typing

import pulumi_auth0 as auth0

from components.config.actions import TRIGGER_VERSIONS, UNBOUND_TRIGGERS, Trigger
from tests.conftest import fixture_plan

ACTION = "auth0:index/action:Action"
TRIGGER_ACTIONS = "auth0:index/triggerActions:TriggerActions"


def test_every_trigger_has_a_version():
    assert set(typing.get_args(Trigger)) == set(TRIGGER_VERSIONS), "a trigger without a version (or the reverse)"


def test_every_bound_trigger_is_one_the_provider_binds():
    documented = inspect.getdoc(auth0.TriggerActionsArgs.__init__) or ""
    trigger_doc = next(line for line in documented.splitlines() if ":param" in line and " trigger:" in line)
    for trigger in set(TRIGGER_VERSIONS) - set(UNBOUND_TRIGGERS):
        assert f"`{trigger}`" in trigger_doc, f"TriggerActions does not list {trigger}: {trigger_doc}"


def test_several_actions_bind_in_declared_order_and_token_exchange_stays_unbound():
    plan = fixture_plan("full", "live")
    bindings = {r.inputs["trigger"]: [a["displayName"] for a in r.inputs["actions"]]
                for r in plan.of_type(TRIGGER_ACTIONS)}
    assert bindings["post-login"] == ["Travel claims", "Step-up for new countries"], bindings
    assert "custom-token-exchange" not in bindings, bindings
    (exchange,) = [r for r in plan.of_type(ACTION) if r.inputs["supportedTriggers"]["id"] == "custom-token-exchange"]
    assert exchange.inputs["supportedTriggers"]["version"] == "v1", exchange.urn
    assert "https://agents.globex.example" in exchange.inputs["code"], f"{exchange.urn}: config not written in"


def test_binding_a_token_exchange_action_is_refused(project):
    data = project.blueprint()
    data["actions"]["partner-token-exchange"]["bind"] = True
    project.write_blueprint(data)
    problems = "\n".join(project.problems())
    assert "actions.partner-token-exchange.bind: Auth0 binds no Action to custom-token-exchange" in problems, problems
