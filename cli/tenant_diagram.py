"""A picture of the tenant as a Mermaid flowchart (GitHub renders it natively): applications, connections, APIs,
roles and Actions; an edge from each connection to the applications it serves, from each application to the
APIs it is granted, and from each role to the APIs its permissions are on. Changed nodes are marked.

Built from the recorded plan alone (the relationships are the recorded dependencies and API identifiers), so it
is deterministic and needs no credentials. A tenant too big to draw whole is drawn around its changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cli.offline import Plan, Record

MAX_CHARS = 20000  # well under Mermaid's default maxTextSize (50,000)
_KINDS = {  # type -> (subgraph title, node shape)
    "auth0:index/connection:Connection": ("Connections", '[("{}")]'),
    "auth0:index/client:Client": ("Applications", '["{}"]'),
    "auth0:index/resourceServer:ResourceServer": ("APIs", '{{{{"{}"}}}}'),
    "auth0:index/role:Role": ("Roles", '(["{}"])'),
    "auth0:index/action:Action": ("Actions", '[/"{}"/]'),
}
_CLASSES = {
    "add": "classDef added fill:#dafbe1,stroke:#1a7f37,stroke-width:2px",
    "update": "classDef changed fill:#fff8c5,stroke:#9a6700,stroke-width:2px",
    "replace": "classDef replaced fill:#ffebe9,stroke:#cf222e,stroke-width:2px",
}
_CLASS_NAME = {"add": "added", "update": "changed", "replace": "replaced"}


@dataclass
class Graph:
    nodes: dict[str, Record] = field(default_factory=dict)  # node id -> record
    edges: set[tuple[str, str, str]] = field(default_factory=set)  # (from, to, arrow)


def node_id(record: Record) -> str:
    return "n_" + re.sub(r"[^A-Za-z0-9_]", "_", record.name)


def _label(record: Record) -> str:
    text = str(record.inputs.get("name") or record.name)
    if record.type == "auth0:index/connection:Connection":
        text = f"{text} ({record.inputs.get('strategy', '?')})"
    if record.type == "auth0:index/action:Action":
        trigger = (record.inputs.get("supportedTriggers") or {}).get("id", "")
        text = f"{text} ({trigger})" if trigger else text
    return (text.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;"))


def graph_of(plan: Plan) -> Graph:
    graph = Graph()
    by_urn = {r.urn: r for r in plan.resources}
    for record in plan.resources:
        if record.type in _KINDS:
            graph.nodes[node_id(record)] = record
    apis = {r.inputs.get("identifier"): node_id(r) for r in plan.resources
            if r.type == "auth0:index/resourceServer:ResourceServer"}

    def depended(record: Record, type_token: str) -> list[str]:
        return [node_id(by_urn[u]) for u in record.dependencies if u in by_urn and by_urn[u].type == type_token]

    for record in plan.resources:
        short = record.type.rsplit(":", 1)[1]
        if short == "ConnectionClients":
            for connection in depended(record, "auth0:index/connection:Connection"):
                graph.edges |= {(connection, app, "-->") for app in depended(record, "auth0:index/client:Client")}
        elif short == "ClientGrant" and record.inputs.get("audience") in apis:
            api = apis[record.inputs["audience"]]
            graph.edges |= {(app, api, "==>") for app in depended(record, "auth0:index/client:Client")}
        elif short == "RolePermissions":
            targets = {apis[p.get("resourceServerIdentifier")] for p in record.inputs.get("permissions") or []
                       if p.get("resourceServerIdentifier") in apis}
            graph.edges |= {(role, api, "-.->") for role in depended(record, "auth0:index/role:Role")
                            for api in targets}
    return graph


def marks(graph: Graph, changes: dict[str, str]) -> dict[str, str]:
    """node id -> change action, for a node whose resource changed or whose relationship resources did."""
    by_name = {record.name: nid for nid, record in graph.nodes.items()}
    marked: dict[str, str] = {}
    for name, action in sorted(changes.items()):
        nid = by_name.get(name)
        if nid is None:  # a relationship resource (e.g. ConnectionClients) marks the node that owns it
            owners = [n for owner, n in by_name.items() if name.startswith(owner + "-")]
            if not owners:
                continue
            nid, action = max(owners, key=len), "update"
        if nid not in marked or action in ("add", "replace"):
            marked[nid] = action
    return marked


def _render(graph: Graph, keep: set[str], marked: dict[str, str]) -> list[str]:
    lines = ["flowchart LR"]
    for title, shape in sorted(set(_KINDS.values())):
        members = sorted(nid for nid, r in graph.nodes.items() if _KINDS[r.type][0] == title and nid in keep)
        if not members:
            continue
        lines.append(f"  subgraph {title.replace(' ', '_')}[\"{title}\"]")
        lines += [f"    {nid}{shape.format(_label(graph.nodes[nid]))}" for nid in members]
        lines.append("  end")
    lines += [f"  {a} {arrow} {b}" for a, b, arrow in sorted(graph.edges) if a in keep and b in keep]
    for action in ("add", "update", "replace"):
        ids = sorted(nid for nid, a in marked.items() if a == action and nid in keep)
        if ids:
            lines += [f"  {_CLASSES[action]}", f"  class {','.join(ids)} {_CLASS_NAME[action]}"]
    return lines


def diagram(plan: Plan, changes: dict[str, str] | None = None, max_chars: int = MAX_CHARS) -> str:
    """The Mermaid block (fenced) for a plan; `changes` maps a resource name to its change action."""
    graph = graph_of(plan)
    marked = marks(graph, changes or {})
    keep = set(graph.nodes)
    note = ""
    lines = _render(graph, keep, marked)
    if sum(len(line) + 1 for line in lines) > max_chars:
        neighbours = {b for a, b, _ in graph.edges if a in marked} | {a for a, b, _ in graph.edges if b in marked}
        keep = set(marked) | neighbours
        lines = _render(graph, keep, marked)
        note = (f"\n\n{len(graph.nodes) - len(keep)} unchanged nodes are not drawn "
                "(the tenant is too big to draw whole).")
        if sum(len(line) + 1 for line in lines) > max_chars or not keep:
            return (f"The tenant has {len(graph.nodes)} applications, connections, APIs, roles and Actions: "
                    "too many to draw here.")
    legend = "Connection → application it serves; application ⇒ API it is granted; role ⇢ API."
    if marked:
        legend += " Marked: added (green), changed (yellow), replaced (red)."
    return "```mermaid\n" + "\n".join(lines) + "\n```\n\n" + legend + note
