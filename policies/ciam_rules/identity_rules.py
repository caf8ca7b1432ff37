"""Checks on sign-in and its code: `Connection`, `AttackProtection`, `Prompt`, `Action`, and the
protection of data-bearing resources."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .model import Rule, Subject
from .tokens import ACTION, ATTACK_PROTECTION, CONNECTION, CUSTOM_DOMAIN, PROMPT
from .values import RECOMMENDED_ACTION_RUNTIMES, filled, get

# Strategies for which Auth0 offers its own developer keys when the connection has none.
SOCIAL_STRATEGIES = frozenset({
    "amazon", "apple", "baidu", "bitbucket", "box", "dropbox", "dwolla", "evernote", "exact", "facebook",
    "fitbit", "github", "google-oauth2", "instagram", "line", "linkedin", "paypal", "planningcenter",
    "salesforce", "shopify", "soundcloud", "twitter", "vkontakte", "weibo", "windowslive", "wordpress",
    "yahoo", "yandex",
})
_ATTACK_PROTECTIONS = ("bruteForceProtection", "breachedPasswordDetection", "suspiciousIpThrottling")
_INLINE_SECRET = re.compile(
    r"""(?ix)
    \b(?:api[_-]?key|client[_-]?secret|secret|password|passwd|token)\b["']?\s*[:=]\s*["'][^"'\s]{8,}["']
    | -----BEGIN[ A-Z]*PRIVATE\ KEY-----
    | \b(?:sk_live_[0-9a-z]{8,}|AKIA[0-9A-Z]{16}|xox[abpr]-[0-9a-z-]{10,})
    """
)


def is_database_connection(props: Mapping) -> bool:
    """Connections that hold users: Auth0 databases, including custom databases (lazy migration)."""
    return get(props, "strategy") == "auth0" or get(props, "options", "enabledDatabaseCustomization") is True


def _action_runtime(subject: Subject):
    runtime = get(subject.props, "runtime")
    if runtime not in RECOMMENDED_ACTION_RUNTIMES:
        yield f"action runtime is {runtime!r}, expected one of {sorted(RECOMMENDED_ACTION_RUNTIMES)}"


def _social_keys(subject: Subject):
    strategy = get(subject.props, "strategy")
    if strategy not in SOCIAL_STRATEGIES:
        return
    options = get(subject.props, "options")
    if not filled(get(options, "clientId")):
        yield f"the {strategy} connection has no options.clientId (Auth0 developer keys would be used)"
    if not (filled(get(options, "clientSecret")) or filled(get(subject.props, "optionsClientSecretWo"))):
        yield f"the {strategy} connection has no options.clientSecret (Auth0 developer keys would be used)"


def _attack_protection(subject: Subject):
    for protection in _ATTACK_PROTECTIONS:
        if get(subject.props, protection, "enabled") is not True:
            yield f"{protection}.enabled is not true"


def _universal_login(subject: Subject):
    experience = get(subject.props, "universalLoginExperience")
    if experience != "new":
        yield f"universalLoginExperience is {experience!r}, expected 'new'"


def _inline_secrets(subject: Subject):
    if subject.type == ACTION:
        sources = {"code": get(subject.props, "code")}
    else:
        scripts = get(subject.props, "options", "customScripts")
        sources = {f"options.customScripts.{k}": scripts[k] for k in scripts} if isinstance(scripts, Mapping) else {}
    for where, source in sources.items():
        if isinstance(source, str) and _INLINE_SECRET.search(source):
            yield f"{where} appears to hold a literal secret"


def _protected(subject: Subject):
    if subject.type == CONNECTION and not is_database_connection(subject.props):
        return
    if not subject.protect:
        kind = "database connection" if subject.type == CONNECTION else "custom domain"
        yield f"the {kind} is not protect=true (deleting it loses users or the token issuer)"


def _saml_sha256(subject: Subject):
    if get(subject.props, "strategy") != "samlp":
        return
    for field in ("signatureAlgorithm", "digestAlgorithm"):
        value = get(subject.props, "options", field)
        if isinstance(value, str) and "sha1" in value:
            yield f"options.{field} is {value} (SHA-1 signatures can be forged)"


IDENTITY_RULES = [
    Rule("action-node-runtime", "Actions use a recommended Node.js runtime",
         "set the action's runtime to node22", True, (ACTION,), _action_runtime),
    Rule("social-connection-own-keys", "Social connections do not use Auth0 developer keys",
         "set the connection's options.client_id and options.client_secret ({secret: name})", True,
         (CONNECTION,), _social_keys),
    Rule("saml-connection-sha256", "SAML connections sign with SHA-256, not SHA-1",
         "set signature_algorithm: rsa-sha256 and digest_algorithm: sha256 (and the same at the identity provider)",
         False, (CONNECTION,), _saml_sha256),
    Rule("attack-protection-enabled", "Brute-force protection, breached-password detection and suspicious-IP "
         "throttling are on", "set enabled: true under brute_force_protection, breached_password_detection "
         "and suspicious_ip_throttling", True, (ATTACK_PROTECTION,), _attack_protection),
    Rule("universal-login-new", "The (new) Universal Login experience is used",
         "set prompt universal_login_experience: new", False, (PROMPT,), _universal_login),
    Rule("no-inline-secrets", "Secrets are not written into Actions or custom-database scripts",
         "read them from event.secrets (Action secrets) or configuration (connection options.configuration)",
         False, (ACTION, CONNECTION), _inline_secrets),
    Rule("data-bearing-resources-protected", "Database connections and the custom domain are protected from "
         "deletion", "leave ciam:stack.protect_data unset (or true) in production; the component must pass "
         "protect=stack.protects_data", True, (CONNECTION, CUSTOM_DOMAIN), _protected, production_only=True),
]
