"""a0deploy keyword replacement -> `${var}` and secret references.

`##KEY##` is replaced as text anywhere in a string; `@@KEY@@` as JSON, so a whole-value `@@KEY@@` keeps its
type (a list, a number). Both become `${key}`; the stack's `ciam:vars` holds the value. A keyword that is a
secret (named like one, or used in a secret field) becomes `{secret: key}` instead, never a plain value.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cli.adopt.errors import ImportFailed, fail

MARKER = re.compile(r"##([A-Za-z0-9_]+)##|@@([A-Za-z0-9_]+)@@")
SECRET_LIKE = re.compile(r"SECRET|PASSWORD|PASS$|TOKEN|_KEY$|^KEY$|APIKEY", re.IGNORECASE)
# What a0deploy writes instead of a secret it does not export.
PLACEHOLDER_VALUES = ("_VALUE_NOT_SHOWN_", "********")
ENVIRONMENTS = {"dev": "development", "development": "development", "qa": "qa", "test": "qa",
                "staging": "staging", "stage": "staging", "prod": "production", "production": "production"}


def var_name(keyword: str) -> str:
    return keyword.lower()


def is_secret_name(keyword: str) -> bool:
    return bool(SECRET_LIKE.search(keyword))


@dataclass
class StackConfig:
    stack: str
    file: str
    domain: str | None
    environment: str | None
    mappings: dict[str, Any]


def read_configs(spec: str, environment: str | None = None) -> list[StackConfig]:
    """`"dev=config.dev.json qa=config.qa.json"` -> one StackConfig per stack, in the order given."""
    configs = []
    for item in spec.split():
        stack, sep, file = item.partition("=")
        if not sep or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", stack):
            raise fail(item, "", "expected <stack>=<a0deploy config JSON> (stack: lower-case letters, digits, '-')")
        path = Path(file)
        if not path.is_file():
            raise fail(file, "", "file not found")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise fail(file, "", f"invalid JSON: {error.msg} (line {error.lineno})") from None
        if not isinstance(data, dict):
            raise fail(file, "", "expected a JSON object of a0deploy settings")
        mappings = data.get("AUTH0_KEYWORD_REPLACE_MAPPINGS") or {}
        if not isinstance(mappings, dict):
            raise fail(file, "AUTH0_KEYWORD_REPLACE_MAPPINGS", "expected an object of keyword -> value")
        configs.append(StackConfig(stack, file, data.get("AUTH0_DOMAIN"),
                                   environment or ENVIRONMENTS.get(stack, "development"), mappings))
    return configs


@dataclass
class Keywords:
    """Every keyword the export uses, where, and whether it must be a secret."""

    configs: list[StackConfig]
    used: dict[str, str] = field(default_factory=dict)  # keyword -> first key path that uses it
    secret: set[str] = field(default_factory=set)

    def known(self, keyword: str) -> bool:
        return any(keyword in c.mappings for c in self.configs)

    def note(self, keyword: str, where: str, secret: bool = False) -> None:
        self.used.setdefault(keyword, where)
        if secret or is_secret_name(keyword):
            self.secret.add(keyword)

    def check_mappings(self) -> None:
        """A keyword a config does not map (and that is not a secret placeholder) is an error, as in a0deploy."""
        lines = []
        for keyword, where in sorted(self.used.items()):
            if keyword in self.secret:
                continue
            for config in self.configs:
                if keyword not in config.mappings:
                    lines.append(f"{config.file}: AUTH0_KEYWORD_REPLACE_MAPPINGS.{keyword}: no mapping for the "
                                 f"keyword used at {where}")
        if lines:
            raise ImportFailed(lines)

    def stack_vars(self, config: StackConfig) -> dict[str, Any]:
        return {var_name(k): config.mappings[k] for k in sorted(self.used)
                if k not in self.secret and k in config.mappings}
