"""Self-service SSO profiles on the b2b-complete fixture: the profile and its custom text, and the errors for a
bad profile."""

from __future__ import annotations

import json

import pytest

from tests.engine.b2b_fixture import STACKS, B2bProject, b2b_plan

A = "auth0:index/"


@pytest.fixture(params=STACKS)
def plan(request, tmp_path_factory):
    return b2b_plan(request.param, tmp_path_factory)


def test_the_profile_is_planned_with_strategies_attributes_and_branding(plan):
    (profile,) = plan.of_type(A + "selfServiceProfile:SelfServiceProfile")
    assert profile.inputs["name"] == "Partner SSO onboarding", profile.urn
    assert profile.inputs["allowedStrategies"] == ["samlp", "oidc", "waad", "okta"], profile.urn
    assert profile.inputs["userAttributes"] == [
        {"name": "email", "description": "Work email", "isOptional": False},
        {"name": "department", "description": "Department", "isOptional": True}], profile.urn
    assert profile.inputs["branding"] == {"logoUrl": "https://cdn.acme.example/logo.png",
                                          "colors": {"primary": "#0a3d62"}}, profile.urn


def test_custom_text_is_planned_per_language_and_page_and_waits_for_its_profile(plan):
    (profile,) = plan.of_type(A + "selfServiceProfile:SelfServiceProfile")
    (text,) = plan.of_type(A + "selfServiceProfileCustomText:SelfServiceProfileCustomText")
    assert text.inputs["language"] == "en" and text.inputs["page"] == "get-started", text.urn
    assert json.loads(text.inputs["body"]) == {
        "introduction": "Connect your company's identity provider to Acme in a few steps."}, text.urn
    assert profile.urn in text.dependencies, text.urn


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda p: p.update(allowed_strategies=["saml"]),
     "self_service_sso_profiles.partner-onboarding.allowed_strategies.0"),
    (lambda p: p.update(allowed_strategies=[]), "self_service_sso_profiles.partner-onboarding.allowed_strategies"),
    (lambda p: p["custom_text"].update(fr={"get-started": {"introduction": "x"}}),
     "self_service_sso_profiles.partner-onboarding.custom_text.fr"),
    (lambda p: p.update(descripton="x"), "did you mean 'description'?"),
])
def test_bad_profiles_fail_with_their_key_path(tmp_path, edit, expected):
    message = B2bProject(tmp_path).problems(lambda data: edit(data["self_service_sso_profiles"]["partner-onboarding"]))
    assert expected in message, message
