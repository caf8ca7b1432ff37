"""The plans of several stacks at once (`make snapshots`, `make diff`, `make scopes`), side by side on the cores.

Each stack is planned as `plan_or_exit` plans it, in a process forked from this one: its imports are already done
(none is paid twice), and it gets the stack's records back. The stack outputs stay in the child; these callers read
only the resources. What a stack prints on stderr (its problems, a note that Node is missing) is printed in the order
of the stacks, up to the first stack that does not plan, which ends the run with its exit code before the caller
writes anything: what the stacks planned one after another in this process printed, and the same plans.

They are planned one after another here when there is one stack or one core, off Linux, or when this process runs
other threads (a fork copies only the calling one, and a lock another held stays locked in the child)."""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import signal
import sys
import tempfile
import threading
from pathlib import Path

from cli.offline import Plan
from cli.plan import PROJECT_DIR, plan_or_exit


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def side_by_side(stacks: list[str]) -> int:
    """How many stacks are planned at once: 1 means one after another in this process."""
    if len(stacks) < 2 or not sys.platform.startswith("linux") or threading.active_count() > 1:
        return 1
    return min(len(stacks), cores())


def plans_or_exit(stacks: list[str], project_dir: Path = PROJECT_DIR, at_once: int | None = None) -> list[Plan]:
    """Each stack's plan, in the order of `stacks` (`at_once` overrides `side_by_side`, for the tests)."""
    at_once = side_by_side(stacks) if at_once is None else at_once
    if at_once < 2:
        return [plan_or_exit(stack, project_dir) for stack in stacks]
    try:
        with tempfile.TemporaryDirectory(prefix="ciam-plans-") as tmp:
            outcomes = _in_children(stacks, project_dir, at_once, Path(tmp))
    except KeyboardInterrupt:
        print("interrupted: nothing was planned", file=sys.stderr)
        sys.exit(130)
    plans = []
    for stack, (resources, unset_secrets, printed, code) in zip(stacks, outcomes, strict=True):
        sys.stderr.write(printed)
        if code:
            sys.stderr.flush()
            sys.exit(code)
        plans.append(Plan(stack, resources, {}, unset_secrets))
    return plans


def _in_children(stacks: list[str], project_dir: Path, at_once: int, tmp: Path) -> list[tuple]:
    sys.stdout.flush()
    sys.stderr.flush()
    waiting = list(enumerate(stacks))
    running: dict[int, int] = {}  # pid -> index of its stack
    outcomes: list[tuple | None] = [None] * len(stacks)
    try:
        while waiting or running:
            while waiting and len(running) < at_once:
                index, stack = waiting.pop(0)
                pid = os.fork()
                if pid == 0:
                    _child(project_dir, stack, tmp / f"{index}.pickle")
                running[pid] = index
            pid, status = os.wait()
            if pid not in running:  # not one of ours (the CLIs have no other child at this point)
                continue
            index = running.pop(pid)
            outcomes[index] = _outcome(stacks[index], status, tmp / f"{index}.pickle")
    except BaseException:  # Ctrl-C, or anything else here: no child outlives the run
        for pid in running:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        for pid in running:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        raise
    return outcomes


def _child(project_dir: Path, stack: str, result: Path) -> None:
    """The forked child: plan, write (resources, unset secrets, stderr, exit code) to `result`, and end at once."""
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and ends every child
        printed = io.StringIO()
        resources, unset_secrets = None, ()
        with contextlib.redirect_stderr(printed):
            try:
                plan = plan_or_exit(stack, project_dir)
                resources, unset_secrets = plan.resources, plan.unset_secrets
            except SystemExit as exit_:
                if isinstance(exit_.code, str):  # sys.exit("message") prints it and exits 1
                    print(exit_.code, file=sys.stderr)
                code = exit_.code if isinstance(exit_.code, int) else 1
        result.write_bytes(pickle.dumps((resources, unset_secrets, printed.getvalue(), code)))
    except BaseException:  # noqa: BLE001 - the parent reports a child that wrote nothing
        code = 70
    finally:
        os._exit(0 if code == 0 or result.exists() else code)


def _outcome(stack: str, status: int, result: Path) -> tuple:
    if os.waitstatus_to_exitcode(status) == 0 and result.is_file():
        return pickle.loads(result.read_bytes())
    return None, (), f"error: stack {stack}: the process planning it ended without a plan (status {status})\n", 2
