"""The resource bodies built from the sign-in models, tested without an engine."""

from __future__ import annotations

import pulumi

from components.authentication.apis import grants
from components.authentication.applications import client_arguments
from components.authentication.attack_protection import attack_protection_arguments
from components.authentication.guardian_arguments import guardian_arguments, phone_templates
from components.authentication.phone_provider import phone_provider_arguments
from components.config.applications import Application
from components.config.attack_protection import AttackProtectionSettings
from components.config.connections import DatabaseConnection, EmailPasswordless, SmsPasswordless
from components.config.mfa import MfaSettings
from components.config.phone_provider import PhoneProviderSection
from components.provisioning.connection_options import connection_options


def secret(ref):
    return f"<secret {ref.secret}>"


def field(args, name):
    return pulumi.get(args, name)


def test_application_defaults_are_rs256_and_the_grant_types_of_its_type():
    worker = client_arguments("worker", Application(app_type="non_interactive"))
    assert worker["name"] == "worker"
    assert worker["grant_types"] == ["client_credentials"]
    jwt = worker["jwt_configuration"]
    assert (field(jwt, "alg"), field(jwt, "lifetime_in_seconds"), field(jwt, "secret_encoded")) == ("RS256", 36000,
                                                                                                   False)
    assert "refresh_token" not in worker and "initiate_login_uri" not in worker
    assert client_arguments("shop", Application(app_type="spa"))["grant_types"] == ["authorization_code",
                                                                                   "refresh_token"]


def test_backchannel_logout_goes_into_the_oidc_logout_block():
    app = Application(app_type="regular_web", oidc_logout={"backchannel_logout_urls": ["https://a.example/bcl"]})
    logout = client_arguments("web", app)["oidc_logout"]
    assert field(logout, "backchannel_logout_urls") == ["https://a.example/bcl"]
    assert field(field(logout, "backchannel_logout_initiators"), "mode") == "all"


def test_grants_are_listed_by_application_then_api():
    apps = {
        "b": Application(app_type="non_interactive", grants={"api2": ["x"], "api1": ["y"]}),
        "a": Application(app_type="non_interactive", grants={"api1": ["z"]}),
    }
    assert grants(apps) == [("a", "api1", ["z"]), ("b", "api1", ["y"]), ("b", "api2", ["x"])]


def test_plain_database_turns_customisation_off_explicitly():
    options = connection_options(DatabaseConnection(strategy="auth0"), secret)
    assert field(options, "enabled_database_customization") is False and field(options, "import_mode") is False
    assert field(options, "custom_scripts") is None


def test_email_verification_becomes_a_required_verified_email_attribute():
    options = connection_options(DatabaseConnection(strategy="auth0", email_verification="otp"), secret)
    email = field(field(options, "attributes")[0], "emails")[0]
    assert field(email, "verification_method") == "otp"
    assert field(field(field(email, "signups")[0], "verifications")[0], "active") is True


def test_passwordless_email_uses_the_template_file(tmp_path):
    (tmp_path / "code.html").write_text("<p>{{ code }}</p>")
    connection = EmailPasswordless.model_validate(
        {"strategy": "email", "from": "Acme <login@acme.example>", "subject": "Your code", "template": "code.html"},
        context={"project_dir": str(tmp_path)},
    )
    options = connection_options(connection, secret)
    assert (field(options, "name"), field(options, "from_"), field(options, "template")) == (
        "email", "Acme <login@acme.example>", "<p>{{ code }}</p>")


def test_passwordless_sms_token_comes_from_the_secret():
    connection = SmsPasswordless.model_validate({"strategy": "sms", "twilio_sid": "AC1", "from": "+15550100",
                                                 "twilio_token": {"secret": "twilio_token"}})
    options = connection_options(connection, secret)
    assert field(options, "twilio_token") == "<secret twilio_token>"
    assert field(options, "name") == "sms"


def test_factors_not_configured_are_switched_off():
    arguments = guardian_arguments(MfaSettings(policy="all-applications", otp=True))
    assert field(arguments["phone"], "enabled") is False
    assert field(arguments["webauthn_roaming"], "enabled") is False
    assert field(arguments["push"], "enabled") is False
    assert arguments["otp"] is True and arguments["email"] is False


def test_guardian_phone_sets_no_deprecated_provider_or_options():
    settings = MfaSettings.model_validate({"policy": "all-applications", "phone": {"message_types": ["sms", "voice"]}})
    phone = guardian_arguments(settings)["phone"]
    assert (field(phone, "enabled"), field(phone, "message_types")) == (True, ["sms", "voice"])
    assert field(phone, "provider") is None and field(phone, "options") is None


def test_phone_code_messages_become_phone_notification_templates():
    settings = MfaSettings.model_validate({"policy": "all-applications", "phone": {
        "verification_message": "{{code}} is your Acme code"}})
    assert phone_templates(settings.phone) == {"otp-verify": "{{code}} is your Acme code"}
    assert phone_templates(None) == {}


def test_twilio_phone_provider_token_comes_from_the_secret():
    settings = PhoneProviderSection.model_validate({
        "name": "twilio", "configuration": {"delivery_methods": ["text", "voice"], "sid": "AC1", "mssid": "MG1"},
        "credentials": {"auth_token": {"secret": "twilio_auth_token"}}})
    arguments = phone_provider_arguments(settings, secret)
    assert field(arguments["credentials"], "auth_token") == "<secret twilio_auth_token>"
    assert field(arguments["configuration"], "delivery_methods") == ["text", "voice"]
    assert (arguments["name"], arguments["disabled"]) == ("twilio", False)


def test_custom_phone_provider_sends_empty_credentials():
    arguments = phone_provider_arguments(PhoneProviderSection.model_validate({"name": "custom"}), secret)
    assert field(arguments["credentials"], "auth_token") is None
    assert field(arguments["configuration"], "sid") is None


def test_bot_detection_and_captcha_are_sent_when_configured():
    settings = AttackProtectionSettings.model_validate({
        "bot_detection": {"bot_detection_level": "high", "allowlist": ["192.0.2.0/24"]},
        "captcha": {"provider": "hcaptcha", "site_key": "site", "secret": {"secret": "hcaptcha_secret"}},
    })
    arguments = attack_protection_arguments(settings, secret)
    assert field(arguments["bot_detection"], "bot_detection_level") == "high"
    assert field(arguments["bot_detection"], "allowlists") == ["192.0.2.0/24"]
    captcha = arguments["captcha"]
    assert field(captcha, "active_provider_id") == "hcaptcha"
    assert field(field(captcha, "hcaptcha"), "secret") == "<secret hcaptcha_secret>"


def test_attack_protection_without_add_on_settings_leaves_them_out():
    arguments = attack_protection_arguments(AttackProtectionSettings(), secret)
    assert arguments["bot_detection"] is None and arguments["captcha"] is None
    assert field(arguments["brute_force_protection"], "enabled") is True
