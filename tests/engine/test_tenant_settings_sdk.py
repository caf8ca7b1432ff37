"""Tenant settings: every argument of pulumi_auth0's Tenant (and its flags and sessions) has a blueprint key,
and the newer settings reach the Tenant of the full fixture tenant as configured."""

from __future__ import annotations

import inspect

import pulumi_auth0 as auth0
import pytest

from components.config.tenant import AnonymousSessions, Sessions, TenantFlags, TenantSection
from tests.conftest import fixture_plan

# SDK argument -> blueprint key, where the provider spells it differently.
RENAMED = {"acr_values_supporteds": "acr_values_supported"}


def _arguments(cls) -> set[str]:
    return {name for name in inspect.signature(cls.__init__).parameters if name not in ("self", "__self__")}


@pytest.mark.parametrize(("sdk", "model"), [
    (auth0.TenantArgs, TenantSection), (auth0.TenantFlagsArgs, TenantFlags), (auth0.TenantSessionsArgs, Sessions),
    (auth0.TenantSessionsAnonymousArgs, AnonymousSessions),
])
def test_every_sdk_argument_has_a_blueprint_key(sdk, model):
    missing = {RENAMED.get(name, name) for name in _arguments(sdk)} - set(model.model_fields)
    assert not missing, f"{sdk.__name__} arguments the blueprint cannot set: {sorted(missing)}"


def test_new_tenant_settings_reach_the_tenant():
    (tenant,) = fixture_plan("full", "live").of_type("auth0:index/tenant:Tenant")
    inputs = tenant.inputs
    assert inputs["defaultTokenQuota"] == {
        "clients": {"clientCredentials": {"enforce": True, "perDay": 5000, "perHour": 500}},
        "organizations": {"clientCredentials": {"enforce": False, "perDay": 1000}},
    }, tenant.urn
    assert inputs["sessions"] == {"oidcLogoutPromptEnabled": False,
                                  "anonymous": {"activateCookie": True, "lifetimeInMinutes": 30}}, tenant.urn
    assert inputs["dynamicClientRegistrationSecurityMode"] == "strict", tenant.urn
    assert inputs["resourceParameterProfile"] == "compatibility", tenant.urn
    assert inputs["clientIdMetadataDocumentSupported"] is False, tenant.urn
    # the provider takes this boolean as a string
    assert inputs["skipNonVerifiableCallbackUriConfirmationPrompt"] == "false", tenant.urn


@pytest.mark.parametrize(("quota", "expected"), [
    ({"clients": {"client_credentials": {"per_day": None, "per_hour": None}}}, "set per_day, per_hour or both"),
    ({"clients": {"client_credentials": {"per_day": 10, "per_hour": 20}}}, "per_hour must not exceed per_day"),
    ({"clients": None, "organizations": None}, "set clients, organizations or both"),
])
def test_a_token_quota_without_a_usable_limit_is_refused(project, quota, expected):
    # the overlay merges over the fixture's quota, so None clears a key
    project.set_stack_config("live", "ciam:tenant", {"default_token_quota": quota})
    problems = "\n".join(project.problems("live"))
    assert "ciam:tenant.default_token_quota" in problems and expected in problems, problems
