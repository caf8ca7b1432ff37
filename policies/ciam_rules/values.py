"""Reading resource properties the same way whether they come from pulumi-policy or the offline plan.

pulumi-policy hands over read-only Mapping/Sequence proxies (not dict/list) that raise on unknown values,
so everything here goes through the abstract collection types.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from .hosts import is_local_url as is_local_url  # the rules import it from here

# Auth0's recommended Node.js versions (Actions runtime and the tenant's extensibility sandbox).
RECOMMENDED_ACTION_RUNTIMES = frozenset({"node22"})
RECOMMENDED_SANDBOX_VERSIONS = frozenset({"22"})

def get(props: Any, *path: str, default: Any = None) -> Any:
    value = props
    for key in path:
        if not isinstance(value, Mapping) or key not in value:
            return default
        value = value[key]
    return value


def items(value: Any) -> list[Any]:
    """A list property as a list; absent is empty (a lone string is one item, not its characters)."""
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, Sequence):
        return [value]
    return list(value)


def filled(value: Any) -> bool:
    return value is not None and value != "" and value != [] and value != {}


def url_fields(props: Any, fields: Sequence[str]) -> Iterator[tuple[str, str]]:
    for field in fields:
        for url in items(get(props, field)):
            if isinstance(url, str):
                yield field, url
