"""User authorization: Actions (namespaced claims), their trigger bindings, and the errors a bad blueprint gets."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from cli.offline import SECRET
from components.authorization.actions import code_with_config
from components.config.actions import CONFIG_PLACEHOLDER

ACTION = "auth0:index/action:Action"
TRIGGER_ACTIONS = "auth0:index/triggerActions:TriggerActions"


def action_named(plan, key: str):
    [record] = [r for r in plan.of_type(ACTION) if r.name == f"ciam-actions-{key}"]
    return record


def edit_actions(project, change) -> None:
    data = project.blueprint()
    change(data["actions"])
    project.write_blueprint(data)


def test_every_stack_deploys_the_shipped_actions_on_node22(stack_plan):
    actions = {r.name: r for r in stack_plan.of_type(ACTION)}
    assert set(actions) == {"ciam-actions-token-claims", "ciam-actions-loyalty-signup", "ciam-actions-risk-check",
                            "ciam-actions-partner-token-exchange"}, stack_plan.stack
    for record in actions.values():
        assert record.inputs["runtime"] == "node22", record.urn
        assert record.inputs["deploy"] is True, record.urn
    claims = actions["ciam-actions-token-claims"]
    assert claims.inputs["supportedTriggers"] == {"id": "post-login", "version": "v3"}, claims.urn


def test_claims_from_the_blueprint_are_written_into_the_action_code(prod_plan):
    record = action_named(prod_plan, "token-claims")
    code = record.inputs["code"]
    assert CONFIG_PLACEHOLDER not in code, f"{record.urn}: placeholder left in the deployed code"
    assert '"namespace": "https://globex.example/claims/"' in code, record.urn
    assert '"app_metadata": ["loyalty_tier", "member_number"]' in code, record.urn
    assert record.inputs.get("secrets") is None, f"{record.urn}: claim settings must not travel as secrets"


@pytest.mark.skipif(shutil.which("node") is None, reason="node is needed to run the deployed Action code")
def test_the_deployed_post_login_code_adds_the_configured_claims(prod_plan, tmp_path):
    deployed = tmp_path / "deployed.js"
    deployed.write_text(action_named(prod_plan, "token-claims").inputs["code"])
    script = f"""
      const action = require({json.dumps(str(deployed))});
      const set = {{}};
      const api = {{ idToken: {{ setCustomClaim: (n, v) => {{ set[n] = v; }} }},
                    accessToken: {{ setCustomClaim: () => {{}} }} }};
      action.onExecutePostLogin({{ user: {{ app_metadata: {{ loyalty_tier: 'gold', secret_flag: 1 }} }},
                                  authorization: {{ roles: ['admin'] }} }}, api)
        .then(() => console.log(JSON.stringify(set)));
    """
    result = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == {
        "https://globex.example/claims/roles": ["admin"],
        "https://globex.example/claims/loyalty_tier": "gold",
    }


def test_action_secrets_are_references_and_stay_secret(prod_plan):
    record = action_named(prod_plan, "loyalty-signup")
    assert record.inputs["secrets"] == [{"name": "CRM_API_KEY", "value": SECRET}], record.urn
    assert "loyalty_api_key" in prod_plan.unset_secrets


def test_per_stack_config_reaches_the_code(stack_plan):
    record = action_named(stack_plan, "loyalty-signup")
    expected = {"sandbox": "loyalty.sandbox.globex.example", "preprod": "loyalty.preprod.globex.example",
                "live": "loyalty.globex.example"}
    assert f"https://{expected[stack_plan.stack]}/enrol" in record.inputs["code"], record.urn


def test_each_trigger_binds_its_actions_in_declared_order(project):
    def add_second_post_login(actions):
        actions["deny-unverified"] = {"trigger": "post-login", "code": "assets/actions/token-claims.js"}
        actions["not-yet-live"] = {"trigger": "post-login", "code": "assets/actions/token-claims.js", "bind": False}
    edit_actions(project, add_second_post_login)
    plan = project.plan("live")
    bindings = {r.name: r for r in plan.of_type(TRIGGER_ACTIONS)}
    post_login = bindings["ciam-actions-post-login"]
    assert [a["id"] for a in post_login.inputs["actions"]] == [
        "ciam-actions-token-claims-id", "ciam-actions-risk-check-id", "ciam-actions-deny-unverified-id",
    ], post_login.urn
    assert action_named(plan, "not-yet-live"), "an unbound action is still deployed"
    assert bindings["ciam-actions-post-user-registration"].inputs["trigger"] == "post-user-registration"


def test_declared_dependencies_are_pinned_on_the_action(project):
    edit_actions(project, lambda actions: actions["loyalty-signup"].update(dependencies={"axios": "1.7.9"}))
    record = action_named(project.plan("live"), "loyalty-signup")
    assert record.inputs["dependencies"] == [{"name": "axios", "version": "1.7.9"}], record.urn


def test_a_dependency_range_is_an_error(project):
    edit_actions(project, lambda actions: actions["loyalty-signup"].update(dependencies={"axios": "^1.7.0"}))
    [line] = project.problems()
    assert "actions.loyalty-signup.dependencies.axios: expected an exact version" in line, line


def test_an_unknown_trigger_lists_the_supported_ones(project):
    edit_actions(project, lambda actions: actions["loyalty-signup"].update(trigger="pre-login"))
    [line] = project.problems()
    assert "actions.loyalty-signup.trigger: expected one of" in line and "'post-change-password'" in line, line


@pytest.mark.parametrize("namespace, reason", [
    ("acme-claims", "expected an http(s) URL"),
    ("https://acme.auth0.com/", "must not be on auth0.com"),
    ("https://auth0.com/claims", "must not be on auth0.com"),
    ("https://sandbox.webtask.io/", "must not be on webtask.io"),
    ("https://x.webtask.run/", "must not be on webtask.run"),
])
def test_a_claim_namespace_auth0_would_reject_is_an_error(project, namespace, reason):
    edit_actions(project, lambda actions: actions["token-claims"]["claims"].update(namespace=namespace))
    [line] = project.problems()
    assert line.startswith("tenant.yaml:"), line
    assert "actions.token-claims.claims.namespace:" in line and reason in line, line


def test_a_namespace_that_only_contains_auth0_in_its_name_is_fine(project):
    edit_actions(project, lambda actions: actions["token-claims"]["claims"].update(namespace="https://notauth0.com/"))
    assert '"namespace": "https://notauth0.com/"' in action_named(project.plan("live"), "token-claims").inputs["code"]


def test_the_same_claim_twice_is_an_error(project):
    edit_actions(project, lambda actions: actions["token-claims"]["claims"].update(user_metadata=["loyalty_tier"]))
    [line] = project.problems()
    assert "actions.token-claims.claims: claim names must be distinct; loyalty_tier would be set twice" in line, line


def test_claims_on_an_action_that_is_not_post_login_is_an_error(project):
    def move(actions):
        actions["loyalty-signup"]["claims"] = {"namespace": "https://globex.example/claims/"}
    edit_actions(project, move)
    [line] = project.problems()
    assert "actions.loyalty-signup.claims: only a post-login Action adds claims" in line, line


def test_config_for_code_without_the_placeholder_is_an_error(project):
    (project.root / "assets/actions/plain.js").write_text("exports.onExecutePostLogin = async () => {};\n")
    edit_actions(project, lambda actions: actions["token-claims"].update(code="assets/actions/plain.js"))
    [line] = project.problems()
    assert "actions.token-claims.code: assets/actions/plain.js has no" in line and CONFIG_PLACEHOLDER in line, line


def test_a_plain_text_action_secret_is_refused(project):
    edit_actions(project, lambda actions: actions["loyalty-signup"]["secrets"].update(CRM_API_KEY="hunter2"))
    [line] = project.problems()
    assert "actions.loyalty-signup.secrets.CRM_API_KEY: a plain-text value is not allowed here" in line, line


def test_config_is_written_as_a_javascript_literal():
    code = f"const CONFIG = {CONFIG_PLACEHOLDER};\n"
    rendered = code_with_config(code, {"b": "line\u2028break", "a": 1})
    assert rendered == 'const CONFIG = {"a": 1, "b": "line\\u2028break"};\n'
    assert code_with_config(code, {}) == code
