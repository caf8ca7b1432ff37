"""`make check STACK=<s>`: the Auth0 production checks (policies/ciam_rules) on a stack's offline plan.

The pack's own pulumi-policy objects run on the plan's records, so this is what `pulumi preview
--policy-pack policies` would report, without the CLI, credentials or a tenant. Each violation prints the
rule, the resource, why it fails and how to fix it. Exit 1 when a mandatory rule fails, 2 on bad config.
"""

from __future__ import annotations

if __name__ == "__main__":  # before the heavy imports (cli/lean_start.py)
    from cli import lean_start

    lean_start.for_a_plan()

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pulumi_policy import (
    EnforcementLevel,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    StackValidationArgs,
)
from pulumi_policy.policy import PolicyCustomTimeouts
from pulumi_policy.proxy import UNKNOWN_STRING_VALUE, UnknownValueError, unknown_checking_proxy

from cli.offline import COMPUTED, Plan, Record, exit_now, stack_config
from cli.plan import PROJECT_DIR, plan_or_exit
from cli.stack_protection import stricter_environment
from policies.ciam_rules import RULES, Rule, environment_from_config, is_production, stack_settings_from_config


@dataclass(frozen=True)
class Violation:
    rule: Rule
    mandatory: bool
    resource: str   # "type name" of the resource, or "stack <name>" for the stack as a whole
    why: str


@dataclass
class CheckResult:
    stack: str
    environment: str | None
    violations: list[Violation] = field(default_factory=list)
    not_evaluated: list[str] = field(default_factory=list)

    @property
    def mandatory(self) -> list[Violation]:
        return [v for v in self.violations if v.mandatory]


def _engine_props(value: Any) -> Any:
    """Offline placeholders back to what pulumi-policy sees: unknowns raise when a rule reads them."""
    if value == COMPUTED:
        return UNKNOWN_STRING_VALUE
    if isinstance(value, dict):
        return {key: _engine_props(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_engine_props(item) for item in value]
    return value


def _options(record: Record) -> PolicyResourceOptions:
    return PolicyResourceOptions(record.protect, [], None, [], PolicyCustomTimeouts(0, 0, 0), [], record.parent)


def resource_args(record: Record) -> ResourceValidationArgs:
    props = unknown_checking_proxy(_engine_props(record.inputs))
    return ResourceValidationArgs(record.type, props, record.urn, record.name, _options(record), None)


def stack_args(plan: Plan) -> StackValidationArgs:
    return StackValidationArgs([
        PolicyResource(r.type, unknown_checking_proxy(_engine_props(r.inputs)), r.urn, r.name, _options(r),
                       None, None, [], {})
        for r in plan.resources
    ])


def check_plan(plan: Plan, environment: str | None) -> CheckResult:
    production = is_production(environment)
    result = CheckResult(plan.stack, environment)
    shown = {r.urn: f"{r.type} {r.name}" for r in plan.resources}

    stack_resources = None  # built once: the stack rules only read it
    for rule in RULES:
        policy = rule.policy(production)
        mandatory = policy.enforcement_level == EnforcementLevel.MANDATORY

        def reporter(default_urn: str | None, rule: Rule = rule, mandatory: bool = mandatory):
            def report(message: str, urn: str | None = None) -> None:
                resource = shown.get(urn or default_urn, f"stack {plan.stack}")
                why = message.removesuffix(f". Fix: {rule.fix}")
                result.violations.append(Violation(rule, mandatory, resource, why))
            return report

        if rule.stack_check is not None:
            if stack_resources is None:
                stack_resources = stack_args(plan)
            policy.validate(stack_resources, reporter(None))
            continue
        for record in plan.resources:
            if record.type not in rule.types:
                continue  # its policy returns before it reads anything (policies/ciam_rules/model.py)
            try:
                policy.validate(resource_args(record), reporter(record.urn))
            except UnknownValueError as unknown:
                result.not_evaluated.append(f"{rule.name} on {shown[record.urn]}: {unknown.message}")
    return result


def stack_environment(project_dir: Path, stack: str) -> str | None:
    values, _ = stack_config(project_dir, stack)
    return environment_from_config(values)


def open_findings(project_dir: Path, stack: str) -> list[str]:
    """`ciam:stack.open_findings`: the mandatory rules an adopted stack is known to fail (see check_plan's caller)."""
    found = stack_settings_from_config(stack_config(project_dir, stack)[0]).get("open_findings")
    return [str(name) for name in found] if isinstance(found, list) else []


def production_problems(result: CheckResult, declared: list[str]) -> list[str]:
    """What keeps a production stack's tenant tests red: a mandatory violation not among its open findings,
    an open finding that is not a mandatory rule, and one that passes now (so the list only shrinks)."""
    failing = {v.rule.name for v in result.mandatory}
    problems = [f"{v.rule.name}: {v.resource}: {v.why}" for v in result.mandatory if v.rule.name not in declared]
    mandatory_rules = {rule.name for rule in RULES if rule.critical}
    problems += [f"ciam:stack.open_findings: {name} is not a mandatory rule" for name in declared
                 if name not in mandatory_rules]
    problems += [f"ciam:stack.open_findings: {name} passes now; take it out of open_findings" for name in declared
                 if name in mandatory_rules and name not in failing]
    return problems


def render(result: CheckResult, acknowledged: list[str] = ()) -> str:
    production = is_production(result.environment)
    lines = [f"Auth0 production checks for stack {result.stack} (environment: {result.environment or 'unknown'}; "
             f"critical checks are {'mandatory' if production else 'advisory'})", ""]
    for v in sorted(result.violations, key=lambda v: (not v.mandatory, v.rule.name, v.resource)):
        level = "MANDATORY" if v.mandatory else "advisory"
        if v.mandatory and v.rule.name in acknowledged:
            level = "MANDATORY (open finding, still refused by pulumi up)"
        lines += [f"{level}  {v.rule.name}: {v.rule.description}",
                  f"  resource: {v.resource}", f"  why:      {v.why}", f"  fix:      {v.rule.fix}", ""]
    for note in result.not_evaluated:
        lines.append(f"not evaluated (value unknown until deployment): {note}")
    mandatory = len(result.mandatory)
    lines.append(f"{len(RULES)} rules, {len(result.violations)} violations "
                 f"({mandatory} mandatory, {len(result.violations) - mandatory} advisory)")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None, project_dir: Path = PROJECT_DIR) -> int:
    parser = argparse.ArgumentParser(prog="make check", description=__doc__.splitlines()[0])
    parser.add_argument("--stack", required=True)
    parser.add_argument("--base", help="a base ref: critical rules are mandatory if the stack is production there")
    args = parser.parse_args(argv)
    plan = plan_or_exit(args.stack, project_dir)
    environment = stack_environment(project_dir, args.stack)
    if args.base:
        try:
            environment = stricter_environment(args.base, args.stack, project_dir, environment)
        except OSError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
    result = check_plan(plan, environment)
    sys.stdout.write(render(result, open_findings(project_dir, args.stack)))
    return 1 if result.mandatory else 0


if __name__ == "__main__":
    exit_now(main())
