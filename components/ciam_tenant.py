"""The whole CIAM tenant: composes every workstream's components from the validated config.

Creates: ciam:architecture:TenantSettings, ciam:architecture:CustomDomain (when configured),
ciam:authorization:Actions, ciam:operations:LogStreams, ciam:operations:Firewall, and the components of the
other workstreams. This is the only place where components meet.
"""

from __future__ import annotations

import pulumi

from components.actions import Actions, ActionsArgs
from components.apis import Apis, ApisArgs
from components.applications import Applications, ApplicationsArgs
from components.attack_protection import AttackProtection, AttackProtectionArgs
from components.config.loader import TenantConfig
from components.connections import Connections, ConnectionsArgs
from components.custom_domain import CustomDomain, CustomDomainArgs
from components.firewall import Firewall, FirewallArgs
from components.log_streams import LogStreams, LogStreamsArgs
from components.mfa import Mfa, MfaArgs
from components.roles import Roles, RolesArgs
from components.tenant_settings import TenantSettings, TenantSettingsArgs
from components.universal_login import UniversalLogin, UniversalLoginArgs


class CiamTenant(pulumi.ComponentResource):
    login_domain: pulumi.Output[str]
    custom_domain_dns_record: pulumi.Output[dict | None]
    outbound_ips: pulumi.Output[dict]
    client_ids: pulumi.Output[dict[str, str]]
    api_identifiers: pulumi.Output[dict[str, str]]

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

        Actions(f"{name}-actions", ActionsArgs(actions=blueprint.actions), opts=child)
        LogStreams(f"{name}-log-streams", LogStreamsArgs(streams=blueprint.log_streams), opts=child)
        firewall = Firewall(
            f"{name}-firewall",
            FirewallArgs(rules=blueprint.network_acls, tenant_domain=stack.tenant_domain),
            opts=child,
        )

        self.outbound_ips = firewall.outbound_ips
        self._sign_in(name, config, child)

        self.login_domain = custom_domain.domain if custom_domain else pulumi.Output.from_input(stack.tenant_domain)
        self.custom_domain_dns_record = custom_domain.dns_record if custom_domain else pulumi.Output.from_input(None)
        self.register_outputs({
            "login_domain": self.login_domain,
            "custom_domain_dns_record": self.custom_domain_dns_record,
            "outbound_ips": self.outbound_ips,
            "client_ids": self.client_ids,
            "api_identifiers": self.api_identifiers,
        })

    def _sign_in(self, name: str, config: TenantConfig, child: pulumi.ResourceOptions) -> None:
        """Users and sign-in: applications first, since connections, grants and roles name them by key."""
        blueprint = config.blueprint
        applications = Applications(f"{name}-applications", ApplicationsArgs(blueprint.applications), opts=child)
        apis = Apis(f"{name}-apis", ApisArgs(blueprint.apis, blueprint.applications,
                                             applications.client_id_by_key), opts=child)
        Roles(f"{name}-roles", RolesArgs(blueprint.roles, apis.identifier_by_key), opts=child)
        Connections(f"{name}-connections", ConnectionsArgs(
            blueprint.connections, applications.client_id_by_key, protect=config.stack.protects_data), opts=child)
        if blueprint.prompts:
            UniversalLogin(f"{name}-universal-login", UniversalLoginArgs(blueprint.prompts), opts=child)
        if blueprint.mfa:
            Mfa(f"{name}-mfa", MfaArgs(blueprint.mfa), opts=child)
        if blueprint.attack_protection:
            AttackProtection(f"{name}-attack-protection", AttackProtectionArgs(blueprint.attack_protection),
                             opts=child)
        self.client_ids = applications.client_ids
        self.api_identifiers = apis.identifiers
