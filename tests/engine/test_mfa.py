"""MFA and phone messages: what every stack of the full fixture plans (Guardian push, Duo, WebAuthn relying
party, OTP and session settings, the phone templates), and the one-line refusals of what Auth0 would reject."""

from __future__ import annotations

import pytest

A = "auth0:index/"
GUARDIAN = A + "guardian:Guardian"
PHONE_TEMPLATE = A + "brandingPhoneNotificationTemplate:BrandingPhoneNotificationTemplate"
SNS = {"aws_access_key_id": "AKIAEXAMPLEKEY00001", "aws_secret_access_key": {"secret": "sns_key"},
       "aws_region": "us-east-1",
       "sns_apns_platform_application_arn": "arn:aws:sns:us-east-1:100000000001:app/APNS/verify",
       "sns_gcm_platform_application_arn": "arn:aws:sns:us-east-1:100000000001:app/GCM/verify"}


def _guardian(plan):
    (guardian,) = plan.of_type(GUARDIAN)
    return guardian


def _problems(project, edit) -> str:
    data = project.blueprint()
    edit(data)
    project.write_blueprint(data)
    message = "\n".join(project.problems("live"))
    assert "Traceback" not in message
    return message


def test_every_stack_plans_push_through_sns_with_the_custom_app(stack_plan):
    guardian = _guardian(stack_plan)
    push = guardian.inputs["push"]
    assert (push["enabled"], push["provider"]) == (True, "sns"), guardian.urn
    sns = push["amazonSns"]
    assert sns["awsSecretAccessKey"] == "[secret]" and sns["awsRegion"] == "eu-west-1", guardian.urn
    assert sns["snsApnsPlatformApplicationArn"].endswith(":app/APNS/globex-verify"), guardian.urn
    assert sns["snsGcmPlatformApplicationArn"].endswith(":app/GCM/globex-verify"), guardian.urn
    assert push["customApp"] == {"appName": "Globex Verify",
                                 "appleAppLink": "https://apps.apple.com/app/globex-verify/id100000001",
                                 "googleAppLink": "https://play.google.com/store/apps/details?id=example.globex.verify"}


def test_every_stack_plans_duo_webauthn_and_the_mfa_settings(stack_plan):
    inputs = _guardian(stack_plan).inputs
    assert inputs["duo"] == {"enabled": True, "hostname": "api-globex.duosecurity.com",
                             "integrationKey": "DIGLOBEXEXAMPLE00001", "secretKey": "[secret]"}, inputs["duo"]
    assert inputs["webauthnRoaming"] == {"enabled": True, "userVerification": "required",
                                         "overrideRelyingParty": True, "relyingPartyIdentifier": "globex.example"}
    assert inputs["webauthnPlatform"] == {"enabled": True, "overrideRelyingParty": False}
    assert inputs["emailSettings"] == {"otpLength": 8, "otpExpirationTime": 600}
    assert inputs["phoneSettings"] == {"otpLength": 6, "otpExpirationTime": 180}
    assert inputs["settings"] == {"displayRememberMeCheckbox": True, "rememberMeDefaultValue": False,
                                  "mfaSessionInactivityTimeout": 86400, "mfaSessionOverallTimeout": 1209600}


def test_every_stack_plans_each_phone_template_after_the_provider(stack_plan):
    templates = {r.inputs["type"]: r for r in stack_plan.of_type(PHONE_TEMPLATE)}
    assert sorted(templates) == ["blocked_account", "change_password", "otp_enroll", "otp_verify", "password_breach"]
    enroll = templates["otp_enroll"]
    assert enroll.inputs["content"] == {"from": "+15550100", "body": {
        "text": "{{ code }} is your Globex enrolment code.", "voice": "Your Globex enrolment code is {{ code }}."}}
    assert enroll.inputs["disabled"] is False, enroll.urn
    assert templates["change_password"].inputs == {"type": "change_password", "disabled": True}
    assert templates["blocked_account"].inputs["content"]["body"].keys() == {"text"}
    (provider,) = stack_plan.of_type(A + "phoneProvider:PhoneProvider")
    for template in templates.values():
        assert provider.urn in template.dependencies, f"{template.urn} does not wait for {provider.urn}"
        assert template.name.startswith("ciam-phone-"), template.urn


def test_factors_left_out_are_planned_off(project):
    data = project.blueprint()
    for key in ("push", "duo", "email_settings", "phone_settings", "settings"):
        del data["mfa"][key]
    project.write_blueprint(data)
    inputs = _guardian(project.plan("live")).inputs
    assert inputs["push"] == {"enabled": False} and inputs["duo"] == {"enabled": False}, inputs
    assert not {"emailSettings", "phoneSettings", "settings"} & set(inputs), sorted(inputs)


def test_direct_push_sends_the_apns_certificate_and_fcm_key_as_secrets(project):
    data = project.blueprint()
    data["mfa"]["push"] = {"provider": "direct", "custom_app": {"app_name": "Verify"},
                           "direct_apns": {"bundle_id": "com.example.verify", "p12": {"secret": "apns_p12"}},
                           "direct_fcm": {"server_key": {"secret": "fcm_key"}}}
    project.write_blueprint(data)
    guardian = _guardian(project.plan("live"))
    push = guardian.inputs["push"]
    assert push["provider"] == "direct" and "amazonSns" not in push, guardian.urn
    assert push["directApns"] == {"enabled": True, "bundleId": "com.example.verify", "p12": "[secret]",
                                  "sandbox": False}, push
    assert push["directFcm"] == {"serverKey": "[secret]"}, push


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda m: m["push"].pop("amazon_sns"), "mfa.push: provider sns needs amazon_sns"),
    (lambda m: m["push"].update(provider="direct"), "mfa.push: provider direct needs direct_apns or direct_fcm"),
    (lambda m: m["push"].update(provider="guardian", amazon_sns=None) or m["push"].pop("amazon_sns"),
     "mfa.push: custom_app needs provider sns or direct"),
    (lambda m: m["push"]["amazon_sns"].update(sns_gcm_platform_application_arn="fcm"),
     "mfa.push.amazon_sns.sns_gcm_platform_application_arn: expected an SNS platform application ARN"),
    (lambda m: m["push"]["amazon_sns"].pop("sns_apns_platform_application_arn"),
     "mfa.push.amazon_sns.sns_apns_platform_application_arn: required but missing"),
    (lambda m: m["push"]["amazon_sns"].update(aws_secret_access_key="plain-text-value"),
     "mfa.push.amazon_sns.aws_secret_access_key: a plain-text value is not allowed here"),
    (lambda m: m["duo"].update(secret_key="plain-text-value"), "mfa.duo.secret_key: a plain-text value"),
    (lambda m: m["webauthn_roaming"].pop("relying_party_identifier"),
     "mfa.webauthn_roaming: override_relying_party: true needs relying_party_identifier"),
    (lambda m: m["webauthn_platform"].update(relying_party_identifier="globex.example"),
     "mfa.webauthn_platform: relying_party_identifier is used only with override_relying_party: true"),
    (lambda m: m["webauthn_roaming"].update(relying_party_identifier="other.example"),
     "mfa.webauthn_roaming.relying_party_identifier: other.example is not id.globex.example or "
     "partners.id.globex.example or a suffix of one"),
    (lambda m: m["webauthn_roaming"].update(user_verification="always"),
     "mfa.webauthn_roaming.user_verification: expected one of 'discouraged', 'preferred' or 'required'"),
    (lambda m: m.update(mfa_session_overall_timeout=3600), "mfa: mfa_session_overall_timeout moved to mfa.settings"),
    (lambda m: m["settings"].update(mfa_session_inactivity_timeout=2592000),
     "mfa.settings: mfa_session_inactivity_timeout (2592000) cannot exceed mfa_session_overall_timeout (1209600)"),
    (lambda m: m["settings"].update(mfa_session_overall_timeout=600),
     "mfa.settings.mfa_session_overall_timeout: "),
    (lambda m: m["email_settings"].update(otp_length=3), "mfa.email_settings.otp_length: "),
])
def test_bad_mfa_settings_fail_with_their_key(project, edit, expected):
    message = _problems(project, lambda data: edit(data["mfa"]))
    assert expected in message and "tenant.yaml" in message, message


def _only_factors(mfa: dict, *keep: str) -> None:
    for factor in ("otp", "email", "recovery_code"):
        mfa[factor] = factor in keep
    for factor in ("webauthn_roaming", "webauthn_platform", "phone", "push", "duo"):
        if factor not in keep:
            mfa.pop(factor, None)


def test_recovery_codes_need_another_factor(project):
    def edit(data):
        data["mfa"]["policy"] = "never"
        _only_factors(data["mfa"], "recovery_code")
    assert "mfa: recovery_code needs another factor" in _problems(project, edit)


def test_device_biometrics_cannot_be_the_only_factor(project):
    def edit(data):
        _only_factors(data["mfa"], "webauthn_platform")
    assert "mfa: webauthn_platform cannot be the only factor" in _problems(project, edit)


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda d: d["phone_templates"].update(otp_verfy=d["phone_templates"].pop("otp_verify")),
     "phone_templates.otp_verfy: expected one of 'otp_verify', 'otp_enroll', 'change_password', 'blocked_account' "
     "or 'password_breach'; got 'otp_verfy'; did you mean 'otp_verify'?"),
    (lambda d: d["phone_templates"]["otp_verify"]["content"].update(body={}),
     "phone_templates.otp_verify.content: body needs text (SMS), voice, or both"),
    (lambda d: d["phone_templates"]["otp_verify"].update(sms="x"), "phone_templates.otp_verify.sms: unknown key"),
    (lambda d: d.pop("phone_provider") and d["mfa"].pop("phone"),
     "phone_templates: Auth0 uses phone templates only with an external phone provider"),
    (lambda d: d["mfa"]["phone"].update(verification_message="{{ code }}"),
     "mfa.phone.verification_message: the otp_verify phone template is also set in phone_templates.otp_verify"),
])
def test_bad_phone_templates_fail_with_their_key(project, edit, expected):
    message = _problems(project, edit)
    assert expected in message and "tenant.yaml" in message, message
