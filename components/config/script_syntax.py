"""JavaScript syntax of Action and custom-database scripts, checked with Node's own parser (`node --check`'s verdict).

Without Node the check is skipped with one notice; a syntax error is one line naming the file and line.
"""


import functools
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from components.config.errors import Problem

SCRIPT_DIRS = ("assets/actions", "assets/custom-database")
_LOCATION = re.compile(r"^(?P<file>.+?):(?P<line>\d+)\s*$", re.M)
_ERROR = re.compile(r"^(SyntaxError: .*)$", re.M)
_BATCH_CHECKER = Path(__file__).with_suffix(".js")
_TIMEOUT = 10


def script_files(project_dir: Path) -> list[Path]:
    return sorted(p for folder in SCRIPT_DIRS for p in (project_dir / folder).glob("**/*.js")
                  if p.is_file() and not p.name.endswith(".test.js"))


def syntax_problems(project_dir: Path) -> tuple[list[Problem], str | None]:
    """(problems, notice): the notice says the check was skipped because Node is missing."""
    return start_syntax_check(project_dir)()


def start_syntax_check(project_dir: Path) -> Callable[[], tuple[list[Problem], str | None]]:
    """Start the check of every script and return what waits for its outcome, as `syntax_problems` gives it:
    the check (mostly Node's start-up) then runs beside the plan instead of before it.

    One Node process compiles every script as a CommonJS module (script_syntax.js); only a script it cannot
    compile goes to `node --check`, whose verdict and message are the ones reported. So a plan pays one Node
    start-up, not one per script, and the outcome is the one `node --check` gives each file."""
    node = shutil.which("node")
    files = script_files(project_dir)
    if not files:
        return lambda: ([], None)
    if node is None:
        notice = "note: assets/actions, assets/custom-database: node is not installed; JavaScript syntax not checked"
        return lambda: ([], notice)
    shown = [file.relative_to(project_dir).as_posix() for file in files]
    try:
        batch = subprocess.Popen([node, str(_BATCH_CHECKER), *map(str, files)], stdin=subprocess.DEVNULL,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except OSError:
        return lambda: ([], _none_checked(shown, "could not start"))
    return functools.cache(lambda: _outcome(node, batch, files, shown))  # waited for once, however often asked


def _none_checked(shown: list[str], why: str) -> str:
    # The one process checks every script, so when it fails none of them was checked.
    count = f"{len(shown)} scripts" if len(shown) > 1 else shown[0]
    return f"note: `node` {why}; the syntax of {count} ({', '.join(SCRIPT_DIRS)}) was not checked"


def _outcome(node: str, batch: subprocess.Popen, files: list[Path], shown: list[str]
             ) -> tuple[list[Problem], str | None]:
    try:
        stdout, _ = batch.communicate(timeout=_TIMEOUT)
    except subprocess.TimeoutExpired:
        batch.kill()
        batch.communicate()
        return [], _none_checked(shown, "did not finish")
    if batch.returncode != 0:
        return [], _none_checked(shown, "could not run the check")
    failed = {json.loads(line)["file"] for line in stdout.splitlines() if line.strip()}
    suspects = [(file, name) for file, name in zip(files, shown, strict=True) if str(file) in failed]
    started: list[subprocess.Popen] = []
    for file, _ in suspects:
        try:
            started.append(subprocess.Popen([node, "--check", str(file)], stdin=subprocess.DEVNULL,
                                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        except OSError:
            break
    problems = []
    for index, (_, name) in enumerate(suspects):
        if index >= len(started):  # this one could not start
            return problems, f"note: `node --check` could not run; the syntax of {name} was not checked"
        process = started[index]
        try:
            _, stderr = process.communicate(timeout=_TIMEOUT)
        except subprocess.TimeoutExpired:
            for rest in started[index:]:
                rest.kill()
                rest.communicate()
            return problems, f"note: `node --check` could not run; the syntax of {name} was not checked"
        if process.returncode == 0:  # valid as Node runs it (an ES module, say), though not as CommonJS
            continue
        location = _LOCATION.search(stderr)
        error = _ERROR.search(stderr)
        message = error.group(1)[:160] if error else "not valid JavaScript"
        problems.append(Problem(name, "", f"JavaScript {message}", int(location.group("line")) if location else None))
    return problems, None
