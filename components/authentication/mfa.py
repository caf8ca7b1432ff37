"""User authentication: multi-factor authentication.

Creates: auth0.Guardian (policy; otp, email, recovery codes, WebAuthn roaming and platform, SMS/voice, push to
the Guardian app or your own, Duo; OTP and MFA session settings) and,
when the blueprint words the phone codes, auth0.BrandingPhoneNotificationTemplate otp_enroll / otp_verify.
Factors left out of the blueprint are set off, so one turned on by hand shows as drift. SMS/voice is sent by
the tenant-level phone provider (Unified Phone Experience): Guardian's own phone provider settings are
deprecated and never set, and Guardian waits for the tenant flag and that provider (`after`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pulumi
import pulumi_auth0 as auth0

from components.authentication.guardian_arguments import guardian_arguments, phone_templates
from components.config.mfa import MfaSettings


@dataclass(frozen=True)
class MfaArgs:
    settings: MfaSettings
    after: Sequence[pulumi.Resource] = ()  # the Tenant (UPE flag) and the PhoneProvider


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
