"""How a value reads in the plan, the change plan and the PR comment: whole when it fits on a line, else its
line count, size and a short hash (so two versions of Action code or HTML are visibly different); and one
resource count everywhere: Auth0 resources, with the provider and the grouping components counted apart."""

from __future__ import annotations

import hashlib
import json
from typing import Any

FITS = 160  # a single-line value up to this many characters is shown whole
MISSING = "(unset)"


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def shown(value: Any, whole: bool = False) -> str:
    """A value on one line: whole when it fits (or `whole` for one line), else its size and a short hash."""
    if value == MISSING:
        return MISSING
    if isinstance(value, str) and ("\n" in value or (len(value) > FITS and not whole)):
        lines = value.count("\n") + (0 if value.endswith("\n") else 1)
        return f"({lines} line{'s' if lines != 1 else ''}, {len(value)} chars, sha256 {fingerprint(value)})"
    return json.dumps(value, ensure_ascii=False)


def resource_counts(types: list[str]) -> dict[str, int]:
    """From the type tokens of a plan's records: Auth0 resources, providers and components (`ciam:`)."""
    return {
        "auth0": sum(t.startswith("auth0:") for t in types),
        "providers": sum(t.startswith("pulumi:providers:") for t in types),
        "components": sum(t.startswith("ciam:") for t in types),
    }


def count_line(types: list[str]) -> str:
    counts = resource_counts(types)
    return (f"{counts['auth0']} Auth0 resources (plus {counts['providers']} provider, "
            f"{counts['components']} components)")
