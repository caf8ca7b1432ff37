"""The whole CIAM tenant: composes every workstream's components from the validated config.

Creates: ciam:architecture:TenantSettings, ciam:architecture:CustomDomain (when configured),
ciam:customization:Branding, PromptTexts, HostedPages, EmailTemplates and ciam:operations:EmailProvider
(each when configured), and the components of the other workstreams. This is the only place where components meet.
"""

from __future__ import annotations

import pulumi

from components.branding import Branding, BrandingArgs
from components.config.loader import TenantConfig
from components.custom_domain import CustomDomain, CustomDomainArgs
from components.email_provider import EmailProvider, EmailProviderArgs
from components.email_templates import EmailTemplates, EmailTemplatesArgs
from components.hosted_pages import HostedPages, HostedPagesArgs
from components.prompt_texts import PromptTexts, PromptTextsArgs
from components.tenant_settings import TenantSettings, TenantSettingsArgs


class CiamTenant(pulumi.ComponentResource):
    login_domain: pulumi.Output[str]
    custom_domain_dns_record: pulumi.Output[dict | None]

    def __init__(self, name: str, config: TenantConfig, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:index:CiamTenant", name, None, opts)
        blueprint, stack = config.blueprint, config.stack
        child = pulumi.ResourceOptions(parent=self)

        TenantSettings(f"{name}-tenant", TenantSettingsArgs(settings=blueprint.tenant), opts=child)

        custom_domain = None
        if blueprint.custom_domain:
            custom_domain = CustomDomain(
                f"{name}-custom-domain",
                CustomDomainArgs(settings=blueprint.custom_domain, protect=stack.protects_data),
                opts=child,
            )

        if blueprint.branding:
            after_domain = [custom_domain] if custom_domain else []
            Branding(f"{name}-branding", BrandingArgs(settings=blueprint.branding, after=after_domain), opts=child)
        if blueprint.prompt_texts:
            PromptTexts(f"{name}-prompt-texts", PromptTextsArgs(texts=blueprint.prompt_texts), opts=child)
        if blueprint.pages:
            HostedPages(f"{name}-pages", HostedPagesArgs(settings=blueprint.pages), opts=child)
        if blueprint.email_provider:  # the loader requires one whenever email_templates are set
            email_provider = EmailProvider(
                f"{name}-email-provider",
                EmailProviderArgs(settings=blueprint.email_provider, protect=stack.protects_data),
                opts=child,
            )
            if blueprint.email_templates:
                EmailTemplates(f"{name}-email-templates", EmailTemplatesArgs(
                    templates=blueprint.email_templates,
                    default_from=blueprint.email_provider.default_from_address,
                    after=[email_provider],
                ), opts=child)

        self.login_domain = custom_domain.domain if custom_domain else pulumi.Output.from_input(stack.tenant_domain)
        self.custom_domain_dns_record = custom_domain.dns_record if custom_domain else pulumi.Output.from_input(None)
        self.register_outputs({
            "login_domain": self.login_domain,
            "custom_domain_dns_record": self.custom_domain_dns_record,
        })
