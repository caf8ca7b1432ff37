"""JavaScript syntax of Action and custom-database scripts, checked with Node's own parser (`node --check`).

Without Node the check is skipped with one notice; a syntax error is one line naming the file and line.
"""

from __future__ import annotations

import re
import shutil
import subprocess
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
    node = shutil.which("node")
    files = script_files(project_dir)
    if not files:
        return [], None
    if node is None:
        return [], "note: assets/actions, assets/custom-database: node is not installed; JavaScript syntax not checked"
    problems = []
    for file in files:
        shown = file.relative_to(project_dir).as_posix()
        try:
            result = subprocess.run([node, "--check", str(file)], capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            return problems, f"note: `node --check` could not run; the syntax of {shown} was not checked"
        if result.returncode == 0:
            continue
        location = _LOCATION.search(result.stderr)
        error = _ERROR.search(result.stderr)
        message = error.group(1)[:160] if error else "not valid JavaScript"
        problems.append(Problem(shown, "", f"JavaScript {message}", int(location.group("line")) if location else None))
    return problems, None
