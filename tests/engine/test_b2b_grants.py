"""Client grants on the b2b-complete fixture: organization usage on API grants, explicit-scope grants to Auth0's
Management and My Account APIs, and the production check against Management API grants that can rewrite the
tenant."""

from __future__ import annotations

import pytest

from cli.check import check_plan
from tests.engine.b2b_fixture import STACKS, B2bProject, b2b_plan

GRANT = "auth0:index/clientGrant:ClientGrant"


@pytest.fixture(params=STACKS)
def plan(request, tmp_path_factory):
    return b2b_plan(request.param, tmp_path_factory)


def _grants(plan) -> dict:
    return {r.name: r for r in plan.of_type(GRANT)}


def test_api_grants_carry_their_organization_usage(plan):
    grant = _grants(plan)["ciam-apis-order-worker-orders-api"]
    assert grant.inputs["organizationUsage"] == "allow" and grant.inputs["allowAnyOrganization"] is True, grant.urn
    assert grant.inputs["scopes"] == ["read:orders", "write:fulfilment"], grant.urn


def test_auth0_api_grants_name_the_stacks_tenant_and_explicit_scopes(plan):
    tenant = {"dev": "acme-dev.eu.auth0.com", "prod": "acme.eu.auth0.com"}[plan.stack]
    grants = _grants(plan)
    management = grants["ciam-apis-order-worker-management-api"]
    assert management.inputs["audience"] == f"https://{tenant}/api/v2/", management.urn
    assert management.inputs["scopes"] == ["read:users", "read:organizations"], management.urn
    assert "allowAllScopes" not in management.inputs, management.urn
    my_account = grants["ciam-apis-account-my-account-api"]
    assert my_account.inputs["audience"] == f"https://{tenant}/me/", my_account.urn
    assert my_account.inputs["subjectType"] == "user", my_account.urn


def test_the_fixture_passes_every_mandatory_production_check(tmp_path_factory):
    result = check_plan(b2b_plan("prod", tmp_path_factory), "production")
    mandatory = [f"{v.rule.name}: {v.resource}: {v.why}" for v in result.violations if v.mandatory]
    assert mandatory == [], mandatory


def test_a_management_api_grant_that_can_rewrite_the_tenant_fails_production(tmp_path):
    project = B2bProject(tmp_path)
    data = project.blueprint()
    data["applications"]["order-worker"]["auth0_api_grants"]["management"] = ["read:users", "update:clients"]
    project.write_blueprint(data)
    result = check_plan(project.plan("prod"), "production")
    failed = [v for v in result.violations if v.rule.name == "management-api-grant-narrow"]
    assert failed and failed[0].mandatory and "update:clients" in failed[0].why, result.violations


@pytest.mark.parametrize(("app", "edit", "expected"), [
    ("account", {"auth0_api_grants": {"management": ["read:users"]}},
     "applications.account: auth0_api_grants.management needs the client_credentials grant type"),
    ("order-worker", {"auth0_api_grants": {"management": ["read:users", "*"]}},
     "applications.order-worker.auth0_api_grants.management.1"),
    ("order-worker", {"grants": {"orders-api": {"scopes": ["nope"]}}},
     "applications.order-worker.grants.orders-api.scopes.0: API 'orders-api' has no scope 'nope'"),
    ("order-worker", {"grants": {"orders-api": {"scopes": [], "organisation_usage": "allow"}}},
     "did you mean 'organization_usage'?"),
])
def test_bad_grants_fail_with_their_key_path(tmp_path, app, edit, expected):
    message = B2bProject(tmp_path).problems(lambda data: data["applications"][app].update(edit))
    assert expected in message, message
