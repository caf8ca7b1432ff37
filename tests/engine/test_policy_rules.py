"""Every production rule fails on a misconfigured resource and passes on a good one, called the way the
Pulumi CLI calls it: the policy's `validate` with pulumi-policy's own argument objects."""

from __future__ import annotations

import pytest
from pulumi_policy import (
    EnforcementLevel,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    StackValidationArgs,
)
from pulumi_policy.policy import PolicyCustomTimeouts

from policies.ciam_rules import RULES, RULES_BY_NAME, environment_from_config, is_production
from policies.ciam_rules import tokens as t
from tests.policy_cases import GOOD_STACK, RESOURCE_CASES, SMS_STACK, STACK_CASES, replaced, without


def _opts(protect: bool) -> PolicyResourceOptions:
    return PolicyResourceOptions(protect, [], None, [], PolicyCustomTimeouts(0, 0, 0), [])


def run_resource(rule_name: str, type_: str, props: dict, protect: bool = False, production: bool = True):
    urn = f"urn:pulumi:live::ciam::{type_}::case"
    violations: list[str] = []
    args = ResourceValidationArgs(type_, props, urn, "case", _opts(protect), None)
    RULES_BY_NAME[rule_name].policy(production).validate(args, lambda message, urn=None: violations.append(message))
    return violations


def run_stack(rule_name: str, resources, production: bool = True):
    violations: list[str] = []
    args = StackValidationArgs([
        PolicyResource(type_, props, f"urn:pulumi:live::ciam::{type_}::{name}", name, _opts(False), None, None, [], {})
        for type_, name, props in resources
    ])
    RULES_BY_NAME[rule_name].policy(production).validate(args, lambda message, urn=None: violations.append(message))
    return violations


def test_every_rule_has_a_failing_and_a_passing_case():
    covered = set(RESOURCE_CASES) | set(STACK_CASES)
    assert covered == {rule.name for rule in RULES}


@pytest.mark.parametrize("rule_name", sorted(RESOURCE_CASES))
def test_resource_rule_fails_on_misconfigured_resource(rule_name):
    type_, bad, _good, *protect = RESOURCE_CASES[rule_name]
    violations = run_resource(rule_name, type_, bad, protect=protect[0] if protect else False)
    assert violations, f"{rule_name} let {bad} through"
    assert all(f"Fix: {RULES_BY_NAME[rule_name].fix}" in v for v in violations), violations


@pytest.mark.parametrize("rule_name", sorted(RESOURCE_CASES))
def test_resource_rule_passes_on_good_resource(rule_name):
    type_, _bad, good, *protect = RESOURCE_CASES[rule_name]
    assert run_resource(rule_name, type_, good, protect=protect[1] if protect else False) == [], rule_name


@pytest.mark.parametrize("rule_name", sorted(STACK_CASES))
def test_stack_rule_fails_on_misconfigured_stack(rule_name):
    assert run_stack(rule_name, STACK_CASES[rule_name][0]), rule_name


@pytest.mark.parametrize("rule_name", sorted(STACK_CASES))
def test_stack_rule_passes_on_good_stack(rule_name):
    assert run_stack(rule_name, STACK_CASES[rule_name][1]) == [], rule_name


def test_sms_mfa_without_a_phone_provider_fails():
    (message,) = run_stack("guardian-sms-provider", without(t.PHONE_PROVIDER, SMS_STACK))
    assert "no enabled auth0:index/phoneProvider:PhoneProvider" in message and "found: none" in message, message


def test_sms_mfa_through_an_unknown_provider_name_fails():
    stack = replaced(t.PHONE_PROVIDER, {"name": "auth0", "disabled": False}, SMS_STACK)
    assert run_stack("guardian-sms-provider", stack), "a provider not named twilio or custom must fail"


def test_custom_phone_provider_passes():
    stack = replaced(t.PHONE_PROVIDER, {"name": "custom", "credentials": {}}, SMS_STACK)
    assert run_stack("guardian-sms-provider", stack) == []


def test_no_phone_provider_needed_while_sms_mfa_is_off():
    assert run_stack("guardian-sms-provider", GOOD_STACK) == []


def test_resource_rules_ignore_other_resource_types():
    assert run_resource("client-no-local-urls", "auth0:index/role:Role", {"callbacks": ["http://localhost"]}) == []


@pytest.mark.parametrize("url", [
    "http://localhost:3000/callback", "https://127.0.0.1/cb", "http://[::1]:8080", "file:///tmp/x.html",
    "http://app.localhost", "http://user@localhost/cb", "http://0.0.0.0:5000",
])
def test_local_urls_are_flagged_in_every_url_field(url):
    for field in ("callbacks", "allowedOrigins", "webOrigins", "allowedLogoutUrls"):
        assert run_resource("client-no-local-urls", "auth0:index/client:Client", {field: [url]}), (field, url)


@pytest.mark.parametrize("url", ["https://localhost-shop.example/cb", "com.acme.app://callback", "https://acme.example"])
def test_public_urls_are_not_flagged(url):
    assert run_resource("client-no-local-urls", "auth0:index/client:Client", {"callbacks": [url]}) == []


def test_custom_database_connection_must_be_protected_too():
    props = {"strategy": "auth0", "options": {"enabledDatabaseCustomization": True, "importMode": True}}
    assert run_resource("data-bearing-resources-protected", "auth0:index/connection:Connection", props)
    social = {"strategy": "google-oauth2", "options": {"clientId": "x", "clientSecret": "y"}}
    assert run_resource("data-bearing-resources-protected", "auth0:index/connection:Connection", social) == []


def test_protection_rule_does_not_apply_outside_production():
    props = {"domain": "id.sandbox.globex.example"}
    assert run_resource("data-bearing-resources-protected", "auth0:index/customDomain:CustomDomain", props,
                        production=False) == []


def test_critical_rules_are_mandatory_in_production_only():
    for rule in RULES:
        expected = EnforcementLevel.MANDATORY if rule.critical else EnforcementLevel.ADVISORY
        assert rule.policy(True).enforcement_level == expected, rule.name
        assert rule.policy(False).enforcement_level == EnforcementLevel.ADVISORY, rule.name


def test_environment_comes_from_the_stack_config_the_cli_hands_the_pack():
    config = {"ciam:stack": '{"tenant_domain": "globex.eu.auth0.com", "environment": "preprod"}', "auth0:domain": "x"}
    assert environment_from_config(config) == "preprod"
    assert not is_production(environment_from_config(config))
    assert is_production(environment_from_config({"ciam:stack": '{"environment": "production"}'}))


def test_unknown_environment_fails_closed_as_production():
    assert environment_from_config({}) is None
    assert is_production(environment_from_config({"ciam:stack": "not json"}))


def _templates_only(provider: dict | None):
    """Phone MFA off, one customised phone template, and the given phone provider (None: no provider)."""
    stack = [*GOOD_STACK, ("auth0:index/brandingPhoneNotificationTemplate:BrandingPhoneNotificationTemplate",
                           "otp-verify", {"type": "otp_verify", "disabled": False,
                                          "content": {"body": {"text": "{{ code }}"}}})]
    return [*stack, (t.PHONE_PROVIDER, "phone", provider)] if provider else stack


def test_phone_templates_without_a_phone_provider_fail():
    (message,) = run_stack("guardian-sms-provider", _templates_only(None))
    assert "phone templates are customised but no enabled auth0:index/phoneProvider" in message, message


def test_phone_templates_through_twilio_pass():
    assert run_stack("guardian-sms-provider", _templates_only({"name": "twilio", "disabled": False})) == []


def test_device_biometrics_alone_is_not_a_configured_mfa():
    stack = replaced(t.GUARDIAN, {"policy": "all-applications", "webauthnPlatform": {"enabled": True}})
    assert run_stack("guardian-mfa-configured", stack), "webauthn_platform alone must fail (Auth0 requires another)"
    stack = replaced(t.GUARDIAN, {"policy": "all-applications", "webauthnPlatform": {"enabled": True},
                                  "push": {"enabled": True, "provider": "guardian"}})
    assert run_stack("guardian-mfa-configured", stack) == [], "biometrics with push must pass"


def test_emails_on_the_custom_domain_by_the_flag_alone_pass():
    stack = [*GOOD_STACK, (t.TENANT, "tenant", {"flags": {"enableCustomDomainInEmails": True}})]
    assert run_stack("tenant-custom-domain-in-emails", stack) == []
    (message,) = run_stack("tenant-custom-domain-in-emails", [*GOOD_STACK, (t.TENANT, "tenant", {"flags": {}})])
    assert "enableCustomDomainInEmails is unset, expected true and no custom domain is the default" in message, message


def test_email_mfa_without_its_code_template_is_flagged():
    stack = replaced(t.GUARDIAN, {"policy": "all-applications", "email": True})
    (message,) = run_stack("email-templates-for-notifications", stack)
    assert "email MFA is on but no enabled mfa_oob_code email template" in message, message
    with_template = [*stack, (t.EMAIL_TEMPLATE, "code", {"template": "mfa_oob_code", "enabled": True})]
    assert run_stack("email-templates-for-notifications", with_template) == []


def test_a_disabled_blocked_account_template_does_not_count():
    protection = {"bruteForceProtection": {"enabled": True, "shields": ["block", "user_notification"]}}
    stack = [*replaced(t.ATTACK_PROTECTION, protection),
             (t.EMAIL_TEMPLATE, "blocked", {"template": "blocked_account", "enabled": False})]
    (message,) = run_stack("email-templates-for-notifications", stack)
    assert "brute-force protection notifies users but no enabled blocked_account" in message, message
