"""Auth0's own rules on the b2c-complete fixture tenant: what plans, and the combinations the model refuses.

The refused combinations are ones Auth0 rejects (a flag before the custom domain is ready) or silently
ignores (texts for a screen the login flow never shows, a Classic page under New Universal Login, a firewall
rule that ANDs signals meant as alternatives, an allowlisted range the firewall blocks).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cli.offline import SECRET, Plan, run_program
from components.config.errors import ConfigError
from tests.conftest import dump_yaml, load_yaml

# One worker runs the whole module, so the plan of each stack (a module fixture) is set up once, not once per worker.
pytestmark = pytest.mark.xdist_group("auth0_semantics")

PROJECT_DIR = Path(__file__).resolve().parents[2]
FIXTURE = PROJECT_DIR / "tests" / "fixtures" / "tenants" / "b2c-complete"
STACKS = ("dev", "prod")
TENANT = "auth0:index/tenant:Tenant"
CUSTOM_DOMAIN = "auth0:index/customDomain:CustomDomain"
VERIFICATION = "auth0:index/customDomainVerification:CustomDomainVerification"
DEFAULT_DOMAIN = "auth0:index/customDomainDefault:CustomDomainDefault"
PROMPT_TEXT = "auth0:index/promptCustomText:PromptCustomText"
NETWORK_ACL = "auth0:index/networkAcl:NetworkAcl"


class Fixture:
    """A throwaway project: the repository's program with the fixture tenant's files."""

    def __init__(self, root: Path):
        self.root = root
        for name in ("__main__.py", "Pulumi.yaml"):
            shutil.copy(PROJECT_DIR / name, root / name)
        shutil.copytree(FIXTURE, root, dirs_exist_ok=True)

    def edit(self, change) -> None:
        path = self.root / "tenant.yaml"
        data = load_yaml(path.read_text())
        change(data)
        path.write_text(dump_yaml(data, sort_keys=False))

    def plan(self, stack: str = "prod") -> Plan:
        return run_program(self.root, stack)

    def problems(self, stack: str = "prod") -> str:
        with pytest.raises(ConfigError) as caught:
            self.plan(stack)
        return str(caught.value)


@pytest.fixture
def fixture(tmp_path) -> Fixture:
    return Fixture(tmp_path)


@pytest.fixture(scope="module", params=STACKS)
def plan(request, tmp_path_factory) -> Plan:
    return Fixture(tmp_path_factory.mktemp(request.param)).plan(request.param)


def test_the_tenant_waits_for_the_verified_default_domain_before_custom_domain_emails(plan):
    (tenant,) = plan.of_type(TENANT)
    (verification,) = plan.of_type(VERIFICATION)
    (default,) = plan.of_type(DEFAULT_DOMAIN)
    (domain,) = plan.of_type(CUSTOM_DOMAIN)
    assert tenant.inputs["flags"]["enableCustomDomainInEmails"] is True, tenant.urn
    assert {verification.urn, default.urn} <= set(tenant.dependencies), f"{tenant.urn}: {tenant.dependencies}"
    assert verification.urn in default.dependencies, f"{default.urn} must wait for {verification.urn}"
    wanted = "login.shop.example" if plan.stack == "prod" else "login.dev.shop.example"
    assert default.inputs["domain"] == wanted == domain.inputs["domain"], default.urn


def test_domain_metadata_reaches_the_custom_domain(plan):
    (domain,) = plan.of_type(CUSTOM_DOMAIN)
    assert domain.inputs["domainMetadata"] == {"brand": "fixture-shop", "owner": "identity-team"}, domain.urn


def test_identifier_first_texts_are_planned_per_screen_prompt(plan):
    texts = {(r.inputs["prompt"], r.inputs["language"]): r for r in plan.of_type(PROMPT_TEXT)}
    assert set(texts) == {("login-id", "en"), ("login-id", "fr"), ("login-password", "en"), ("signup-id", "en"),
                          ("signup-password", "en"), ("reset-password", "en"), ("mfa-otp", "en")}
    mfa = texts[("mfa-otp", "en")]
    assert json.loads(mfa.inputs["body"])["mfa-otp-challenge"] == {"title": "Enter your code"}, mfa.urn


def test_firewall_rules_keep_one_signal_type_unless_all_signals_is_meant(plan):
    rules = {r.name: r.inputs["rule"] for r in plan.of_type(NETWORK_ACL)}
    assert rules["ciam-firewall-block-asn"]["match"] == {"asns": [64496]}
    assert rules["ciam-firewall-block-range"]["match"] == {"ipv4Cidrs": ["192.0.2.0/24"]}
    both = rules["ciam-firewall-log-bots-from-country"]
    assert both["match"] == {"geoCountryCodes": ["DE"], "userAgents": ["badbot/1.0"]}, both
    assert "allSignals" not in both, "all_signals is the model's acknowledgement, not an Auth0 field"


def test_custom_domain_emails_without_a_verified_domain_are_refused(fixture):
    fixture.edit(lambda data: data["custom_domain"].update(verify=False, default=False))
    message = fixture.problems()
    assert "tenant.flags.enable_custom_domain_in_emails: Auth0 accepts this flag only once a custom domain " \
           "is ready" in message, message


def test_a_default_domain_needs_the_verification(fixture):
    def change(data):
        data["tenant"]["flags"]["enable_custom_domain_in_emails"] = False
        data["custom_domain"]["verify"] = False
    fixture.edit(change)
    assert "custom_domain.default: Auth0 makes only a ready domain the default" in fixture.problems()


def test_more_than_ten_domain_metadata_entries_are_refused(fixture):
    fixture.edit(lambda data: data["custom_domain"].update(domain_metadata={f"k{i}": "v" for i in range(11)}))
    assert "custom_domain.domain_metadata" in fixture.problems()


def test_mixing_signal_types_in_one_rule_is_refused_unless_meant(fixture):
    fixture.edit(lambda data: data["network_acls"]["block-asn"]["match"].update(ipv4_cidrs=["192.0.2.0/24"]))
    message = fixture.problems()
    assert "network_acls.block-asn.match: signals of different types (asns, ipv4_cidrs) are ANDed" in message, message


def test_an_allowlisted_range_the_firewall_blocks_is_refused(fixture):
    fixture.edit(lambda data: data["network_acls"]["block-range"]["match"].update(ipv4_cidrs=["198.51.100.0/25"]))
    message = fixture.problems()
    assert ("attack_protection.suspicious_ip_throttling.allowlist.0: 198.51.100.0/24 is exempted here but "
            "network_acls.block-range blocks 198.51.100.0/25") in message, message


def test_an_allowlisted_ip_under_a_log_rule_is_fine(fixture):
    def change(data):
        data["network_acls"]["block-range"].update(action="log", match={"ipv4_cidrs": ["203.0.113.0/24"]})
    fixture.edit(change)
    assert fixture.plan().of_type(NETWORK_ACL)


@pytest.mark.parametrize("prompt, shown", [("login", "login-id and login-password"),
                                           ("signup", "signup-id and signup-password")])
def test_login_and_signup_texts_with_identifier_first_are_refused(fixture, prompt, shown):
    (fixture.root / "assets" / "prompts" / f"{prompt}.json").write_text(json.dumps({prompt: {"title": "Hi"}}))
    fixture.edit(lambda data: data["prompt_texts"].update({prompt: {"en": f"assets/prompts/{prompt}.json"}}))
    message = fixture.problems()
    assert f"prompt_texts.{prompt}: with prompts.identifier_first: true Auth0 shows the {shown} prompts" \
           in message, message


def test_a_screen_the_prompt_does_not_have_is_refused(fixture):
    (fixture.root / "assets/prompts/mfa-otp/en.json").write_text(json.dumps({"mfa-sms-challenge": {"title": "x"}}))
    message = fixture.problems()
    assert "prompt_texts.mfa-otp.en: assets/prompts/mfa-otp/en.json: prompt mfa-otp has no screen " \
           "'mfa-sms-challenge' (screens: mfa-otp-enrollment-qr" in message, message


def test_login_texts_without_identifier_first_plan(fixture):
    (fixture.root / "assets/prompts/login.json").write_text(json.dumps({"login": {"title": "Hi"}}))
    def change(data):
        data["prompts"]["identifier_first"] = False
        data["prompt_texts"]["login"] = {"en": "assets/prompts/login.json"}
    fixture.edit(change)
    prompts = {r.inputs["prompt"] for r in fixture.plan().of_type(PROMPT_TEXT)}
    assert "login" in prompts, prompts


@pytest.mark.parametrize("page", ["change_password", "login", "guardian_mfa"])
def test_a_classic_page_under_new_universal_login_is_refused(fixture, page):
    fixture.edit(lambda data: data.update(pages={page: {"html": "assets/pages/error.html"}}))
    message = fixture.problems()
    assert f"pages.{page}: a Classic Login page, never shown with prompts.universal_login_experience: new" \
           in message, message


def test_a_classic_page_plans_with_classic_login(fixture):
    def change(data):
        data["prompts"]["universal_login_experience"] = "classic"
        data["pages"] = {"change_password": {"html": "assets/pages/error.html"}}
    fixture.edit(change)
    assert fixture.plan().of_type("auth0:index/pages:Pages")


PARTIALS = "auth0:index/promptScreenPartials:PromptScreenPartials"


def test_screen_partials_insert_the_html_files_after_the_page_template(plan):
    partials = {r.inputs["promptType"]: r for r in plan.of_type(PARTIALS)}
    assert set(partials) == {"login-id", "signup-id"}, sorted(partials)
    signup = partials["signup-id"]
    html = (FIXTURE / "assets/partials/marketing-opt-in.html").read_text()
    assert signup.inputs["screenPartials"] == [{"screenName": "signup-id", "insertionPoints": {"formContentEnd": html}}]
    (branding,) = plan.of_type("auth0:index/branding:Branding")
    assert branding.urn in signup.dependencies, f"{signup.urn} must wait for {branding.urn}"


def test_a_partial_for_a_screen_the_prompt_lacks_is_refused(fixture):
    fixture.edit(lambda data: data["prompt_partials"]["signup-id"].update(
        {"signup": {"form_content_end": "assets/partials/terms-link.html"}}))
    message = fixture.problems()
    assert "prompt_partials.signup-id.signup: prompt signup-id has no screen 'signup'" in message, message


def test_partials_without_a_page_template_are_refused(fixture):
    fixture.edit(lambda data: data.pop("branding"))
    assert "prompt_partials: Auth0 renders partials only with a custom_domain and branding.page_template" \
        in fixture.problems()


def test_a_partial_prompt_the_provider_does_not_take_is_refused(fixture):
    fixture.edit(lambda data: data["prompt_partials"].update(
        {"mfa-otp": {"mfa-otp-challenge": {"form_content_end": "assets/partials/terms-link.html"}}}))
    assert "prompt_partials.mfa-otp" in fixture.problems()


def test_tenant_settings_reach_the_tenant(plan):
    (tenant,) = plan.of_type(TENANT)
    wanted = {
        "ephemeralSessionLifetime": 12, "idleEphemeralSessionLifetime": 2,
        "oidcLogout": {"rpLogoutEndSessionEndpointDiscovery": True},
        "pushedAuthorizationRequestsSupported": True, "mtls": {"enableEndpointAliases": True},
        "acrValuesSupporteds": ["http://schemas.openid.net/pape/policies/2007/06/multi-factor"],
        "customizeMfaInPostloginAction": True, "countryCodes": {"mode": "allow", "lists": ["DE", "FR", "GB"]},
    }
    assert {key: tenant.inputs.get(key) for key in wanted} == wanted, tenant.urn


@pytest.mark.parametrize("settings, message", [
    ({"ephemeral_session_lifetime": 1, "idle_ephemeral_session_lifetime": 2},
     "idle_ephemeral_session_lifetime must not exceed ephemeral_session_lifetime"),
    ({"disable_acr_values_supported": True},
     "acr_values_supported is ignored when disable_acr_values_supported is true"),
    ({"country_codes": {"mode": "block", "lists": ["DE"]}}, "tenant.country_codes.mode"),
])
def test_inconsistent_tenant_settings_are_refused(fixture, settings, message):
    fixture.edit(lambda data: data["tenant"].update(settings))
    problems = fixture.problems()
    assert message in problems, problems


def test_action_modules_are_shared_by_actions_bound_in_declared_order(plan):
    (module,) = plan.of_type("auth0:index/actionModule:ActionModule")
    assert module.inputs["publish"] is True and module.inputs["dependencies"] == [
        {"name": "axios", "version": "1.7.9"}], module.urn
    assert module.inputs["secrets"] == [{"name": "CRM_TOKEN", "value": SECRET}], module.urn
    actions = {r.name: r for r in plan.of_type("auth0:index/action:Action")}
    for key in ("tag-new-user", "notify-crm"):
        action = actions[f"ciam-actions-{key}"]
        assert [m["moduleName"] for m in action.inputs["modules"]] == ["crm-client"], action.urn
        assert module.urn in action.dependencies, f"{action.urn} must wait for {module.urn}"
    bindings = {r.inputs["trigger"]: r for r in plan.of_type("auth0:index/triggerActions:TriggerActions")}
    order = [a["displayName"] for a in bindings["post-user-registration"].inputs["actions"]]
    assert order == ["tag-new-user", "notify-crm"], order
    reset = actions["ciam-actions-reset-challenge"].inputs["supportedTriggers"]
    assert reset == {"id": "password-reset-post-challenge", "version": "v1"}, reset


@pytest.mark.parametrize("change, message", [
    (lambda data: data["actions"]["notify-crm"].update(modules=["crm"]),
     "actions.notify-crm.modules.0: unknown action module 'crm' (defined: crm-client)"),
    (lambda data: data["action_modules"]["crm-client"].update(publish=False),
     "actions.tag-new-user.modules.0: action_modules.crm-client is not published"),
])
def test_actions_name_known_published_modules(fixture, change, message):
    fixture.edit(change)
    problems = fixture.problems()
    assert message in problems, problems


def test_recaptcha_enterprise_and_bot_detection_reach_attack_protection(plan):
    (protection,) = plan.of_type("auth0:index/attackProtection:AttackProtection")
    captcha = protection.inputs["captcha"]
    assert captcha["activeProviderId"] == "recaptcha_enterprise", protection.urn
    assert captcha["recaptchaEnterprise"] == {"siteKey": "6LcFixtureSiteKey", "projectId": "fixture-shop-prod",
                                              "apiKey": SECRET}, protection.urn
    bots = protection.inputs["botDetection"]
    assert bots["botDetectionLevel"] == "high" and bots["monitoringModeEnabled"] is True, protection.urn


@pytest.mark.parametrize("captcha, message", [
    ({"provider": "recaptcha_enterprise", "site_key": "k", "secret": {"secret": "s"}},
     "recaptcha_enterprise needs site_key, api_key and project_id (no secret)"),
    ({"provider": "arkose", "site_key": "k", "secret": {"secret": "s"}, "project_id": "p"},
     "api_key and project_id apply only to recaptcha_enterprise"),
    ({"provider": "hcaptcha", "site_key": "k", "secret": {"secret": "s"}, "fail_open": True},
     "fail_open applies only to auth_challenge and arkose"),
])
def test_captcha_settings_must_fit_the_provider(fixture, captcha, message):
    fixture.edit(lambda data: data["attack_protection"].update(captcha=captcha))
    problems = fixture.problems()
    assert message in problems, problems


def test_arkose_plans_with_its_subdomains(fixture):
    fixture.edit(lambda data: data["attack_protection"].update(captcha={
        "provider": "arkose", "site_key": "k", "secret": {"secret": "arkose_secret"}, "fail_open": True,
        "client_subdomain": "client.shop.example", "verify_subdomain": "verify.shop.example"}))
    (protection,) = fixture.plan().of_type("auth0:index/attackProtection:AttackProtection")
    assert protection.inputs["captcha"]["arkose"] == {
        "siteKey": "k", "secret": SECRET, "failOpen": True, "clientSubdomain": "client.shop.example",
        "verifySubdomain": "verify.shop.example"}, protection.urn
