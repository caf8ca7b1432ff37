"""The auth0.Guardian arguments of the `mfa` section (pure: no resource is created here).

Every factor is sent, on or off, so one turned on by hand in the dashboard shows as drift. Credentials
(SNS secret key, APNs certificate, FCM server key, Duo secret) come from the stack's secrets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi_auth0 as auth0

from components.config.mfa import MfaSettings, OtpSettings, Phone, WebauthnPlatform, WebauthnRoaming
from components.config.mfa_push import Duo, Push
from components.config.phone_templates import MFA_PHONE_MESSAGES
from components.config.runtime import secret_value
from components.config.types import SecretRef

SecretOf = Callable[[SecretRef], Any]


def _relying_party(settings: WebauthnRoaming | WebauthnPlatform) -> dict[str, Any]:
    if not settings.override_relying_party:
        return {"override_relying_party": False}
    return {"override_relying_party": True, "relying_party_identifier": settings.relying_party_identifier}


def _webauthn_roaming(roaming: WebauthnRoaming | None) -> auth0.GuardianWebauthnRoamingArgs:
    if roaming is None:
        return auth0.GuardianWebauthnRoamingArgs(enabled=False)
    return auth0.GuardianWebauthnRoamingArgs(enabled=roaming.enabled, user_verification=roaming.user_verification,
                                             **_relying_party(roaming))


def _webauthn_platform(platform: WebauthnPlatform | None) -> auth0.GuardianWebauthnPlatformArgs:
    if platform is None:
        return auth0.GuardianWebauthnPlatformArgs(enabled=False)
    return auth0.GuardianWebauthnPlatformArgs(enabled=platform.enabled, **_relying_party(platform))


def _phone(phone: Phone | None) -> auth0.GuardianPhoneArgs:
    if phone is None:
        return auth0.GuardianPhoneArgs(enabled=False)
    return auth0.GuardianPhoneArgs(enabled=True, message_types=list(phone.message_types))


def _push(push: Push | None, secret: SecretOf) -> auth0.GuardianPushArgs:
    if push is None:
        return auth0.GuardianPushArgs(enabled=False)
    sns, apns, fcm, app = push.amazon_sns, push.direct_apns, push.direct_fcm, push.custom_app
    return auth0.GuardianPushArgs(
        enabled=push.enabled,
        provider=push.provider,
        amazon_sns=auth0.GuardianPushAmazonSnsArgs(
            aws_access_key_id=sns.aws_access_key_id, aws_secret_access_key=secret(sns.aws_secret_access_key),
            aws_region=sns.aws_region, sns_apns_platform_application_arn=sns.sns_apns_platform_application_arn,
            sns_gcm_platform_application_arn=sns.sns_gcm_platform_application_arn) if sns else None,
        direct_apns=auth0.GuardianPushDirectApnsArgs(
            enabled=apns.enabled, bundle_id=apns.bundle_id, p12=secret(apns.p12), sandbox=apns.sandbox)
        if apns else None,
        direct_fcm=auth0.GuardianPushDirectFcmArgs(server_key=secret(fcm.server_key)) if fcm else None,
        custom_app=auth0.GuardianPushCustomAppArgs(
            app_name=app.app_name, apple_app_link=app.apple_app_link, google_app_link=app.google_app_link)
        if app else None,
    )


def _duo(duo: Duo | None, secret: SecretOf) -> auth0.GuardianDuoArgs:
    if duo is None:
        return auth0.GuardianDuoArgs(enabled=False)
    return auth0.GuardianDuoArgs(enabled=duo.enabled, hostname=duo.hostname, integration_key=duo.integration_key,
                                 secret_key=secret(duo.secret_key))


def _otp(settings: OtpSettings | None, kind: type) -> Any:
    return kind(otp_length=settings.otp_length, otp_expiration_time=settings.otp_expiration_time) if settings else None


def _optional_blocks(settings: MfaSettings) -> dict[str, Any]:
    """Blocks Auth0 keeps as they are when left out: sent only when the blueprint sets them."""
    session = settings.settings
    blocks = {
        "email_settings": _otp(settings.email_settings, auth0.GuardianEmailSettingsArgs),
        "phone_settings": _otp(settings.phone_settings, auth0.GuardianPhoneSettingsArgs),
        "settings": auth0.GuardianSettingsArgs(
            display_remember_me_checkbox=session.display_remember_me_checkbox,
            remember_me_default_value=session.remember_me_default_value,
            mfa_session_inactivity_timeout=session.mfa_session_inactivity_timeout,
            mfa_session_overall_timeout=session.mfa_session_overall_timeout) if session else None,
    }
    return {key: block for key, block in blocks.items() if block is not None}


def guardian_arguments(settings: MfaSettings, secret: SecretOf = secret_value) -> dict[str, Any]:
    return {
        "policy": settings.policy,
        "otp": settings.otp,
        "email": settings.email,
        "recovery_code": settings.recovery_code,
        "webauthn_roaming": _webauthn_roaming(settings.webauthn_roaming),
        "webauthn_platform": _webauthn_platform(settings.webauthn_platform),
        "phone": _phone(settings.phone),
        "push": _push(settings.push, secret),
        "duo": _duo(settings.duo, secret),
        **_optional_blocks(settings),
    }


def phone_templates(phone: Phone | None) -> dict[str, str]:
    """Phone template type -> body, for the messages the blueprint sets (Guardian's old per-factor texts)."""
    if phone is None:
        return {}
    texts = {kind.replace("_", "-"): getattr(phone, field) for kind, field in MFA_PHONE_MESSAGES.items()}
    return {key: text for key, text in texts.items() if text is not None}
