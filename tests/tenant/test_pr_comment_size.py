"""The prod pull-request comment for whatever tenant is here parses as CommonMark with every fence and <details>
closed, and stays under GitHub's 65,536 characters, even for a first deployment (every resource added)."""

from __future__ import annotations

from cli.offline import Plan
from tests.comment_structure import comment_for, structure_problems, write_comment_inputs
from tests.conftest import STACKS, shipped_plan


def test_the_prod_comment_is_well_formed_markdown_within_the_limit(tmp_path):
    stack = "prod" if "prod" in STACKS else STACKS[-1]
    other = STACKS[-2] if len(STACKS) > 1 else stack
    write_comment_inputs(tmp_path, Plan(stack, []), shipped_plan(stack), shipped_plan(other), "production")
    text = comment_for(tmp_path, stack)
    assert structure_problems(text) == [], f"stack {stack}: " + "; ".join(structure_problems(text))


def test_a_comment_without_changes_says_so(tmp_path):
    stack = STACKS[-1]
    write_comment_inputs(tmp_path, shipped_plan(stack), shipped_plan(stack), shipped_plan(stack), "production")
    text = comment_for(tmp_path, stack)
    assert f"**{stack}: 0 to add, 0 to change, 0 to replace, 0 to delete**" in text
    assert "No changes against the base commit." in text
    assert structure_problems(text) == []
