"""The plan, the stack diff and the counts as people read them, on the fixture tenant tests/fixtures/tenants/changes:
full values where they fit, line count and hash for long ones, references instead of mock IDs, and one resource
count (Auth0 resources, the provider and components apart)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from cli.diff import diff_plans
from cli.diff import render as render_diff
from cli.offline import run_program
from cli.render import render_json, render_markdown, render_tree
from cli.values import resource_counts

PROJECT_DIR = Path(__file__).resolve().parents[2]
FIXTURE = PROJECT_DIR / "tests" / "fixtures" / "tenants" / "changes"
MOCK_ID = re.compile(r"\bciam-[a-z0-9-]+-id\b")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("readability")
    for name in ("__main__.py", "Pulumi.yaml"):
        shutil.copy(PROJECT_DIR / name, root / name)
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    return root


@pytest.mark.parametrize("render", [render_tree, render_markdown, render_json], ids=["tree", "markdown", "json"])
def test_no_mock_id_is_printed_a_reference_is(project, render):
    text = render(run_program(project, "alpha"))
    assert not MOCK_ID.search(text), MOCK_ID.search(text)
    assert "<Connection ciam-connections-members>" in text, "ConnectionClients.connectionId names its connection"


def test_values_are_whole_when_they_fit_and_long_ones_show_lines_and_hash(project):
    text = render_tree(run_program(project, "alpha"))
    assert 'callbacks: ["https://alpha.example.test/callback"]' in text
    assert re.search(r"code: \(\d+ lines, \d+ chars, sha256 [0-9a-f]{8}\)", text), "Action code by size and hash"


def test_one_resource_count_everywhere(project):
    plan = run_program(project, "alpha")
    counts = resource_counts([r.type for r in plan.resources])
    assert counts["providers"] == 1 and counts["components"] > 0
    assert counts["auth0"] + counts["providers"] + counts["components"] == len(plan.resources)
    line = f"{counts['auth0']} Auth0 resources (plus 1 provider, {counts['components']} components)"
    assert line in render_tree(plan) and line in render_markdown(plan)


def test_the_stack_diff_shows_whole_urls(project):
    text = render_diff(diff_plans(run_program(project, "alpha"), run_program(project, "beta")))
    assert '"https://alpha.example.test/console/callback" -> "https://beta.example.test/console/callback"' in text
