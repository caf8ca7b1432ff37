"""Mock IDs read as what they point to: `ciam-connections-apple-id` becomes `<Connection ciam-connections-apple>`.

Under the mock runtime a resource's ID is a placeholder derived from its name; printing it would suggest a real
Auth0 ID. Every input string that is exactly another planned resource's placeholder ID is shown as a reference.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from cli.offline import Plan, Record


def short_type(type_token: str) -> str:
    """auth0:index/client:Client -> Client; ciam:architecture:TenantSettings -> TenantSettings."""
    if type_token.startswith("pulumi:providers:"):
        return "Provider"
    return type_token.rsplit(":", 1)[1]


def reference(record: Record) -> str:
    return f"<{short_type(record.type)} {record.name}>"


def _resolved(value: Any, by_id: dict[str, str]) -> Any:
    if isinstance(value, str):
        return by_id.get(value, value)
    if isinstance(value, dict):
        return {key: _resolved(item, by_id) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolved(item, by_id) for item in value]
    return value


def with_references(plan: Plan) -> Plan:
    """The same plan with every placeholder ID in the inputs replaced by a reference to its resource."""
    by_id = {f"{r.name}-id": reference(r) for r in plan.resources}
    resources = [replace(r, inputs=_resolved(r.inputs, by_id)) for r in plan.resources]
    return Plan(plan.stack, resources, plan.outputs, plan.unset_secrets)
