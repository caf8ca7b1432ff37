"""`make bench` compares like with like: its generated tenant plans, and its raw replay registers exactly the
program's auth0 resources (type, name, protect, inputs with secrets still secret), no more and no fewer."""

from __future__ import annotations

import json

from cli.bench import APP_PREFIX, STACK, make_project
from cli.offline import run_program
from cli.render import render_json
from cli.replay import write_replay

ADDED = 3


def _resources(plan) -> dict[str, tuple]:
    """As the published JSON shows them (mock IDs become references to their resource, as in the replay's input)."""
    return {f"{r['type']}::{r['name']}": (r["protect"], json.dumps(r["inputs"], sort_keys=True))
            for r in json.loads(render_json(plan))["resources"] if not r["type"].startswith("ciam:")}


def test_generated_applications_are_planned(tmp_path):
    plan = run_program(make_project(tmp_path / "project", ADDED), STACK)
    added = {r.name for r in plan.resources if r.type == "auth0:index/client:Client" and APP_PREFIX in r.name}
    assert len(added) == ADDED, f"expected {ADDED} generated applications (key {APP_PREFIX}*), got {sorted(added)}"


def test_raw_replay_registers_the_programs_resources(tmp_path):
    ours = run_program(make_project(tmp_path / "project", ADDED), STACK)
    count = write_replay(json.loads(render_json(ours)), tmp_path / "replay")
    replayed = run_program(tmp_path / "replay", STACK)

    expected, got = _resources(ours), _resources(replayed)
    assert count == len(expected)
    assert not replayed.of_type("ciam:index:CiamTenant"), "the replay must register no components"
    assert sorted(set(expected) - set(got)) == [], "resources the replay misses"
    assert sorted(set(got) - set(expected)) == [], "resources only the replay registers"
    differing = sorted(key for key in expected if expected[key] != got[key])
    assert differing == [], f"replayed with other protect/inputs: {differing[:5]}"
