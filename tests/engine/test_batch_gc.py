"""The offline runner's collector (cli/batch_gc.py): off while a plan runs, with what was loaded before it frozen
out of its view, and as it was once the plan is done, so that an in-process caller's collector is untouched."""

from __future__ import annotations

import gc

import pytest

from cli.batch_gc import batch_gc


@pytest.mark.parametrize("enabled_before", [True, False], ids=["collector on", "collector off"])
def test_the_collector_is_off_during_a_plan_and_as_it_was_after(enabled_before):
    was_enabled = gc.isenabled()
    (gc.enable if enabled_before else gc.disable)()
    try:
        with batch_gc():
            during = (gc.isenabled(), gc.get_freeze_count() > 0)
        after = (gc.isenabled(), gc.get_freeze_count())
    finally:
        (gc.enable if was_enabled else gc.disable)()
    assert during == (False, True), "the collector runs, or nothing is frozen, during a plan"
    assert after == (enabled_before, 0), "the collector is not as it was after the plan"


def test_a_failing_plan_leaves_the_collector_as_it_was():
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        with pytest.raises(RuntimeError), batch_gc():
            raise RuntimeError("the plan failed")
        assert gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        (gc.enable if was_enabled else gc.disable)()


def test_what_a_plan_made_is_left_to_the_oldest_generation_not_to_a_young_collection():
    # With the collector off, everything a run allocates is young; handed back young, the next allocation after
    # the plan would collect them all at once (a second at 8,000 resources).
    with batch_gc():
        made = [[index] for index in range(50_000)]
    young = {id(item) for item in gc.get_objects(generation=0)}
    oldest = {id(item) for item in gc.get_objects(generation=2)}
    assert not any(id(item) in young for item in made), "a plan's objects are left in the young generation"
    assert all(id(item) in oldest for item in made[:100]), "a plan's objects are not in the oldest generation"
