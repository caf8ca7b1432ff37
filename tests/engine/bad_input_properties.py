"""Mutations of the errors-base fixture tenant and the properties every outcome must have.

Shared by tests/engine/test_bad_input_properties.py (a few examples per run) and `make fuzz` (a longer campaign).
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import time
from pathlib import Path

import yaml
from hypothesis import strategies as st

from cli.plan import plan_or_exit

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "tenants" / "errors-base"
# libyaml reads the fixture once per example (the same data as yaml.safe_load); the mutated copy is written with
# the pure-Python emitter, so the bytes hypothesis feeds the loader are unchanged.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
STACK = "dev"
PLANTED_SECRET = "Sk_live_9f8A7b6C5d4E3f2G1h0J"
FILES = ("tenant.yaml", f"Pulumi.{STACK}.yaml")
SUMMARY = re.compile(r"^\d+ problems? in the configuration of stack ")
NAMES_A_FILE = re.compile(r"tenant\.yaml|Pulumi\.[^ ]*yaml|assets/|stdin")

VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**30, max_value=10**30), st.just(PLANTED_SECRET),
    st.text(max_size=20), st.just("x" * 100_000), st.just("a\x00b\x1bc"), st.just("{not json"),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
OPERATIONS = st.sampled_from(["delete", "retype", "rename", "nest", "control", "huge", "secret-key"])


def paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from paths(value, (*prefix, index))


def mutate(data, path, operation, value):
    if not path:
        return value if operation == "retype" else data
    *parent_path, last = path
    parent = data
    for part in parent_path:
        parent = parent[part]
    if operation == "delete":
        del parent[last]
    elif operation == "retype":
        parent[last] = value
    elif operation == "rename" and isinstance(parent, dict):
        parent[f"{last}\x07{PLANTED_SECRET}" if isinstance(value, bool) else f"{last}x" * 300] = parent.pop(last)
    elif operation == "nest":
        nested = parent[last]
        for _ in range(5000):
            nested = {"n": nested}
        parent[last] = nested
    elif operation == "control":
        parent[last] = f"{parent[last]}\x00\x1b"
    elif operation == "huge":
        parent[last] = "y" * 3_000_000
    elif operation == "secret-key" and isinstance(parent, dict):
        parent[PLANTED_SECRET] = PLANTED_SECRET
    return data


@st.composite
def broken_projects(draw):
    file = draw(st.sampled_from(FILES))
    data = yaml.load((FIXTURE / file).read_text(), Loader=_LOADER)
    path = draw(st.sampled_from(sorted(paths(data), key=repr)))
    operation = draw(OPERATIONS)
    return file, mutate(data, path, operation, draw(VALUES)), (path, operation)


def write_project(root: Path, file: str, data) -> Path:
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    for name in ("__main__.py", "Pulumi.yaml"):
        shutil.copy(REPO / name, root / name)
    try:
        text = yaml.safe_dump(data, allow_unicode=False, width=10**9)
    except RecursionError:
        text = "a: " + "[" * 5000 + "]" * 5000 + "\n"
    (root / file).write_text(text)
    return root


def run_plan(project: Path) -> tuple[int, str, float]:
    err = io.StringIO()
    start = time.monotonic()
    code = 0
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            plan_or_exit(STACK, project)
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
            if not isinstance(exit_.code, int):
                print(exit_.code, file=err)
    return code, err.getvalue(), time.monotonic() - start


def violations(code: int, output: str, seconds: float) -> list[str]:
    """Every property a user relies on when the input is broken; empty when all hold."""
    found = []
    if code not in (0, 1, 2):
        found.append(f"exit {code}")
    if "Traceback" in output:
        found.append("a traceback")
    if PLANTED_SECRET in output:
        found.append("the planted secret is echoed")
    if seconds > 10:
        found.append(f"took {seconds:.1f} s")
    for line in output.splitlines():
        if len(line) > 300:
            found.append(f"a line of {len(line)} chars")
        if not SUMMARY.match(line) and not NAMES_A_FILE.search(line):
            found.append(f"a line names no file: {line[:80]!r}")
    return found
