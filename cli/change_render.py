"""The change plan as people read it: a tree by workstream (terminal, coloured on a TTY), Markdown blocks (the PR
comment cuts only between them), JSON (deterministic: same plans, same bytes)."""

from __future__ import annotations

import json

from cli.change_plan import PropertyChange, ResourceChange, StackChanges
from cli.pr_comment import BLOCK_MARK, fence_for
from cli.references import short_type
from cli.render import WORKSTREAMS
from cli.values import shown

SYMBOLS = {"add": "+", "delete": "-", "update": "~", "replace": "-/+"}
VERBS = {"add": "create", "delete": "delete", "update": "update", "replace": "replace"}
_COLOURS = {"add": "\033[32m", "delete": "\033[31m", "update": "\033[33m", "replace": "\033[35m"}
_RESET = "\033[0m"


def property_lines(prop: PropertyChange, action: str, diff_indent: str = "  ") -> list[str]:
    if action == "add":
        return [f"{prop.path}: {shown(prop.new)}"]
    if prop.diff:
        return [f"{prop.path}: {shown(prop.old)} -> {shown(prop.new)}", *(f"{diff_indent}{line}" for line in prop.diff)]
    return [f"{prop.path}: {shown(prop.old, whole=True)} -> {shown(prop.new, whole=True)}"]


def headline(change: ResourceChange) -> str:
    protect = "  [protected]" if change.protect else ""
    return f"{SYMBOLS[change.action]} {short_type(change.type)} {change.name}{protect}"


def detail_lines(change: ResourceChange, indent: str = "", diff_indent: str = "  ") -> list[str]:
    lines = []
    if change.reason:
        lines.append(f"{indent}reason: {change.reason}")
    if change.old_urn:
        lines.append(f"{indent}was: {change.old_urn}")
    for prop in change.properties:
        for number, line in enumerate(property_lines(prop, change.action, diff_indent)):
            lines.append(f"{indent}{line}" if number == 0 or not prop.diff else line)
    return lines


def _group_title(key: str) -> str:
    return WORKSTREAMS.get(key, "Provider and setup")


def _grouped(changes: StackChanges) -> dict[str, list[ResourceChange]]:
    groups: dict[str, list[ResourceChange]] = {}
    for change in changes.auth0:
        groups.setdefault(change.workstream, []).append(change)
    order = ["setup", *WORKSTREAMS]
    return {key: groups[key] for key in sorted(groups, key=lambda k: (order.index(k) if k in order else 99, k))}


def component_note(changes: StackChanges) -> str:
    components = [c for c in changes.resources if c.is_component]
    if not components:
        return ""
    counts = {a: sum(c.action == a for c in components) for a in ("add", "update", "replace", "delete")}
    parts = [f"{n} to {VERBS[a] if a != 'update' else 'change'}" for a, n in counts.items() if n]
    return f"components (grouping only, no Auth0 object): {', '.join(parts)}"


def render_tree(stacks: list[StackChanges], colour: bool = False) -> str:
    out: list[str] = []
    for changes in stacks:
        out += [f"Change plan for stack {changes.stack}", ""]
        if changes.warnings:
            out += [f"WARNING: {warning}" for warning in changes.warnings] + [""]
        for key, items in _grouped(changes).items():
            out.append(_group_title(key))
            for change in items:
                paint, reset = (_COLOURS[change.action], _RESET) if colour else ("", "")
                out.append(f"  {paint}{headline(change)}{reset}")
                out += detail_lines(change, indent="      ", diff_indent="        ")
            out.append("")
        if changes.settings:
            out.append("Stack settings")
            for prop in changes.settings:
                out += [f"  ~ {line}" if i == 0 else f"    {line}"
                        for i, line in enumerate(property_lines(prop, "update"))]
            out.append("")
        note = component_note(changes)
        if note:
            out += [note, ""]
        if not changes.has_changes:
            out += ["No changes.", ""]
        out += [changes.summary(), ""]
    return "\n".join(out).rstrip() + "\n"


def _markdown_line(change: ResourceChange) -> str:
    return f"- **{VERBS[change.action]}** `{short_type(change.type)}` `{change.name}`" + (
        " (protected)" if change.protect else "")


def fenced(text: str, info: str = "") -> str:
    fence = fence_for(text)
    return f"{fence}{info}\n{text.rstrip()}\n{fence}"


def resource_block(change: ResourceChange) -> str:
    """One resource's change as Markdown that stands alone (the comment may stop after any block)."""
    # Diff lines stay at the start of the line, so GitHub colours them.
    body = [headline(change), *detail_lines(change, indent="    ", diff_indent="")]
    return f"{_markdown_line(change)}\n\n{fenced(chr(10).join(body), 'diff')}\n"


def markdown_blocks(changes: StackChanges) -> list[str]:
    """The change plan of a stack as self-contained Markdown blocks: summary first, then one per resource."""
    blocks = [f"> [!WARNING]\n> {warning}\n" for warning in changes.warnings]
    blocks.append(f"**{changes.summary()}**\n" + (f"\n{component_note(changes)}\n" if component_note(changes) else ""))
    if not changes.has_changes:
        blocks.append("No changes against the base commit.\n")
    for key, items in _grouped(changes).items():
        blocks.append(f"**{_group_title(key)}**\n")
        blocks += [resource_block(change) for change in items]
    if changes.settings:
        lines = [line for prop in changes.settings for line in property_lines(prop, "update")]
        blocks.append("**Stack settings**\n\n" + fenced("\n".join(lines), "diff") + "\n")
    if changes.diagram:
        blocks.append(f"<details><summary>Tenant diagram</summary>\n\n{changes.diagram}\n\n</details>\n")
    return blocks


def render_markdown(stacks: list[StackChanges], colour: bool = False) -> str:
    parts = []
    for changes in stacks:
        parts.append(f"### Change plan: `{changes.stack}`\n")
        parts += markdown_blocks(changes)
    return f"\n{BLOCK_MARK}\n".join(parts)


def render_json(stacks: list[StackChanges], colour: bool = False) -> str:
    return json.dumps({"stacks": [c.as_json() for c in stacks]}, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


RENDERERS = {"tree": render_tree, "markdown": render_markdown, "json": render_json}
