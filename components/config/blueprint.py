"""The whole blueprint (`tenant.yaml` after the stack overlay): one field per top-level section."""


from collections.abc import Callable, Iterable

from pydantic import Field

from components.config.action_modules import ActionModulesSection, actions_use_known_published_modules
from components.config.actions import ActionsSection, check_actions
from components.config.apis import Api
from components.config.applications import Application
from components.config.attack_protection import AttackProtectionSettings
from components.config.auth0_rules import AUTH0_RULES
from components.config.branding import BrandingSection, page_template_needs_custom_domain
from components.config.connections import Connection
from components.config.cross_checks import SIGN_IN_CHECKS
from components.config.custom_domain import CustomDomainSection, CustomDomainsSection, custom_domains_are_distinct
from components.config.email_provider import EmailProviderSection
from components.config.email_templates import (
    EmailTemplatesSection,
    email_templates_need_a_provider,
    link_settings_fit_the_template,
)
from components.config.event_streams import EventStream, event_streams_name_usable_log_streams
from components.config.forms_and_flows import (
    FlowsSection,
    FormsSection,
    VaultConnectionsSection,
    actions_render_known_forms,
    references_name_known_keys,
)
from components.config.log_streams import LogStreamsSection
from components.config.mfa import MfaSettings
from components.config.network_acls import NetworkAclsSection, check_priorities
from components.config.organizations import Organization, organizations_name_known_connections
from components.config.pages import PagesSection
from components.config.parity import ParitySection
from components.config.phone_provider import PhoneProviderSection, phone_checks
from components.config.phone_templates import PhoneTemplatesSection, phone_templates_checks
from components.config.prompt_partials import PromptPartialsSection, partials_fit_their_prompt
from components.config.prompt_texts import PromptTextsSection, prompt_languages_are_enabled
from components.config.prompts import PromptSettings
from components.config.roles import Role
from components.config.self_service_sso import SelfServiceSsoSection
from components.config.tenant import TenantSection
from components.config.token_exchange_profiles import (
    TokenExchangeProfilesSection,
    profiles_name_token_exchange_actions,
)
from components.config.types import Key, Strict
from components.config.user_attribute_profiles import UserAttributeProfilesSection


class Blueprint(Strict):
    tenant: TenantSection
    custom_domain: CustomDomainSection | None = None
    custom_domains: CustomDomainsSection = Field(default_factory=dict)
    connections: dict[Key, Connection] = Field(default_factory=dict)
    applications: dict[Key, Application] = Field(default_factory=dict)
    apis: dict[Key, Api] = Field(default_factory=dict)
    roles: dict[Key, Role] = Field(default_factory=dict)
    prompts: PromptSettings | None = None
    mfa: MfaSettings | None = None
    phone_provider: PhoneProviderSection | None = None
    phone_templates: PhoneTemplatesSection = Field(default_factory=dict)
    attack_protection: AttackProtectionSettings | None = None
    actions: ActionsSection = Field(default_factory=dict)
    action_modules: ActionModulesSection = Field(default_factory=dict)
    log_streams: LogStreamsSection = Field(default_factory=dict)
    network_acls: NetworkAclsSection = Field(default_factory=dict)
    branding: BrandingSection | None = None
    prompt_texts: PromptTextsSection = Field(default_factory=dict)
    prompt_partials: PromptPartialsSection = Field(default_factory=dict)
    pages: PagesSection | None = None
    email_provider: EmailProviderSection | None = None
    email_templates: EmailTemplatesSection = Field(default_factory=dict)
    parity: ParitySection | None = None
    # B2B2C (issue 13): business customers and what they sign in with.
    organizations: dict[Key, Organization] = Field(default_factory=dict)
    event_streams: dict[Key, EventStream] = Field(default_factory=dict)
    flow_vault_connections: VaultConnectionsSection = Field(default_factory=dict)
    flows: FlowsSection = Field(default_factory=dict)
    forms: FormsSection = Field(default_factory=dict)
    self_service_sso_profiles: SelfServiceSsoSection = Field(default_factory=dict)
    token_exchange_profiles: TokenExchangeProfilesSection = Field(default_factory=dict)
    user_attribute_profiles: UserAttributeProfilesSection = Field(default_factory=dict)


# Keys a stack file may set under `ciam:` besides the sections (secret names are free-form).
STACK_ONLY_KEYS = ("stack", "vars")
SECTIONS = tuple(Blueprint.model_fields)

# Checks across sections (a grant naming an unknown application, ...): each yields (dotted key path, message).
# They run after the model validates, before anything is registered.
CROSS_CHECKS: list[Callable[[Blueprint], Iterable[tuple[str, str]]]] = [
    *SIGN_IN_CHECKS,
    lambda blueprint: check_actions(blueprint.actions),
    lambda blueprint: check_priorities(blueprint.network_acls),
    custom_domains_are_distinct,
    page_template_needs_custom_domain,
    prompt_languages_are_enabled,
    email_templates_need_a_provider,
    link_settings_fit_the_template,
    phone_checks,
    phone_templates_checks,
    organizations_name_known_connections,
    event_streams_name_usable_log_streams,
    references_name_known_keys,
    actions_render_known_forms,
    profiles_name_token_exchange_actions,
    partials_fit_their_prompt,
    actions_use_known_published_modules,
    *AUTH0_RULES,  # combinations Auth0 rejects or ignores (components/config/auth0_rules.py)
]
