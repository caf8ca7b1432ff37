"""The registry: one mapping module per a0deploy section, run in this order (references need keys first).

Each module names its a0deploy section (`SOURCE`) and blueprint section (`TARGET`), may `register` the keys
of its objects (first pass, so references resolve in any order) and `translate`s into the blueprint.
Adding a section means adding a model, a component and one module here.
"""

from __future__ import annotations

from cli.adopt.sections import (
    actions,
    attack_protection,
    client_grants,
    clients,
    connections,
    custom_domains,
    databases,
    email_provider,
    email_templates,
    log_streams,
    network_acls,
    organizations,
    pages,
    prompts,
    resource_servers,
    roles,
    tenant,
    triggers,
)

MAPPINGS = (tenant, custom_domains, clients, resource_servers, client_grants, databases, connections, organizations,
            roles, actions, triggers, prompts, attack_protection, log_streams, network_acls, pages, email_provider,
            email_templates)

# Sections Auth0 has retired: never carried over.
RETIRED = {
    "rules": "Auth0 retired Rules; rewrite them as post-login Actions",
    "rulesConfigs": "configuration of retired Rules",
    "hooks": "Auth0 retired Hooks; rewrite them as Actions",
}

# a0deploy sections this project cannot express yet (reported whole, never an error).
NOT_YET = (
    "actionModules", "branding", "themes", "guardianFactors", "guardianFactorProviders",
    "guardianFactorTemplates", "guardianPolicies", "guardianPhoneFactorSelectedProvider",
    "guardianPhoneFactorMessageTypes", "phoneProviders", "phoneTemplates", "riskAssessment",
    "supplementalSignals", "eventStreams", "forms",
    "flows", "flowVaultConnections", "selfServiceProfiles", "tokenExchangeProfiles", "connectionProfiles",
    "userAttributeProfiles", "rateLimitPolicies", "migrations",
)

KNOWN = (*(m.SOURCE for m in MAPPINGS), *RETIRED, *NOT_YET)
