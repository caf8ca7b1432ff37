"""`make bench` compares like with like: its generated tenant plans, and its raw replay registers exactly the
program's auth0 resources (type, name, protect, inputs with secrets still secret), no more and no fewer; the CPU
time it reports as taken by the hypervisor is /proc/stat's steal column."""

from __future__ import annotations

import json
import os

from cli.bench import APP_PREFIX, STACK, make_project, stolen_seconds
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


def test_stolen_time_is_the_steal_column_of_proc_stat_in_seconds(tmp_path):
    stat = tmp_path / "stat"
    # user nice system idle iowait irq softirq steal guest guest_nice, in clock ticks
    stat.write_text("cpu  576392 0 71413 4807513 4168 0 1483 20455 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n")
    assert stolen_seconds(stat) == 20455 / os.sysconf("SC_CLK_TCK"), "steal is the 8th figure of the cpu line"


def test_stolen_time_is_unknown_without_a_cpu_line(tmp_path):
    stat = tmp_path / "stat"
    stat.write_text("intr 1 2 3\n")
    assert stolen_seconds(stat) is None, "a file without the cpu line gives no figure"
    stat.write_text("cpu  1 2 3\n")  # a kernel too old to count steal
    assert stolen_seconds(stat) is None, "a cpu line without the steal column gives no figure"
    assert stolen_seconds(tmp_path / "missing") is None, "no /proc/stat gives no figure"
