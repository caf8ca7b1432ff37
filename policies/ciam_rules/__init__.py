"""Auth0 production checks as rules, shared by the pulumi-policy pack and the offline `make check`.

Imports are relative so the package works both as `ciam_rules` (inside the pack, run by the Pulumi CLI)
and as `policies.ciam_rules` (from the project: tests and cli/check.py).
"""

from .catalog import RULES, RULES_BY_NAME, build_policies
from .identity_rules import is_database_connection
from .model import PRODUCTION, Rule, Subject, environment_from_config, is_production, stack_settings_from_config

__all__ = [
    "PRODUCTION", "RULES", "RULES_BY_NAME", "Rule", "Subject", "build_policies", "environment_from_config",
    "is_database_connection", "is_production", "stack_settings_from_config",
]
