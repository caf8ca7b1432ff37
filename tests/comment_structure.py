"""Structure checks of a PR comment through a CommonMark parser: every fence closes, every <details> closes,
nothing that should be Markdown ended up inside a code block, and the comment fits GitHub's limit."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from cli import check as check_cli
from cli.change_plan import compare
from cli.change_render import render_markdown as render_changes
from cli.diff import diff_plans
from cli.diff import render as render_diff
from cli.offline import Plan
from cli.pr_comment import compose, sections_in
from cli.references import with_references
from cli.render import render_markdown as render_plan
from cli.render import workstream_of
from cli.tenant_diagram import diagram

GITHUB_LIMIT = 65536


def structure_problems(text: str) -> list[str]:
    problems = []
    if len(text) >= GITHUB_LIMIT:
        problems.append(f"{len(text)} characters, GitHub's limit is {GITHUB_LIMIT}")
    lines = text.splitlines()
    depth = 0
    for token in MarkdownIt("commonmark").parse(text):
        if token.type == "fence":
            start, end = token.map
            closing = lines[end - 1].strip() if end - 1 > start else ""
            if not (closing and set(closing) == {token.markup[0]} and len(closing) >= len(token.markup)):
                problems.append(f"line {start + 1}: a code fence {token.markup!r} that never closes")
            if "</details>" in token.content or "<details" in token.content:
                problems.append(f"line {start + 1}: a <details> tag inside a code block")
        if token.type in ("html_block", "html_inline"):
            depth += token.content.count("<details") - token.content.count("</details>")
            if depth < 0:
                problems.append(f"line {(token.map or [0])[0] + 1}: </details> without <details>")
                depth = 0
    if depth:
        problems.append(f"{depth} <details> left open")
    return problems


def write_comment_inputs(directory: Path, before: Plan, after: Plan, other: Plan,
                         environment: str = "development") -> None:
    """What the pull-request workflow's steps write for one stack: change plan, checks, diff, desired state."""
    directory.mkdir(parents=True, exist_ok=True)
    before, after = with_references(before), with_references(after)
    groups = {}
    for plan in (before, after):
        by_urn = {r.urn: r for r in plan.resources}
        groups.update({r.urn: workstream_of(r, by_urn) for r in plan.resources})
    changes = compare(before, after, groups)
    changes.diagram = diagram(after, {c.name: c.action for c in changes.resources})
    (directory / "changes.md").write_text(render_changes([changes]))
    result = check_cli.check_plan(after, environment)
    (directory / "check.txt").write_text(f"$ make check STACK={after.stack}\n" + check_cli.render(result))
    (directory / "diff.txt").write_text(render_diff(diff_plans(other, after)))
    (directory / "plan.md").write_text(render_plan(after))


def comment_for(directory: Path, stack: str) -> str:
    return compose(stack, sections_in(directory), "0123456789abcdef")
