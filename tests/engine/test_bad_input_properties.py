"""Property: whatever is broken in a tenant, the plan exits cleanly with one short line per problem, naming a file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from tests.engine.bad_input_properties import broken_projects, run_plan, violations, write_project


@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(broken_projects())
def test_a_broken_tenant_is_refused_cleanly(case):
    file, data, (path, operation) = case
    with tempfile.TemporaryDirectory() as tmp:
        code, output, seconds = run_plan(write_project(Path(tmp), file, data))
    found = violations(code, output, seconds)
    assert not found, f"{file} {operation} at {'.'.join(map(str, path))}: {found}\n{output[:2000]}"
