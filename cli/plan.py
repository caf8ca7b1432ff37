"""`make plan STACK=<s> [FORMAT=tree|json|markdown]`: the desired state of a stack, offline.

The plan goes to stdout and nothing else does; problems go to stderr, one line each, exit 2.
"""

from __future__ import annotations

import os
import signal
import sys


def _interrupted(_signum, _frame) -> None:
    # Exit at once: the mock runtime's worker threads would otherwise keep an interrupted run alive.
    os.write(2, b"interrupted: nothing was planned\n")
    os._exit(130)


if __name__ == "__main__":  # before the heavy imports, so Ctrl-C while importing exits cleanly too
    signal.signal(signal.SIGINT, _interrupted)
    from cli import lean_start

    lean_start.for_a_plan()

import argparse
from pathlib import Path

from cli.offline import Plan, exit_now, run_program
from cli.render import RENDERERS
from components.config.errors import ConfigError, excerpt
from components.config.script_syntax import start_syntax_check
from components.config.sources import stack_name_problem
from components.config.stacks import stack_names

PROJECT_DIR = Path(__file__).resolve().parent.parent


def plan_or_exit(stack: str, project_dir: Path = PROJECT_DIR) -> Plan:
    """Run the program offline; on bad config print the problems (no traceback) and exit 2."""
    stack_name_or_exit(stack)
    if not (project_dir / f"Pulumi.{stack}.yaml").is_file():
        try:
            stacks = stack_names(project_dir)
        except ConfigError as error:
            sys.exit(str(error))
        sys.exit(f"error: no stack file Pulumi.{stack}.yaml (stacks: {', '.join(stacks)})")
    syntax_outcome = start_syntax_check(project_dir)  # Node checks the scripts while the program runs
    try:
        try:
            plan = run_program(project_dir, stack)
        except ConfigError as error:
            script_problems = _script_problems(syntax_outcome)
            raise ConfigError([*error.problems, *script_problems]) from None
        script_problems = _script_problems(syntax_outcome)
        if script_problems:
            raise ConfigError(script_problems)
        return plan
    except ConfigError as error:
        print(str(error), file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} in the configuration of stack {stack}; "
              "nothing was planned.", file=sys.stderr)
        sys.exit(2)
    except (RecursionError, MemoryError, OSError, ValueError, TypeError, KeyError, AttributeError) as error:
        if os.environ.get("CIAM_DEBUG"):
            raise
        # Input no check above foresaw; one line instead of a traceback (CIAM_DEBUG=1 shows it).
        print(f"tenant.yaml / Pulumi.{stack}.yaml: this configuration could not be planned: "
              f"{type(error).__name__}: {excerpt(str(error), 120)} (rerun with CIAM_DEBUG=1 for details)",
              file=sys.stderr)
        sys.exit(2)
    finally:
        syntax_outcome()  # no Node process outlives the plan


def _script_problems(syntax_outcome):
    script_problems, notice = syntax_outcome()
    if notice:
        print(notice, file=sys.stderr)
    return script_problems


def stack_name_or_exit(stack: str) -> str:
    """Before anything runs: a stack name with `::`, `;` or `/` would corrupt URNs or reach a shell."""
    problem = stack_name_problem(stack)
    if problem:
        print(f"error: Pulumi.<stack>.yaml: {problem}", file=sys.stderr)
        sys.exit(2)
    return stack


def write_atomically(text: str) -> None:
    """The whole output in one write: an interrupted run prints nothing rather than truncated JSON."""
    sys.stdout.flush()
    data = text.encode("utf-8")
    out = sys.stdout.fileno()
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # a Ctrl-C waits until all is written
    try:
        while data:
            data = data[os.write(out, data):]
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="make plan", description=__doc__.splitlines()[0])
    parser.add_argument("--stack", required=True)
    parser.add_argument("--format", default="tree", choices=sorted(RENDERERS))
    parser.add_argument("--project-dir", type=Path, default=PROJECT_DIR, help="a copy of the project (make bench)")
    args = parser.parse_args(argv)
    plan = plan_or_exit(args.stack, args.project_dir)
    write_atomically(RENDERERS[args.format](plan))


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        os._exit(1)
    exit_now()
