"""Checks on applications and APIs: `Client`, `ResourceServer`, `ClientGrant` (and the tenant's logout URLs)."""

from __future__ import annotations

from .model import Rule, Subject
from .tokens import CLIENT, CLIENT_GRANT, RESOURCE_SERVER, TENANT
from .values import filled, get, is_local_url, url_fields

_CLIENT_URL_FIELDS = ("callbacks", "allowedOrigins", "webOrigins", "allowedLogoutUrls")
_INTERACTIVE_APP_TYPES = ("spa", "regular_web")
# Auth0's default access-token lifetime; longer-lived tokens widen the window a stolen token is usable.
MAX_TOKEN_LIFETIME_SECONDS = 86400


def _no_local_urls(subject: Subject):
    fields = _CLIENT_URL_FIELDS if subject.type == CLIENT else ("allowedLogoutUrls",)
    for field, url in url_fields(subject.props, fields):
        if is_local_url(url):
            yield f"{field} holds the local URL {url!r}"


def _no_wildcards(subject: Subject):
    for field, url in url_fields(subject.props, _CLIENT_URL_FIELDS):
        if "*" in url:
            yield f"{field} holds the wildcard URL {url!r}"


def _rs256(subject: Subject):
    alg = get(subject.props, "jwtConfiguration", "alg") if subject.type == CLIENT else get(subject.props, "signingAlg")
    if isinstance(alg, str) and alg.upper() == "HS256":
        field = "jwtConfiguration.alg" if subject.type == CLIENT else "signingAlg"
        yield f"{field} is HS256 (a shared secret every verifier must hold)"


def _login_uri(subject: Subject):
    app_type = get(subject.props, "appType")
    if app_type in _INTERACTIVE_APP_TYPES and not filled(get(subject.props, "initiateLoginUri")):
        yield f"the {app_type} application has no initiateLoginUri"


def _token_lifetime(subject: Subject):
    lifetime = get(subject.props, "tokenLifetime")
    if isinstance(lifetime, int | float) and lifetime > MAX_TOKEN_LIFETIME_SECONDS:
        yield f"tokenLifetime is {lifetime}s, above {MAX_TOKEN_LIFETIME_SECONDS}s"


def _explicit_scopes(subject: Subject):
    if get(subject.props, "allowAllScopes") is True:
        yield "allowAllScopes is true: the grant holds every scope the API has now and later"


# Management API scopes that let the holder rewrite the tenant's configuration (what only the deploy pipeline
# should hold) or delete data; an application's grant holding one is a tenant takeover waiting for a leaked secret.
_TENANT_WRITE_RESOURCES = ("clients", "client_grants", "client_keys", "client_credentials", "connections",
                           "resource_servers", "tenant_settings", "actions", "rules", "hooks", "custom_domains",
                           "email_provider", "roles", "organizations", "guardian_factors", "attack_protection")


def _broad_management_scopes(scopes: list) -> list[str]:
    return sorted(scope for scope in scopes if isinstance(scope, str) and (
        scope.startswith("delete:") or (scope.partition(":")[0] in ("create", "update")
                                        and scope.partition(":")[2] in _TENANT_WRITE_RESOURCES)))


def _narrow_management_grant(subject: Subject):
    audience = get(subject.props, "audience")
    if isinstance(audience, str) and audience.endswith("/api/v2/"):
        broad = _broad_management_scopes(get(subject.props, "scopes") or [])
        if broad:
            yield f"the Management API grant holds {', '.join(broad)}"


APPLICATION_RULES = [
    Rule("client-no-local-urls", "No localhost, 127.0.0.1 or file:// in callbacks, origins, web origins "
         "or logout URLs", "move local URLs to the dev stack's overlay (ciam:vars or a ciam:<section> overlay); "
         "production URLs must be public https", True, (CLIENT, TENANT), _no_local_urls),
    Rule("client-url-wildcards", "Few wildcards in application URLs",
         "list each callback and origin explicitly instead of a * pattern", False, (CLIENT,), _no_wildcards),
    Rule("rs256-signing", "Tokens are signed with RS256, not HS256",
         "set jwt_configuration.alg (application) or signing_alg (API) to RS256", False,
         (CLIENT, RESOURCE_SERVER), _rs256),
    Rule("interactive-app-login-uri", "Interactive applications have an application login URI",
         "set initiate_login_uri to the application's https login route", False, (CLIENT,), _login_uri),
    Rule("resource-server-token-lifetime", "API access-token lifetime reviewed (at most a day)",
         f"set token_lifetime to {MAX_TOKEN_LIFETIME_SECONDS} seconds or less", False,
         (RESOURCE_SERVER,), _token_lifetime),
    Rule("client-grant-explicit-scopes", "Machine-to-machine grants hold only the scopes they need",
         "list the needed scopes in the grant instead of allow_all_scopes", False, (CLIENT_GRANT,),
         _explicit_scopes),
    Rule("management-api-grant-narrow", "Applications' Management API grants cannot rewrite the tenant or delete",
         "grant only the read scopes (or user-profile scopes) the application needs; configuration changes go "
         "through this repository's pipeline", True, (CLIENT_GRANT,), _narrow_management_grant),
]
