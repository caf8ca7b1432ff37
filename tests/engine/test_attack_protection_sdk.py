"""Attack protection: every argument pulumi_auth0's AttackProtection takes has a blueprint key, every CAPTCHA
provider it knows is accepted, and the full fixture's bot detection, CAPTCHA (secret by reference) and SMS
resend limits reach the resource."""

from __future__ import annotations

import inspect
import typing

import pulumi_auth0 as auth0
import pytest

from cli.offline import SECRET
from components.config.attack_protection import AttackProtectionSettings, BotDetection, Captcha
from tests.conftest import fixture_plan

ATTACK_PROTECTION = "auth0:index/attackProtection:AttackProtection"


def _arguments(cls) -> set[str]:
    return {name for name in inspect.signature(cls.__init__).parameters if name not in ("self", "__self__")}


@pytest.mark.parametrize(("sdk", "model"), [
    (auth0.AttackProtectionArgs, AttackProtectionSettings), (auth0.AttackProtectionBotDetectionArgs, BotDetection),
])
def test_every_sdk_argument_has_a_blueprint_key(sdk, model):
    missing = {"allowlist" if name == "allowlists" else name for name in _arguments(sdk)} - set(model.model_fields)
    assert not missing, f"{sdk.__name__} arguments the blueprint cannot set: {sorted(missing)}"


def test_every_captcha_provider_the_sdk_knows_is_accepted():
    providers = set(typing.get_args(Captcha.model_fields["provider"].annotation))
    blocks = _arguments(auth0.AttackProtectionCaptchaArgs) - {"active_provider_id"}
    assert blocks <= providers, f"CAPTCHA providers the blueprint refuses: {sorted(blocks - providers)}"


def test_bot_detection_captcha_and_sms_limits_reach_the_resource():
    (protection,) = fixture_plan("full", "live").of_type(ATTACK_PROTECTION)
    inputs = protection.inputs
    assert inputs["botDetection"] == {
        "botDetectionLevel": "high", "challengePasswordPolicy": "when_risky", "challengePasswordlessPolicy": "always",
        "challengePasswordResetPolicy": "never", "allowlists": ["192.0.2.0/28"], "monitoringModeEnabled": False,
    }, protection.urn
    assert inputs["captcha"]["activeProviderId"] == "hcaptcha", protection.urn
    assert inputs["captcha"]["hcaptcha"]["secret"] == SECRET, f"{protection.urn}: the CAPTCHA secret is not a secret"
    assert inputs["phoneProviderProtection"] == {"type": "exponential"}, protection.urn


def test_a_captcha_no_flow_challenges_with_is_refused(project):
    data = project.blueprint()
    data["attack_protection"]["bot_detection"].update(
        challenge_password_policy="never", challenge_passwordless_policy="never")
    project.write_blueprint(data)
    problems = "\n".join(project.problems())
    assert "attack_protection.captcha: bot detection challenges no flow" in problems, problems
