"""Check a recorded plan against the pulumi-auth0 provider's input types, as the installed SDK declares them.

The provider schema itself lives in the plugin binary, which is not installed offline; the Python SDK is
generated from it: each resource's `<Resource>Args` and each nested `...Args` input type name every property
by its engine name, with its type and whether it is required. So every `auth0:` record's inputs are walked
against them, and each problem is one line: URN, property path, what the provider expects.

Use: `python -m cli.provider_inputs --stack <stack>` (exit 1 on a problem), or `problems(plan)` from tests.
"""

from __future__ import annotations

import argparse
import collections.abc
import functools
import importlib
import json
import sys
import typing
from pathlib import Path

import pulumi
from pulumi import _types

from cli.offline import COMPUTED, SECRET, Plan

STAND_INS = (SECRET, COMPUTED)
_SCALARS = {str: (str,), int: (int,), float: (int, float), bool: (bool,)}


@functools.cache
def resource_args() -> dict[str, type]:
    """Type token -> the resource's `...Args` input class, from the SDK's resource module registry."""
    package = importlib.import_module("pulumi_auth0")
    registry = Path(package.__file__).read_text()
    start = registry.index('resource_modules="""') + len('resource_modules="""')
    modules = json.loads(registry[start:registry.index('"""', start)])
    found = {}
    for module in modules:
        for token, class_name in module["classes"].items():
            # The resource's own module; where a nested input type has the name (CustomDomainVerificationArgs),
            # the generator calls the resource's `...InitArgs`.
            resource_module = sys.modules[getattr(package, class_name).__module__]
            found[token] = getattr(resource_module, f"{class_name}InitArgs", None) or \
                getattr(resource_module, f"{class_name}Args")
    return found


def _unwrap(hint):
    """The types a value may have once `Input[...]`, `Optional[...]` and awaitables are taken away."""
    origin = typing.get_origin(hint)
    if origin is typing.Union:
        members = []
        for arg in typing.get_args(hint):
            if arg is type(None) or typing.get_origin(arg) in (collections.abc.Awaitable,) or \
                    arg is pulumi.Output or typing.get_origin(arg) is pulumi.Output:
                continue
            members.extend(_unwrap(arg))
        return members
    return [hint]


def _check(value, hint, path: str, out: list[str]) -> None:
    if value is None or value in STAND_INS:
        return
    candidates = _unwrap(hint)
    errors: list[list[str]] = []
    for candidate in candidates:
        found: list[str] = []
        if _matches(value, candidate, path, found):
            if not found:
                return
            errors.append(found)
    if errors:
        out.extend(min(errors, key=len))
    else:
        out.append(f"{path}: expected {_describe(candidates)}, got {type(value).__name__} {json.dumps(value)[:60]}")


def _matches(value, hint, path: str, out: list[str]) -> bool:
    """False when the value's shape is not this type at all; otherwise the problems inside it go to `out`."""
    origin = typing.get_origin(hint)
    if hint is typing.Any:
        return True
    if origin in (list, collections.abc.Sequence):
        if not isinstance(value, list):
            return False
        (item,) = typing.get_args(hint) or (typing.Any,)
        for index, element in enumerate(value):
            _check(element, item, f"{path}[{index}]", out)
        return True
    if origin in (dict, collections.abc.Mapping):
        if not isinstance(value, dict):
            return False
        item = typing.get_args(hint)[1] if typing.get_args(hint) else typing.Any
        for key, element in value.items():
            _check(element, item, f"{path}.{key}", out)
        return True
    if isinstance(hint, type) and _types.is_input_type(hint):
        if not isinstance(value, dict):
            return False
        _check_object(value, hint, path, out)
        return True
    if hint in _SCALARS:
        return isinstance(value, _SCALARS[hint]) and not (hint is not bool and isinstance(value, bool))
    return True  # a type the SDK leaves open (Any-like): nothing to check


def _check_object(value: dict, cls: type, path: str, out: list[str]) -> None:
    types = _types.input_type_types(cls)
    for key in sorted(value):
        where = f"{path}.{key}" if path else key
        if key not in types:
            out.append(f"{where}: not an input of {cls.__name__} (it has {', '.join(sorted(types))})")
            continue
        _check(value[key], types[key], where, out)
    for required in sorted(_types._required_property_names(cls) - set(value)):
        out.append(f"{path + '.' if path else ''}{required}: required by {cls.__name__}, not set")


def _describe(candidates) -> str:
    names = [getattr(c, "__name__", str(c)) for c in candidates]
    return " or ".join(dict.fromkeys(names))


def problems(plan: Plan) -> list[str]:
    """One line per input the provider would not take: `<urn>: <path>: <what it expects>`."""
    args = resource_args()
    found = []
    for record in plan.resources:
        if not record.type.startswith("auth0:") or record.type == "pulumi:providers:auth0":
            continue
        if record.type not in args:
            found.append(f"{record.urn}: {record.type} is not a resource type of the installed pulumi-auth0")
            continue
        lines: list[str] = []
        _check_object(record.inputs, args[record.type], "", lines)
        found.extend(f"{record.urn}: {line}" for line in lines)
    return found


def check_stack_cli(argv: list[str] | None, prog: str, description: str, check, what: str) -> int:
    """`python -m <prog> --stack <s>`: one line per problem `check(plan)` finds; exit 1 when there is one."""
    from cli.offline import run_program
    from cli.plan import PROJECT_DIR

    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--stack", required=True)
    args = parser.parse_args(argv)
    plan = run_program(PROJECT_DIR, args.stack)
    found = check(plan)
    for line in found:
        print(line)
    print(f"{args.stack}: {len(plan.resources)} resources, {len(found)} {what}", file=sys.stderr)
    return 1 if found else 0


def main(argv: list[str] | None = None) -> int:
    return check_stack_cli(argv, "python -m cli.provider_inputs", __doc__.splitlines()[0], problems, "input problems")


if __name__ == "__main__":
    sys.exit(main())
