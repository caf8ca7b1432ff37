"""The change plan of one stack: what a deployment of the new plan would do to the resources of the old one.

Pure: two recorded plans in, a `StackChanges` out. Resources are matched by URN. A resource is replaced when a
property that forces replacement changes (the Auth0 provider's ForceNew fields, or the resource's own
replace_on_changes), or when its URN changed (name, type or parent) and no Alias carries the old URN.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from cli.offline import SECRET, Plan, Record
from cli.references import short_type
from cli.values import MISSING

# Properties whose change makes the Auth0 provider delete and re-create the resource (ForceNew in the
# terraform-provider-auth0 schema that pulumi-auth0 bridges), by engine property name.
FORCES_REPLACEMENT: dict[str, tuple[str, ...]] = {
    "auth0:index/connection:Connection": ("name", "strategy"),
    "auth0:index/resourceServer:ResourceServer": ("identifier",),
    "auth0:index/customDomain:CustomDomain": ("domain", "type"),
    "auth0:index/customDomainVerification:CustomDomainVerification": ("customDomainId",),
    "auth0:index/logStream:LogStream": ("type",),
    "auth0:index/clientGrant:ClientGrant": ("audience", "clientId"),
    "auth0:index/clientCredentials:ClientCredentials": ("clientId",),
    "auth0:index/connectionClients:ConnectionClients": ("connectionId",),
    "auth0:index/resourceServerScopes:ResourceServerScopes": ("resourceServerIdentifier",),
    "auth0:index/rolePermissions:RolePermissions": ("roleId",),
    "auth0:index/triggerActions:TriggerActions": ("trigger",),
    "auth0:index/promptCustomText:PromptCustomText": ("language", "prompt"),
    "auth0:index/promptScreenPartials:PromptScreenPartials": ("promptType",),
    "auth0:index/brandingPhoneNotificationTemplate:BrandingPhoneNotificationTemplate": ("type",),
}
_PAIRING_THRESHOLD = 0.5


@dataclass(frozen=True)
class PropertyChange:
    path: str
    old: Any
    new: Any
    diff: tuple[str, ...] = ()  # unified line diff, for multi-line strings

    def as_json(self) -> dict[str, Any]:
        data = {"path": self.path, "old": self.old, "new": self.new}
        if self.diff:
            data["diff"] = list(self.diff)
        return data


@dataclass(frozen=True)
class ResourceChange:
    action: str  # add | delete | update | replace
    urn: str
    type: str
    name: str
    workstream: str
    reason: str = ""
    old_urn: str = ""
    properties: tuple[PropertyChange, ...] = ()
    protect: bool = False

    @property
    def is_component(self) -> bool:
        return self.type.startswith("ciam:")

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"action": self.action, "urn": self.urn, "type": self.type, "name": self.name,
                                "workstream": self.workstream}
        if self.old_urn:
            data["old_urn"] = self.old_urn
        if self.reason:
            data["reason"] = self.reason
        if self.protect:
            data["protect"] = True
        data["properties"] = [p.as_json() for p in self.properties]
        return data


@dataclass
class StackChanges:
    stack: str
    resources: list[ResourceChange] = field(default_factory=list)
    settings: list[PropertyChange] = field(default_factory=list)  # ciam:stack, outputs, secrets
    diagram: str = ""  # Mermaid picture of the new plan with the changed nodes marked (Markdown only)
    warnings: list[str] = field(default_factory=list)  # the stack protects less than at the base: shown first

    @property
    def auth0(self) -> list[ResourceChange]:
        return [c for c in self.resources if not c.is_component]

    def count(self, action: str) -> int:
        return sum(c.action == action for c in self.auth0)

    @property
    def has_changes(self) -> bool:
        return bool(self.resources or self.settings)

    def summary(self) -> str:
        return (f"{self.stack}: {self.count('add')} to add, {self.count('update')} to change, "
                f"{self.count('replace')} to replace, {self.count('delete')} to delete")

    def as_json(self) -> dict[str, Any]:
        components = [c for c in self.resources if c.is_component]
        return {
            "stack": self.stack,
            "summary": {action: self.count(action) for action in ("add", "update", "replace", "delete")},
            "components": {action: sum(c.action == action for c in components)
                           for action in ("add", "update", "replace", "delete")},
            "resources": [c.as_json() for c in self.resources],
            "stack_settings": [s.as_json() for s in self.settings],
            "warnings": list(self.warnings),
        }


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Mappings become dotted paths; lists stay whole values (a changed list is shown old and new in full)."""
    if isinstance(value, dict) and value:
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(flatten(item, f"{prefix}.{key}" if prefix else key))
        return out
    return {prefix: value}


def line_diff(old: Any, new: Any) -> tuple[str, ...]:
    if not (isinstance(old, str) and isinstance(new, str)) or ("\n" not in old and "\n" not in new):
        return ()
    lines = difflib.unified_diff(old.splitlines(), new.splitlines(), "before", "after", n=2, lineterm="")
    return tuple(line for line in lines if not line.startswith(("---", "+++")))


def _secret_shown(value: Any, path: str, refs: dict[str, str]) -> Any:
    if value == SECRET and path in refs:
        return f"[secret {refs[path]}]"
    return value


def property_changes(old: Record | None, new: Record | None) -> list[PropertyChange]:
    """Each input path whose value differs; a secret shows the name of the reference it holds, never a value."""
    before = flatten(old.inputs) if old else {}
    after = flatten(new.inputs) if new else {}
    old_refs = dict(old.secret_refs) if old else {}
    new_refs = dict(new.secret_refs) if new else {}
    changes = []
    for path in sorted(before.keys() | after.keys()):
        a = _secret_shown(before.get(path, MISSING), path, old_refs)
        b = _secret_shown(after.get(path, MISSING), path, new_refs)
        if a != b:
            changes.append(PropertyChange(path, a, b, line_diff(a, b)))
    if old and new and old.protect != new.protect:
        changes.append(PropertyChange("(protect)", old.protect, new.protect))
    return changes


def _replacing_paths(record: Record, changes: list[PropertyChange]) -> list[str]:
    forcing = set(FORCES_REPLACEMENT.get(record.type, ())) | set(record.replace_on_changes)
    return [c.path for c in changes if c.path.split(".")[0].split("[")[0] in forcing or c.path in forcing]


def _similarity(a: Record, b: Record) -> float:
    left, right = flatten(a.inputs), flatten(b.inputs)
    keys = left.keys() | right.keys()
    return sum(left.get(k, MISSING) == right.get(k, MISSING) for k in keys) / len(keys) if keys else 1.0


def _urn_parts(urn: str) -> tuple[str, str, str]:
    qualified, name = urn.split("::")[2], urn.split("::")[3]
    chain = qualified.split("$")
    return "$".join(chain[:-1]), chain[-1], name


def _urn_reason(old_urn: str, new_urn: str) -> str:
    (old_parent, old_type, old_name), (new_parent, new_type, new_name) = _urn_parts(old_urn), _urn_parts(new_urn)
    what = [f"{label} {a} -> {b}" for label, a, b in (("name", old_name, new_name), ("type", old_type, new_type),
                                                      ("parent", old_parent or "(stack)", new_parent or "(stack)"))
            if a != b]
    return f"URN changed ({'; '.join(what)}) without an Alias: Pulumi deletes the old resource and creates a new one"


def _old_urn_candidates(record: Record, by_urn: dict[str, Record], memo: dict[str, set[str]]) -> set[str]:
    """The URNs a resource may have had: its own, its Aliases, and its URN under each alias of its parent."""
    if record.urn in memo:
        return memo[record.urn]
    candidates = {record.urn, *record.aliases}
    parent = by_urn.get(record.parent) if record.parent else None
    if parent is not None:
        _, own_type, own_name = _urn_parts(record.urn)
        for parent_urn in _old_urn_candidates(parent, by_urn, memo) - {parent.urn}:
            prefix, parent_qualified = parent_urn.split("::")[:2], parent_urn.split("::")[2]
            candidates.add("::".join([*prefix, f"{parent_qualified}${own_type}", own_name]))
    memo[record.urn] = candidates
    return candidates


def compare(before: Plan, after: Plan, workstreams: dict[str, str] | None = None) -> StackChanges:
    """Resource changes from `before` to `after`; `workstreams` maps a URN to its group (defaults to "")."""
    workstreams = workstreams or {}
    old = {r.urn: r for r in before.resources}
    new = {r.urn: r for r in after.resources}
    memo: dict[str, set[str]] = {}
    matched_old: dict[str, str] = {}  # new urn -> old urn
    for urn, record in new.items():
        if urn in old:
            matched_old[urn] = urn
            continue
        aliased = sorted(_old_urn_candidates(record, new, memo) & (old.keys() - new.keys()))
        if aliased:
            matched_old[urn] = aliased[0]
    gone = [urn for urn in old if urn not in matched_old.values()]
    fresh = [urn for urn in new if urn not in matched_old]
    renamed = _pair_unaliased(gone, fresh, old, new)

    changes: list[ResourceChange] = []
    for urn, record in new.items():
        group = workstreams.get(urn, "")
        if urn in matched_old:
            previous = old[matched_old[urn]]
            props = property_changes(previous, record)
            forcing = _replacing_paths(record, props)
            if forcing:
                reason = f"{', '.join(forcing)} changed, which forces replacement"
                changes.append(_change("replace", record, group, props, reason, old_urn=_if_moved(previous, record)))
            elif props:  # an aliased move alone changes nothing
                changes.append(_change("update", record, group, props, old_urn=_if_moved(previous, record)))
        elif urn in renamed:
            previous = old[renamed[urn]]
            changes.append(_change("replace", record, group, property_changes(previous, record),
                                   _urn_reason(previous.urn, urn), old_urn=previous.urn))
        else:
            changes.append(_change("add", record, group, property_changes(None, record)))
    for urn in gone:
        if urn not in renamed.values():
            record = old[urn]
            changes.append(_change("delete", record, workstreams.get(urn, ""), (), "", protect=record.protect))
    changes.sort(key=lambda c: (c.workstream, c.urn))
    return StackChanges(after.stack or before.stack, changes)


def _if_moved(previous: Record, record: Record) -> str:
    return previous.urn if previous.urn != record.urn else ""


def _change(action: str, record: Record, group: str, props, reason: str = "", old_urn: str = "",
            protect: bool | None = None) -> ResourceChange:
    return ResourceChange(action, record.urn, record.type, record.name, group, reason, old_urn, tuple(props),
                          record.protect if protect is None else protect)


def _pair_unaliased(gone: list[str], fresh: list[str], old: dict[str, Record],
                    new: dict[str, Record]) -> dict[str, str]:
    """New URN -> old URN for a resource that moved or was renamed without an Alias: same type, and either the
    same name (moved) or the only plausible counterpart by its inputs (renamed)."""
    pairs: dict[str, str] = {}
    free = set(gone)
    for urn in fresh:
        record = new[urn]
        same_type = sorted(u for u in free if old[u].type == record.type)
        by_name = [u for u in same_type if old[u].name == record.name]
        if by_name:
            pairs[urn] = by_name[0]
            free.discard(by_name[0])
            continue
        scored = sorted(((_similarity(old[u], record), u) for u in same_type), key=lambda s: (-s[0], s[1]))
        if scored and scored[0][0] >= _PAIRING_THRESHOLD:
            pairs[urn] = scored[0][1]
            free.discard(scored[0][1])
    return pairs


def settings_changes(before: dict[str, Any], after: dict[str, Any]) -> list[PropertyChange]:
    """Stack-level differences: `ciam:stack`, outputs, secret keys set and secrets referenced but unset."""
    return property_changes(_settings_record(before), _settings_record(after))


def _settings_record(settings: dict[str, Any]) -> Record:
    return Record("", "", "", None, False, (), settings)


def describe(change: ResourceChange) -> str:
    return f"{short_type(change.type)} {change.name}"
