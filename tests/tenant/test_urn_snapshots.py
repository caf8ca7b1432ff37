"""A changed URN means Pulumi deletes one resource and creates another: for a database connection, its users."""

from __future__ import annotations

import pytest

from cli.snapshot import snapshot_path
from tests.conftest import STACKS, shipped_plan


@pytest.mark.parametrize("stack", STACKS)
def test_every_urn_matches_the_reviewed_snapshot(stack):
    path = snapshot_path(stack)
    assert path.is_file(), f"no snapshot {path.name}; run `make snapshots` and commit it"
    expected = set(path.read_text().split())
    actual = {record.urn for record in shipped_plan(stack).resources}
    added, removed = sorted(actual - expected), sorted(expected - actual)
    lines = [f"stack {stack}: the set of URNs differs from tests/tenant/snapshots/{path.name}."]
    lines += [f"  added:   {urn}" for urn in added]
    lines += [f"  removed: {urn}" for urn in removed]
    lines.append("A removed URN is a resource Pulumi would delete (with a new one created for an added URN). "
                 "If the change is intended, review it and run `make snapshots`; if a resource only moved or "
                 "was renamed, add an Alias to it instead so nothing is replaced.")
    assert not added and not removed, "\n".join(lines)
