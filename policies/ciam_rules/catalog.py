"""Every rule, and the pulumi-policy policies they become for one environment."""

from __future__ import annotations

from .application_rules import APPLICATION_RULES
from .identity_rules import IDENTITY_RULES
from .model import Rule
from .stack_rules import STACK_RULES
from .tenant_rules import TENANT_RULES

RULES: list[Rule] = [*TENANT_RULES, *APPLICATION_RULES, *IDENTITY_RULES, *STACK_RULES]
RULES_BY_NAME = {rule.name: rule for rule in RULES}
assert len(RULES_BY_NAME) == len(RULES), "rule names must be unique (they are pulumi-policy policy names)"


def build_policies(production: bool) -> list:
    return [rule.policy(production) for rule in RULES]
