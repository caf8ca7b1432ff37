"""The registry: one mapping module per a0deploy section, run in this order (references need keys first).

Each module names its a0deploy section (`SOURCE`, or `SOURCES` when it reads several) and blueprint section
(`TARGET`), may `register` the keys of its objects (first pass, so references resolve in any order) and
`translate`s into the blueprint.
Adding a section means adding a model, a component and one module here.
"""

from __future__ import annotations

from cli.adopt.sections import (
    action_modules,
    actions,
    attack_protection,
    branding,
    client_grants,
    clients,
    connections,
    custom_domains,
    databases,
    email_provider,
    email_templates,
    event_streams,
    flow_vault_connections,
    flows,
    forms,
    guardian,
    log_streams,
    network_acls,
    organizations,
    pages,
    phone_providers,
    phone_templates,
    prompts,
    resource_servers,
    roles,
    self_service_profiles,
    tenant,
    themes,
    token_exchange_profiles,
    triggers,
    user_attribute_profiles,
)

MAPPINGS = (tenant, custom_domains, user_attribute_profiles, clients, resource_servers, client_grants, databases,
            connections, organizations, roles, action_modules, actions, token_exchange_profiles, triggers, prompts,
            branding, themes, guardian, phone_providers, phone_templates, attack_protection, log_streams,
            event_streams, network_acls, pages, email_provider, email_templates, flow_vault_connections, flows, forms,
            self_service_profiles)

# Sections Auth0 has retired: never carried over.
RETIRED = {
    "rules": "Auth0 retired Rules; rewrite them as post-login Actions",
    "rulesConfigs": "configuration of retired Rules",
    "hooks": "Auth0 retired Hooks; rewrite them as Actions",
}

# a0deploy sections this project cannot express yet (reported whole, never an error).
NOT_YET = ("riskAssessment", "supplementalSignals", "connectionProfiles", "rateLimitPolicies", "migrations")

# A mapping may read several a0deploy sections (`SOURCES`; Guardian's nine become `mfa`).
SOURCES = tuple(source for m in MAPPINGS for source in getattr(m, "SOURCES", (m.SOURCE,)))
KNOWN = (*SOURCES, *RETIRED, *NOT_YET)
