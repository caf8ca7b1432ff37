"""User authentication: anomaly detection.

Creates: auth0.AttackProtection (brute force with an allowlist; breached-password detection with admin
notifications; suspicious-IP throttling with an allowlist and login/sign-up rates; bot detection and
CAPTCHA when configured, which need Auth0's Attack Protection add-on; SMS resend limits for MFA enrollment).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_auth0 as auth0

from components.config.attack_protection import AttackProtectionSettings, Captcha
from components.config.runtime import secret_value
from components.config.types import SecretRef


@dataclass(frozen=True)
class AttackProtectionArgs:
    settings: AttackProtectionSettings


def _captcha(captcha: Captcha, secret: Callable[[SecretRef], Any]) -> auth0.AttackProtectionCaptchaArgs:
    provider = captcha.provider
    keys = {"site_key": captcha.site_key, "secret": secret(captcha.secret)} if captcha.secret else {}
    settings: dict[str, Any] = {"active_provider_id": provider}
    if provider == "auth_challenge":
        settings["auth_challenge"] = auth0.AttackProtectionCaptchaAuthChallengeArgs(fail_open=captcha.fail_open)
    elif provider == "recaptcha_v2":
        settings["recaptcha_v2"] = auth0.AttackProtectionCaptchaRecaptchaV2Args(**keys)
    elif provider == "hcaptcha":
        settings["hcaptcha"] = auth0.AttackProtectionCaptchaHcaptchaArgs(**keys)
    elif provider == "recaptcha_enterprise":
        settings["recaptcha_enterprise"] = auth0.AttackProtectionCaptchaRecaptchaEnterpriseArgs(
            site_key=captcha.site_key, api_key=secret(captcha.api_key), project_id=captcha.project_id)
    elif provider == "arkose":
        settings["arkose"] = auth0.AttackProtectionCaptchaArkoseArgs(
            **keys, fail_open=captcha.fail_open, client_subdomain=captcha.client_subdomain,
            verify_subdomain=captcha.verify_subdomain)
    elif provider == "friendly_captcha":
        settings["friendly_captcha"] = auth0.AttackProtectionCaptchaFriendlyCaptchaArgs(**keys)
    return auth0.AttackProtectionCaptchaArgs(**settings)


def attack_protection_arguments(settings: AttackProtectionSettings,
                                secret: Callable[[SecretRef], Any]) -> dict[str, Any]:
    brute, breached, suspicious = (settings.brute_force_protection, settings.breached_password_detection,
                                   settings.suspicious_ip_throttling)
    bot = settings.bot_detection
    return {
        "brute_force_protection": auth0.AttackProtectionBruteForceProtectionArgs(
            enabled=brute.enabled, shields=list(brute.shields), mode=brute.mode, max_attempts=brute.max_attempts,
            allowlists=list(brute.allowlist),
        ),
        "breached_password_detection": auth0.AttackProtectionBreachedPasswordDetectionArgs(
            enabled=breached.enabled, method=breached.method, shields=list(breached.shields),
            admin_notification_frequencies=list(breached.admin_notification_frequencies),
            pre_user_registration=auth0.AttackProtectionBreachedPasswordDetectionPreUserRegistrationArgs(
                shields=list(breached.pre_user_registration_shields)),
            pre_change_password=auth0.AttackProtectionBreachedPasswordDetectionPreChangePasswordArgs(
                shields=list(breached.pre_change_password_shields)),
        ),
        "suspicious_ip_throttling": auth0.AttackProtectionSuspiciousIpThrottlingArgs(
            enabled=suspicious.enabled, shields=list(suspicious.shields), allowlists=list(suspicious.allowlist),
            pre_login=auth0.AttackProtectionSuspiciousIpThrottlingPreLoginArgs(
                **suspicious.pre_login.model_dump()),
            pre_user_registration=auth0.AttackProtectionSuspiciousIpThrottlingPreUserRegistrationArgs(
                **suspicious.pre_user_registration.model_dump()),
        ),
        "bot_detection": auth0.AttackProtectionBotDetectionArgs(
            **bot.model_dump(exclude={"allowlist"}), allowlists=list(bot.allowlist)
        ) if bot else None,
        "captcha": _captcha(settings.captcha, secret) if settings.captcha else None,
        "phone_provider_protection": auth0.AttackProtectionPhoneProviderProtectionArgs(
            type=settings.phone_provider_protection.type) if settings.phone_provider_protection else None,
    }


class AttackProtection(pulumi.ComponentResource):
    protection_id: pulumi.Output[str]

    def __init__(self, name: str, args: AttackProtectionArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:authentication:AttackProtection", name, None, opts)
        protection = auth0.AttackProtection(
            f"{name}-settings", **attack_protection_arguments(args.settings, secret_value),
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.protection_id = protection.id
        self.register_outputs({"protection_id": self.protection_id})
