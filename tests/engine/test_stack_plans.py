"""`make snapshots`, `make diff` and `make scopes` plan their stacks side by side in forked processes: the plans and
what is printed are those of planning the stacks one after another in one process."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cli import stack_plans
from tests.conftest import PROJECT_DIR, fixture_project

# Run in a fresh process: a fork copies only the calling thread, and a test worker runs others (execnet's).
_COMPARE = r"""
from cli import lean_start
lean_start.for_a_plan()  # as the CLIs start
import contextlib, io, json, sys
from pathlib import Path
from cli.stack_plans import plans_or_exit

def outcome(stacks, project, at_once):
    printed = io.StringIO()
    with contextlib.redirect_stderr(printed):
        try:
            plans = plans_or_exit(stacks, Path(project), at_once=at_once)
        except SystemExit as exit_:
            return {"exit": exit_.code, "printed": printed.getvalue()}
    return {"exit": 0, "printed": printed.getvalue(),
            "plans": [[p.stack, [repr(r) for r in p.resources], list(p.unset_secrets)] for p in plans]}

cases = json.loads(sys.argv[1])
print(json.dumps([{"forked": outcome(stacks, project, 2), "in_turn": outcome(stacks, project, 1)}
                  for stacks, project in cases]))
"""


def _stacks_of(project, names: list[str], broken: str | None = None) -> list[str]:
    """The minimal fixture's stack once per name, each on a tenant of its own (its URNs carry its name)."""
    solo = project.stack_file("solo")
    for name in names:
        data = json.loads(json.dumps(solo))
        data["config"]["ciam:stack"]["tenant_domain"] = f"initech-{name}.eu.auth0.com"
        if name == broken:
            data["config"]["ciam:tenant"] = {"session_lifetime": 10**6}
        project.write_stack_file(name, data)
    return names


def test_stacks_planned_side_by_side_are_what_planning_them_in_turn_gives_and_prints(tmp_path):
    (tmp_path / "sound").mkdir()
    (tmp_path / "broken").mkdir()
    sound = fixture_project("minimal", tmp_path / "sound")
    broken = fixture_project("minimal", tmp_path / "broken")
    cases = [[_stacks_of(sound, ["alpha", "beta", "gamma"]), str(sound.root)],  # one more than at once: one waits
             [_stacks_of(broken, ["alpha", "beta"], broken="beta"), str(broken.root)]]
    result = subprocess.run([sys.executable, "-c", _COMPARE, json.dumps(cases)], cwd=PROJECT_DIR,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    planned, refused = json.loads(result.stdout)
    assert planned["forked"] == planned["in_turn"]
    assert planned["forked"]["exit"] == 0, planned["forked"]["printed"]
    assert [plan[0] for plan in planned["forked"]["plans"]] == ["alpha", "beta", "gamma"]
    for stack, records, _ in planned["forked"]["plans"]:
        assert records and all(f"urn:pulumi:{stack}::" in record for record in records), stack
    assert refused["forked"] == refused["in_turn"]
    assert refused["forked"]["exit"] == 2
    assert "in the configuration of stack beta; nothing was planned" in refused["forked"]["printed"]


@pytest.mark.parametrize(("stacks", "threads", "platform", "expected"), [
    (["dev", "qa", "prod"], 1, "linux", 2),
    (["dev"], 1, "linux", 1),
    (["dev", "qa"], 3, "linux", 1),
    (["dev", "qa"], 1, "darwin", 1),
])
def test_stacks_are_planned_side_by_side_only_where_a_fork_is_safe(monkeypatch, stacks, threads, platform, expected):
    monkeypatch.setattr(stack_plans, "cores", lambda: 2)
    monkeypatch.setattr(stack_plans.threading, "active_count", lambda: threads)
    monkeypatch.setattr(stack_plans.sys, "platform", platform)
    assert stack_plans.side_by_side(stacks) == expected
