"""JSON Schemas from the config model, for editors: schema/tenant.schema.json and schema/stack.schema.json.

`python -m cli.schema --write` regenerates them; a test fails when the committed files are stale.
"""

from __future__ import annotations

if __name__ == "__main__":  # before the imports: it needs no pulumi (cli/lean_start.py)
    from cli import lean_start

    lean_start.without_pulumi()

import argparse
import copy
import json
import sys
from pathlib import Path
from typing import Any

from components.config.blueprint import SECTIONS, Blueprint
from components.config.stack import StackSettings

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
_DIALECT = "https://json-schema.org/draft/2020-12/schema"


_VARIABLE = {"type": "string", "pattern": r"\$\{[A-Za-z0-9_]+\}", "description": "a ${name} from ciam:vars"}
_SCALAR_TYPES = {"string", "number", "integer", "boolean"}
# A whole-value `${name}` keeps the type of the stack's value, so a list may be one too (imports write these).
_WHOLE_VARIABLE = {"type": "string", "pattern": r"^\$\{[A-Za-z0-9_]+\}$", "description": "a ${name} from ciam:vars"}


def _allow_variables(node: Any) -> Any:
    """Any scalar in the blueprint may be a `${name}` the stack substitutes, whatever its pattern or type."""
    if isinstance(node, list):
        return [_allow_variables(item) for item in node]
    if not isinstance(node, dict):
        return node
    walked = {}
    for key, value in node.items():
        if key in ("properties", "$defs"):
            walked[key] = {name: _allow_variables(sub) for name, sub in value.items()}
        elif key in ("items", "additionalProperties", "anyOf", "oneOf", "allOf"):
            walked[key] = _allow_variables(value)
        else:
            walked[key] = value
    if walked.get("type") in _SCALAR_TYPES or "enum" in walked or "const" in walked:
        return {"anyOf": [walked, _VARIABLE]}
    if walked.get("type") == "array":
        return {"anyOf": [walked, _WHOLE_VARIABLE]}
    return walked


def blueprint_schema() -> dict[str, Any]:
    schema = _allow_variables(Blueprint.model_json_schema(mode="validation"))
    return {"$schema": _DIALECT, "title": "tenant.yaml: the CIAM tenant blueprint", **schema}


def _without_required(node: Any) -> Any:
    """An overlay may set any subset of a section, so nothing in it is required; and a partial entry
    without its `strategy` may fit several members of a union, so `oneOf` becomes `anyOf`."""
    if isinstance(node, dict):
        return {
            "anyOf" if k == "oneOf" else k: _without_required(v)
            for k, v in node.items() if k not in ("required", "discriminator")
        }
    if isinstance(node, list):
        return [_without_required(v) for v in node]
    return node


def stack_schema() -> dict[str, Any]:
    blueprint = blueprint_schema()
    definitions = _without_required(copy.deepcopy(blueprint.get("$defs", {})))
    stack_settings = StackSettings.model_json_schema()
    definitions.update(stack_settings.pop("$defs", {}))
    definitions["StackSettings"] = stack_settings
    sections = {
        f"ciam:{name}": _without_required(blueprint["properties"][name]) for name in SECTIONS
    }
    secure = {
        "type": "object",
        "description": "a secret set with `pulumi config set --secret`",
        "properties": {"secure": {"type": "string"}},
        "required": ["secure"],
        "additionalProperties": False,
    }
    config = {
        "type": "object",
        "properties": {
            "ciam:stack": {"$ref": "#/$defs/StackSettings"},
            "ciam:vars": {
                "type": "object",
                "description": "values substituted into tenant.yaml as ${name}",
                "additionalProperties": {"type": ["string", "number", "boolean", "array"]},
            },
            **sections,
        },
        # Other namespaces (auth0:, pulumi:) are free; any other ciam: key must be a secret.
        "patternProperties": {"^(?!ciam:)[A-Za-z0-9_-]+:": {}},
        "additionalProperties": secure,
        "required": ["ciam:stack"],
    }
    return {
        "$schema": _DIALECT,
        "title": "Pulumi.<stack>.yaml: what differs per stack",
        "type": "object",
        "properties": {
            "secretsprovider": {"type": "string"},
            "encryptedkey": {"type": "string"},
            "encryptionsalt": {"type": "string"},
            "environment": {},
            "config": config,
        },
        "additionalProperties": False,
        "$defs": definitions,
    }


def rendered() -> dict[str, str]:
    return {
        "tenant.schema.json": json.dumps(blueprint_schema(), indent=2, sort_keys=True) + "\n",
        "stack.schema.json": json.dumps(stack_schema(), indent=2, sort_keys=True) + "\n",
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="make schema", description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the files instead of checking them")
    args = parser.parse_args(argv)
    stale = []
    for name, text in rendered().items():
        path = SCHEMA_DIR / name
        current = path.is_file() and path.read_text() == text
        if args.write and current:
            print(f"schema/{name} is up to date", file=sys.stderr)  # nothing written: works read-only
        elif args.write:
            try:
                SCHEMA_DIR.mkdir(exist_ok=True)
                path.write_text(text)
            except OSError as error:
                sys.exit(f"error: cannot write schema/{name} ({error.strerror or error}); the checkout is read-only?")
            print(f"wrote schema/{name}", file=sys.stderr)
        elif not current:
            stale.append(name)
    if stale:
        sys.exit(f"stale: schema/{', schema/'.join(stale)}; run `make schema`")


if __name__ == "__main__":
    main()
