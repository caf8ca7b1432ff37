"""`make changes BASE=<ref> [STACK=<s>] [FORMAT=tree|markdown|json] [DETAILED=1]`: the change plan, offline.

Plans the program at BASE (checked out in a temporary git worktree, removed afterwards whatever happens) and in
the working tree, and compares the two by URN, per stack. No credentials, no network. Exit 0 with or without
changes; with --detailed-exitcode, 2 when there are changes. Bad input: one line on stderr, exit 2.
"""

from __future__ import annotations

if __name__ == "__main__":  # before the heavy imports (cli/lean_start.py)
    from cli import lean_start

    lean_start.for_a_plan()

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from cli.change_plan import StackChanges, compare, settings_changes
from cli.change_render import RENDERERS
from cli.offline import Plan, Record
from cli.references import with_references
from cli.render import workstream_of
from cli.stack_protection import lowered, protection_of
from cli.tenant_diagram import diagram
from components.config.errors import ConfigError
from components.config.stacks import stack_names

PROJECT_DIR = Path(__file__).resolve().parent.parent
_RECORDER = Path(__file__).resolve().parent / "recorded.py"
_DEFAULT_BRANCHES = ("origin/main", "main", "origin/master", "master")


class ChangesError(Exception):
    """Bad input or a plan that cannot be made: one line for the user."""


def stacks_in(project_dir: Path) -> list[str]:
    try:
        return stack_names(project_dir)
    except ConfigError as error:
        raise ChangesError(str(error).splitlines()[0]) from None


def _git(project_dir: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=project_dir, capture_output=True, text=True)
    if result.returncode != 0:
        raise ChangesError(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else f"git {args[0]} failed")
    return result.stdout.strip()


def resolve_base(project_dir: Path, base: str | None) -> str:
    """The commit BASE names; by default the merge base of HEAD with the default branch."""
    if base:
        try:
            return _git(project_dir, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
        except ChangesError:
            raise ChangesError(f"BASE={base}: not a commit in this repository") from None
    for branch in _DEFAULT_BRANCHES:
        try:
            return _git(project_dir, "merge-base", "HEAD", branch)
        except ChangesError:
            continue
    raise ChangesError("no BASE given and no default branch (origin/main or main) to take the merge base with")


def _prefix_in_repo(project_dir: Path) -> Path:
    return Path(_git(project_dir, "rev-parse", "--show-prefix") or ".")


def record_plans(project_dir: Path, stacks: list[str]) -> dict[str, dict[str, Any]]:
    """The recorded plans of `project_dir`, planned in a subprocess so its own `components` are imported."""
    result = subprocess.run([sys.executable, str(_RECORDER), str(project_dir), *stacks], cwd=project_dir,
                            capture_output=True, text=True)
    if result.returncode != 0:
        tail = (result.stderr.strip().splitlines() or ["the program did not run"])[-1]
        raise ChangesError(f"cannot plan {project_dir}: {tail}")
    return {entry["stack"]: entry for entry in json.loads(result.stdout)}


class BaseCheckout:
    """`git worktree add --detach` of BASE in a temporary directory; removed on exit, Ctrl-C and SIGTERM."""

    def __init__(self, project_dir: Path, commit: str):
        self.project_dir, self.commit = project_dir, commit
        self._tmp: tempfile.TemporaryDirectory | None = None
        self.path: Path | None = None

    def __enter__(self) -> Path:
        self._previous = signal.signal(signal.SIGTERM, _terminate) if _main_thread() else None
        self._tmp = tempfile.TemporaryDirectory(prefix="ciam-changes-")
        self.path = Path(self._tmp.name) / "base"
        try:
            _git(self.project_dir, "worktree", "add", "--detach", "--quiet", str(self.path), self.commit)
            return self.path / _prefix_in_repo(self.project_dir)
        except BaseException:  # interrupted while checking out: __exit__ will not run
            self.__exit__(None, None, None)
            raise

    def __exit__(self, *exc) -> None:
        removed = False
        try:
            if self.path is not None:
                # Twice --force: also a worktree that an interrupted `git worktree add` left locked.
                removed = subprocess.run(["git", "worktree", "remove", "--force", "--force", str(self.path)],
                                         cwd=self.project_dir, capture_output=True).returncode == 0
        finally:
            if self._tmp is not None:
                self._tmp.cleanup()
                self._tmp = None
            if not removed and self.path is not None:  # git may still list it: locked, or its directory gone
                subprocess.run(["git", "worktree", "unlock", str(self.path)], cwd=self.project_dir,
                               capture_output=True)
                subprocess.run(["git", "worktree", "prune"], cwd=self.project_dir, capture_output=True)
            if self._previous is not None:
                signal.signal(signal.SIGTERM, self._previous)


def _main_thread() -> bool:
    import threading
    return threading.current_thread() is threading.main_thread()


def _terminate(signum, frame) -> None:
    raise SystemExit(128 + signum)


def _plan(entry: dict[str, Any] | None, stack: str, where: str) -> tuple[Plan, dict[str, Any]]:
    if entry is None or entry.get("missing"):
        return Plan(stack, []), {}
    if "error" in entry:
        raise ChangesError(f"stack {stack} does not plan at {where}: {entry['error']}")
    records = [Record(urn=r["urn"], type=r["type"], name=r["name"], parent=r["parent"], protect=r["protect"],
                      dependencies=tuple(r["dependencies"]), inputs=r["inputs"], aliases=tuple(r["aliases"]),
                      replace_on_changes=tuple(r["replace_on_changes"]),
                      secret_refs=tuple(tuple(ref) for ref in r["secret_refs"])) for r in entry["resources"]]
    return with_references(Plan(stack, records)), entry["settings"]


def stack_changes(base_entry, head_entry, stack: str) -> StackChanges:
    before, before_settings = _plan(base_entry, stack, "BASE")
    after, after_settings = _plan(head_entry, stack, "the working tree")
    groups = {}
    for plan in (before, after):
        by_urn = {r.urn: r for r in plan.resources}
        groups.update({r.urn: workstream_of(r, by_urn) for r in plan.resources})
    changes = compare(before, after, groups)
    changes.settings = settings_changes(before_settings, after_settings)
    changes.warnings = protection_warnings(before_settings, after_settings)
    changes.diagram = diagram(after, {c.name: c.action for c in changes.resources})
    return changes


def protection_warnings(before_settings: dict, after_settings: dict) -> list[str]:
    """A change that lowers the stack's protection (production -> other, protect_data off), for the top."""
    def protection(settings: dict):
        return protection_of({"config": {"ciam:stack": (settings or {}).get("ciam:stack")}})
    return [f"lowers this stack's protection: {reason}"
            for reason in lowered(protection(before_settings), protection(after_settings))]


def changes_between(project_dir: Path, base: str | None, stacks: list[str] | None) -> list[StackChanges]:
    commit = resolve_base(project_dir, base)
    head_stacks = stacks_in(project_dir)
    if stacks:
        unknown = [s for s in stacks if s not in head_stacks]
        if unknown:
            raise ChangesError(f"STACK={','.join(unknown)}: no Pulumi.<stack>.yaml (stacks: {', '.join(head_stacks)})")
    with BaseCheckout(project_dir, commit) as base_dir:
        wanted = stacks or sorted(set(head_stacks) | set(stacks_in(base_dir)))
        with ThreadPoolExecutor(max_workers=2) as pool:
            base_future = pool.submit(record_plans, base_dir, wanted)
            head_future = pool.submit(record_plans, project_dir, wanted)
            base_plans, head_plans = base_future.result(), head_future.result()
    return [stack_changes(base_plans.get(s), head_plans.get(s), s) for s in wanted]


def main(argv: list[str] | None = None, project_dir: Path = PROJECT_DIR) -> int:
    parser = argparse.ArgumentParser(prog="make changes", description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="", help="git ref to compare with (default: merge base with main)")
    parser.add_argument("--stack", default="", help="comma-separated stacks (default: every stack)")
    parser.add_argument("--format", default="tree", choices=sorted(RENDERERS))
    parser.add_argument("--detailed-exitcode", action="store_true", help="exit 2 when there are changes")
    args = parser.parse_args(argv)
    stacks = [s for s in args.stack.split(",") if s] or None
    try:
        changes = changes_between(project_dir, args.base or None, stacks)
    except ChangesError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    colour = args.format == "tree" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    sys.stdout.write(RENDERERS[args.format](changes, colour=colour))
    return 2 if args.detailed_exitcode and any(c.has_changes for c in changes) else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
