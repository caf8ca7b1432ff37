"""Token exchange profiles, user attribute profiles and the Okta Express Configuration that names one, on the
b2b-complete fixture: planned values, what waits for what, and one-line errors for bad input."""

from __future__ import annotations

import pytest

from tests.engine.b2b_fixture import STACKS, B2bProject, b2b_plan

A = "auth0:index/"


@pytest.fixture(params=STACKS)
def plan(request, tmp_path_factory):
    return b2b_plan(request.param, tmp_path_factory)


def _named(plan, type_token: str, name: str):
    return {r.name: r for r in plan.of_type(A + type_token)}[name]


def test_the_token_exchange_profile_names_its_action_and_waits_for_it(plan):
    (profile,) = plan.of_type(A + "tokenExchangeProfile:TokenExchangeProfile")
    action = _named(plan, "action:Action", "ciam-actions-partner-token")
    assert profile.inputs["subjectTokenType"] == "urn:partner-example:gateway-token", profile.urn
    assert profile.inputs["type"] == "custom_authentication" and profile.inputs["name"] == "Partner gateway token"
    assert action.urn in profile.dependencies, f"{profile.urn}: {profile.dependencies}"
    assert action.inputs["supportedTriggers"] == {"id": "custom-token-exchange", "version": "v1"}, action.urn


def test_a_custom_token_exchange_action_is_never_bound_to_a_trigger(plan):
    triggers = {record.inputs["trigger"] for record in plan.of_type(A + "triggerActions:TriggerActions")}
    assert "custom-token-exchange" not in triggers, sorted(triggers)


def test_the_user_attribute_profile_keeps_attribute_order_and_mappings(plan):
    (profile,) = plan.of_type(A + "userAttributeProfile:UserAttributeProfile")
    assert [a["name"] for a in profile.inputs["userAttributes"]] == ["email", "given_name"], profile.urn
    email, given_name = profile.inputs["userAttributes"]
    assert email["samlMappings"] == ["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"]
    assert email["oidcMapping"] == {"mapping": "email", "displayName": "Email"}, profile.urn
    assert given_name["strategyOverrides"] == [{"strategy": "samlp", "samlMappings": ["firstName"]}], profile.urn
    assert profile.inputs["userId"] == {"oidcMapping": "sub",
                                        "strategyOverrides": [{"strategy": "waad", "oidcMapping": "oid"}]}


def test_express_configuration_names_the_profile_and_linked_clients_by_id(plan):
    account = _named(plan, "client:Client", "ciam-applications-account")
    profile = _named(plan, "userAttributeProfile:UserAttributeProfile", "ciam-user-attribute-profiles-workforce")
    mobile = _named(plan, "client:Client", "ciam-applications-mobile")
    express = account.inputs["expressConfiguration"]
    assert express["initiateLoginUriTemplate"].endswith("/account/login?organization={organization_id}")
    assert express["connectionProfileId"].startswith("cop_acme") and express["enableOrganization"] is True
    assert len(express["linkedClients"]) == 1, account.urn
    assert {profile.urn, mobile.urn} <= set(account.dependencies), f"{account.urn}: {account.dependencies}"


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda d: d["token_exchange_profiles"]["partner-gateway-token"].update(action="crm-sync"),
     "token_exchange_profiles.partner-gateway-token.action: action 'crm-sync' runs on post-user-registration; "
     "a token exchange profile needs trigger: custom-token-exchange"),
    (lambda d: d["token_exchange_profiles"]["partner-gateway-token"].update(action="partner-tokn"),
     "token_exchange_profiles.partner-gateway-token.action: unknown action 'partner-tokn'"),
    (lambda d: d["token_exchange_profiles"]["partner-gateway-token"].update(subject_token_type="urn:ietf:x"),
     "urn:ietf:... is reserved by Auth0"),
    (lambda d: d["token_exchange_profiles"]["partner-gateway-token"].update(subject_token_type="gateway"),
     "expected a URI you own starting with https:// or urn:"),
    (lambda d: d["token_exchange_profiles"]["partner-gateway-token"].update(subject_type="urn:a:b"),
     "did you mean 'subject_token_type'?"),
    (lambda d: d["actions"]["partner-token"].update(bind=True),
     "actions.partner-token.bind: Auth0 binds no Action to custom-token-exchange"),
    (lambda d: d["user_attribute_profiles"]["workforce"]["user_attributes"]["email"].update(lable="x"),
     "did you mean 'label'?"),
    (lambda d: d["user_attribute_profiles"]["workforce"]["user_attributes"]["email"].update(saml_mapping=[]),
     "user_attribute_profiles.workforce.user_attributes.email.saml_mapping"),
    (lambda d: d["user_attribute_profiles"]["workforce"]["user_id"]["strategy_overrides"].update(
        facebook={"oidc_mapping": "sub"}), "user_attribute_profiles.workforce.user_id.strategy_overrides.facebook"),
    (lambda d: d["applications"]["account"]["express_configuration"].update(user_attribute_profile="workfrce"),
     "applications.account.express_configuration.user_attribute_profile: unknown user attribute profile "
     "'workfrce' (defined: workforce)"),
    (lambda d: d["applications"]["account"]["express_configuration"].update(linked_clients=["mobil"]),
     "applications.account.express_configuration.linked_clients.0: unknown application 'mobil'"),
    (lambda d: d["applications"]["account"]["express_configuration"].update(
        initiate_login_uri_template="https://x.example/{org}"), "unknown variable {org}"),
    (lambda d: d["applications"]["account"].update(organization_usage="deny"),
     "express_configuration creates connections inside organizations"),
])
def test_bad_profiles_and_express_configuration_fail_with_their_key_path(tmp_path, edit, expected):
    message = B2bProject(tmp_path).problems(edit)
    assert expected in message, message
