"""The Guardian sections (Management API /guardian/factors, /guardian/policies, /guardian/factors/phone/*)
-> blueprint `mfa`.

a0deploy splits MFA into nine sections: factors (`{name, enabled}`), policies, the phone factor's message
types, its selected provider, the factor providers, the factor's SMS templates, and the MFA session settings
and the email and phone OTP settings (`guardianSettings`, `guardianEmailFactorSettings`,
`guardianPhoneFactorSettings`; their fields are the blueprint's). The provider settings of the Guardian phone
factor are deprecated: the blueprint sends SMS and voice through `phone_provider`.
"""

from __future__ import annotations

from cli.adopt.sections._fields import singleton
from cli.adopt.translate import DROP, Translation
from components.config.mfa import OtpSettings, SessionSettings

SOURCE = "guardianFactors"
# a0deploy section (Management API /guardian/settings, /guardian/factors/{email,phone}/settings) -> mfa field
SETTINGS = {"guardianSettings": "settings", "guardianEmailFactorSettings": "email_settings",
            "guardianPhoneFactorSettings": "phone_settings"}
SOURCES = (SOURCE, "guardianPolicies", "guardianPhoneFactorMessageTypes", "guardianPhoneFactorSelectedProvider",
           "guardianFactorProviders", "guardianFactorTemplates", *SETTINGS)
TARGET = "mfa"
FACTORS = {"otp": "otp", "email": "email", "recovery-code": "recovery_code"}
POLICIES = ("all-applications", "confidence-score")
TEMPLATES = ("enrollment_message", "verification_message")


def _policy(ctx: Translation) -> str:
    item, data = singleton(ctx, "guardianPolicies")
    policies = data.get("policies") or []
    if item is None:
        ctx.report.warnings.append("guardianPolicies: not in the export; mfa.policy is `never` (MFA only when an "
                                   "Action asks): check it against the tenant")
        return "never"
    chosen = [p for p in policies if p in POLICIES]
    for policy in policies:
        if policy not in POLICIES:
            ctx.report.unexpressed(TARGET, f"guardianPolicies.{policy}", "not a policy this project expresses")
    return chosen[0] if chosen else "never"


def _phone(ctx: Translation) -> dict:
    phone: dict = {}
    _item, types = singleton(ctx, "guardianPhoneFactorMessageTypes")
    message_types = [t for t in types.get("message_types") or [] if t in ("sms", "voice")]
    if message_types:
        phone["message_types"] = message_types
    for item in ctx.export.get("guardianFactorTemplates", []):
        data = item.data if isinstance(item.data, dict) else {}
        if data.get("name", "sms") != "sms":
            ctx.report.unexpressed(TARGET, f"guardianFactorTemplates.{data.get('name')}")
            continue
        for field in TEMPLATES:
            if data.get(field):
                value = ctx.value(TARGET, data[field], f"guardianFactorTemplates.sms.{field}")
                if value is not DROP:
                    phone[field] = value
        ctx.leftovers(TARGET, "guardianFactorTemplates.sms", data, {"name", *TEMPLATES})
    return phone


def _moved(ctx: Translation) -> None:
    why = ("the Guardian phone factor's own provider is deprecated; the blueprint sends SMS and voice through "
           "phone_provider (a0deploy `phoneProviders`)")
    for item in ctx.export.get("guardianFactorProviders", []):
        data = item.data if isinstance(item.data, dict) else {}
        if data.get("name") == "push-notification":
            continue  # the push factor's provider: _push
        label = f"{data.get('name')}.{data.get('provider')}"
        for field in sorted(set(data) - {"name", "provider"}):
            ctx.report.unexpressed(TARGET, f"guardianFactorProviders.{label}.{field}", why)
    _item, selected = singleton(ctx, "guardianPhoneFactorSelectedProvider")
    if selected.get("provider"):
        ctx.report.unexpressed(TARGET, "guardianPhoneFactorSelectedProvider.provider", why)


def _push(ctx: Translation, where: str) -> bool:
    """Push through the Auth0 Guardian app carries over; SNS or direct APNs/FCM need credentials and app
    settings that an export does not hold in full, so those are reported and push is left out."""
    for item in ctx.export.get("guardianFactorProviders", []):
        data = item.data if isinstance(item.data, dict) else {}
        if data.get("name") == "push-notification" and data.get("provider") not in (None, "guardian"):
            ctx.report.unexpressed(TARGET, f"{where}.provider.{data['provider']}", "push through your own app "
                                   "(sns or direct) needs its credentials: set mfa.push by hand")
            return False
    return True


def _settings(ctx: Translation, mfa: dict) -> None:
    """The MFA session settings and the email and phone OTP settings: the same fields in Auth0 and here."""
    for section, field in SETTINGS.items():
        _item, data = singleton(ctx, section)
        model = SessionSettings if field == "settings" else OtpSettings
        names = set(model.model_fields)
        settings = {name: ctx.value(TARGET, value, f"{section}.0.{name}") for name, value in data.items()
                    if name in names and value is not None}
        settings = {name: value for name, value in settings.items() if value is not DROP}
        if settings:
            mfa[field] = settings
        ctx.leftovers(TARGET, f"{section}.0", data, names)


def translate(ctx: Translation) -> None:
    factors = {item.data.get("name"): item.data for item in ctx.export.get(SOURCE, [])
               if isinstance(item.data, dict) and item.data.get("name")}
    if not factors and not any(section in ctx.export for section in ("guardianPolicies", *SETTINGS)):
        return
    mfa: dict = {"policy": _policy(ctx)}
    for name, data in sorted(factors.items()):
        where = f"guardianFactors.{name}"
        enabled = data.get("enabled") is True
        if name in FACTORS:
            mfa[FACTORS[name]] = enabled
        elif name in ("webauthn-roaming", "webauthn-platform"):
            mfa[name.replace("-", "_")] = {"enabled": enabled}
        elif name == "sms" and enabled:
            mfa["phone"] = _phone(ctx)
        elif name == "push-notification" and enabled and _push(ctx, where):
            mfa["push"] = {"enabled": True, "provider": "guardian"}
        elif enabled:
            ctx.report.unexpressed(TARGET, where, "not carried over: set mfa.duo by hand, with its secret key "
                                   "as a secret reference")
        ctx.leftovers(TARGET, where, data, {"name", "enabled", "trial_expired"})
    _moved(ctx)
    _settings(ctx, mfa)
    ctx.blueprint[TARGET] = mfa
