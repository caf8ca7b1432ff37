"""The PR comment is valid Markdown at any size: parsed with a CommonMark parser (markdown-it-py), every fence and
<details> closes, cuts fall between blocks with a note, and it stays under GitHub's 65,536 characters. Built
from the fixture tenant tests/fixtures/tenants/changes, small and grown to 150 applications: enough for a desired state
twice GitHub's limit and four sections that must each be cut (a bigger tenant only makes the plans slower; the
composer's cut is by size, whatever the number of applications)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from cli.offline import Plan, run_program
from cli.pr_comment import Section, compose
from tests.comment_structure import GITHUB_LIMIT, comment_for, structure_problems, write_comment_inputs
from tests.conftest import dump_yaml, load_yaml

PROJECT_DIR = Path(__file__).resolve().parents[2]
FIXTURE = PROJECT_DIR / "tests" / "fixtures" / "tenants" / "changes"
LARGE = 150


def _project(root: Path, applications: int = 0) -> Path:
    root.mkdir(parents=True)
    for name in ("__main__.py", "Pulumi.yaml"):
        shutil.copy(PROJECT_DIR / name, root / name)
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    if applications:
        blueprint = load_yaml((root / "tenant.yaml").read_text())
        for number in range(applications):
            key = f"generated-{number:03d}"
            blueprint["applications"][key] = {
                "name": f"Generated application {number:03d}", "app_type": "regular_web",
                "callbacks": [f"${{base_url}}/apps/{key}/callback"],
                "allowed_logout_urls": [f"${{base_url}}/apps/{key}"],
            }
            blueprint["connections"]["members"]["enabled_applications"].append(key)
        (root / "tenant.yaml").write_text(dump_yaml(blueprint, sort_keys=False))
    return root


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    return _project(tmp_path_factory.mktemp("small") / "project")


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> Path:
    return _project(tmp_path_factory.mktemp("large") / "project", applications=LARGE)


def test_a_small_comment_is_whole_and_well_formed(small, tmp_path):
    base = run_program(small, "alpha")
    write_comment_inputs(tmp_path, Plan("alpha", []), base, run_program(small, "beta"))
    text = comment_for(tmp_path, "alpha")
    assert structure_problems(text) == []
    assert "left out" not in text, "a small comment is never cut"
    assert text.index("Change plan") < text.index("Production checks") < text.index("Stack diff") \
        < text.index("Desired state"), "the change plan and the checks lead"
    assert "```mermaid" in text and "classDef added" in text


def test_a_comment_for_150_applications_is_cut_between_blocks_and_stays_well_formed(large, tmp_path):
    after = run_program(large, "alpha")
    clients = [r for r in after.resources if r.type == "auth0:index/client:Client"]
    assert len(clients) == LARGE + 3, len(clients)
    write_comment_inputs(tmp_path, Plan("alpha", []), after, run_program(large, "beta"))
    assert len((tmp_path / "plan.md").read_text()) > GITHUB_LIMIT, "the test must exercise the cut"
    text = comment_for(tmp_path, "alpha")
    assert structure_problems(text) == [], structure_problems(text)
    assert len(text) < 60000, len(text)
    assert "left out to keep this comment within GitHub's size limit" in text
    lead = text[:text.index("<summary><b>Production checks")]
    assert re.search(r"\*\*alpha: \d+ to add, 0 to change, 0 to replace, 0 to delete\*\*", lead), "summary first"
    assert text.count("left out to keep this comment") >= 2, "each long section is cut, none crowds out the rest"


def test_a_section_that_cannot_fit_is_replaced_by_a_note_not_cut_inside(tmp_path):
    huge = "\n".join(f"resource-{i}\n    property: {'x' * 80}" for i in range(2000))
    text = compose("alpha", [Section("Change plan", "**summary**", 0, as_code=False, folded=False),
                             Section("Stack diff", huge, 0)])
    assert structure_problems(text) == []
    assert len(text) < 60000


def test_the_checker_notices_an_unclosed_fence_and_an_open_details():
    assert structure_problems("<details><summary>x</summary>\n\n```\ncode\n") != []
    assert structure_problems("<details><summary>x</summary>\n\ntext\n") == ["1 <details> left open"]
