"""`{{ ciam.vars.<name> }}` inside HTML and JSON files: the stack's `ciam:vars` value, as `${name}` in tenant.yaml.

The deploy sends a file's text to Auth0 as it is, so a value that differs per stack (a support address, a
stack's URL) cannot live in the file. The components that read an email body, an error or hosted page, a
prompt partial, the branding page template or a form or flow file write the stack's value in with `with_vars`;
the loader checks every use first (`var_problems`): an unknown name, a secret or a value that is not text is a
config error naming the file and the variable. Scripts (Actions, custom databases) take configuration instead.
"""


import difflib
import json
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from components.config.errors import Problem
from components.config.types import Asset

TEMPLATE_VAR = re.compile(r"\{\{\s*ciam\.vars\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}")
SCRIPT_SUFFIXES = (".js",)
# The sections whose components write the variables in (with_vars); a file elsewhere goes to Auth0 as it is.
FILLED_IN = ("email_templates", "tenant", "pages", "prompt_partials", "prompt_texts", "branding", "forms", "flows")


def template_values(variables: dict[str, Any]) -> dict[str, str]:
    """The vars a file may use, as text: strings as they are, numbers and booleans as JSON spells them."""
    return {name: value if isinstance(value, str) else json.dumps(value)
            for name, value in variables.items() if _plain(value)}


def with_vars(asset: Asset, values: dict[str, str]) -> str:
    """The file's text with every `{{ ciam.vars.<name> }}` written in; inside JSON a value is JSON-escaped."""
    escape = asset.path.endswith(".json")

    def replace(match: re.Match) -> str:
        if match[1] not in values:
            return match[0]  # the loader has refused it already
        value = values[match[1]]
        return json.dumps(value)[1:-1] if escape else value

    return TEMPLATE_VAR.sub(replace, asset.text)


def var_problems(blueprint: BaseModel, variables: dict[str, Any]) -> list[Problem]:
    """One problem per unusable `{{ ciam.vars.<name> }}` in the blueprint's HTML and JSON files."""
    problems = []
    known = ", ".join(sorted(variables)) or "none"
    for dotted, asset in assets(blueprint):
        if asset.path.endswith(SCRIPT_SUFFIXES):
            continue
        for match in TEMPLATE_VAR.finditer(asset.text):
            name, line = match[1], asset.text.count("\n", 0, match.start()) + 1
            shown = f"{{{{ ciam.vars.{name} }}}}"
            if dotted.split(".", 1)[0] not in FILLED_IN:
                message = (f"{shown} is not filled in here: this file goes to Auth0 as it is (variables work in "
                           f"{', '.join(FILLED_IN)})")
            elif name not in variables:
                close = difflib.get_close_matches(name, list(variables), n=1, cutoff=0.6)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                message = f"unknown variable {shown}{hint} (this stack defines: {known})"
            elif _secret(variables[name]):
                message = (f"{shown} is a secret; a file goes to Auth0 as plain text, so a secret "
                           "cannot be written into it")
            elif variables[name] is None:
                message = f"{shown} is null in this stack's ciam:vars; a file takes text or a number"
            elif not _plain(variables[name]):
                message = f"{shown} is a {type(variables[name]).__name__}; a file takes text or a number"
            else:
                continue
            problems.append(Problem(asset.path, dotted, message, line))
        if asset.path.endswith(".json") and TEMPLATE_VAR.search(asset.text) and \
                not any(p.file == asset.path for p in problems):
            problems += _json_problems(dotted, asset, template_values(variables))
    return problems


def _json_problems(dotted: str, asset: Asset, values: dict[str, str]) -> list[Problem]:
    # A variable outside a JSON string must stand for a number or a boolean in every stack that uses the file.
    try:
        json.loads(with_vars(asset, values))
    except json.JSONDecodeError as error:
        return [Problem(asset.path, dotted, f"not valid JSON once this stack's {{{{ ciam.vars.* }}}} are written in "
                        f"({error.msg}): a text variable belongs inside a JSON string", error.lineno)]
    return []


def assets(value: Any, path: str = "") -> Iterator[tuple[str, Asset]]:
    """Every file the blueprint reads, with the key path that names it."""
    if isinstance(value, Asset):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from assets(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from assets(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from assets(item, f"{path}.{index}")


def _secret(value: Any) -> bool:
    return isinstance(value, dict) and "secret" in value


def _plain(value: Any) -> bool:
    return isinstance(value, str | int | float | bool) and value is not None
