"""URN snapshots: tests/tenant/snapshots/<stack>.urns lists every URN a stack registers.

A changed URN means Pulumi would delete one resource and create another (for a database connection: its
users are gone). The snapshot test fails on any change until it is reviewed and written with
`make snapshots` (or carried by an Alias).
"""

from __future__ import annotations

if __name__ == "__main__":  # before the heavy imports (cli/lean_start.py)
    from cli import lean_start

    lean_start.for_a_plan()

import argparse
import sys
from pathlib import Path

from cli.offline import Plan, exit_now
from cli.plan import PROJECT_DIR
from cli.stack_plans import plans_or_exit
from cli.stacks import stack_names_or_exit
from cli.values import count_line

SNAPSHOT_DIR = PROJECT_DIR / "tests" / "tenant" / "snapshots"


def snapshot_text(plan: Plan) -> str:
    return "".join(f"{urn}\n" for urn in sorted(r.urn for r in plan.resources))


def snapshot_path(stack: str) -> Path:
    return SNAPSHOT_DIR / f"{stack}.urns"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="make snapshots", description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    SNAPSHOT_DIR.mkdir(parents=True, exist_ok=True)
    stacks = stack_names_or_exit(PROJECT_DIR)
    for stale in sorted(set(SNAPSHOT_DIR.glob("*.urns")) - {snapshot_path(stack) for stack in stacks}):
        stale.unlink()
        print(f"removed {stale.relative_to(PROJECT_DIR)} (no Pulumi.{stale.stem}.yaml)", file=sys.stderr)
    for stack, plan in zip(stacks, plans_or_exit(stacks), strict=True):  # every stack plans before one is written
        text = snapshot_text(plan)
        snapshot_path(stack).write_text(text)
        print(f"wrote {snapshot_path(stack).relative_to(PROJECT_DIR)} ({text.count(chr(10))} URNs: "
              f"{count_line([r.type for r in plan.resources])})", file=sys.stderr)


if __name__ == "__main__":
    main()
    exit_now()
