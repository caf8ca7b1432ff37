"""The whole CIAM tenant: composes every workstream's components from the validated config.

This is the only place where components meet. Creates, by workstream (each when configured):
- architecture: TenantSettings, CustomDomain
- provisioning and authentication: UserAttributeProfiles, Applications, Apis, Roles, Connections,
  Organizations, FormsAndFlows, TokenExchangeProfiles, SelfServiceSso, UniversalLogin, PhoneProvider, Mfa,
  AttackProtection
- customization: Branding, PromptTexts, PromptPartials, HostedPages, EmailTemplates
- authorization: ActionModules, Actions
- operations: EmailProvider, LogStreams, EventStreams, Firewall
"""

from __future__ import annotations

import pulumi

from components.architecture.custom_domain import CustomDomain, CustomDomainArgs
from components.architecture.tenant_settings import TenantSettings, TenantSettingsArgs
from components.authentication.apis import Apis, ApisArgs
from components.authentication.applications import Applications, ApplicationsArgs
from components.authentication.attack_protection import AttackProtection, AttackProtectionArgs
from components.authentication.forms_and_flows import FormsAndFlows, FormsAndFlowsArgs
from components.authentication.mfa import Mfa, MfaArgs
from components.authentication.organizations import Organizations, OrganizationsArgs
from components.authentication.phone_provider import PhoneProvider, PhoneProviderArgs
from components.authentication.self_service_sso import SelfServiceSso, SelfServiceSsoArgs
from components.authentication.token_exchange_profiles import TokenExchangeProfiles, TokenExchangeProfilesArgs
from components.authentication.universal_login import UniversalLogin, UniversalLoginArgs
from components.authentication.user_attribute_profiles import UserAttributeProfiles, UserAttributeProfilesArgs
from components.authorization.action_modules import ActionModules, ActionModulesArgs
from components.authorization.actions import Actions, ActionsArgs
from components.authorization.roles import Roles, RolesArgs
from components.config.loader import TenantConfig
from components.customization.brand_values import brand_values
from components.customization.branding import Branding, BrandingArgs
from components.customization.email_templates import EmailTemplates, EmailTemplatesArgs
from components.customization.hosted_pages import HostedPages, HostedPagesArgs
from components.customization.prompt_partials import PromptPartials, PromptPartialsArgs
from components.customization.prompt_texts import PromptTexts, PromptTextsArgs
from components.operations.email_provider import EmailProvider, EmailProviderArgs
from components.operations.event_streams import EventStreams, EventStreamsArgs
from components.operations.firewall import Firewall, FirewallArgs
from components.operations.log_streams import LogStreams, LogStreamsArgs
from components.provisioning.connections import Connections, ConnectionsArgs


class CiamTenant(pulumi.ComponentResource):
    login_domain: pulumi.Output[str]
    custom_domain_dns_record: pulumi.Output[dict | None]
    custom_domain_dns_records: pulumi.Output[dict[str, dict]]
    client_ids: pulumi.Output[dict[str, str]]
    api_identifiers: pulumi.Output[dict[str, str]]
    outbound_ips: pulumi.Output[dict]

    def __init__(self, name: str, config: TenantConfig, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:index:CiamTenant", name, None, opts)
        self._name = name
        self._config = config
        self._child = pulumi.ResourceOptions(parent=self)

        custom_domain = self._architecture()
        blueprint = config.blueprint
        # Forms before the Actions that render them (their ids go into the code).
        forms = None
        if blueprint.forms or blueprint.flows or blueprint.flow_vault_connections:
            forms = FormsAndFlows(f"{name}-forms", FormsAndFlowsArgs(
                blueprint.flow_vault_connections, blueprint.flows, blueprint.forms, config.file_vars), opts=self._child)
        # Before sign-in: a custom phone provider needs its Action deployed first.
        modules = ActionModules(f"{name}-action-modules", ActionModulesArgs(blueprint.action_modules),
                                opts=self._child) if blueprint.action_modules else None
        self._actions = Actions(f"{name}-actions", ActionsArgs(
            actions=blueprint.actions, modules=modules.versions if modules else {},
            form_ids=forms.form_id_by_key if forms else {}), opts=self._child)
        universal_login = self._sign_in()
        self._customization(custom_domain, universal_login)
        self._operations()

        self.register_outputs({
            "login_domain": self.login_domain,
            "custom_domain_dns_record": self.custom_domain_dns_record,
            "custom_domain_dns_records": self.custom_domain_dns_records,
            "client_ids": self.client_ids,
            "api_identifiers": self.api_identifiers,
            "outbound_ips": self.outbound_ips,
        })

    def _architecture(self) -> CustomDomain | None:
        name, blueprint, stack = self._name, self._config.blueprint, self._config.stack
        # The single `custom_domain` keeps its original name (and URNs); each of `custom_domains` is named by key.
        named = [(f"{name}-custom-domain", blueprint.custom_domain)] if blueprint.custom_domain else []
        named += [(f"{name}-custom-domain-{key}", domain) for key, domain in blueprint.custom_domains.items()]
        domains = [(settings, CustomDomain(resource_name, CustomDomainArgs(settings=settings,
                                                                           protect=stack.protects_data),
                                           opts=self._child)) for resource_name, settings in named]
        # Auth0 rejects enable_custom_domain_in_emails (400) until a custom domain is ready.
        needs_domain = blueprint.tenant.flags.enable_custom_domain_in_emails
        ready = [resource for _, domain in domains for resource in domain.ready] if needs_domain else []
        self._tenant_settings = TenantSettings(f"{name}-tenant", TenantSettingsArgs(
            settings=blueprint.tenant, after=ready, variables=self._config.file_vars), opts=self._child)
        # The login domain: the default one, else the first one, else the tenant's own.
        login = next((domain for settings, domain in domains if settings.default), domains[0][1] if domains else None)
        self.login_domain = login.domain if login else pulumi.Output.from_input(stack.tenant_domain)
        self.custom_domain_dns_record = login.dns_record if login else pulumi.Output.from_input(None)
        self.custom_domain_dns_records = pulumi.Output.all(
            **{settings.domain: domain.dns_record for settings, domain in domains}) if domains else \
            pulumi.Output.from_input({})
        return login

    def _sign_in(self) -> UniversalLogin | None:
        """Users and sign-in: applications first, since connections, grants and roles name them by key."""
        name, blueprint, child = self._name, self._config.blueprint, self._child
        attribute_profiles = UserAttributeProfiles(f"{name}-user-attribute-profiles", UserAttributeProfilesArgs(
            blueprint.user_attribute_profiles), opts=child) if blueprint.user_attribute_profiles else None
        applications = Applications(f"{name}-applications", ApplicationsArgs(
            blueprint.applications, attribute_profiles.profile_id_by_key if attribute_profiles else {}), opts=child)
        apis = Apis(f"{name}-apis", ApisArgs(blueprint.apis, blueprint.applications, applications.client_id_by_key,
                                             tenant_domain=self._config.stack.tenant_domain), opts=child)
        Roles(f"{name}-roles", RolesArgs(blueprint.roles, apis.identifier_by_key), opts=child)
        connections = Connections(f"{name}-connections", ConnectionsArgs(
            blueprint.connections, applications.client_id_by_key, protect=self._config.stack.protects_data),
            opts=child)
        if blueprint.organizations:
            Organizations(f"{name}-organizations", OrganizationsArgs(
                blueprint.organizations, connections.connection_id_by_key), opts=child)
        if blueprint.token_exchange_profiles:
            TokenExchangeProfiles(f"{name}-token-exchange-profiles", TokenExchangeProfilesArgs(
                blueprint.token_exchange_profiles, self._actions.action_id_by_key), opts=child)
        if blueprint.self_service_sso_profiles:
            SelfServiceSso(f"{name}-self-service-sso", SelfServiceSsoArgs(blueprint.self_service_sso_profiles),
                           opts=child)
        universal_login = None
        if blueprint.prompts:
            universal_login = UniversalLogin(f"{name}-universal-login", UniversalLoginArgs(blueprint.prompts),
                                             opts=child)
        phone_provider = self._phone_provider()
        if blueprint.mfa:
            # SMS/voice MFA is sent through the provider only once the tenant flag is on (Auth0's migration order).
            after = [self._tenant_settings, phone_provider] if blueprint.mfa.phone and phone_provider else []
            Mfa(f"{name}-mfa", MfaArgs(blueprint.mfa, after=after), opts=child)
        if blueprint.attack_protection:
            AttackProtection(f"{name}-attack-protection", AttackProtectionArgs(blueprint.attack_protection),
                             opts=child)
        self.client_ids = applications.client_ids
        self.api_identifiers = apis.identifiers
        return universal_login

    def _phone_provider(self) -> PhoneProvider | None:
        """Tenant-wide (Unified Phone Experience): MFA and passwordless SMS both send through it, with the
        tenant's phone templates."""
        settings = self._config.blueprint.phone_provider
        if settings is None:
            return None
        after = [self._tenant_settings, *([self._actions] if settings.name == "custom" else [])]
        return PhoneProvider(f"{self._name}-phone", PhoneProviderArgs(
            settings, after=after, templates=self._config.blueprint.phone_templates), opts=self._child)

    def _customization(self, custom_domain: CustomDomain | None, universal_login: UniversalLogin | None) -> None:
        name, blueprint, child = self._name, self._config.blueprint, self._child
        after_domain = [custom_domain] if custom_domain else []
        branding = None
        if blueprint.branding:
            branding = Branding(f"{name}-branding", BrandingArgs(settings=blueprint.branding, after=after_domain,
                                                                      variables=self._config.file_vars),
                                opts=child)
        if blueprint.prompt_partials:  # the loader requires the custom domain and the page template
            PromptPartials(f"{name}-prompt-partials", PromptPartialsArgs(
                blueprint.prompt_partials, after=[r for r in (*after_domain, branding, universal_login) if r],
                variables=self._config.file_vars),
                opts=child)
        if blueprint.prompt_texts:
            after_prompts = [universal_login] if universal_login else []
            PromptTexts(f"{name}-prompt-texts", PromptTextsArgs(texts=blueprint.prompt_texts, after=after_prompts,
                                                                variables=self._config.file_vars), opts=child)
        if blueprint.pages:
            HostedPages(f"{name}-pages", HostedPagesArgs(settings=blueprint.pages, variables=self._config.file_vars),
                        opts=child)

    def _operations(self) -> None:
        name, blueprint, stack, child = self._name, self._config.blueprint, self._config.stack, self._child
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
                    brand=brand_values(blueprint),
                    variables=self._config.file_vars,
                    after=[email_provider],
                ), opts=child)
        LogStreams(f"{name}-log-streams", LogStreamsArgs(streams=blueprint.log_streams), opts=child)
        if blueprint.event_streams:
            EventStreams(f"{name}-event-streams", EventStreamsArgs(blueprint.event_streams, blueprint.log_streams),
                         opts=child)
        firewall = Firewall(
            f"{name}-firewall",
            FirewallArgs(rules=blueprint.network_acls, tenant_domain=stack.tenant_domain),
            opts=child,
        )
        self.outbound_ips = firewall.outbound_ips
