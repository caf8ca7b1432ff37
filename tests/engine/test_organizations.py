"""Organizations on the b2b-complete fixture: what each stack plans (organization, its connections, discovery
domains, applications' organization settings) and the one-line errors for a bad organization."""

from __future__ import annotations

import pytest

from tests.engine.b2b_fixture import STACKS, B2bProject, b2b_plan

A = "auth0:index/"


@pytest.fixture(params=STACKS)
def plan(request, tmp_path_factory):
    return b2b_plan(request.param, tmp_path_factory)


def _by_name(plan, type_token: str) -> dict:
    return {r.name: r for r in plan.of_type(A + type_token)}


def test_organizations_are_planned_with_display_name_branding_and_metadata(plan):
    organizations = _by_name(plan, "organization:Organization")
    partner = organizations["ciam-organizations-partner"]
    assert partner.inputs["name"] == "partner" and partner.inputs["displayName"] == "Partner Ltd", partner.urn
    assert partner.inputs["branding"] == {"logoUrl": "https://cdn.partner.example/logo.png",
                                          "colors": {"primary": "#0a3d62", "page_background": "#f5f6fa"}}, partner.urn
    assert partner.inputs["metadata"] == {"account_manager": "jane", "tier": "gold"}, partner.urn
    assert "ciam-organizations-contoso" in organizations, sorted(organizations)


def test_organization_connections_carry_membership_button_and_signup_settings(plan):
    organizations = _by_name(plan, "organizationConnections:OrganizationConnections")
    partner = organizations["ciam-organizations-partner-connections"]
    enabled = partner.inputs["enabledConnections"]
    assert len(enabled) == 2, partner.urn
    saml, database = enabled
    assert saml["assignMembershipOnLogin"] is True and saml["showAsButton"] is False, partner.urn
    assert database["isSignupEnabled"] is False, partner.urn
    connections = {r.urn for r in plan.of_type(A + "connection:Connection")}
    assert set(partner.dependencies) & connections, f"{partner.urn} must wait for its connections"


def test_discovery_domains_are_planned_only_for_organizations_that_have_them(plan):
    domains = _by_name(plan, "organizationDiscoveryDomains:OrganizationDiscoveryDomains")
    assert sorted(domains) == ["ciam-organizations-partner-discovery-domains"], sorted(domains)
    (domain,) = domains["ciam-organizations-partner-discovery-domains"].inputs["discoveryDomains"]
    assert domain == {"domain": "partner.example", "status": "verified", "useForOrganizationDiscovery": True}


def test_applications_carry_their_organization_usage(plan):
    account = _by_name(plan, "client:Client")["ciam-applications-account"]
    assert account.inputs["organizationUsage"] == "allow", account.urn


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda d: d["organizations"]["partner"]["connections"].update({"nope": {}}),
     "organizations.partner.connections.nope: unknown connection 'nope'"),
    (lambda d: d["organizations"]["contoso"]["connections"]["partner-oidc"].update(is_signup_enabled=True),
     "organizations.contoso.connections.partner-oidc.is_signup_enabled: is_signup_enabled applies only to database"),
    (lambda d: d["organizations"]["partner"]["branding"]["colors"].update(primary="blue"),
     "organizations.partner.branding.colors.primary: expected a colour such as #1a2b3c"),
    (lambda d: d["organizations"]["partner"].update(dispaly_name="x"),
     "organizations.partner.dispaly_name: unknown key 'dispaly_name'; did you mean 'display_name'?"),
    (lambda d: d["organizations"].update({"Bad Key": {}}), "organizations.Bad Key"),
    (lambda d: d["applications"]["account"].update(organization_require_behavior="pre_login_prompt"),
     "applications.account: organization_require_behavior applies only with organization_usage: require"),
])
def test_bad_organizations_fail_with_their_key_path(tmp_path, edit, expected):
    message = B2bProject(tmp_path).problems(edit)
    assert expected in message, message
