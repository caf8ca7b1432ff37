"""Customization: the Universal Login look.

Creates: auth0.Branding (logo, favicon, colours, font, page template) and, when a theme is configured,
auth0.BrandingTheme (colours, fonts, borders, widget, page background).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_auth0 as auth0

from components.config.branding import BrandingSection
from components.config.template_vars import with_vars


@dataclass(frozen=True)
class BrandingArgs:
    settings: BrandingSection
    # Auth0 refuses a page template until the custom domain exists.
    after: list[pulumi.Resource] = field(default_factory=list)
    variables: dict[str, str] = field(default_factory=dict)  # {{ ciam.vars.* }} in the files (TenantConfig.file_vars)


def branding_inputs(settings: BrandingSection, variables: dict[str, str] | None = None) -> dict[str, Any]:
    """auth0.Branding arguments; the page template becomes `universal_login.body`."""
    inputs = settings.model_dump(exclude_none=True, include={"logo_url", "favicon_url", "colors", "font"})
    if settings.page_template:
        inputs["universal_login"] = {"body": with_vars(settings.page_template, variables or {})}
    return inputs


def theme_inputs(settings: BrandingSection) -> dict[str, Any] | None:
    """auth0.BrandingTheme arguments: every block is sent (Auth0 requires them), unset values are omitted."""
    return settings.theme.model_dump(exclude_none=True) if settings.theme else None


class Branding(pulumi.ComponentResource):
    theme_id: pulumi.Output[str | None]

    def __init__(self, name: str, args: BrandingArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:customization:Branding", name, None, opts)
        child = pulumi.ResourceOptions(parent=self, depends_on=args.after)
        auth0.Branding(f"{name}-settings", **branding_inputs(args.settings, args.variables), opts=child)
        theme = theme_inputs(args.settings)
        self.theme_id = (
            auth0.BrandingTheme(f"{name}-theme", **theme, opts=child).id
            if theme else pulumi.Output.from_input(None)
        )
        self.register_outputs({"theme_id": self.theme_id})
