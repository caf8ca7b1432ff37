"""Check a recorded plan against terraform-provider-auth0's schema validation rules.

pulumi-auth0 bridges terraform-provider-auth0; the engine runs that provider's `ValidateFunc`s and its
ConflictsWith / AtLeastOneOf / RequiredWith / MaxItems checks at preview time, never offline. The rules in
`RULES` were copied by hand from the provider's Go source (the file is named on each rule) and keyed by the
engine's property path as the plan records it: camelCase, a nested block as an object (a `MaxItems: 1` block)
or a list (`[]` walks its elements). The `[secret]` and `[computed]` stand-ins pass every value rule and
count as set for the presence rules.

Use: `python -m cli.provider_rules --stack <stack>` (exit 1 on a violation), or `violations(plan)` from tests.
"""

from __future__ import annotations

if __name__ == "__main__":  # before the heavy imports (cli/lean_start.py)
    from cli import lean_start

    lean_start.for_a_plan()

import json
import re
import sys
from urllib.parse import urlparse

from cli.offline import COMPUTED, SECRET, Plan
from cli.provider_rules_table import RULES, Rule

STAND_INS = (SECRET, COMPUTED)


def _values(node, parts: list[str]):
    """Every value at a path; a list met on the way is walked, as the plan records blocks both ways."""
    if not parts:
        yield node
        return
    if isinstance(node, list):
        for item in node:
            yield from _values(item, parts)
        return
    head, rest = parts[0], parts[1:]
    if head.endswith("[]"):
        value = node.get(head[:-2]) if isinstance(node, dict) else None
        for item in value if isinstance(value, list) else ():
            yield from _values(item, rest)
        return
    if isinstance(node, dict) and node.get(head) is not None:
        yield from _values(node[head], rest)


def _split(path: str) -> list[str]:
    return [part for part in path.split(".") if part]


def _is_set(block: dict, key: str) -> bool:
    value = block.get(key) if isinstance(block, dict) else None
    return value not in (None, "", [], {})


# ---- value rules: (value, arg) -> what the provider accepts, or None when the value passes ----

def _in(value, arg):
    options, ignore_case = arg
    found = value.lower() if ignore_case and isinstance(value, str) else value
    allowed = [o.lower() for o in options] if ignore_case else options
    return None if found in allowed else f"one of {', '.join(options)} (got {value!r})"


def _int_between(value, arg):
    low, high = arg
    ok = isinstance(value, int) and low <= value <= high
    return None if ok else f"an integer from {low} to {high} (got {value!r})"


def _between(value, arg):
    low, high = arg
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and low <= value <= high
    return None if ok else f"a number from {low} to {high} (got {value!r})"


def _at_least(value, arg):
    return None if isinstance(value, (int, float)) and value >= arg else f"a number of at least {arg} (got {value!r})"


def _len_between(value, arg):
    low, high = arg
    return None if isinstance(value, str) and low <= len(value) <= high else \
        f"a string of {low} to {high} characters (got {len(value) if isinstance(value, str) else value!r})"


def _https_or_empty(value, _arg):
    parsed = urlparse(value) if isinstance(value, str) else None
    ok = value == "" or (parsed is not None and parsed.scheme == "https" and bool(parsed.netloc))
    return None if ok else f"an https:// URL or an empty string (got {value!r})"


def _http_or_https(value, _arg):
    parsed = urlparse(value) if isinstance(value, str) else None
    ok = parsed is not None and parsed.scheme in ("http", "https") and bool(parsed.netloc)
    return None if ok else f"an http:// or https:// URL (got {value!r})"


def _is_json(value, _arg):
    try:
        json.loads(value)
    except (TypeError, ValueError):
        return f"a JSON string (got {str(value)[:40]!r})"
    return None


def _map_value_len(value, arg):
    low, high = arg
    bad = sorted(k for k, v in value.items() if isinstance(v, str) and v not in STAND_INS
                 and not low <= len(v) <= high) if isinstance(value, dict) else []
    return None if not bad else f"map values of {low} to {high} characters (too long: {', '.join(bad)})"


def _matches(value, arg):
    pattern, meaning = arg
    return None if isinstance(value, str) and re.fullmatch(pattern, value) else f"{meaning} (got {value!r})"


def _max_items(value, arg):
    size = len(value) if isinstance(value, list) else 1  # a block recorded as one object is one item
    return None if size <= arg else f"at most {arg} item(s) (got {size})"


def _min_items(value, arg):
    size = len(value) if isinstance(value, list) else 1
    return None if size >= arg else f"at least {arg} item(s) (got {size})"


VALUE_CHECKS = {"in": _in, "int_between": _int_between, "between": _between, "at_least": _at_least,
                "len_between": _len_between,
                "https_or_empty": _https_or_empty, "http_or_https": _http_or_https,
                "is_json": _is_json, "map_value_len": _map_value_len, "matches": _matches,
                "max_items": _max_items, "min_items": _min_items}
PER_ITEM = {"max_items", "min_items"}  # these look at the list itself, not at each element


# ---- group rules: (block, members) -> what the provider accepts, or None ----

def _conflicts(block, members):
    present = [m for m in members if _is_set(block, m)]
    return None if len(present) <= 1 else f"only one of {', '.join(members)} (set: {', '.join(present)})"


def _exactly_one(block, members):
    present = [m for m in members if _is_set(block, m)]
    return None if len(present) == 1 else f"exactly one of {', '.join(members)} (set: {', '.join(present) or 'none'})"


def _at_least_one(block, members):
    return None if any(_is_set(block, m) for m in members) else f"at least one of {', '.join(members)}"


def _required_with(block, members):
    key, others = members[0], members[1:]
    if not _is_set(block, key):
        return None
    missing = [m for m in others if not _is_set(block, m)]
    return None if not missing else f"{key} together with {', '.join(others)} (missing: {', '.join(missing)})"


GROUP_CHECKS = {"conflicts_with": _conflicts, "exactly_one_of": _exactly_one, "at_least_one_of": _at_least_one,
                "required_with": _required_with}
CHECKS = {**VALUE_CHECKS, **GROUP_CHECKS}


def _check_rule(rule: Rule, inputs: dict) -> list[str]:
    found = []
    if rule.kind in GROUP_CHECKS:
        for block in _values(inputs, _split(rule.path)) if rule.path else [inputs]:
            if not isinstance(block, dict):
                continue
            problem = GROUP_CHECKS[rule.kind](block, rule.arg)
            if problem:
                where = f"{rule.path}.{{{','.join(rule.arg)}}}" if rule.path else "{" + ",".join(rule.arg) + "}"
                found.append(f"{where}: {problem}")
        return found
    parts = _split(rule.path)
    if rule.kind in PER_ITEM:
        parent, last = parts[:-1], parts[-1].removesuffix("[]")
        values = [b.get(last) for b in _values(inputs, parent) if isinstance(b, dict) and b.get(last) is not None]
    else:
        values = list(_values(inputs, parts))
    for value in values:
        items = value if isinstance(value, list) and rule.kind not in PER_ITEM else [value]
        for item in items:
            if item in STAND_INS:
                continue
            problem = VALUE_CHECKS[rule.kind](item, rule.arg)
            if problem:
                found.append(f"{rule.path}: {problem}")
    return found


def violations(plan: Plan, rules: tuple[Rule, ...] | None = None) -> list[str]:
    """One line per input terraform-provider-auth0 would refuse: `<urn>: <path>: <what it accepts>`."""
    by_type: dict[str, list[Rule]] = {}
    for rule in RULES if rules is None else rules:
        by_type.setdefault(rule.type, []).append(rule)
    found = []
    for record in plan.resources:
        for rule in by_type.get(record.type, ()):
            found.extend(f"{record.urn}: {line} [{rule.source}]" for line in _check_rule(rule, record.inputs))
    return found


def main(argv: list[str] | None = None) -> int:
    from cli.provider_inputs import check_stack_cli

    return check_stack_cli(argv, "python -m cli.provider_rules", __doc__.splitlines()[0], violations,
                           "rule violations")


if __name__ == "__main__":
    sys.exit(main())
