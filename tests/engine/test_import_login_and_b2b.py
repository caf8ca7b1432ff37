"""`make import` of the sign-in experience and the B2B sections: prompts (texts, partials), branding and its
theme, Guardian, the phone provider, Forms, Flows, vault connections and self-service SSO profiles.

Every value of the fixture export's sections arrives in the plan's inputs unchanged or is in the report.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from cli.import_tenant import run
from tests.conftest import load_yaml
from tests.engine.shared_imports import shared_import, shared_plan

# The tests of the a0deploy fixture exports share one worker, so its imports and plans (tests/engine/shared_imports.py)
# are made once in the session.
pytestmark = pytest.mark.xdist_group("a0deploy-imports")

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "a0deploy"
CONFIGS = f"dev={FIXTURES}/configs/config.dev.json prod={FIXTURES}/configs/config.prod.json"
MAPPINGS = json.loads((FIXTURES / "configs" / "config.dev.json").read_text())["AUTH0_KEYWORD_REPLACE_MAPPINGS"]
EXPORT = load_yaml((FIXTURES / "yaml" / "tenant.yaml").read_text())
SECRET_VALUES = ("twilio-dev-token-value", "twilio-prod-token-value")


@pytest.fixture(scope="module")
def imported():
    """The yaml fixture export imported with the fixture configs, and its dev plan (shared, read-only)."""
    into, report = shared_import("yaml")
    return into, report, shared_plan("yaml", "dev")


def replaced(value):
    if isinstance(value, str):
        return re.sub(r"##(\w+)##", lambda m: str(MAPPINGS[m.group(1)]), value)
    if isinstance(value, list):
        return [replaced(v) for v in value]
    if isinstance(value, dict):
        return {k: replaced(v) for k, v in value.items()}
    return value


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def one(plan, type_token: str):
    records = plan.of_type(type_token)
    assert len(records) == 1, f"{type_token}: expected one resource, got {[r.urn for r in records]}"
    return records[0]


class Walk:
    """Compares export values with planned ones; a difference is lost unless the report names its key path."""

    def __init__(self, report: str):
        self.report, self.lost = report, []

    def reported(self, where: str) -> bool:
        parts = where.split(".")
        return any(f"`{'.'.join(parts[:n])}" in self.report for n in range(1, len(parts) + 1))

    def compare(self, where: str, expected, planned) -> None:
        expected = replaced(expected)
        if expected != planned and expected != "" and not self.reported(where):
            self.lost.append(f"{where}: export {expected!r}, plan {planned!r}")

    def fields(self, where: str, exported: dict, planned: dict) -> None:
        for field, value in exported.items():
            inner = planned.get(camel(field)) if isinstance(planned, dict) else None
            if isinstance(value, dict) and isinstance(inner, dict):
                self.fields(f"{where}.{field}", value, inner)
            else:
                self.compare(f"{where}.{field}", value, inner)

    def check(self) -> None:
        assert not self.lost, "values lost or changed on the way into the plan:\n" + "\n".join(self.lost)


def test_prompt_texts_and_partials_arrive_per_prompt_screen_and_language(imported):
    _into, report, plan = imported
    walk = Walk(report)
    texts = {(r.inputs["prompt"], r.inputs["language"]): json.loads(r.inputs["body"])
             for r in plan.of_type("auth0:index/promptCustomText:PromptCustomText")}
    for language, prompts in EXPORT["prompts"]["customText"].items():
        for prompt, screens in prompts.items():
            walk.compare(f"prompts.customText.{language}.{prompt}", screens, texts.get((prompt, language)))
    partials = {r.inputs["promptType"]: {s["screenName"]: s["insertionPoints"] for s in r.inputs["screenPartials"]}
                for r in plan.of_type("auth0:index/promptScreenPartials:PromptScreenPartials")}
    for prompt, screens in EXPORT["prompts"]["partials"].items():
        for screen, points in screens.items():
            for point, html in points.items():
                planned = partials.get(prompt, {}).get(screen, {}).get(camel(point.replace("-", "_")))
                walk.compare(f"prompts.partials.{prompt}.{screen}.{point}", html, planned)
    prompt = one(plan, "auth0:index/prompt:Prompt")
    for field in ("universal_login_experience", "identifier_first"):
        walk.compare(f"prompts.{field}", EXPORT["prompts"][field], prompt.inputs.get(camel(field)))
    walk.check()
    assert "`prompts.screenRenderers`" in report, "ACUL screen renderers must be reported, not dropped"


def test_branding_its_page_template_and_theme_arrive(imported):
    _into, report, plan = imported
    walk = Walk(report)
    branding = one(plan, "auth0:index/branding:Branding").inputs
    exported = {k: v for k, v in EXPORT["branding"].items() if k != "templates"}
    walk.fields("branding", exported, branding)
    template = (FIXTURES / "yaml" / EXPORT["branding"]["templates"][0]["body"]).read_text()
    walk.compare("branding.templates.0.body", template, branding["universalLogin"]["body"])
    theme = one(plan, "auth0:index/brandingTheme:BrandingTheme").inputs
    exported = {k: v for k, v in EXPORT["themes"][0].items() if k not in ("displayName", "themeId")}
    walk.fields("branding.theme", exported, theme)
    walk.compare("branding.theme.displayName", EXPORT["themes"][0]["displayName"], theme["displayName"])
    walk.check()


def test_guardian_sections_become_the_mfa_policy_and_factors(imported):
    _into, report, plan = imported
    guardian = one(plan, "auth0:index/guardian:Guardian").inputs
    assert guardian["policy"] == EXPORT["guardianPolicies"]["policies"][0], "guardianPolicies -> mfa.policy"
    for factor in EXPORT["guardianFactors"]:
        name = factor["name"]
        planned = guardian.get({"sms": "phone", "push-notification": "push"}.get(name, camel(name.replace("-", "_"))))
        enabled = planned.get("enabled") if isinstance(planned, dict) else planned
        if name != "duo":
            assert enabled == factor["enabled"], f"guardianFactors.{name}: export {factor['enabled']}, plan {enabled}"
    assert guardian["phone"]["messageTypes"] == EXPORT["guardianPhoneFactorMessageTypes"]["message_types"]
    template_type = "auth0:index/brandingPhoneNotificationTemplate:BrandingPhoneNotificationTemplate"
    planned = {r.inputs["type"]: r.inputs for r in plan.of_type(template_type)}
    assert set(planned) == {t["type"] for t in EXPORT["phoneTemplates"]} | {"otp_enroll"}, \
        "every phoneTemplates type, and otp_enroll from guardianFactorTemplates.sms"
    for exported in EXPORT["phoneTemplates"]:
        kind, content = exported["type"], exported.get("content") or {}
        inputs = planned[kind]
        assert inputs.get("disabled", False) == exported.get("disabled", False), f"phoneTemplates.{kind}.disabled"
        for channel in ("text", "voice"):
            if (content.get("body") or {}).get(channel):
                assert inputs["content"]["body"][channel] == replaced(content["body"][channel]), \
                    f"phoneTemplates.{kind}.content.body.{channel}"
        if content.get("from"):
            assert inputs["content"]["from"] == replaced(content["from"]), f"phoneTemplates.{kind}.content.from"
    sms = EXPORT["guardianFactorTemplates"][0]
    assert planned["otp_enroll"]["content"]["body"]["text"] == replaced(sms["enrollment_message"]), \
        "guardianFactorTemplates.sms.enrollment_message, where phoneTemplates has no otp_enroll"
    for field in ("auth_token", "sid", "from"):
        assert f"`guardianFactorProviders.sms.twilio.{field}`" in report, f"{field}: the deprecated provider " \
                                                                          "setting must be reported"


def test_the_phone_provider_arrives_with_its_token_as_a_secret(imported):
    into, report, plan = imported
    provider = one(plan, "auth0:index/phoneProvider:PhoneProvider").inputs
    exported = EXPORT["phoneProviders"][0]
    assert provider["name"] == exported["name"] and provider["disabled"] == exported["disabled"]
    assert provider["configuration"] == {camel(k): replaced(v) for k, v in exported["configuration"].items()}
    assert "pulumi config set --secret twilio_auth_token <value> -s prod" in report
    for file in [*into.rglob("*.yaml"), *into.rglob("*.md"), *into.rglob("*.json")]:
        for value in SECRET_VALUES:
            assert value not in file.read_text(), f"{file}: holds the secret value {value}"


def test_forms_flows_and_vault_connections_arrive_with_references_by_key(imported):
    into, report, plan = imported
    blueprint = load_yaml((into / "tenant.yaml").read_text())
    flow = one(plan, "auth0:index/flow:Flow")
    vault = one(plan, "auth0:index/flowVaultConnection:FlowVaultConnection")
    actions = json.loads(flow.inputs["actions"])
    exported = EXPORT["flows"][0]["actions"]
    assert actions[0]["params"]["connection_id"] == f"{vault.name}-id", \
        f"{flow.urn}: the vault connection named '{exported[0]['params']['connection_id']}' must become its id"
    assert [{**a, "params": {**a["params"], "connection_id": None}} for a in actions] == \
           [{**a, "params": {**a["params"], "connection_id": None}} for a in replaced(exported)], \
        f"{flow.urn}: actions changed (APP_HOST, which differs per stack, must be this stack's value)"
    assert "keyword APP_HOST" not in report, "a per-stack keyword in a flow body is a template variable now"
    assert vault.inputs["appId"] == "HTTP" and vault.inputs["environment"] == "production"
    assert "`flow_vault_connections.crm-api.setup`" in report, "an unknown vault setup must be reported"
    form = one(plan, "auth0:index/form:Form")
    exported = EXPORT["forms"][0]
    nodes = json.loads(form.inputs["nodes"])
    assert nodes[1]["config"]["flow_id"] == f"{flow.name}-id", f"{form.urn}: the flow named in the form"
    assert nodes[0] == exported["nodes"][0], f"{form.urn}: nodes changed"
    for part in ("start", "ending", "style"):
        assert json.loads(form.inputs[part]) == exported[part], f"{form.urn}: {part} changed"
    assert form.inputs["languages"] == [exported["languages"]]
    assert json.loads(form.inputs["messages"][0]["errors"]) == exported["messages"]["errors"]
    assert blueprint["forms"]["progressive-profile"]["name"] == exported["name"]


def test_self_service_profiles_arrive_with_attributes_and_custom_text(imported):
    _into, report, plan = imported
    walk = Walk(report)
    profile = one(plan, "auth0:index/selfServiceProfile:SelfServiceProfile").inputs
    exported = EXPORT["selfServiceProfiles"][0]
    walk.fields("selfServiceProfiles.partner-sso", {k: v for k, v in exported.items()
                                                    if k not in ("user_attributes", "customText")}, profile)
    walk.compare("selfServiceProfiles.partner-sso.user_attributes",
                 [{camel(k): v for k, v in a.items()} for a in exported["user_attributes"]],
                 sorted(profile["userAttributes"], key=lambda a: a["name"] != "email"))
    text = one(plan, "auth0:index/selfServiceProfileCustomText:SelfServiceProfileCustomText").inputs
    walk.compare("selfServiceProfiles.partner-sso.customText", exported["customText"]["en"]["get-started"],
                 json.loads(text["body"]))
    walk.check()


def test_the_directory_format_imports_the_same_project_as_the_yaml_format(imported):
    into, _report, _plan = imported
    other, _report = shared_import("directory")
    sections = ("prompts", "prompt_texts", "prompt_partials", "branding", "mfa", "phone_provider", "custom_domain",
                "flow_vault_connections", "flows", "forms", "self_service_sso_profiles", "user_attribute_profiles",
                "token_exchange_profiles", "action_modules", "actions", "applications")
    expected = load_yaml((into / "tenant.yaml").read_text())
    written = load_yaml((other / "tenant.yaml").read_text())
    for section in sections:
        assert written.get(section) == expected.get(section), f"{section}: the directory export imports differently"
    for folder in ("prompts", "partials", "branding", "flows", "forms", "actions"):
        for file in (into / "assets" / folder).rglob("*"):
            if file.is_file():
                twin = other / file.relative_to(into)
                assert twin.is_file() and twin.read_text().strip() == file.read_text().strip(), \
                    f"{file.relative_to(into)}: differs between the formats"


def test_event_streams_arrive_with_their_credentials_as_secrets(imported):
    into, report, plan = imported
    streams = {r.inputs["name"]: r.inputs for r in plan.of_type("auth0:index/eventStream:EventStream")}
    for exported in EXPORT["eventStreams"]:
        name, prefix = exported["name"], f"event_streams.{exported['name'].lower().replace(' ', '-')}"
        if f"`{prefix}`" in report:
            continue  # left out whole, and said so
        planned = streams.get(name)
        assert planned is not None, f"{prefix}: not planned and not reported"
        events = [s["event_type"] for s in exported["subscriptions"]]
        kept = [e for index, e in enumerate(events) if f"`{prefix}.subscriptions.{index}`" not in report]
        assert planned["subscriptions"] == kept, f"{prefix}.subscriptions: export {events}, plan {planned}"
        assert planned["status"] == exported.get("status", "enabled"), f"{prefix}.status"
        configuration = exported["destination"]["configuration"]
        if exported["destination"]["type"] == "webhook":
            webhook = planned["webhookConfiguration"]
            assert webhook["webhookEndpoint"] == replaced(configuration["webhook_endpoint"]), f"{prefix}: endpoint"
            assert webhook["webhookAuthorization"]["method"] == configuration["webhook_authorization"]["method"]
        else:
            bridge = planned["eventbridgeConfiguration"]
            assert (bridge["awsAccountId"], bridge["awsRegion"]) == (configuration["aws_account_id"],
                                                                     configuration["aws_region"]), prefix
    assert "`event_streams.custom-handler`: destination type action" in report
    assert "pulumi config set --secret crm_webhook_token <value> -s dev" in report
    for file in [*into.rglob("*.yaml"), *into.rglob("*.md")]:
        assert "crm-dev-token-value" not in file.read_text(), f"{file}: holds the webhook token"


def test_bot_detection_and_captcha_arrive_with_the_captcha_secret_as_a_reference(imported):
    into, report, plan = imported
    walk = Walk(report)
    inputs = one(plan, "auth0:index/attackProtection:AttackProtection").inputs
    bot = {("allowlists" if k == "allowlist" else k): v for k, v in EXPORT["attackProtection"]["botDetection"].items()}
    walk.fields("attack_protection.botDetection", bot, inputs["botDetection"])
    captcha = EXPORT["attackProtection"]["captcha"]
    assert inputs["captcha"]["activeProviderId"] == captcha["active_provider_id"]
    walk.compare("attack_protection.captcha.recaptcha_v2.site_key", captcha["recaptcha_v2"]["site_key"],
                 inputs["captcha"]["recaptchaV2"]["siteKey"])
    walk.check()
    assert "pulumi config set --secret recaptcha_secret <value> -s prod" in report
    for file in [*into.rglob("*.yaml"), *into.rglob("*.md")]:
        assert "recaptcha-dev-secret-value" not in file.read_text(), f"{file}: holds the CAPTCHA secret"


def test_guardian_settings_files_carry_over_what_fits_and_an_unknown_guardian_file_is_an_error(tmp_path):
    from cli.adopt.errors import ImportFailed

    export = tmp_path / "export"
    shutil.copytree(FIXTURES / "directory", export)
    (export / "guardian" / "settings.json").write_text(
        '{"mfa_session_overall_timeout": 7200, "mfa_session_inactivity_timeout": 3600, "colour": "blue"}')
    report = run(export, CONFIGS, tmp_path / "project")
    mfa = load_yaml((tmp_path / "project" / "tenant.yaml").read_text())["mfa"]
    assert mfa["settings"] == {"mfa_session_overall_timeout": 7200, "mfa_session_inactivity_timeout": 3600}, \
        "guardian/settings.json -> mfa.settings"
    assert "`guardianSettings.0.colour`" in report, "a field mfa.settings does not have must be reported"
    (export / "guardian" / "settings.json").write_text('{"mfa_session_overall_timeout": 7200}')
    report = run(export, CONFIGS, tmp_path / "rejected")
    assert "`mfa.settings.mfa_session_overall_timeout`: the model rejects it" in report, \
        "an overall timeout below Auth0's default inactivity timeout is reported, never an error"
    (export / "guardian" / "unknown.json").write_text("{}")
    with pytest.raises(ImportFailed) as caught:
        run(export, CONFIGS, tmp_path / "other")
    assert "unknown.json" in str(caught.value) and "unknown a0deploy section" in str(caught.value)
