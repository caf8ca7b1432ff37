"""The offline plan as people read it: a tree by workstream (terminal), Markdown (PR comment), JSON (tools)."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from cli.estimate import summary as deploy_summary
from cli.offline import Plan, Record
from cli.pr_comment import BLOCK_MARK, fence_for
from cli.references import short_type, with_references
from cli.tenant_diagram import diagram
from cli.values import count_line, shown

WORKSTREAMS = {
    "architecture": "Tenant architecture",
    "provisioning": "User provisioning",
    "authentication": "User authentication",
    "customization": "Customization",
    "profile": "User profile management",
    "authorization": "User authorization",
    "logout": "Logout",
    "operations": "Operations",
}


def render_json(plan: Plan) -> str:
    plan = with_references(plan)
    return json.dumps(plan.as_json(), indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def workstream_of(record: Record, by_urn: dict[str, Record]) -> str:
    """The workstream a resource belongs to: the module of its nearest `ciam:<workstream>:...` ancestor."""
    current: Record | None = record
    while current is not None:
        namespace, module, _ = (current.type.split(":") + ["", ""])[:3]
        if namespace == "ciam" and module in WORKSTREAMS:
            return module
        current = by_urn.get(current.parent) if current.parent else None
    return "setup"


def grouped(plan: Plan) -> dict[str, list[Record]]:
    by_urn = {r.urn: r for r in plan.resources}
    groups: dict[str, list[Record]] = defaultdict(list)
    for record in plan.resources:
        if record.type.startswith("ciam:"):
            continue  # components are the grouping, not changes
        groups[workstream_of(record, by_urn)].append(record)
    order = ["setup", *WORKSTREAMS]
    return {key: groups[key] for key in order if groups.get(key)}


def deploy_estimate(plan: Plan) -> str:
    return deploy_summary(r.type for r in plan.resources)


def _title(key: str) -> str:
    return WORKSTREAMS.get(key, "Provider and setup")


def _scalar(value: Any) -> str:
    return shown(value)


def _input_lines(inputs: dict[str, Any], indent: str) -> list[str]:
    lines = []
    for key, value in inputs.items():
        if isinstance(value, dict) and value:
            lines.append(f"{indent}{key}:")
            lines += _input_lines(value, indent + "  ")
        elif isinstance(value, list) and value and any(isinstance(v, (dict, list)) for v in value):
            lines.append(f"{indent}{key}:")
            for item in value:
                if isinstance(item, dict):
                    sub = _input_lines(item, indent + "    ")
                    lines.append(f"{indent}  - {sub[0].strip()}" if sub else f"{indent}  - {{}}")
                    lines += sub[1:]
                else:
                    lines.append(f"{indent}  - {_scalar(item)}")
        elif isinstance(value, list):
            lines.append(f"{indent}{key}: [{', '.join(_scalar(v) for v in value)}]")
        else:
            lines.append(f"{indent}{key}: {_scalar(value)}")
    return lines


def _resource_lines(record: Record) -> list[str]:
    marker = "  [protected]" if record.protect else ""
    return [f"  + {short_type(record.type)} {record.name}{marker}", *_input_lines(record.inputs, "      ")]


def render_tree(plan: Plan) -> str:
    plan = with_references(plan)
    groups = grouped(plan)
    lines = [f"Offline plan for stack {plan.stack}: {count_line([r.type for r in plan.resources])}; "
             f"{deploy_estimate(plan)}", ""]
    for key, records in groups.items():
        lines.append(f"{_title(key)} ({len(records)})")
        for record in records:
            lines += _resource_lines(record)
        lines.append("")
    lines += _notes(plan)
    return "\n".join(lines).rstrip() + "\n"


def _notes(plan: Plan) -> list[str]:
    if not plan.unset_secrets:
        return []
    names = ", ".join(plan.unset_secrets)
    return [f"Secrets referenced but not set in Pulumi.{plan.stack}.yaml yet (planned as [secret]): {names}"]


def render_markdown(plan: Plan) -> str:
    """Markdown blocks separated by BLOCK_MARK (the PR comment cuts only there): a table, one fold per group."""
    plan = with_references(plan)
    groups = grouped(plan)
    protected = sum(r.protect for records in groups.values() for r in records)
    lines = [
        f"### Offline plan: `{plan.stack}`",
        "",
        f"{count_line([r.type for r in plan.resources])}, {protected} protected from deletion; "
        f"{deploy_estimate(plan)}. Rendered from the blueprint under Pulumi's "
        "mock runtime: no credentials, secrets shown as `[secret]`.",
        "",
        "| workstream | resources | types |",
        "|---|---:|---|",
    ]
    for key, records in groups.items():
        kinds = sorted({short_type(r.type) for r in records})
        lines.append(f"| {_title(key)} | {len(records)} | {', '.join(kinds)} |")
    lines += ["", BLOCK_MARK, "<details><summary>Tenant diagram</summary>", "", diagram(plan), "", "</details>", ""]
    for key, records in groups.items():
        body = "\n".join(line for record in records for line in _resource_lines(record))
        fence = fence_for(body)
        lines += [BLOCK_MARK, f"<details><summary>{_title(key)} ({len(records)})</summary>", "", fence, body,
                  fence, "", "</details>", ""]
    notes = _notes(plan)
    if notes:
        lines += [BLOCK_MARK, "> " + notes[0], ""]
    return "\n".join(lines).rstrip() + "\n"


RENDERERS = {"tree": render_tree, "json": render_json, "markdown": render_markdown}
