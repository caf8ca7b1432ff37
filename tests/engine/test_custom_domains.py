"""Several custom domains (the full fixture's `custom_domain` plus `custom_domains`): what each stack plans,
what the tenant waits for, and the combinations Auth0 refuses (two defaults, one domain twice)."""

from __future__ import annotations

from tests.conftest import fixture_plan

CUSTOM_DOMAIN = "auth0:index/customDomain:CustomDomain"
VERIFICATION = "auth0:index/customDomainVerification:CustomDomainVerification"
DEFAULT_DOMAIN = "auth0:index/customDomainDefault:CustomDomainDefault"
TENANT = "auth0:index/tenant:Tenant"
# The single section's domain keeps the URN it had before custom_domains existed.
SINGLE_URN = ("urn:pulumi:{stack}::ciam::ciam:index:CiamTenant$ciam:architecture:CustomDomain"
              "$auth0:index/customDomain:CustomDomain::ciam-custom-domain-domain")


def _by_name(plan, type_):
    return {r.name: r for r in plan.of_type(type_)}


def test_each_keyed_domain_plans_with_its_settings():
    for stack, auth_domain in (("sandbox", "id.sandbox.globex.example"), ("live", "id.globex.example")):
        domains = _by_name(fixture_plan("full", stack), CUSTOM_DOMAIN)
        assert sorted(domains) == ["ciam-custom-domain-domain", "ciam-custom-domain-partners-domain"], domains
        partners = domains["ciam-custom-domain-partners-domain"].inputs
        assert partners["domain"] == f"partners.{auth_domain}", partners
        assert partners["type"] == "self_managed_certs" and partners["customClientIpHeader"] == "cf-connecting-ip"
        assert partners["domainMetadata"] == {"audience": "travel-agents", "region": "eu"}, partners
        single = domains["ciam-custom-domain-domain"]
        assert single.urn == SINGLE_URN.format(stack=stack), single.urn
        assert single.inputs["relyingPartyIdentifier"] == auth_domain, single.urn


def test_one_default_and_the_tenant_waits_for_every_verification():
    plan = fixture_plan("full", "live")
    (default,) = plan.of_type(DEFAULT_DOMAIN)
    assert default.inputs["domain"] == "id.globex.example", default.urn
    verifications = plan.of_type(VERIFICATION)
    assert len(verifications) == 2, [v.urn for v in verifications]
    assert all(v.urn in default.dependencies for v in verifications if v.parent == default.parent), default.urn
    (tenant,) = plan.of_type(TENANT)
    for waited in [*verifications, default]:
        assert waited.urn in tenant.dependencies, f"{tenant.urn} does not wait for {waited.urn}"


def test_two_defaults_are_refused(project):
    data = project.blueprint()
    data["custom_domains"]["partners"]["default"] = True
    project.write_blueprint(data)
    problems = "\n".join(project.problems())
    assert "custom_domains.partners.default: the tenant has one default domain (CustomDomainDefault) " \
           "and custom_domain is already it" in problems, problems


def test_a_domain_held_twice_is_refused(project):
    data = project.blueprint()
    data["custom_domains"]["again"] = {"domain": "${auth_domain}"}
    project.write_blueprint(data)
    problems = "\n".join(project.problems())
    assert "custom_domains.again.domain: id.globex.example is already custom_domain" in problems, problems


def test_a_keyed_default_needs_its_verification(project):
    data = project.blueprint()
    data["custom_domain"]["default"] = False
    data["custom_domains"]["partners"].update(default=True, verify=False)
    project.write_blueprint(data)
    problems = "\n".join(project.problems())
    assert "custom_domains.partners.default: Auth0 makes only a ready domain the default: set " \
           "custom_domains.partners.verify: true" in problems, problems


def test_a_stack_leaves_a_keyed_domain_out_with_null(project):
    project.set_stack_config("sandbox", "ciam:custom_domains", {"partners": None})
    domains = _by_name(project.plan("sandbox"), CUSTOM_DOMAIN)
    assert list(domains) == ["ciam-custom-domain-domain"], domains


def test_a_passkey_relying_party_outside_the_domain_is_refused(project):
    project.set_stack_config("live", "ciam:custom_domain", {"relying_party_identifier": "other.example"})
    problems = "\n".join(project.problems("live"))
    assert "ciam:custom_domain: relying_party_identifier other.example must be id.globex.example or a parent " \
           "domain of it" in problems, problems
