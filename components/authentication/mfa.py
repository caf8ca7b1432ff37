"""User authentication: multi-factor authentication.

Creates: auth0.Guardian (policy; otp, email, recovery codes, WebAuthn roaming and platform, SMS/voice) and,
when the blueprint words the phone codes, auth0.BrandingPhoneNotificationTemplate otp_enroll / otp_verify.
Factors left out of the blueprint are set off, so one turned on by hand shows as drift. SMS/voice is sent by
the tenant-level phone provider (Unified Phone Experience): Guardian's own phone provider settings are
deprecated and never set, and Guardian waits for the tenant flag and that provider (`after`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_auth0 as auth0

from components.config.mfa import MfaSettings, Phone


@dataclass(frozen=True)
class MfaArgs:
    settings: MfaSettings
    after: Sequence[pulumi.Resource] = ()  # the Tenant (UPE flag) and the PhoneProvider


def _phone(phone: Phone | None) -> auth0.GuardianPhoneArgs:
    if phone is None:
        return auth0.GuardianPhoneArgs(enabled=False)
    return auth0.GuardianPhoneArgs(enabled=True, message_types=list(phone.message_types))


def phone_templates(phone: Phone | None) -> dict[str, str]:
    """Phone template type -> body, for the messages the blueprint sets (Guardian's old per-factor texts)."""
    if phone is None:
        return {}
    texts = {"otp-enroll": phone.enrollment_message, "otp-verify": phone.verification_message}
    return {key: text for key, text in texts.items() if text is not None}


def guardian_arguments(settings: MfaSettings) -> dict[str, Any]:
    roaming, platform = settings.webauthn_roaming, settings.webauthn_platform
    return {
        "policy": settings.policy,
        "otp": settings.otp,
        "email": settings.email,
        "recovery_code": settings.recovery_code,
        "webauthn_roaming": auth0.GuardianWebauthnRoamingArgs(
            enabled=roaming.enabled, user_verification=roaming.user_verification
        ) if roaming else auth0.GuardianWebauthnRoamingArgs(enabled=False),
        "webauthn_platform": auth0.GuardianWebauthnPlatformArgs(enabled=platform.enabled if platform else False),
        "phone": _phone(settings.phone),
        "push": auth0.GuardianPushArgs(enabled=False),  # push needs an app with the Guardian SDK; not modelled
    }


class Mfa(pulumi.ComponentResource):
    policy: pulumi.Output[str]

    def __init__(self, name: str, args: MfaArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:authentication:Mfa", name, None, opts)
        after = list(args.after)
        guardian = auth0.Guardian(
            f"{name}-guardian", **guardian_arguments(args.settings),
            opts=pulumi.ResourceOptions(parent=self, depends_on=after),
        )
        for key, text in phone_templates(args.settings.phone).items():
            # The same words for SMS and voice, as Guardian's phone templates had.
            auth0.BrandingPhoneNotificationTemplate(
                f"{name}-{key}", type=key.replace("-", "_"), disabled=False,
                content=auth0.BrandingPhoneNotificationTemplateContentArgs(
                    body=auth0.BrandingPhoneNotificationTemplateContentBodyArgs(text=text, voice=text)),
                opts=pulumi.ResourceOptions(parent=self, depends_on=after),
            )
        self.policy = guardian.policy
        self.register_outputs({"policy": self.policy})
