"""`make guard STACK=<s> [FILE=preview.json]`: stop a production deployment that would destroy data.

Reads `pulumi preview --json` (a file, or stdin) and fails when a production preview would delete or
replace a Connection (its users), a CustomDomain (the issuer), a Client (its ID and secret) or a
ResourceServer (its identifier). A reviewed change goes through with CIAM_ALLOW_DESTRUCTIVE=1, which the
pipeline sets from a PR label. Exit 0: nothing blocked; 1: blocked; 2: the input is not a preview.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cli.offline import stack_config
from cli.plan import PROJECT_DIR, stack_name_or_exit
from components.config.errors import ConfigError
from components.config.sources import MAX_JSON_BYTES, read_json
from policies.ciam_rules import environment_from_config, is_production

ALLOW_VARIABLE = "CIAM_ALLOW_DESTRUCTIVE"
GUARDED_TYPES = {
    "auth0:index/connection:Connection": "deleting a database connection deletes its users",
    "auth0:index/customDomain:CustomDomain": "login stops on the domain and tokens change issuer",
    "auth0:index/client:Client": "a new client ID and secret: every app must be reconfigured",
    "auth0:index/resourceServer:ResourceServer": "tokens for the old API identifier stop working",
}
# A replacement shows as create-replacement + replace + delete-replaced for the same URN.
DESTRUCTIVE_OPS = ("delete", "replace", "create-replacement", "delete-replaced")


@dataclass(frozen=True)
class Destruction:
    urn: str
    type: str
    ops: tuple[str, ...]
    reasons: tuple[str, ...]

    @property
    def action(self) -> str:
        return "delete" if self.ops == ("delete",) else "replace"


def step_type(step: dict[str, Any]) -> str:
    for state in ("newState", "oldState"):
        if isinstance(step.get(state), dict) and step[state].get("type"):
            return step[state]["type"]
    return step.get("urn", "").split("::")[2].rsplit("$", 1)[-1] if step.get("urn", "").count("::") >= 3 else ""


def destructions(preview: dict[str, Any]) -> list[Destruction]:
    found: dict[str, Destruction] = {}
    for step in preview.get("steps") or []:
        kind = step_type(step)
        if step.get("op") not in DESTRUCTIVE_OPS or kind not in GUARDED_TYPES:
            continue
        urn = step.get("urn", "")
        earlier = found.get(urn)
        ops = (*(earlier.ops if earlier else ()), step["op"])
        reasons = tuple(dict.fromkeys((*(earlier.reasons if earlier else ()), *(step.get("replaceReasons") or []))))
        found[urn] = Destruction(urn, kind, ops, reasons)
    return list(found.values())


def preview_environment(preview: dict[str, Any], stack: str | None, project_dir: Path) -> str | None:
    """From the config the preview carries; else from the file of the stack its URNs (or --stack) name."""
    environment = environment_from_config(preview.get("config") or {})
    if environment is None:
        urns = [s.get("urn", "") for s in preview.get("steps") or [] if s.get("urn", "").startswith("urn:pulumi:")]
        stack = urns[0].split("::")[0].removeprefix("urn:pulumi:") if urns else stack
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
    if not found:
        return 0, ["deletion guard: no Connection, CustomDomain, Client or ResourceServer is deleted or replaced"]
    lines = [f"  {d.action} {d.urn}" + (f" (replaced because of: {', '.join(d.reasons)})" if d.reasons else "")
             + f"\n    {GUARDED_TYPES[d.type]}" for d in found]
    if not is_production(environment):
        return 0, [f"deletion guard: allowed outside production (environment: {environment}):", *lines]
    if allowed:
        return 0, [f"deletion guard: allowed by {ALLOW_VARIABLE}=1:", *lines]
    return 1, ["deletion guard: this production preview would destroy data-bearing resources:", *lines,
               f"If this is intended and reviewed, rerun with {ALLOW_VARIABLE}=1 (the pipeline sets it from the "
               "PR label), or carry the old identity with a Pulumi alias instead."]


def main(argv: list[str] | None = None, project_dir: Path = PROJECT_DIR, stdin=None) -> int:
    parser = argparse.ArgumentParser(prog="make guard", description=__doc__.splitlines()[0])
    parser.add_argument("--stack", help="the stack previewed (default: read from the preview)")
    parser.add_argument("--file", default="-", help="the preview JSON; - reads stdin")
    args = parser.parse_args(argv)
    if args.stack is not None:
        stack_name_or_exit(args.stack)
    source = "stdin" if args.file == "-" else args.file
    try:
        if args.file == "-":
            raw = (stdin or sys.stdin).read(MAX_JSON_BYTES + 1)
        elif Path(args.file).is_dir():
            raise ValueError("it is a directory")
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
    code, lines = evaluate(preview, environment, allowed)
    print("\n".join(lines), file=sys.stderr if code else sys.stdout)
    return code


if __name__ == "__main__":
    sys.exit(main())
