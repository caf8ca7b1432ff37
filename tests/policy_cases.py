"""For every rule: a misconfigured case it must fail and a good case it must pass (engine property names)."""

from __future__ import annotations

from policies.ciam_rules import tokens as t

GOOD_TENANT = {
    "sandboxVersion": "22", "supportEmail": "support@acme.example", "supportUrl": "https://acme.example/help",
    "defaultRedirectionUri": "https://acme.example/login", "allowedLogoutUrls": ["https://acme.example"],
    "errorPage": {"html": "<p>sorry</p>", "url": "", "showLogLink": False},
    "flags": {"enableIdtokenApi2": False, "enableLegacyProfile": False, "enableCustomDomainInEmails": True,
              "allowLegacyRoGrantTypes": False, "allowLegacyDelegationGrantTypes": False,
              "allowLegacyTokeninfoEndpoint": False},
}
GOOD_CLIENT = {
    "appType": "regular_web", "callbacks": ["https://acme.example/callback"],
    "allowedOrigins": ["https://acme.example"], "webOrigins": ["https://acme.example"],
    "allowedLogoutUrls": ["https://acme.example"], "initiateLoginUri": "https://acme.example/login",
    "jwtConfiguration": {"alg": "RS256"}, "grantTypes": ["authorization_code", "refresh_token"],
}
GOOD_ATTACK_PROTECTION = {"bruteForceProtection": {"enabled": True, "maxAttempts": 10},
                          "breachedPasswordDetection": {"enabled": True}, "suspiciousIpThrottling": {"enabled": True}}


def merged(base: dict, **changes) -> dict:
    out = {**base}
    for key, value in changes.items():
        out[key] = {**base[key], **value} if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return out


# rule -> (type, bad props, good props[, protect of bad, protect of good])
RESOURCE_CASES = {
    "tenant-node-sandbox": (t.TENANT, merged(GOOD_TENANT, sandboxVersion="18"), GOOD_TENANT),
    "tenant-no-idtoken-api2": (t.TENANT, merged(GOOD_TENANT, flags={"enableIdtokenApi2": True}), GOOD_TENANT),
    "tenant-no-legacy-grants": (t.TENANT, merged(GOOD_TENANT, flags={"allowLegacyTokeninfoEndpoint": True}),
                                GOOD_TENANT),
    "tenant-no-legacy-profile": (t.TENANT, {k: v for k, v in GOOD_TENANT.items() if k != "flags"}, GOOD_TENANT),
    "tenant-support-contacts": (t.TENANT, merged(GOOD_TENANT, supportUrl=""), GOOD_TENANT),
    "tenant-login-uri": (t.TENANT, {k: v for k, v in GOOD_TENANT.items() if k != "defaultRedirectionUri"},
                         GOOD_TENANT),
    "tenant-error-page": (t.TENANT, merged(GOOD_TENANT, errorPage={"html": "", "url": ""}), GOOD_TENANT),
    "tenant-logout-urls": (t.TENANT, merged(GOOD_TENANT, allowedLogoutUrls=[]), GOOD_TENANT),
    "client-no-local-urls": (t.CLIENT, merged(GOOD_CLIENT, callbacks=["http://localhost:3000/callback"]),
                             GOOD_CLIENT),
    "client-url-wildcards": (t.CLIENT, merged(GOOD_CLIENT, webOrigins=["https://*.acme.example"]), GOOD_CLIENT),
    "rs256-signing": (t.CLIENT, merged(GOOD_CLIENT, jwtConfiguration={"alg": "HS256"}), GOOD_CLIENT),
    "interactive-app-login-uri": (t.CLIENT, merged(GOOD_CLIENT, initiateLoginUri=""), GOOD_CLIENT),
    "resource-server-token-lifetime": (t.RESOURCE_SERVER, {"identifier": "https://api", "tokenLifetime": 2592000},
                                       {"identifier": "https://api", "tokenLifetime": 3600}),
    "client-grant-explicit-scopes": (t.CLIENT_GRANT, {"audience": "https://api", "allowAllScopes": True},
                                     {"audience": "https://api", "scopes": ["read:orders"]}),
    "management-api-grant-narrow": (t.CLIENT_GRANT, {"audience": "https://t.eu.auth0.com/api/v2/",
                                                     "scopes": ["read:users", "update:clients"]},
                                    {"audience": "https://t.eu.auth0.com/api/v2/", "scopes": ["read:users"]}),
    "action-node-runtime": (t.ACTION, {"code": "exports.onExecutePostLogin = async () => {}", "runtime": "node18"},
                            {"code": "exports.onExecutePostLogin = async () => {}", "runtime": "node22"}),
    "social-connection-own-keys": (t.CONNECTION, {"strategy": "google-oauth2", "options": {}},
                                   {"strategy": "google-oauth2",
                                    "options": {"clientId": "abc.apps.googleusercontent.com",
                                                "clientSecret": "[secret]"}}),
    "saml-connection-sha256": (t.CONNECTION, {"strategy": "samlp", "options": {"signatureAlgorithm": "rsa-sha1"}},
                               {"strategy": "samlp", "options": {"signatureAlgorithm": "rsa-sha256",
                                                                 "digestAlgorithm": "sha256"}}),
    "attack-protection-enabled": (t.ATTACK_PROTECTION,
                                  merged(GOOD_ATTACK_PROTECTION, bruteForceProtection={"enabled": False}),
                                  GOOD_ATTACK_PROTECTION),
    "universal-login-new": (t.PROMPT, {"universalLoginExperience": "classic"}, {"universalLoginExperience": "new"}),
    "no-inline-secrets": (t.ACTION, {"runtime": "node22", "code": 'const apiKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";'},
                          {"runtime": "node22", "code": "const apiKey = event.secrets.API_KEY;"}),
    "data-bearing-resources-protected": (t.CONNECTION, {"strategy": "auth0", "name": "users"},
                                         {"strategy": "auth0", "name": "users"}, False, True),
}


def resource(type_: str, name: str, props: dict) -> tuple[str, str, dict]:
    return type_, name, props


GOOD_STACK = [
    resource(t.EMAIL_PROVIDER, "email", {"name": "sendgrid", "enabled": True}),
    resource(t.LOG_STREAM, "datadog", {"type": "datadog", "status": "active"}),
    resource(t.CUSTOM_DOMAIN, "login", {"domain": "login.acme.example", "type": "auth0_managed_certs"}),
    resource(t.EMAIL_TEMPLATE, "verify", {"template": "verify_email", "enabled": True}),
    resource(t.EMAIL_TEMPLATE, "reset", {"template": "reset_email", "enabled": True}),
    resource(t.GUARDIAN, "mfa", {"policy": "all-applications", "otp": True}),
    resource(t.CLIENT, "web", {"grantTypes": ["authorization_code", "refresh_token"]}),
    resource(t.RESOURCE_SERVER, "orders", {"identifier": "https://api", "allowOfflineAccess": True}),
    resource(t.ATTACK_PROTECTION, "attack", {"bruteForceProtection": {"enabled": True}}),
]


def without(type_: str, stack=GOOD_STACK):
    return [r for r in stack if r[0] != type_]


def replaced(type_: str, props: dict, stack=GOOD_STACK):
    return [(r[0], r[1], props) if r[0] == type_ else r for r in stack]


# SMS MFA on, sent by the tenant-level phone provider (Unified Phone Experience).
SMS_STACK = [
    *replaced(t.GUARDIAN, {"policy": "all-applications", "phone": {"enabled": True, "messageTypes": ["sms"]}}),
    resource(t.PHONE_PROVIDER, "phone", {"name": "twilio", "disabled": False,
                                         "credentials": {"authToken": "[secret]"}}),
]

# Breached-password detection that tells the user: Auth0 sends the stolen_credentials email.
BREACH_NOTIFIES = {"breachedPasswordDetection": {"enabled": True, "shields": ["user_notification"]}}

# rule -> (bad stack, good stack)
STACK_CASES = {
    "email-provider-configured": (replaced(t.EMAIL_PROVIDER, {"name": "sendgrid", "enabled": False}), GOOD_STACK),
    "no-rules-or-hooks": ([*GOOD_STACK, resource(t.RULE, "legacy", {"script": "function () {}"})], GOOD_STACK),
    "log-stream-active": (replaced(t.LOG_STREAM, {"type": "datadog", "status": "paused"}), GOOD_STACK),
    "custom-domain-configured": (without(t.CUSTOM_DOMAIN), GOOD_STACK),
    "email-templates-verify-reset": ([r for r in GOOD_STACK if r[1] != "reset"], GOOD_STACK),
    "guardian-sms-provider": (replaced(t.PHONE_PROVIDER, {"name": "twilio", "disabled": True}, SMS_STACK), SMS_STACK),
    "guardian-mfa-configured": (replaced(t.GUARDIAN, {"policy": "all-applications"}), GOOD_STACK),
    "offline-access-only-where-used": (replaced(t.CLIENT, {"grantTypes": ["authorization_code"]}), GOOD_STACK),
    "attack-protection-managed": (without(t.ATTACK_PROTECTION), GOOD_STACK),
    "email-templates-for-notifications": (
        replaced(t.ATTACK_PROTECTION, BREACH_NOTIFIES),
        [*replaced(t.ATTACK_PROTECTION, BREACH_NOTIFIES),
         resource(t.EMAIL_TEMPLATE, "stolen", {"template": "stolen_credentials", "enabled": True})]),
    # Emails use the custom domain: the default custom domain does it, with the flag unset.
    "tenant-custom-domain-in-emails": (
        [*GOOD_STACK, resource(t.TENANT, "tenant", merged(GOOD_TENANT, flags={"enableCustomDomainInEmails": False}))],
        [*GOOD_STACK, resource(t.TENANT, "tenant", merged(GOOD_TENANT, flags={"enableCustomDomainInEmails": False})),
         resource(t.CUSTOM_DOMAIN_DEFAULT, "default", {"domain": "login.acme.example"})]),
}
