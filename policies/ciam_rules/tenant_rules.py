"""Checks on the tenant's own settings (`auth0.Tenant`): Node.js sandbox, legacy flags, contacts, URLs, and
whether emails use the custom domain (the flag, or a default custom domain)."""

from __future__ import annotations

from .model import Rule, Subject
from .tokens import CUSTOM_DOMAIN_DEFAULT, TENANT
from .values import RECOMMENDED_SANDBOX_VERSIONS, filled, get, items

# Unset flags are not managed by Pulumi, so whatever the dashboard holds stays: production must say false.
_LEGACY_GRANT_FLAGS = ("allowLegacyRoGrantTypes", "allowLegacyDelegationGrantTypes", "allowLegacyTokeninfoEndpoint")


def _flag_must_be(subject: Subject, flag: str, wanted: bool):
    value = get(subject.props, "flags", flag)
    if value is not wanted:
        shown = "unset" if value is None else str(value).lower()
        yield f"tenant flags.{flag} is {shown}, expected {str(wanted).lower()}"


def _sandbox(subject: Subject):
    version = get(subject.props, "sandboxVersion")
    if version not in RECOMMENDED_SANDBOX_VERSIONS:
        yield f"tenant sandboxVersion is {version!r}, expected one of {sorted(RECOMMENDED_SANDBOX_VERSIONS)}"


def _legacy_grants(subject: Subject):
    for flag in _LEGACY_GRANT_FLAGS:
        yield from _flag_must_be(subject, flag, False)


def _required(*fields: str):
    def check(subject: Subject):
        for field in fields:
            if not filled(get(subject.props, field)):
                yield f"tenant {field} is not set"
    return check


def _error_page(subject: Subject):
    page = get(subject.props, "errorPage")
    if not (filled(get(page, "html")) or filled(get(page, "url"))):
        yield "tenant errorPage has neither html nor url"


def _logout_urls(subject: Subject):
    if not items(get(subject.props, "allowedLogoutUrls")):
        yield "tenant allowedLogoutUrls is empty"


def _custom_domain_in_emails(resources: list[Subject]):
    """Links in emails use the default custom domain (CustomDomainDefault), or any once the flag is on."""
    if any(r.type == CUSTOM_DOMAIN_DEFAULT for r in resources):
        return
    for tenant in (r for r in resources if r.type == TENANT):
        for reason in _flag_must_be(tenant, "enableCustomDomainInEmails", True):
            yield f"{reason} and no custom domain is the default", tenant.urn


def _flag_rule(name, description, flag, wanted, fix, critical=True):
    return Rule(name, description, fix, critical, (TENANT,), lambda s: _flag_must_be(s, flag, wanted))


TENANT_RULES = [
    Rule("tenant-node-sandbox", "The tenant's default Node.js version is a recommended one",
         'set tenant.sandbox_version: "22" in tenant.yaml', True, (TENANT,), _sandbox),
    _flag_rule("tenant-no-idtoken-api2", "ID tokens are not accepted for Management API v2",
               "enableIdtokenApi2", False, "set tenant.flags.enable_idtoken_api2: false"),
    Rule("tenant-no-legacy-grants", "Legacy grant types and the tokeninfo endpoint are off",
         "set tenant.flags.allow_legacy_ro_grant_types, allow_legacy_delegation_grant_types and "
         "allow_legacy_tokeninfo_endpoint to false", True, (TENANT,), _legacy_grants),
    _flag_rule("tenant-no-legacy-profile", "The legacy user profile is off",
               "enableLegacyProfile", False, "set tenant.flags.enable_legacy_profile: false"),
    Rule("tenant-support-contacts", "Support email and support URL are set",
         "set tenant.support_email and tenant.support_url", True, (TENANT,),
         _required("supportEmail", "supportUrl")),
    Rule("tenant-login-uri", "The tenant login URI (default_redirection_uri) is set",
         "set tenant.default_redirection_uri to the application's login route", True, (TENANT,),
         _required("defaultRedirectionUri")),
    Rule("tenant-custom-domain-in-emails", "Emails use the custom domain",
         "make a verified custom domain the default (default: true), or set "
         "tenant.flags.enable_custom_domain_in_emails: true", True, stack_check=_custom_domain_in_emails),
    Rule("tenant-error-page", "A custom error page is set",
         "set tenant.error_page.html (a file under assets/) or tenant.error_page.url", False, (TENANT,),
         _error_page),
    Rule("tenant-logout-urls", "Tenant allowed logout URLs are set",
         "list the public post-logout URLs in tenant.allowed_logout_urls", False, (TENANT,), _logout_urls),
]
