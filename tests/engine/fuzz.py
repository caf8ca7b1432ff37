"""`make fuzz [FUZZ_SECONDS=120]`: the bad-input properties as a longer campaign, half of the time on broken
tenants (`make plan`), half on broken a0deploy exports (`make import`); prints every failure found."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis.errors import HypothesisException
from hypothesis.strategies import SearchStrategy

from tests.engine import bad_import_properties as imports
from tests.engine.bad_input_properties import broken_projects, run_plan, violations, write_project


def _campaign(strategy: SearchStrategy, check: Callable[[object], tuple[str, list[str]]], seconds: float,
              found: dict[str, str]) -> int:
    """Run `check` on examples of `strategy` for `seconds`; each distinct violation goes into `found` once."""
    deadline = time.monotonic() + seconds
    runs = 0

    @settings(max_examples=10**6, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(case):
        nonlocal runs
        if time.monotonic() > deadline:
            raise TimeoutError
        runs += 1
        where, problems = check(case)
        for problem in problems:
            found.setdefault(f"{problem[:60]}", f"{where}: {problem}")

    # The time budget ends the campaign with a TimeoutError; hypothesis may raise it as a group of several.
    try:
        run()
    except* (TimeoutError, HypothesisException):
        pass
    return runs


def _check_tenant(case) -> tuple[str, list[str]]:
    file, data, (path, operation) = case
    with tempfile.TemporaryDirectory() as tmp:
        try:
            code, output, seconds = run_plan(write_project(Path(tmp), file, data))
        except Exception as error:  # noqa: BLE001 - out of the CLI's hands: a traceback for the user
            code, output, seconds = 1, f"Traceback: {type(error).__name__}: {str(error)[:100]}", 0.0
    return f"{file} {operation} at {'.'.join(map(str, path))}", violations(code, output, seconds)


def _check_export(case) -> tuple[str, list[str]]:
    export_format, file, data, (path, operation) = case
    where = f"a0deploy {export_format} export, {file} {operation} at {'.'.join(map(str, path))}"
    with tempfile.TemporaryDirectory() as tmp:
        export = imports.write_export(Path(tmp) / "export", export_format, file, data)
        if export is None:
            return where, []
        into = Path(tmp) / "project"
        source = export / "tenant.yaml" if export_format == "yaml" else export
        try:
            code, output = imports.run_import(source, into)
        except Exception as error:  # noqa: BLE001 - out of the CLI's hands: a traceback for the user
            code, output = 1, f"Traceback: {type(error).__name__}: {str(error)[:100]}"
        problems = imports.violations(code, output)
        problems += [f"wrote {name}, a file no import writes" for name in imports.outside(Path(tmp), into)]
    return where, problems


def main() -> int:
    budget = float(os.environ.get("FUZZ_SECONDS", "120"))
    found: dict[str, str] = {}
    tenants = _campaign(broken_projects(), _check_tenant, budget / 2, found)
    exports = _campaign(imports.broken_exports(), _check_export, budget / 2, found)
    print(f"fuzz: {tenants} broken tenants and {exports} broken a0deploy exports in {budget:.0f} s; "
          f"{len(found)} distinct violation(s)")
    for line in found.values():
        print(f"  {line[:300]}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
