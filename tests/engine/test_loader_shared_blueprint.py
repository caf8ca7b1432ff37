"""`make import` validates every stack against one reading of tenant.yaml per pass: loading a stack leaves that
reading as it was, so each stack validates exactly as it would from its own reading of the file."""

from __future__ import annotations

import copy

from components.config.loader import load
from components.config.sources import read_yaml
from tests.conftest import FIXTURE_TENANTS, FULL, FULL_STACKS, load_yaml

FULL_DIR = FIXTURE_TENANTS / FULL


def _stack_values(stack: str) -> dict:
    config = load_yaml((FULL_DIR / f"Pulumi.{stack}.yaml").read_text())["config"]
    return {key.partition(":")[2]: value for key, value in config.items() if key.startswith("ciam:")}


def test_stacks_loaded_from_one_reading_of_tenant_yaml_are_those_loaded_from_their_own():
    shared = read_yaml(FULL_DIR / "tenant.yaml")
    as_read = copy.deepcopy(shared.data)
    assert len(FULL_STACKS) > 1
    for stack in FULL_STACKS:
        alone = load(FULL_DIR, stack, _stack_values(stack), set(), allow_unset_secrets=True)
        together = load(FULL_DIR, stack, _stack_values(stack), set(), allow_unset_secrets=True, blueprint_file=shared)
        assert together == alone, f"stack {stack}: the shared reading gives another config"
        assert shared.data == as_read, f"loading stack {stack} changed the shared reading of tenant.yaml"
