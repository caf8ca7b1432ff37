"""JavaScript syntax of Action and custom-database scripts, checked with Node's own parser (`node --check`).

Without Node the check is skipped with one notice; a syntax error is one line naming the file and line.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from components.config.errors import Problem

SCRIPT_DIRS = ("assets/actions", "assets/custom-database")
_LOCATION = re.compile(r"^(?P<file>.+?):(?P<line>\d+)\s*$", re.M)
_ERROR = re.compile(r"^(SyntaxError: .*)$", re.M)


def script_files(project_dir: Path) -> list[Path]:
    return sorted(p for folder in SCRIPT_DIRS for p in (project_dir / folder).glob("**/*.js")
                  if p.is_file() and not p.name.endswith(".test.js"))


def syntax_problems(project_dir: Path) -> tuple[list[Problem], str | None]:
    """(problems, notice): the notice says the check was skipped because Node is missing."""
    return start_syntax_check(project_dir)()


def start_syntax_check(project_dir: Path) -> Callable[[], tuple[list[Problem], str | None]]:
    """Start `node --check` on every script at once and return what waits for the outcome of
    `syntax_problems`: the checks (mostly Node's start-up) then run beside the plan instead of before it."""
    node = shutil.which("node")
    files = script_files(project_dir)
    if not files:
        return lambda: ([], None)
    if node is None:
        notice = "note: assets/actions, assets/custom-database: node is not installed; JavaScript syntax not checked"
        return lambda: ([], notice)
    shown = [file.relative_to(project_dir).as_posix() for file in files]
    started: list[subprocess.Popen] = []
    for file in files:
        try:
            started.append(subprocess.Popen([node, "--check", str(file)], stdin=subprocess.DEVNULL,
                                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        except OSError:
            break
    return functools.cache(lambda: _outcome(started, shown))  # waited for once, however often asked


def _outcome(started: list[subprocess.Popen], shown: list[str]) -> tuple[list[Problem], str | None]:
    problems = []
    for index, name in enumerate(shown):
        if index >= len(started):  # this one could not start
            return problems, f"note: `node --check` could not run; the syntax of {name} was not checked"
        process = started[index]
        try:
            _, stderr = process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            for rest in started[index:]:
                rest.kill()
                rest.communicate()
            return problems, f"note: `node --check` could not run; the syntax of {name} was not checked"
        if process.returncode == 0:
            continue
        location = _LOCATION.search(stderr)
        error = _ERROR.search(stderr)
        message = error.group(1)[:160] if error else "not valid JavaScript"
        problems.append(Problem(name, "", f"JavaScript {message}", int(location.group("line")) if location else None))
    return problems, None
