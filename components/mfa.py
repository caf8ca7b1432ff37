"""User authentication: multi-factor authentication.

Creates: auth0.Guardian (policy; otp, email, recovery codes, WebAuthn roaming and platform, SMS/voice
through a provider). Factors left out of the blueprint are set off, so one turned on by hand shows as drift.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_auth0 as auth0

from components.config.mfa import MfaSettings, Phone
from components.config.runtime import secret_value
from components.config.types import SecretRef


@dataclass(frozen=True)
class MfaArgs:
    settings: MfaSettings


def _phone(phone: Phone | None, secret: Callable[[SecretRef], Any]) -> auth0.GuardianPhoneArgs:
    if phone is None:
        return auth0.GuardianPhoneArgs(enabled=False)
    twilio = phone.twilio
    return auth0.GuardianPhoneArgs(
        enabled=True,
        provider=phone.provider,
        message_types=list(phone.message_types),
        options=auth0.GuardianPhoneOptionsArgs(
            enrollment_message=phone.enrollment_message,
            verification_message=phone.verification_message,
            sid=twilio.sid if twilio else None,
            auth_token=secret(twilio.auth_token) if twilio else None,
            from_=twilio.from_ if twilio else None,
            messaging_service_sid=twilio.messaging_service_sid if twilio else None,
        ),
    )


def guardian_arguments(settings: MfaSettings, secret: Callable[[SecretRef], Any]) -> dict[str, Any]:
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
        "phone": _phone(settings.phone, secret),
        "push": auth0.GuardianPushArgs(enabled=False),  # push needs an app with the Guardian SDK; not modelled
    }


class Mfa(pulumi.ComponentResource):
    policy: pulumi.Output[str]

    def __init__(self, name: str, args: MfaArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:authentication:Mfa", name, None, opts)
        guardian = auth0.Guardian(
            f"{name}-guardian", **guardian_arguments(args.settings, secret_value),
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.policy = guardian.policy
        self.register_outputs({"policy": self.policy})
