"""Pulumi.yaml and Pulumi.<stack>.yaml read with the checks Pulumi itself does not make.

A stack name that would corrupt URNs, a project renamed away from `ciam` (every URN changes), a `secure:`
value that cannot be ciphertext (a pasted plain-text secret), `auth0:clientSecret` in plain text, a
`config:` that is not a mapping of names: each is one line naming the file and key, never echoing the value.
"""


import base64
import binascii
import json
import re
from pathlib import Path
from typing import Any

from components.config.errors import ConfigError, Problem, excerpt
from components.config.sources import Source, read_mapping, stack_name_problem

PROJECT_NAME = "ciam"
PROJECT_FILE = "Pulumi.yaml"
# Pulumi's passphrase provider writes `v1:<nonce>:<ciphertext>`; Pulumi Cloud and the KMS providers a bare base64 blob.
_PASSPHRASE_CIPHERTEXT = re.compile(r"v1:[A-Za-z0-9+/]+={0,2}(:[A-Za-z0-9+/]+={0,2})?")
_PLAIN_SECRET_KEYS = {"auth0:clientSecret", "auth0:client_secret", "auth0:apiToken", "auth0:api_token"}


def is_ciphertext(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    if _PASSPHRASE_CIPHERTEXT.fullmatch(value):
        return True
    if len(value) < 32 or not re.fullmatch(r"[A-Za-z0-9+/]+={0,2}", value):
        return False
    try:
        base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


def read_project_file(project_dir: Path) -> Source:
    source = read_mapping(project_dir / PROJECT_FILE, what="a Pulumi project (name:, runtime:)")
    name = source.data.get("name")
    if name != PROJECT_NAME:
        raise ConfigError([Problem(
            PROJECT_FILE, "name", f"the project must be named '{PROJECT_NAME}' (every URN contains it); "
            f"got {excerpt(name)}", source.line_of("name"),
        )])
    if "config" in source.data and not isinstance(source.data["config"] or {}, dict):
        raise ConfigError([Problem(PROJECT_FILE, "config", "expected a mapping of config keys",
                                   source.line_of("config"))])
    return source


def read_stack_mapping(project_dir: Path, stack: str) -> Source:
    """The stack file as a mapping whose `config:` is a mapping ({} without one), its values not checked: what
    the stack list and `make export` read from it."""
    name = f"Pulumi.{stack}.yaml"
    source = read_mapping(project_dir / name, name, "a stack file (a mapping with config:)")
    config = source.data.get("config")
    if config is None:
        source.data["config"] = {}
    elif not isinstance(config, dict):
        raise ConfigError([Problem(name, "config", "expected a mapping of `namespace:key` names to values",
                                   source.line_of("config"))])
    return source


def read_stack_file(project_dir: Path, stack: str) -> Source:
    """The stack file, its `config:` a mapping of `namespace:key` names to values, every `secure:` ciphertext."""
    problem = stack_name_problem(stack)
    if problem:
        raise ConfigError([Problem("Pulumi.<stack>.yaml", "", problem)])
    name = f"Pulumi.{stack}.yaml"
    source = read_stack_mapping(project_dir, stack)
    config = source.data["config"]
    problems = []
    for key, value in config.items():
        where = f"config.{key}"
        if not isinstance(key, str):
            problems.append(Problem(name, f"config.{excerpt(key)}", "a config key must be a name like ciam:stack",
                                    source.line_of(where)))
            continue
        problems += _value_problems(name, key, value, source.line_of(where))
    if problems:
        raise ConfigError(problems)
    return source


def _value_problems(file: str, key: str, value: Any, line: int | None) -> list[Problem]:
    secure = _secure_values(value)
    if any(not is_ciphertext(s) for s in secure):
        return [Problem(file, key, "a `secure:` value must be Pulumi ciphertext (v1:...:... or base64); this one "
                        "is not, perhaps a pasted plain-text secret. Rotate it and set it with "
                        "`pulumi config set --secret`", line)]
    if key in _PLAIN_SECRET_KEYS and not secure:
        return [Problem(file, key, "is a secret set in plain text; rotate it and set it with "
                        "`pulumi config set --secret` (or use AUTH0_CLIENT_SECRET)", line)]
    if key.startswith("ciam:") and isinstance(value, str) and value.lstrip()[:1] in ("{", "["):
        try:
            json.loads(value)
        except ValueError as error:
            return [Problem(file, key, f"starts like JSON but is not JSON ({error.args[0].split(':')[0]}); "
                            "write the value as YAML instead", line)]
    return []


def _secure_values(value: Any) -> list[Any]:
    if isinstance(value, dict):
        if set(value) == {"secure"}:
            return [value["secure"]]
        return [s for item in value.values() for s in _secure_values(item)]
    if isinstance(value, list):
        return [s for item in value for s in _secure_values(item)]
    return []
