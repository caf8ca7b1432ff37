"""Customization: Auth0's hosted classic pages (change password, and the classic login and MFA pages).

Creates: auth0.Pages. The error page is left to TenantSettings (`tenant.error_page`), its one owner.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_auth0 as auth0

from components.config.pages import PagesSection
from components.config.template_vars import with_vars


@dataclass(frozen=True)
class HostedPagesArgs:
    settings: PagesSection
    variables: dict[str, str] = field(default_factory=dict)  # {{ ciam.vars.* }} in the files (TenantConfig.file_vars)


def pages_inputs(settings: PagesSection, variables: dict[str, str] | None = None) -> dict[str, Any]:
    """auth0.Pages arguments: each configured page's HTML file and whether it is used."""
    return {
        page: {"enabled": hosted.enabled, "html": with_vars(hosted.html, variables or {})}
        for page in ("change_password", "login", "guardian_mfa")
        if (hosted := getattr(settings, page)) is not None
    }


class HostedPages(pulumi.ComponentResource):
    pages: pulumi.Output[list[str]]

    def __init__(self, name: str, args: HostedPagesArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:customization:HostedPages", name, None, opts)
        inputs = pages_inputs(args.settings, args.variables)
        auth0.Pages(f"{name}-settings", **inputs, opts=pulumi.ResourceOptions(parent=self))
        self.pages = pulumi.Output.from_input(sorted(inputs))
        self.register_outputs({"pages": self.pages})
