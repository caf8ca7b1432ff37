"""`make bench` compares like with like: its generated tenant plans, and its raw replay registers exactly the
program's auth0 resources (type, name, protect, inputs with secrets still secret), no more and no fewer; its
sizes run in rounds and each is compared with the smallest size's run of the same round; the CPU time it reports
as taken by the hypervisor is /proc/stat's steal column."""

from __future__ import annotations

import json
import os

import cli.bench
from cli.bench import APP_PREFIX, STACK, Row, _marginal_ms, make_project, run_rounds, stolen_seconds
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


def test_each_sizes_runs_are_spread_evenly_over_the_rounds_each_round_in_turn_reversed_every_other(monkeypatch):
    repeats = {0: 4, 1000: 2, 4000: 1}
    monkeypatch.setattr(cli.bench, "_repeat", repeats.__getitem__)
    order: list[str] = []
    monkeypatch.setattr(cli.bench, "measure", lambda command: order.append(command[0]) or (1.0, 1.0, 1.0))
    rows = {added: Row(added, added + 50, [], [], []) for added in repeats}
    run_rounds([(row, [(row.ours, [f"ours+{added}"]), (row.raw, [f"raw+{added}"])]) for added, row in rows.items()])
    assert order == ["ours+0", "raw+0", "ours+1000", "raw+1000", "ours+4000", "raw+4000",  # round 1
                     "raw+0", "ours+0",  # round 2, backwards
                     "ours+0", "raw+0", "ours+1000", "raw+1000",  # round 3: +1000's second run, half-way
                     "raw+0", "ours+0"], order  # round 4, backwards
    assert {added: row.rounds for added, row in rows.items()} == {0: [0, 1, 2, 3], 1000: [0, 2], 4000: [0]}
    assert {added: len(row.ours) for added, row in rows.items()} == repeats, "a size runs as often as it repeats"


def test_a_marginal_pairs_each_run_with_the_smallest_sizes_run_of_the_same_round():
    # Round 3 ran on a machine 0.5 s slower for every process: paired by round, the slowdown cancels out.
    base = Row(0, 100, [(0.5, 90.0, 0.6), (0.6, 90.0, 0.7), (1.0, 90.0, 1.1)], [], [], rounds=[0, 1, 2])
    bigger = Row(1000, 2100, [(2.5, 200.0, 2.6), (3.0, 200.0, 3.2)], [], [], rounds=[0, 2])
    rows = [base, bigger]
    assert _marginal_ms(rows) == {1000: 1.0}, "wall: (2.5 - 0.5) and (3.0 - 1.0) s over 2,000 resources"
    assert _marginal_ms(rows, "median", 2) == {1000: 1.025}, "CPU: the median of 1.0 and 1.05 ms"
    assert _marginal_ms(rows, "minimum", 2) == {1000: 1.0}, "the minimum of the paired rounds"
    alone = Row(4000, 8100, [(9.0, 500.0, 9.1)], [], [], rounds=[5])
    assert 4000 not in _marginal_ms([base, alone]), "a size sharing no round with the smallest has no marginal"
