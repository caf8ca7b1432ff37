"""The production gate: a production stack refuses to register anything while a mandatory rule fails.

`__main__.py` calls `refuse_mandatory_violations` after loading config and before the first resource.
It runs the very program offline (mock runtime, in a child process so the engine's runtime is left
alone) and checks the recorded resources with the rules of policies/ciam_rules, the pack's own rule
set, so a `pulumi up` without `--policy-pack` cannot deploy what the pack would refuse.
Under the mock runtime (the offline plan, `make check`) the gate does nothing: it is that run. Nor in a
preview, whose report is the policy pack's; the update phase of `pulumi up` is what it stops. The child
reads config from the stack files (secure values redacted), as `make check` does.
"""

from __future__ import annotations

if __name__ == "__main__":  # before the heavy imports (cli/lean_start.py)
    from cli import lean_start

    lean_start.for_a_plan()

import os
import subprocess
import sys
from pathlib import Path

import pulumi
from pulumi.runtime.mocks import MockMonitor
from pulumi.runtime.settings import get_monitor

CODE_DIR = Path(__file__).resolve().parent.parent


def under_mocks() -> bool:
    return isinstance(get_monitor(), MockMonitor)


def mandatory_violations(project_dir: Path, stack: str) -> list[str]:
    """One line per mandatory violation of the stack's offline plan (empty: the stack may deploy)."""
    from cli.check import check_plan, stack_environment
    from cli.offline import run_program

    result = check_plan(run_program(project_dir, stack), stack_environment(project_dir, stack))
    return sorted(f"{v.rule.name} on {v.resource}: {v.why}. Fix: {v.rule.fix}" for v in result.mandatory)


def refuse_mandatory_violations(project_dir: Path, stack: str, production: bool) -> None:
    # A preview changes nothing and its report is the pack's; the update (`pulumi up`, also `--plan`) is gated.
    if not production or under_mocks() or pulumi.runtime.is_dry_run():
        return
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(CODE_DIR), os.environ.get("PYTHONPATH")]))}
    child = subprocess.run([sys.executable, "-m", "cli.gate", str(project_dir), stack], capture_output=True,
                           text=True, env=env, cwd=project_dir, check=False)
    if child.returncode != 0:
        detail = child.stdout.strip() or child.stderr.strip().splitlines()[-1:] or ["the offline check failed"]
        lines = detail if isinstance(detail, list) else detail.splitlines()
        header = f"production stack {stack}: refused before registering anything, mandatory rules fail:"
        raise pulumi.RunError("\n".join([header, *(f"  {line}" for line in lines)]))


def main(argv: list[str]) -> int:
    project_dir, stack = Path(argv[0]), argv[1]
    violations = mandatory_violations(project_dir, stack)
    sys.stdout.write("".join(f"{line}\n" for line in violations))
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
