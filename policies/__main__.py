"""The policy pack: `pulumi preview --policy-pack policies` (and `pulumi up --policy-pack policies`).

The Pulumi CLI starts this with the stack's config in PULUMI_CONFIG; the stack's `ciam:stack.environment`
decides the enforcement: critical checks are mandatory in production and advisory elsewhere. A run without
stack config (e.g. `pulumi policy publish`) fails closed, as production. `--policy-pack-config` can still
override any single policy's enforcement level.
"""

from ciam_rules import build_policies, environment_from_config, is_production
from pulumi.runtime import get_config_env
from pulumi_policy import PolicyPack

PolicyPack(
    name="ciam-auth0-production-checks",
    policies=build_policies(is_production(environment_from_config(get_config_env()))),
    description="Auth0 production checks for the CIAM tenants",
)
