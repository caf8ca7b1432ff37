"""Tenant architecture: the tenant's own settings.

Creates: auth0.Tenant (names, support contacts, login URI, session and ephemeral-session lifetimes, locales,
logout URLs, flags, Node.js sandbox version, error page, sessions (logout prompt, anonymous sessions), OIDC
logout discovery, PAR, mTLS aliases, ACR values, MFA in post-login Actions, phone country codes, default token
quotas, client registration (CIMD, DCR security mode), the resource-parameter profile).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pulumi
import pulumi_auth0 as auth0

from components.config.applications import TokenQuota
from components.config.template_vars import with_vars
from components.config.tenant import DefaultTokenQuota, Sessions, TenantSection


@dataclass(frozen=True)
class TenantSettingsArgs:
    settings: TenantSection
    # Flags Auth0 accepts only with a ready custom domain (enable_custom_domain_in_emails) wait for it.
    after: list[pulumi.Resource] = field(default_factory=list)
    variables: dict[str, str] = field(default_factory=dict)  # {{ ciam.vars.* }} in the files (TenantConfig.file_vars)


def _sessions(sessions: Sessions) -> auth0.TenantSessionsArgs:
    anonymous = sessions.anonymous
    return auth0.TenantSessionsArgs(
        oidc_logout_prompt_enabled=sessions.oidc_logout_prompt_enabled,
        anonymous=auth0.TenantSessionsAnonymousArgs(**anonymous.model_dump(exclude_none=True)) if anonymous else None,
    )


def _token_quota(quota: DefaultTokenQuota) -> auth0.TenantDefaultTokenQuotaArgs:
    def limits(of: TokenQuota | None) -> dict | None:
        return of.client_credentials.model_dump(exclude_none=True) if of else None

    clients, organizations = limits(quota.clients), limits(quota.organizations)
    return auth0.TenantDefaultTokenQuotaArgs(
        clients=auth0.TenantDefaultTokenQuotaClientsArgs(
            client_credentials=auth0.TenantDefaultTokenQuotaClientsClientCredentialsArgs(**clients))
        if clients else None,
        organizations=auth0.TenantDefaultTokenQuotaOrganizationsArgs(
            client_credentials=auth0.TenantDefaultTokenQuotaOrganizationsClientCredentialsArgs(**organizations))
        if organizations else None,
    )


def _bool_text(value: bool | None) -> str | None:
    return None if value is None else str(value).lower()


class TenantSettings(pulumi.ComponentResource):
    tenant_id: pulumi.Output[str]

    def __init__(self, name: str, args: TenantSettingsArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:architecture:TenantSettings", name, None, opts)
        settings = args.settings
        fields = settings.model_dump(
            exclude_none=True, exclude={"flags", "error_page", "sessions", "session_cookie", "oidc_logout", "mtls",
                                        "acr_values_supported", "country_codes", "default_token_quota",
                                        "skip_non_verifiable_callback_uri_confirmation_prompt"}
        )
        error_page = settings.error_page
        tenant = auth0.Tenant(
            f"{name}-settings",
            **fields,
            flags=auth0.TenantFlagsArgs(**settings.flags.model_dump(exclude_none=True)),
            error_page=auth0.TenantErrorPageArgs(
                html=with_vars(error_page.html, args.variables) if error_page.html else "",
                url=error_page.url or "",
                show_log_link=error_page.show_log_link,
            ) if error_page else None,
            sessions=_sessions(settings.sessions) if settings.sessions else None,
            session_cookie=auth0.TenantSessionCookieArgs(mode=settings.session_cookie.mode)
            if settings.session_cookie else None,
            oidc_logout=auth0.TenantOidcLogoutArgs(**settings.oidc_logout.model_dump())
            if settings.oidc_logout else None,
            mtls=auth0.TenantMtlsArgs(**settings.mtls.model_dump(exclude_none=True)) if settings.mtls else None,
            acr_values_supporteds=settings.acr_values_supported,  # the provider's plural spelling
            country_codes=auth0.TenantCountryCodesArgs(**settings.country_codes.model_dump())
            if settings.country_codes else None,
            default_token_quota=_token_quota(settings.default_token_quota) if settings.default_token_quota else None,
            # The provider takes this one as a string ("true", "false" or "null").
            skip_non_verifiable_callback_uri_confirmation_prompt=_bool_text(
                settings.skip_non_verifiable_callback_uri_confirmation_prompt),
            opts=pulumi.ResourceOptions(parent=self, depends_on=args.after),
        )
        self.tenant_id = tenant.id
        self.register_outputs({"tenant_id": self.tenant_id})
