"""Tenant architecture: the tenant's own settings.

Creates: auth0.Tenant (names, support contacts, login URI, session lifetimes, locales, logout URLs,
flags, Node.js sandbox version, error page).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pulumi
import pulumi_auth0 as auth0

from components.config.tenant import TenantSection


@dataclass(frozen=True)
class TenantSettingsArgs:
    settings: TenantSection
    # Flags Auth0 accepts only with a ready custom domain (enable_custom_domain_in_emails) wait for it.
    after: list[pulumi.Resource] = field(default_factory=list)


class TenantSettings(pulumi.ComponentResource):
    tenant_id: pulumi.Output[str]

    def __init__(self, name: str, args: TenantSettingsArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:architecture:TenantSettings", name, None, opts)
        settings = args.settings
        fields = settings.model_dump(
            exclude_none=True, exclude={"flags", "error_page", "sessions", "session_cookie"}
        )
        error_page = settings.error_page
        tenant = auth0.Tenant(
            f"{name}-settings",
            **fields,
            flags=auth0.TenantFlagsArgs(**settings.flags.model_dump(exclude_none=True)),
            error_page=auth0.TenantErrorPageArgs(
                html=error_page.html.text if error_page.html else "",
                url=error_page.url or "",
                show_log_link=error_page.show_log_link,
            ) if error_page else None,
            sessions=auth0.TenantSessionsArgs(**settings.sessions.model_dump(exclude_none=True))
            if settings.sessions else None,
            session_cookie=auth0.TenantSessionCookieArgs(mode=settings.session_cookie.mode)
            if settings.session_cookie else None,
            opts=pulumi.ResourceOptions(parent=self, depends_on=args.after),
        )
        self.tenant_id = tenant.id
        self.register_outputs({"tenant_id": self.tenant_id})
