"""A rule is one Auth0 production check: what it inspects, why it fails, how to fix it, and how hard it bites.

Each rule becomes a pulumi-policy policy (`ResourceValidationPolicy` or `StackValidationPolicy`); the offline
check calls the very same policy objects on the offline plan's records. Critical rules are mandatory on a
production stack and advisory elsewhere; every other rule is advisory.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pulumi_policy import (
    EnforcementLevel,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
)

PRODUCTION = "production"
STACK_CONFIG_KEY = "ciam:stack"


@dataclass(frozen=True)
class Subject:
    """One resource as a rule sees it, whichever side (engine or offline plan) it came from."""

    type: str
    name: str
    urn: str
    props: Mapping[str, Any]
    protect: bool = False


def subject_of(resource: Any) -> Subject:
    """From pulumi-policy's `ResourceValidationArgs` / `PolicyResource` (or anything shaped like them)."""
    opts = getattr(resource, "opts", None)
    return Subject(resource.resource_type, resource.name, resource.urn, resource.props,
                   bool(getattr(opts, "protect", False)))


ResourceCheck = Callable[[Subject], Iterable[str]]
StackCheck = Callable[[list[Subject]], Iterable[tuple[str, str | None]]]


@dataclass(frozen=True)
class Rule:
    name: str
    description: str
    fix: str
    critical: bool
    types: tuple[str, ...] = ()          # resource rule: the types it inspects
    check: ResourceCheck | None = None   # resource rule: yields why the resource fails
    stack_check: StackCheck | None = None  # stack rule: yields (why, urn or None for the whole stack)
    production_only: bool = False        # the setting is deliberately relaxed outside production

    def enforcement(self, production: bool) -> EnforcementLevel:
        return EnforcementLevel.MANDATORY if self.critical and production else EnforcementLevel.ADVISORY

    def message(self, reason: str) -> str:
        return f"{reason}. Fix: {self.fix}"

    def policy(self, production: bool) -> ResourceValidationPolicy | StackValidationPolicy:
        common = {"name": self.name, "description": self.description, "remediation_steps": self.fix,
                  "enforcement_level": self.enforcement(production)}
        applies = production or not self.production_only
        if self.stack_check is not None:
            def validate_stack(args: StackValidationArgs, report_violation) -> None:
                if applies:
                    for reason, urn in self.stack_check([subject_of(r) for r in args.resources]):
                        report_violation(self.message(reason), urn)
            return StackValidationPolicy(validate=validate_stack, **common)

        def validate_resource(args: ResourceValidationArgs, report_violation) -> None:
            if applies and args.resource_type in self.types:
                for reason in self.check(subject_of(args)):
                    report_violation(self.message(reason))
        return ResourceValidationPolicy(validate=validate_resource, **common)


def stack_settings_from_config(config: Mapping[str, str]) -> Mapping[str, Any]:
    """The stack's `ciam:stack` mapping from engine-style config (`ns:key` -> string, objects as JSON); empty
    when it is missing or not a mapping."""
    raw = config.get(STACK_CONFIG_KEY)
    try:
        stack = json.loads(raw) if isinstance(raw, str) else raw
    except json.JSONDecodeError:
        return {}
    return stack if isinstance(stack, Mapping) else {}


def environment_from_config(config: Mapping[str, str]) -> str | None:
    """The stack's `ciam:stack.environment` from engine-style config (`ns:key` -> string, objects as JSON).

    The Pulumi CLI hands a policy pack its stack's config in PULUMI_CONFIG in exactly this form, and
    `pulumi preview --json` repeats it under "config", so the pack, the offline check and the deletion
    guard all learn the environment from the value the program itself validates.
    """
    environment = stack_settings_from_config(config).get("environment")
    return environment if isinstance(environment, str) else None


def is_production(environment: str | None) -> bool:
    """Unknown counts as production: a pack or guard that cannot tell the environment fails closed."""
    return environment is None or environment == PRODUCTION
