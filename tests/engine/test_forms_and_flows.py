"""Forms, flows and flow vault connections on the b2b-complete fixture: JSON bodies from assets/, references
to other keys resolved to ids (and waited for), credentials secret, and one-line errors for bad input."""

from __future__ import annotations

import json

import pytest

from tests.engine.b2b_fixture import STACKS, B2bProject, b2b_plan

A = "auth0:index/"


@pytest.fixture(params=STACKS)
def plan(request, tmp_path_factory):
    return b2b_plan(request.param, tmp_path_factory)


def _one(plan, type_token: str):
    (record,) = plan.of_type(A + type_token)
    return record


def test_vault_connection_credentials_stay_secret(plan):
    vault = _one(plan, "flowVaultConnection:FlowVaultConnection")
    assert vault.inputs["appId"] == "HTTP" and vault.inputs["name"] == "crm-api", vault.urn
    # A map holding a secret is secret as a whole: the token cannot leak through the plan.
    assert vault.inputs["setup"] == "[secret]", vault.urn


def test_flow_actions_name_the_vault_connection_and_wait_for_it(plan):
    vault, flow = _one(plan, "flowVaultConnection:FlowVaultConnection"), _one(plan, "flow:Flow")
    assert flow.inputs["name"] == "Sync company to CRM", flow.urn
    assert vault.urn in flow.dependencies, f"{flow.urn}: {flow.dependencies}"
    assert "{{ciam." not in json.dumps(flow.inputs), f"{flow.urn}: an unresolved reference was planned"


def test_form_parts_are_planned_from_their_files_and_wait_for_the_flow(plan):
    form, flow = _one(plan, "form:Form"), _one(plan, "flow:Flow")
    assert form.inputs["name"] == "Company details", form.urn
    assert json.loads(form.inputs["start"]) == {"next_node": "step_company", "coordinates": {"x": 0, "y": 0}}
    assert form.inputs["languages"] == [{"primary": "en"}], form.urn
    assert json.loads(form.inputs["messages"][0]["errors"]) == {
        "ERR_REQUIRED_PROPERTY": "Please fill in this field"}, form.urn
    assert flow.urn in form.dependencies, f"{form.urn}: {form.dependencies}"


def test_a_reference_to_an_unknown_flow_names_the_file(tmp_path):
    project = B2bProject(tmp_path)
    nodes = project.root / "assets/forms/company-details-nodes.json"
    nodes.write_text(nodes.read_text().replace("{{ciam.flow.sync-company}}", "{{ciam.flow.sync-compnay}}"))
    message = project.problems(lambda data: None)
    assert ("forms.company-details.nodes: assets/forms/company-details-nodes.json names unknown flow "
            "'sync-compnay' (defined: sync-company)") in message, message


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda d: d["flow_vault_connections"]["crm-api"]["setup"].update(token="plain"),
     "flow_vault_connections.crm-api.setup: setup.token is a credential"),
    (lambda d: d["flow_vault_connections"]["crm-api"]["setup"].update(secret_key="plain"),
     "flow_vault_connections.crm-api.setup: setup.secret_key is a credential"),
    (lambda d: d["forms"]["company-details"].update(nodes="assets/forms/missing.json"),
     "forms.company-details.nodes: file not found"),
    (lambda d: d["forms"]["company-details"].update(stlye="assets/x.json"),
     "did you mean 'style'?"),
    (lambda d: d["flows"]["sync-company"].update(actions="tenant.yaml"),
     "flows.sync-company.actions: tenant.yaml is not JSON"),
])
def test_bad_forms_and_flows_fail_with_their_key_path(tmp_path, edit, expected):
    message = B2bProject(tmp_path).problems(edit)
    assert expected in message, message


def test_an_action_gets_the_ids_of_the_forms_it_renders_and_waits_for_them(plan):
    form = _one(plan, "form:Form")
    (action,) = [r for r in plan.of_type(A + "action:Action") if r.name == "ciam-actions-ask-company"]
    assert '{"forms": {"company-details": ' in action.inputs["code"], action.urn
    assert "/* ciam:config */" not in action.inputs["code"], action.urn
    assert form.urn in action.dependencies, f"{action.urn}: {action.dependencies}"


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda d: d["actions"]["ask-company"].update(forms=["company-detail"]),
     "actions.ask-company.forms.0: unknown form 'company-detail' (defined: company-details)"),
    (lambda d: d["actions"]["crm-sync"].update(forms=["company-details"]),
     "actions.crm-sync.forms: only a post-login Action renders forms; this one runs on post-user-registration"),
    (lambda d: d["actions"]["ask-company"].update(config={"forms": {}}),
     "actions.ask-company.config.forms: 'forms' is reserved"),
])
def test_bad_form_references_in_actions_fail_with_their_key_path(tmp_path, edit, expected):
    message = B2bProject(tmp_path).problems(edit)
    assert expected in message, message
