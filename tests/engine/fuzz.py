"""`make fuzz [FUZZ_SECONDS=120]`: the bad-input properties as a longer campaign; prints every failure found."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis.errors import HypothesisException

from tests.engine.bad_input_properties import broken_projects, run_plan, violations, write_project


def main() -> int:
    budget = float(os.environ.get("FUZZ_SECONDS", "120"))
    deadline = time.monotonic() + budget
    found: dict[str, str] = {}
    runs = 0

    @settings(max_examples=10**6, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(broken_projects())
    def campaign(case):
        nonlocal runs
        if time.monotonic() > deadline:
            raise TimeoutError
        runs += 1
        file, data, (path, operation) = case
        with tempfile.TemporaryDirectory() as tmp:
            try:
                code, output, seconds = run_plan(write_project(Path(tmp), file, data))
            except Exception as error:  # noqa: BLE001 - out of the CLI's hands: a traceback for the user
                code, output, seconds = 1, f"Traceback: {type(error).__name__}: {str(error)[:100]}", 0.0
        for problem in violations(code, output, seconds):
            found.setdefault(f"{problem[:60]}", f"{file} {operation} at {'.'.join(map(str, path))}: {problem}")

    # The time budget ends the campaign with a TimeoutError; hypothesis may raise it as a group of several.
    try:
        campaign()
    except* (TimeoutError, HypothesisException):
        pass
    print(f"fuzz: {runs} broken tenants in {budget:.0f} s; {len(found)} distinct violation(s)")
    for line in found.values():
        print(f"  {line[:300]}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
