"""`make diff FROM=<stack> TO=<stack>`: where two stacks' desired states diverge, offline.

Resources are matched by type and resource name (URNs carry the stack name); for each one both plan, every
input property that differs is listed as a dotted path. Always exits 0 (2 on bad config): it informs a
review, the parity test is what enforces.
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

from cli.change_plan import line_diff
from cli.offline import Plan, Record, exit_now
from cli.plan import PROJECT_DIR
from cli.stack_plans import plans_or_exit
from cli.values import shown
from components.config.loader import BLUEPRINT_FILE
from components.config.parity import ParityException, ParitySection
from components.config.sources import read_yaml

_MISSING = object()


def identity(record: Record) -> str:
    return f"{record.type}::{record.name}"


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict) and value:
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(flatten(item, f"{prefix}.{key}" if prefix else key))
        return out
    if isinstance(value, list) and value:
        out = {}
        for index, item in enumerate(value):
            out.update(flatten(item, f"{prefix}[{index}]"))
        return out
    return {prefix: value}


@dataclass
class StackDiff:
    before: str
    after: str
    only_before: list[str] = field(default_factory=list)
    only_after: list[str] = field(default_factory=list)
    changed: dict[str, list[tuple[str, Any, Any]]] = field(default_factory=dict)


def diff_plans(before: Plan, after: Plan) -> StackDiff:
    old = {identity(r): r for r in before.resources}
    new = {identity(r): r for r in after.resources}
    diff = StackDiff(before.stack, after.stack, sorted(old.keys() - new.keys()), sorted(new.keys() - old.keys()))
    for key in sorted(old.keys() & new.keys()):
        a, b = flatten(old[key].inputs), flatten(new[key].inputs)
        changes = [(path, a.get(path, _MISSING), b.get(path, _MISSING))
                   for path in sorted(a.keys() | b.keys()) if a.get(path, _MISSING) != b.get(path, _MISSING)]
        if old[key].protect != new[key].protect:
            changes.append(("(protect)", old[key].protect, new[key].protect))
        if changes:
            diff.changed[key] = changes
    return diff


def declared_exceptions(project_dir: Path) -> list[ParityException]:
    data = read_yaml(project_dir / BLUEPRINT_FILE).data or {}
    return ParitySection.model_validate(data.get("parity") or {}).exceptions


def parity_problems(plans: dict[str, Plan], exceptions: list[ParityException]) -> list[str]:
    """Resources not planned by every stack and not declared with exactly the stacks that have them."""
    holders: dict[str, set[str]] = {}
    for stack, plan in plans.items():
        for record in plan.resources:
            holders.setdefault(identity(record), set()).add(stack)
    declared = {e.resource: set(e.stacks) for e in exceptions}
    problems = []
    for resource in sorted(holders.keys() | declared.keys()):
        have = holders.get(resource, set())
        expected = declared.get(resource, set(plans))
        if have != expected:
            problems.append(f"{resource}: planned by {sorted(have) or 'no stack'}, expected {sorted(expected)}"
                            + (" (declared in tenant.yaml parity.exceptions)" if resource in declared else ""))
    return problems


def _shown(value: Any) -> str:
    # One-line values whole; multi-line ones (Action code, HTML) by size and hash, with their line diff below.
    return "(unset)" if value is _MISSING else shown(value, whole=True)


def render(diff: StackDiff, exceptions: list[ParityException] = ()) -> str:
    reasons = {e.resource: e.reason for e in exceptions}
    lines = [f"Stack diff: {diff.before} -> {diff.after}", ""]
    for title, keys in ((f"Only in {diff.before}", diff.only_before), (f"Only in {diff.after}", diff.only_after)):
        lines.append(f"{title} ({len(keys)}):")
        lines += [f"  {key}" + (f"  [declared: {reasons[key]}]" if key in reasons else "") for key in keys]
        lines.append("")
    lines.append(f"Property differences ({len(diff.changed)} resources):")
    for key, changes in diff.changed.items():
        lines.append(f"  {key}")
        for path, a, b in changes:
            lines.append(f"    {path}: {_shown(a)} -> {_shown(b)}")
            lines += [f"      {line}" for line in line_diff(a, b)]
    if not diff.changed:
        lines.append("  none")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None, project_dir: Path = PROJECT_DIR) -> int:
    parser = argparse.ArgumentParser(prog="make diff", description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="before", required=True)
    parser.add_argument("--to", dest="after", required=True)
    args = parser.parse_args(argv)
    before, after = plans_or_exit([args.before, args.after], project_dir)
    diff = diff_plans(before, after)
    sys.stdout.write(render(diff, declared_exceptions(project_dir)))
    return 0


if __name__ == "__main__":
    exit_now(main())
