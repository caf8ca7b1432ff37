"""`make changes` puts a change that lowers a stack's protection at the top of the stack's change plan, so a
reviewer cannot miss a pull request that quietly turns production into something else."""

from __future__ import annotations

import json

from cli.change_plan import StackChanges
from cli.change_render import render_json, render_markdown, render_tree
from cli.changes import protection_warnings

PRODUCTION = {"ciam:stack": {"tenant_domain": "globex.eu.auth0.com", "environment": "production"}}


def _with(**stack) -> dict:
    return {"ciam:stack": {**PRODUCTION["ciam:stack"], **stack}}


def test_leaving_production_is_a_warning_naming_the_key():
    warnings = protection_warnings(PRODUCTION, _with(environment="staging"))
    assert any("ciam:stack.environment: production -> staging" in w for w in warnings), warnings


def test_turning_data_protection_off_is_a_warning():
    warnings = protection_warnings(PRODUCTION, _with(protect_data=False))
    assert any("ciam:stack.protect_data" in w for w in warnings), warnings


def test_raising_protection_or_changing_nothing_is_no_warning():
    development = {"ciam:stack": {"tenant_domain": "globex-dev.eu.auth0.com", "environment": "development"}}
    assert protection_warnings(development, PRODUCTION) == []
    assert protection_warnings(PRODUCTION, PRODUCTION) == []
    assert protection_warnings({}, PRODUCTION) == [], "a new stack lowers nothing"


def test_the_warning_leads_every_format():
    changes = StackChanges("live", warnings=protection_warnings(PRODUCTION, _with(environment="qa")))
    tree = render_tree([changes]).splitlines()
    assert tree[2].startswith("WARNING: lowers this stack's protection"), tree[:4]
    markdown = render_markdown([changes])
    assert markdown.index("[!WARNING]") < markdown.index("live: 0 to add"), markdown
    assert json.loads(render_json([changes]))["stacks"][0]["warnings"] == changes.warnings
