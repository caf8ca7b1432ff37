"""Where the integration tests run, from the environment: which stack, which tenant, or why they cannot run.

Two modes:
- CIAM_IT_STACK=<org>/ciam/<stack>: check a stack the pipeline has just deployed (nothing is created or destroyed).
- otherwise an ephemeral stack `it-<run id>` with the config of CIAM_IT_CONFIG_STACK (default: the first
  stack in promotion order), on a tenant of its own (AUTH0_DOMAIN must not be a shipped stack's tenant: names
  would collide), destroyed afterwards.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field

CREDENTIALS = ("AUTH0_DOMAIN", "AUTH0_CLIENT_ID", "AUTH0_CLIENT_SECRET")


@dataclass(frozen=True)
class Settings:
    stack_name: str  # as Pulumi selects it, possibly org/project/stack
    config_stack: str  # the shipped stack whose Pulumi.<stack>.yaml the run uses
    ephemeral: bool
    tenant_domain: str
    login_domain: str | None = None  # ephemeral only: replaces ciam:vars.login_domain
    client_key: str | None = None
    secrets: dict[str, str] = field(default_factory=dict)


def ephemeral_stack_name(env: Mapping[str, str]) -> str:
    run = env.get("GITHUB_RUN_ID")
    suffix = f"{run}-{env.get('GITHUB_RUN_ATTEMPT', '1')}" if run else f"local-{secrets.token_hex(4)}"
    name = f"it-{suffix}"
    org = env.get("CIAM_IT_PULUMI_ORG")
    return f"{org}/ciam/{name}" if org else name


def secret_env_name(secret: str) -> str:
    return "CIAM_IT_SECRET_" + re.sub(r"[^A-Za-z0-9]", "_", secret).upper()


def resolve(env: Mapping[str, str], pulumi_cli: str | None, shipped_tenants: Mapping[str, str],
            referenced_secrets: list[str]) -> Settings | str:
    """The settings of this run, or one line saying why the integration tests cannot run here."""
    if not pulumi_cli:
        return "the Pulumi CLI is not on PATH (the integration tests drive it through the Automation API)"
    unset = [name for name in CREDENTIALS if not env.get(name)]
    if unset:
        return f"{', '.join(unset)} not set: the integration tests need a tenant's deploy credentials"
    domain = env["AUTH0_DOMAIN"].strip().lower()
    client_key = env.get("CIAM_IT_CLIENT") or None
    if env.get("CIAM_IT_STACK"):
        stack_name = env["CIAM_IT_STACK"]
        config_stack = stack_name.rsplit("/", 1)[-1]
        if config_stack not in shipped_tenants:
            return f"CIAM_IT_STACK={stack_name}: no Pulumi.{config_stack}.yaml in the project"
        if shipped_tenants[config_stack] != domain:
            return (f"AUTH0_DOMAIN is {domain} but stack {config_stack} is pinned to "
                    f"{shipped_tenants[config_stack]}")
        return Settings(stack_name, config_stack, False, domain, client_key=client_key)
    config_stack = env.get("CIAM_IT_CONFIG_STACK") or next(iter(shipped_tenants), "")
    if config_stack not in shipped_tenants:
        return f"CIAM_IT_CONFIG_STACK={config_stack}: no Pulumi.{config_stack}.yaml in the project"
    owner = next((stack for stack, tenant in sorted(shipped_tenants.items()) if tenant == domain), None)
    if owner:
        return (f"AUTH0_DOMAIN {domain} is stack {owner}'s tenant: an ephemeral stack there would collide with "
                f"its resources; set CIAM_IT_STACK={owner} to test that stack, or use a tenant of its own")
    if not env.get("CIAM_IT_LOGIN_DOMAIN"):
        return "CIAM_IT_LOGIN_DOMAIN not set: the ephemeral stack needs a custom domain of its own"
    missing = [secret_env_name(s) for s in referenced_secrets if not env.get(secret_env_name(s))]
    if missing:
        return f"{', '.join(missing)} not set: the blueprint references these secrets"
    values = {s: env[secret_env_name(s)] for s in referenced_secrets}
    return Settings(ephemeral_stack_name(env), config_stack, True, domain,
                    login_domain=env["CIAM_IT_LOGIN_DOMAIN"].strip().lower(), client_key=client_key, secrets=values)


def ephemeral_config(source_config: dict, settings: Settings) -> dict:
    """The ephemeral stack's file: the config stack's values, on its own tenant and domain, unprotected so that
    it can be destroyed. `secure:` values are dropped (another stack's key cannot decrypt them); the run sets
    the secrets from CIAM_IT_SECRET_* instead."""
    config = {key: value for key, value in source_config.items() if not _holds_secure(value)}
    config["ciam:stack"] = {**config.get("ciam:stack", {}), "tenant_domain": settings.tenant_domain,
                            "environment": "development", "protect_data": False}
    config["ciam:vars"] = {**config.get("ciam:vars", {}), "login_domain": settings.login_domain}
    return config


def _holds_secure(value) -> bool:
    if isinstance(value, dict):
        return "secure" in value or any(_holds_secure(item) for item in value.values())
    if isinstance(value, list):
        return any(_holds_secure(item) for item in value)
    return False
