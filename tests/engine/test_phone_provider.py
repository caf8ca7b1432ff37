"""SMS/voice through the tenant-level phone provider (Unified Phone Experience): what a stack plans, and the
one-line errors for a phone setup Auth0 would reject or silently not use."""

from __future__ import annotations

import warnings

import pytest

A = "auth0:index/"
TWILIO = {
    "name": "twilio",
    "configuration": {"delivery_methods": ["text"], "sid": "AC1", "mssid": "MG1"},
    "credentials": {"auth_token": {"secret": "twilio_auth_token"}},
}


def _problems(project, edit, stack="live") -> str:
    data = project.blueprint()
    edit(data)
    project.write_blueprint(data)
    return "\n".join(project.problems(stack))


def _custom_provider_with_its_action(project) -> None:
    (project.root / "assets/actions/send-phone.js").write_text(
        "exports.onExecuteCustomPhoneProvider = async (event, api) => {};\n")
    data = project.blueprint()
    data["actions"]["send-phone"] = {"trigger": "custom-phone-provider", "code": "assets/actions/send-phone.js"}
    data["phone_provider"] = {"name": "custom", "configuration": {"delivery_methods": ["text", "voice"]}}
    project.write_blueprint(data)


def test_prod_plans_the_provider_with_a_secret_token_and_guardian_without_provider_settings(prod_plan):
    (provider,) = prod_plan.of_type(A + "phoneProvider:PhoneProvider")
    assert provider.inputs["credentials"] == {"authToken": "[secret]"}, provider.urn
    (guardian,) = prod_plan.of_type(A + "guardian:Guardian")
    assert "provider" not in guardian.inputs["phone"] and "options" not in guardian.inputs["phone"], guardian.urn


def test_planning_uses_no_deprecated_guardian_phone_field(project):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        project.plan("live")
    deprecated = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)
                  and "Unified Phone Experience" in str(w.message)]
    assert deprecated == [], deprecated


def test_custom_provider_waits_for_its_action(project):
    _custom_provider_with_its_action(project)
    plan = project.plan("live")
    (provider,) = plan.of_type(A + "phoneProvider:PhoneProvider")
    actions = {r.name: r.urn for r in plan.of_type(A + "action:Action")}
    assert provider.inputs["name"] == "custom" and "sid" not in provider.inputs["configuration"], provider.urn
    assert actions["ciam-actions-send-phone"] in provider.dependencies, f"{provider.urn}: {provider.dependencies}"


def test_phone_code_messages_are_planned_as_phone_templates(project):
    data = project.blueprint()
    data.pop("phone_templates")  # the section that separates SMS and voice words; this is the older shorthand
    data["mfa"]["phone"]["enrollment_message"] = "{{code}} enrols you at Acme"
    project.write_blueprint(data)
    templates = {r.inputs["type"]: r for r in project.plan("live").of_type(
        A + "brandingPhoneNotificationTemplate:BrandingPhoneNotificationTemplate")}
    assert list(templates) == ["otp_enroll"], list(templates)
    body = templates["otp_enroll"].inputs["content"]["body"]
    assert body == {"text": "{{code}} enrols you at Acme", "voice": "{{code}} enrols you at Acme"}, body


def test_guardian_provider_settings_point_to_the_phone_provider_section(project):
    def edit(data):
        data["mfa"]["phone"]["provider"] = "twilio"
    message = _problems(project, edit)
    assert "tenant.yaml" in message and "mfa.phone: provider moved to the phone_provider section" in message, message
    assert "Traceback" not in message


def test_sms_mfa_without_a_phone_provider(project):
    def edit(data):
        del data["phone_provider"]
    message = _problems(project, edit)
    assert "mfa.phone: SMS/voice MFA needs the phone_provider section" in message, message


def test_phone_provider_needs_the_tenant_flag(project):
    def edit(data):
        data["tenant"]["phone_consolidated_experience"] = False
    message = _problems(project, edit)
    assert "tenant.phone_consolidated_experience: must be true when phone_provider is set" in message, message


def test_disabled_phone_provider_while_sms_mfa_is_on(project):
    def edit(data):
        data["phone_provider"]["disabled"] = True
    assert "phone_provider.disabled: must be false while mfa.phone is set" in _problems(project, edit)


def test_voice_codes_need_the_voice_delivery_method(project):
    def edit(data):
        data["mfa"]["phone"]["message_types"] = ["sms", "voice"]
    message = _problems(project, edit)
    assert ("mfa.phone.message_types: voice needs phone_provider.configuration.delivery_methods to include voice"
            in message), message


@pytest.mark.parametrize(("change", "expected"), [
    (lambda p: p["credentials"].pop("auth_token"), "phone_provider: twilio needs credentials.auth_token"),
    (lambda p: p["configuration"].pop("mssid"),
     "phone_provider: twilio needs configuration.default_from or configuration.mssid"),
    (lambda p: p["configuration"].update(delivery_methods=["sms"]), "phone_provider.configuration.delivery_methods.0"),
    (lambda p: p["configuration"].update(default_from="+15550100"),
     "phone_provider: twilio takes one sender: configuration.default_from or configuration.mssid, not both"),
    (lambda p: p["configuration"].update(delivery_methods=["text", "text"]),
     "phone_provider: configuration.delivery_methods lists a method twice"),
    (lambda p: p.update(name="auth0"), "phone_provider.name"),
])
def test_bad_twilio_settings(project, change, expected):
    def edit(data):
        data["phone_provider"] = {key: dict(value) if isinstance(value, dict) else value
                                  for key, value in TWILIO.items()}
        change(data["phone_provider"])
    message = _problems(project, edit)
    assert expected in message and "tenant.yaml" in message, message


def test_custom_provider_with_twilio_settings(project):
    def edit(data):
        data["phone_provider"]["name"] = "custom"
    message = _problems(project, edit)
    assert ("phone_provider: a custom provider sends through an Action; remove configuration.sid, "
            "configuration.mssid, credentials.auth_token") in message, message


def test_custom_provider_without_its_action(project):
    def edit(data):
        data["phone_provider"] = {"name": "custom"}
    message = _problems(project, edit)
    assert "phone_provider.name: custom needs a deployed Action with trigger custom-phone-provider" in message, message
