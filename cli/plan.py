"""`make plan STACK=<s> [FORMAT=tree|json|markdown]`: the desired state of a stack, offline.

The plan goes to stdout and nothing else does; problems go to stderr, one line each, exit 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.offline import Plan, exit_now, run_program
from cli.render import RENDERERS
from components.config.errors import ConfigError

PROJECT_DIR = Path(__file__).resolve().parent.parent


def plan_or_exit(stack: str, project_dir: Path = PROJECT_DIR) -> Plan:
    """Run the program offline; on bad config print the problems (no traceback) and exit 2."""
    if not (project_dir / f"Pulumi.{stack}.yaml").is_file():
        stacks = sorted(p.name[len("Pulumi."):-len(".yaml")] for p in project_dir.glob("Pulumi.*.yaml"))
        sys.exit(f"error: no stack file Pulumi.{stack}.yaml (stacks: {', '.join(stacks)})")
    try:
        return run_program(project_dir, stack)
    except ConfigError as error:
        print(str(error), file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} in the configuration of stack {stack}; "
              "nothing was planned.", file=sys.stderr)
        sys.exit(2)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="make plan", description=__doc__.splitlines()[0])
    parser.add_argument("--stack", required=True)
    parser.add_argument("--format", default="tree", choices=sorted(RENDERERS))
    parser.add_argument("--project-dir", type=Path, default=PROJECT_DIR, help="a copy of the project (make bench)")
    args = parser.parse_args(argv)
    plan = plan_or_exit(args.stack, args.project_dir)
    sys.stdout.write(RENDERERS[args.format](plan))


if __name__ == "__main__":
    main()
    exit_now()
