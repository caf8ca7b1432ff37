"""Checks on the stack as a whole: what must exist (email provider, log stream, templates, MFA, the phone
provider SMS MFA and the phone templates send through) and what must not (Rules, Hooks)."""

from __future__ import annotations

from .model import Rule, Subject
from .tokens import (
    ATTACK_PROTECTION,
    BRANDING_PHONE_TEMPLATE,
    CLIENT,
    CUSTOM_DOMAIN,
    EMAIL_PROVIDER,
    EMAIL_TEMPLATE,
    GUARDIAN,
    HOOK,
    LOG_STREAM,
    PHONE_PROVIDER,
    PHONE_TEMPLATE,
    RESOURCE_SERVER,
    RULE,
    RULE_CONFIG,
)
from .values import get, items

# Each required email is satisfied by either its link or its code variant.
REQUIRED_TEMPLATES = {
    "verify": ("verify_email", "verify_email_by_code"),
    "reset": ("reset_email", "reset_email_by_code"),
}
# Unified Phone Experience: the tenant-level provider sends SMS/voice; Auth0's own is for testing only.
SMS_PROVIDERS = ("twilio", "custom")
_MFA_FACTOR_SWITCHES = ("otp", "email")
_MFA_FACTOR_BLOCKS = ("phone", "push", "duo", "webauthnRoaming", "webauthnPlatform")


def _of(resources: list[Subject], *types: str) -> list[Subject]:
    return [r for r in resources if r.type in types]


def _email_provider(resources):
    providers = _of(resources, EMAIL_PROVIDER)
    if not providers:
        yield "no auth0:index/emailProvider:EmailProvider in the stack (Auth0's test provider is rate-limited)", None
    elif all(get(p.props, "enabled") is False for p in providers):
        yield "the email provider is disabled", providers[0].urn


def _no_rules_or_hooks(resources):
    for legacy in _of(resources, RULE, RULE_CONFIG, HOOK):
        yield f"{legacy.type.rsplit(':', 1)[-1]} {legacy.name} is a deprecated extension point", legacy.urn


def _log_stream(resources):
    # Auth0 creates a stream active unless told otherwise.
    if not any(get(s.props, "status", default="active") == "active" for s in _of(resources, LOG_STREAM)):
        yield "no active auth0:index/logStream:LogStream (Auth0 keeps logs only 2-30 days)", None


def _custom_domain(resources):
    if not _of(resources, CUSTOM_DOMAIN):
        yield "no auth0:index/customDomain:CustomDomain in the stack", None


def _email_templates(resources):
    enabled = {get(t.props, "template") for t in _of(resources, EMAIL_TEMPLATE) if get(t.props, "enabled") is not False}
    for purpose, names in REQUIRED_TEMPLATES.items():
        if not enabled.intersection(names):
            yield f"no enabled {purpose} email template (one of {', '.join(names)})", None


# Emails Auth0 sends because a feature is on: (what turns it on, the template that customises it).
NOTIFICATION_TEMPLATES = (
    ("brute-force protection notifies users", "blocked_account"),
    ("breached-password detection notifies users", "stolen_credentials"),
    ("email MFA is on", "mfa_oob_code"),
)


def _notifies(resources) -> set[str]:
    """Which of NOTIFICATION_TEMPLATES' features the stack turns on."""
    on = set()
    for protection in _of(resources, ATTACK_PROTECTION):
        for block, reason in (("bruteForceProtection", NOTIFICATION_TEMPLATES[0][0]),
                              ("breachedPasswordDetection", NOTIFICATION_TEMPLATES[1][0])):
            if get(protection.props, block, "enabled") is True and \
                    "user_notification" in items(get(protection.props, block, "shields")):
                on.add(reason)
    if any(get(g.props, "email") is True for g in _of(resources, GUARDIAN)):
        on.add(NOTIFICATION_TEMPLATES[2][0])
    return on


def _notification_templates(resources):
    enabled = {get(t.props, "template") for t in _of(resources, EMAIL_TEMPLATE) if get(t.props, "enabled") is not False}
    on = _notifies(resources)
    for reason, template in NOTIFICATION_TEMPLATES:
        if reason in on and template not in enabled:
            yield f"{reason} but no enabled {template} email template: users get Auth0's generic email", None


def _mfa(resources):
    guardians = _of(resources, GUARDIAN)
    if not guardians:
        yield "no auth0:index/guardian:Guardian in the stack", None
    for guardian in guardians:
        props = guardian.props
        factors = [f for f in _MFA_FACTOR_SWITCHES if get(props, f) is True]
        factors += [f for f in _MFA_FACTOR_BLOCKS if get(props, f, "enabled") is True]
        if factors == ["webauthnPlatform"]:
            factors = []  # Auth0 refuses device biometrics as the only factor
        if not get(props, "policy") or get(props, "policy") == "never" or not factors:
            yield "Guardian needs a policy other than never and at least one enabled factor", guardian.urn


def _sms_provider(resources):
    senders = [g for g in _of(resources, GUARDIAN) if get(g.props, "phone", "enabled") is True]
    templates = _of(resources, BRANDING_PHONE_TEMPLATE, PHONE_TEMPLATE)
    senders += [t for t in templates if get(t.props, "disabled") is not True]
    if not senders:
        return
    providers = _of(resources, PHONE_PROVIDER)
    usable = [p for p in providers if get(p.props, "name") in SMS_PROVIDERS and get(p.props, "disabled") is not True]
    if not usable:
        found = ", ".join(f"{get(p.props, 'name')!r}{' (disabled)' if get(p.props, 'disabled') is True else ''}"
                          for p in providers) or "none"
        what = "phone MFA is on" if senders[0].type == GUARDIAN else "phone templates are customised"
        yield (f"{what} but no enabled auth0:index/phoneProvider:PhoneProvider named one of "
               f"{list(SMS_PROVIDERS)} (found: {found})"), senders[0].urn


def _offline_access(resources):
    refreshing = any("refresh_token" in items(get(c.props, "grantTypes")) for c in _of(resources, CLIENT))
    for api in _of(resources, RESOURCE_SERVER):
        if get(api.props, "allowOfflineAccess") is True and not refreshing:
            yield f"API {api.name} allows offline access but no application has the refresh_token grant", api.urn


def _attack_protection_managed(resources):
    if not _of(resources, ATTACK_PROTECTION):
        yield "no auth0:index/attackProtection:AttackProtection: the dashboard's settings apply unreviewed", None


STACK_RULES = [
    Rule("email-provider-configured", "A custom email provider is configured and enabled",
         "add the email provider section (operations workstream) with enabled: true", True,
         stack_check=_email_provider),
    Rule("no-rules-or-hooks", "No Rules or Hooks (use Actions)",
         "port the logic to an Action and remove the Rule/Hook", True, stack_check=_no_rules_or_hooks),
    Rule("log-stream-active", "Log streaming is configured (logs kept beyond Auth0's retention)",
         "add a log stream with status active", False, stack_check=_log_stream),
    Rule("custom-domain-configured", "A custom domain is configured",
         "add the custom_domain section", False, stack_check=_custom_domain),
    Rule("email-templates-verify-reset", "Email templates are customised, verify and reset at least",
         "add enabled email templates verify_email and reset_email", False, stack_check=_email_templates),
    Rule("email-templates-for-notifications", "The emails enabled features send are customised",
         "add enabled email templates blocked_account, stolen_credentials and mfa_oob_code for the features that "
         "send them", False, stack_check=_notification_templates),
    Rule("guardian-sms-provider", "SMS MFA and phone templates use Twilio or a custom provider, not Auth0's",
         "add the phone_provider section (name twilio or custom, disabled false) and set "
         "tenant.phone_consolidated_experience: true", True, stack_check=_sms_provider),
    Rule("guardian-mfa-configured", "MFA is configured: a Guardian policy and a factor",
         "configure guardian with a policy and at least one enabled factor", True, stack_check=_mfa),
    Rule("offline-access-only-where-used", "Offline access (refresh tokens) only where used",
         "set allow_offline_access: false on the API, or give the application that needs it the "
         "refresh_token grant", False, stack_check=_offline_access),
    Rule("attack-protection-managed", "Attack protection settings are managed as code",
         "add the attack_protection section", True, stack_check=_attack_protection_managed),
]
