"""`make stacks`: the project's stacks in promotion order, discovered from the `Pulumi.<stack>.yaml` files.

`--matrix` prints the GitHub Actions matrix the workflows run on (one entry per stack, in promotion order).
`--first`/`--last` print the first/last stack in promotion order: make's defaults for STACK, FROM and TO.
Bad stack files: one line per problem on stderr, exit 2.
"""

from __future__ import annotations

if __name__ == "__main__":  # before the imports: it needs no pulumi (cli/lean_start.py)
    from cli import lean_start

    lean_start.without_pulumi()

import argparse
import json
import sys
from pathlib import Path

from components.config.errors import ConfigError
from components.config.stacks import StackInfo, stacks

PROJECT_DIR = Path(__file__).resolve().parent.parent


def stacks_or_exit(project_dir: Path = PROJECT_DIR) -> list[StackInfo]:
    """The stacks in promotion order; on a bad stack file print the problems (no traceback) and exit 2."""
    try:
        return stacks(project_dir)
    except ConfigError as error:
        print(str(error), file=sys.stderr)
        sys.exit(2)


def stack_names_or_exit(project_dir: Path = PROJECT_DIR) -> list[str]:
    return [info.name for info in stacks_or_exit(project_dir)]


def matrix(infos: list[StackInfo]) -> dict:
    """Per stack: what it diffs against (the next stack, or for the last the one before), production or not."""
    previous = {info.promotes_to: info.name for info in infos if info.promotes_to}
    include = []
    for info in infos:
        diff_from, diff_to = (info.name, info.promotes_to) if info.promotes_to else (
            previous.get(info.name, info.name), info.name)
        include.append({"stack": info.name, "diff_from": diff_from, "diff_to": diff_to,
                        "production": info.is_production, "integration_tests": not info.is_production})
    return {"include": include}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="make stacks", description=__doc__.splitlines()[0])
    parser.add_argument("--matrix", action="store_true", help="the GitHub Actions matrix as one line of JSON")
    ends = parser.add_mutually_exclusive_group()
    ends.add_argument("--first", action="store_true", help="only the first stack in promotion order")
    ends.add_argument("--last", action="store_true", help="only the last stack in promotion order")
    parser.add_argument("--dir", type=Path, default=PROJECT_DIR, help="the project directory")
    args = parser.parse_args(argv)
    infos = stacks_or_exit(args.dir)
    if args.first or args.last:
        if not infos:
            print(f"no Pulumi.<stack>.yaml in {args.dir}: name the stack (STACK=<stack>)", file=sys.stderr)
            sys.exit(2)
        print(infos[0 if args.first else -1].name)
        return
    if args.matrix:
        print(json.dumps(matrix(infos), sort_keys=True, separators=(",", ":")))
        return
    for info in infos:
        then = f" -> {info.promotes_to}" if info.promotes_to else ""
        print(f"{info.name:<12} {info.environment or '?':<12}{then}")


if __name__ == "__main__":
    main()
