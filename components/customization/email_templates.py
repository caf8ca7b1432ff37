"""Customization and user-profile management: the emails Auth0 sends (verify, reset, welcome, blocked, ...).

Creates: auth0.EmailTemplate per template name, its body from a Liquid HTML file under assets/emails/, with the
blueprint's brand (`{{ branding.logo_url }}`, `{{ branding.colors.* }}`) written in: Auth0 gives emails no brand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_auth0 as auth0

from components.config.email_templates import EmailTemplate, EmailTemplatesSection
from components.config.template_vars import with_vars
from components.customization.brand_values import with_brand


@dataclass(frozen=True)
class EmailTemplatesArgs:
    templates: EmailTemplatesSection
    default_from: str
    brand: dict[str, str] = field(default_factory=dict)  # brand_values(blueprint)
    variables: dict[str, str] = field(default_factory=dict)  # {{ ciam.vars.* }} in the files (TenantConfig.file_vars)
    # Auth0 rejects template changes until the tenant's email provider exists.
    after: list[pulumi.Resource] = field(default_factory=list)


def template_inputs(template_name: str, template: EmailTemplate, default_from: str,
                    brand: dict[str, str] | None = None, variables: dict[str, str] | None = None) -> dict[str, Any]:
    """auth0.EmailTemplate arguments (Python spells `from` as `from_`)."""
    return {
        "template": template_name,
        "body": with_brand(with_vars(template.body, variables or {}), brand or {}),
        "subject": template.subject,
        "from_": template.from_ or default_from,
        "syntax": template.syntax,
        "enabled": template.enabled,
        **template.model_dump(
            exclude_none=True, include={"result_url", "url_lifetime_in_seconds", "include_email_in_redirect"}
        ),
    }


class EmailTemplates(pulumi.ComponentResource):
    templates: pulumi.Output[list[str]]

    def __init__(self, name: str, args: EmailTemplatesArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:customization:EmailTemplates", name, None, opts)
        for template_name, template in sorted(args.templates.items()):
            auth0.EmailTemplate(
                f"{name}-{template_name}",
                **template_inputs(template_name, template, args.default_from, args.brand, args.variables),
                opts=pulumi.ResourceOptions(parent=self, depends_on=args.after),
            )
        self.templates = pulumi.Output.from_input(sorted(args.templates))
        self.register_outputs({"templates": self.templates})
