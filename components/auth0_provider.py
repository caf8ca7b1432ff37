"""The one explicit `auth0` provider of a stack, pinned to the stack's tenant.

Creates: pulumi:providers:auth0 (every Auth0 resource is deployed through it).
"""

from __future__ import annotations

import os

import pulumi
import pulumi_auth0 as auth0

from components.config.errors import ConfigError, Problem
from components.config.loader import TenantConfig
from components.config.pinning import pinning_culprits


def pinned_provider(config: TenantConfig) -> auth0.Provider:
    auth0_config = pulumi.Config("auth0")
    stack_file = f"Pulumi.{config.stack_name}.yaml"
    problems = pinning_culprits(
        config.stack_name,
        config.stack.tenant_domain,
        {"auth0:domain": auth0_config.get("domain"), "AUTH0_DOMAIN": os.environ.get("AUTH0_DOMAIN")},
    )
    if problems:
        # The culprit is the credential source that names another tenant, not the pin.
        raise ConfigError([Problem(stack_file, culprit, message) for culprit, message in problems])
    # Unset credentials are read by the provider itself from AUTH0_CLIENT_ID / AUTH0_CLIENT_SECRET.
    return auth0.Provider(
        "auth0",
        domain=config.stack.tenant_domain,
        client_id=auth0_config.get("clientId"),
        client_secret=auth0_config.get_secret("clientSecret"),
    )
