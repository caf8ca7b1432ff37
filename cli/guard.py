"""`make guard STACK=<s> [FILE=preview.json]`: stop a production deployment that would cost data, protection or logins.

Reads `pulumi preview --json` (a file, or stdin) and fails when a production preview deletes, replaces
(either order), moves without an alias, or removes `protect` from a resource whose loss costs something:
the table in cli/guard_table.py says what, per type. A reviewed change goes through with
CIAM_ALLOW_DESTRUCTIVE=1. Exit 0: nothing blocked; 1: blocked; 2: the input is not a preview.
"""

from __future__ import annotations

if __name__ == "__main__":  # before the heavy imports (cli/lean_start.py)
    from cli import lean_start

    lean_start.for_a_plan()

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cli.guard_table import Cost, cost_of
from cli.offline import stack_config
from cli.plan import PROJECT_DIR, stack_name_or_exit
from cli.stack_protection import stricter_environment
from components.config.errors import ConfigError
from components.config.sources import MAX_JSON_BYTES, read_json
from policies.ciam_rules import environment_from_config, is_production

ALLOW_VARIABLE = "CIAM_ALLOW_DESTRUCTIVE"
# A replacement shows as create-replacement + replace + delete-replaced for the same URN (delete-replaced
# first when the resource is replaced delete-before-replace).
DESTRUCTIVE_OPS = ("delete", "replace", "create-replacement", "delete-replaced")


@dataclass(frozen=True)
class Destruction:
    urn: str
    type: str
    ops: tuple[str, ...]
    reasons: tuple[str, ...]
    kind: str = ""

    @property
    def action(self) -> str:
        if self.kind:
            return self.kind
        if "delete-replaced" in self.ops and "create-replacement" in self.ops:
            deleted_first = self.ops.index("delete-replaced") < self.ops.index("create-replacement")
            return "delete-before-replace" if deleted_first else "replace"
        return "delete" if self.ops == ("delete",) else "replace"

    @property
    def cost(self) -> Cost:
        return cost_of(self.type)

    @property
    def blocks(self) -> bool:
        return self.kind == "unprotect" or self.cost.cost is not None

    def describe(self) -> str:
        why = f" (replaced because of: {', '.join(self.reasons)})" if self.reasons else ""
        if self.kind == "unprotect":
            return (f"  remove protect from {self.urn}\n    the next up or destroy can delete it: "
                    f"{self.cost.reason}")
        if self.kind == "move":
            return (f"  move without an alias {self.urn} (from {self.reasons[0]})\n    Pulumi deletes the old "
                    f"resource and creates a new one: {self.cost.cost or 'no cost'}: {self.cost.reason}; "
                    "carry the old URN with `aliases=`")
        gap = self.action == "delete-before-replace"
        outage = "; the resource is absent between the delete and the create" if gap else ""
        return f"  {self.action} {self.urn}{why}\n    {self.cost.cost or 'no cost'}: {self.cost.reason}{outage}"


def step_type(step: dict[str, Any]) -> str:
    for state in ("newState", "oldState"):
        if isinstance(step.get(state), dict) and step[state].get("type"):
            return step[state]["type"]
    return step.get("urn", "").split("::")[2].rsplit("$", 1)[-1] if step.get("urn", "").count("::") >= 3 else ""


def is_custom(step: dict[str, Any]) -> bool:
    for state in ("newState", "oldState"):
        if isinstance(step.get(state), dict) and "custom" in step[state]:
            return bool(step[state]["custom"])
    kind = step_type(step)
    return not (kind.startswith("ciam:") or kind.startswith("pulumi:pulumi:"))


def _protect(step: dict[str, Any], state: str) -> bool:
    return isinstance(step.get(state), dict) and bool(step[state].get("protect"))


def _identity(urn: str, kind: str) -> tuple[str, str]:
    return kind, urn.rsplit("::", 1)[-1]


def destructions(preview: dict[str, Any]) -> list[Destruction]:
    """Every custom resource a step deletes, replaces, moves without an alias, or unprotects; in URN order seen."""
    steps = [s for s in preview.get("steps") or [] if isinstance(s, dict) and is_custom(s)]
    found: dict[tuple[str, str], Destruction] = {}
    deleted = {s.get("urn", ""): s for s in steps if s.get("op") == "delete"}
    created = {_identity(s.get("urn", ""), step_type(s)): s.get("urn", "") for s in steps if s.get("op") == "create"}
    for step in steps:
        urn, kind, op = step.get("urn", ""), step_type(step), step.get("op")
        if op in DESTRUCTIVE_OPS:
            new_urn = created.get(_identity(urn, kind)) if urn in deleted else None
            if new_urn:
                found[(new_urn, "move")] = Destruction(new_urn, kind, ("delete", "create"), (urn,), "move")
                continue
            earlier = found.get((urn, ""))
            ops = (*(earlier.ops if earlier else ()), op)
            reasons = tuple(dict.fromkeys((*(earlier.reasons if earlier else ()), *(step.get("replaceReasons") or []))))
            found[(urn, "")] = Destruction(urn, kind, ops, reasons)
        elif _protect(step, "oldState") and not _protect(step, "newState") and isinstance(step.get("newState"), dict):
            found[(urn, "unprotect")] = Destruction(urn, kind, (op or "",), (), "unprotect")
    return list(found.values())


def preview_stack(preview: dict[str, Any]) -> str | None:
    urns = [s.get("urn", "") for s in preview.get("steps") or [] if s.get("urn", "").startswith("urn:pulumi:")]
    return urns[0].split("::")[0].removeprefix("urn:pulumi:") if urns else None


def preview_environment(preview: dict[str, Any], stack: str | None, project_dir: Path) -> str | None:
    """From the config the preview carries; else from the file of the stack its URNs (or --stack) name."""
    environment = environment_from_config(preview.get("config") or {})
    if environment is None:
        stack = preview_stack(preview) or stack
        if stack and (project_dir / f"Pulumi.{stack}.yaml").is_file():
            environment = environment_from_config(stack_config(project_dir, stack)[0])
    return environment


def preview_shape_problem(preview: Any) -> str | None:
    """Why this JSON is not what `pulumi preview --json` prints (an object with a list of step objects)."""
    if not isinstance(preview, dict):
        return f"expected a JSON object; got a {type(preview).__name__}"
    if "steps" not in preview and "changeSummary" not in preview:
        return "expected an object with \"steps\" (and \"changeSummary\"); it has neither"
    steps = preview.get("steps")
    steps = [] if steps is None else steps
    if not isinstance(steps, list):
        return "\"steps\" must be a list of step objects"
    for index, step in enumerate(steps):
        if not isinstance(step, dict):
            return f"steps[{index}] is not an object"
        for key in ("op", "urn"):
            if not isinstance(step.get(key), str):
                return f"steps[{index}].{key} is missing or not a string"
        for state in ("newState", "oldState"):
            if state in step and step[state] is not None and not isinstance(step[state], dict):
                return f"steps[{index}].{state} is not an object"
        if not isinstance(step.get("replaceReasons") or [], list):
            return f"steps[{index}].replaceReasons is not a list"
    if not isinstance(preview.get("config") or {}, dict):
        return "\"config\" is not an object"
    return None


def evaluate(preview: dict[str, Any], environment: str | None, allowed: bool) -> tuple[int, list[str]]:
    found = destructions(preview)
    blocking = [d for d in found if d.blocks]
    if not found:
        return 0, ["deletion guard: nothing is deleted, replaced, moved without an alias or unprotected"]
    lines = [d.describe() for d in blocking] + [d.describe() for d in found if not d.blocks]
    if not blocking:
        return 0, ["deletion guard: only resources that are re-created from code at no cost:", *lines]
    if not is_production(environment):
        return 0, [f"deletion guard: allowed outside production (environment: {environment}):", *lines]
    if allowed:
        return 0, [f"deletion guard: allowed by {ALLOW_VARIABLE}=1:", *lines]
    return 1, ["deletion guard: this production preview would cost data, protection or logins:", *lines,
               f"If this is intended and reviewed, rerun with {ALLOW_VARIABLE}=1 (the deploy workflow sets it from "
               "its `allow-destructive` input, which only a run from the default branch through the approved "
               "`prod` environment can use), or carry the old identity with a Pulumi alias instead."]


def main(argv: list[str] | None = None, project_dir: Path = PROJECT_DIR, stdin=None) -> int:
    parser = argparse.ArgumentParser(prog="make guard", description=__doc__.splitlines()[0])
    parser.add_argument("--stack", help="the stack previewed (default: read from the preview)")
    parser.add_argument("--file", default="-", help="the preview JSON; - reads stdin")
    parser.add_argument("--base", help="a base ref: the stack is production if it is there or here")
    args = parser.parse_args(argv)
    if args.stack is not None:
        stack_name_or_exit(args.stack)
    source = "stdin" if args.file == "-" else args.file
    try:
        if args.file == "-":
            raw = (stdin or sys.stdin).read(MAX_JSON_BYTES + 1)
        elif Path(args.file).is_dir():
            raise ValueError("it is a directory")
        elif Path(args.file).stat().st_size > MAX_JSON_BYTES:  # refused by its size, before it is read
            raise ValueError(f"is over {MAX_JSON_BYTES} bytes")
        else:
            raw = Path(args.file).read_bytes()
        preview = read_json(raw, source)
        shape = preview_shape_problem(preview)
        if shape:
            raise ValueError(shape)
    except OSError as error:
        print(f"error: {source}: cannot be read: {error.strerror}", file=sys.stderr)
        return 2
    except ConfigError as error:
        problem = error.problems[0]
        where = f"{source}:{problem.line}" if problem.line else source
        print(f"error: {where} is not `pulumi preview --json` output: {problem.message}", file=sys.stderr)
        return 2
    except ValueError as error:
        print(f"error: {source} is not `pulumi preview --json` output: {error}", file=sys.stderr)
        return 2
    try:
        environment = preview_environment(preview, args.stack, project_dir)
    except ConfigError as error:
        print("\n".join(str(p) for p in error.problems), file=sys.stderr)
        return 2
    allowed = os.environ.get(ALLOW_VARIABLE, "").strip().lower() in ("1", "true", "yes")
    environment = preview_environment(preview, args.stack, project_dir)
    if args.base:
        stack = args.stack or preview_stack(preview)
        try:
            environment = stricter_environment(args.base, stack, project_dir, environment) if stack else environment
        except OSError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
    code, lines = evaluate(preview, environment, allowed)
    print("\n".join(lines), file=sys.stderr if code else sys.stdout)
    return code


if __name__ == "__main__":
    sys.exit(main())
