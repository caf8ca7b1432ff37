"""Tenant architecture: tenant settings and the custom domain, as each stack gets them."""

from __future__ import annotations

import pytest

from components.architecture.custom_domain import dns_record
from components.config.errors import ConfigError
from tests.conftest import fixture_plan

TENANT = "auth0:index/tenant:Tenant"
CUSTOM_DOMAIN = "auth0:index/customDomain:CustomDomain"
PRIMARY_DOMAIN = "ciam-custom-domain-domain"  # the single custom_domain section's auth0.CustomDomain


def primary_domain(plan):
    return next(r for r in plan.of_type(CUSTOM_DOMAIN) if r.name == PRIMARY_DOMAIN)


def test_blueprint_values_reach_the_tenant(prod_plan):
    [tenant] = prod_plan.of_type(TENANT)
    inputs = tenant.inputs
    assert inputs["friendlyName"] == "Globex Travel", tenant.urn
    assert inputs["supportUrl"] == "https://www.globex.example/support", f"{tenant.urn}: ${{portal_url}}"
    assert inputs["enabledLocales"] == ["en", "fr"], tenant.urn
    assert inputs["sandboxVersion"] == "22", tenant.urn
    assert inputs["flags"]["enableCustomDomainInEmails"] is True, tenant.urn
    assert "We couldn't sign you in" in inputs["errorPage"]["html"], f"{tenant.urn}: error page not read from assets/"


def test_stack_overlay_merges_over_the_blueprint_key_by_key():
    [sandbox] = fixture_plan("full", "sandbox").of_type(TENANT)
    [live] = fixture_plan("full", "live").of_type(TENANT)
    assert sandbox.inputs["friendlyName"] == "Globex Travel (Sandbox)", sandbox.urn
    assert sandbox.inputs["sessionLifetime"] == 24, sandbox.urn
    assert live.inputs["sessionLifetime"] == 120, live.urn
    # keys the overlay does not name still come from the blueprint
    assert sandbox.inputs["supportEmail"] == live.inputs["supportEmail"] == "help@globex.example"


def test_custom_domain_is_protected_in_production_only():
    for stack, protected in (("sandbox", False), ("preprod", False), ("live", True)):
        for domain in fixture_plan("full", stack).of_type(CUSTOM_DOMAIN):
            assert domain.protect is protected, f"{domain.urn}: protect={domain.protect} in {stack}"


def test_protect_data_can_be_set_per_stack(project):
    data = project.stack_file("preprod")
    data["config"]["ciam:stack"]["protect_data"] = True
    project.write_stack_file("preprod", data)
    domain = primary_domain(project.plan("preprod"))
    assert domain.protect, domain.urn


def test_verification_is_added_on_request(project):
    project.set_stack_config("live", "ciam:custom_domain", {"verify": True})
    plan = project.plan("live")
    domain = primary_domain(plan)
    [verification] = [v for v in plan.of_type("auth0:index/customDomainVerification:CustomDomainVerification")
                      if v.parent == domain.parent]
    assert domain.urn in verification.dependencies, verification.urn


def test_custom_domain_can_be_left_out_of_a_stack(project):
    project.set_stack_config("sandbox", "ciam:custom_domain", None)
    project.set_stack_config("sandbox", "ciam:custom_domains", None)
    project.set_stack_config("sandbox", "ciam:branding", {"page_template": None})  # Auth0 needs the domain for it
    # and so does the flag that puts the custom domain in emails
    project.set_stack_config("sandbox", "ciam:tenant", {"flags": {"enable_custom_domain_in_emails": False}})
    assert project.plan("sandbox").of_type(CUSTOM_DOMAIN) == []


def test_tls_policy_on_self_managed_certificates_is_an_error(project):
    project.set_stack_config("live", "ciam:custom_domain", {"type": "self_managed_certs"})
    with pytest.raises(ConfigError, match="ciam:custom_domain: tls_policy applies only to auth0_managed_certs"):
        project.plan("live")


def test_idle_lifetime_longer_than_session_is_an_error(project):
    project.set_stack_config("live", "ciam:tenant", {"idle_session_lifetime": 500})
    with pytest.raises(ConfigError, match="idle_session_lifetime must not exceed session_lifetime"):
        project.plan("live")


def test_dns_record_prefers_the_verification_record_auth0_reports():
    verifications = [{"methods": [{"name": "cname", "record": "acme-cd-x.edge.tenants.eu.auth0.com"}]}]
    assert dns_record("id.globex.example", "ignored", verifications) == {
        "type": "CNAME", "name": "id.globex.example", "value": "acme-cd-x.edge.tenants.eu.auth0.com"}
    assert dns_record("id.globex.example", "origin.auth0.com", [])["value"] == "origin.auth0.com"
