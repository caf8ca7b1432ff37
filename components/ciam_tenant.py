"""The whole CIAM tenant: composes every workstream's components from the validated config.

Creates: ciam:architecture:TenantSettings, ciam:architecture:CustomDomain (when configured), and the
components of the other workstreams. This is the only place where components meet.
"""

from __future__ import annotations

import pulumi

from components.config.loader import TenantConfig
from components.custom_domain import CustomDomain, CustomDomainArgs
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

        self.login_domain = custom_domain.domain if custom_domain else pulumi.Output.from_input(stack.tenant_domain)
        self.custom_domain_dns_record = custom_domain.dns_record if custom_domain else pulumi.Output.from_input(None)
        self.register_outputs({
            "login_domain": self.login_domain,
            "custom_domain_dns_record": self.custom_domain_dns_record,
        })
