"""Pure helpers for the stack overlay: deep merge and `${name}` substitution."""


import re
from collections.abc import Callable
from typing import Any

_VARIABLE = re.compile(r"\$(\$?)\{([^}]*)\}")


def deep_merge(base: Any, overlay: Any) -> Any:
    """Mappings merge key by key; lists and scalars in the overlay replace the base."""
    if isinstance(base, dict) and isinstance(overlay, dict):
        merged = dict(base)
        for key, value in overlay.items():
            merged[key] = deep_merge(base[key], value) if key in base else value
        return merged
    return overlay


def substitute(value: Any, variables: dict[str, Any], on_unknown: Callable[[str, str], None], path: str = "") -> Any:
    """Replace `${name}` in every string; `$${` stays a literal `${`. Unknown names go to `on_unknown(path, name)`."""
    if isinstance(value, dict):
        return {
            key: substitute(item, variables, on_unknown, f"{path}.{key}" if path else str(key))
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [substitute(item, variables, on_unknown, f"{path}.{index}") for index, item in enumerate(value)]
    if not isinstance(value, str):
        return value

    def replace(match: re.Match) -> str:
        escaped, name = match.groups()
        if escaped:
            return "${" + name + "}"
        if name not in variables:
            on_unknown(path, name)
            return match.group(0)
        return str(variables[name])

    whole = _VARIABLE.fullmatch(value)
    if whole and not whole.group(1) and whole.group(2) in variables:
        return variables[whole.group(2)]  # a lone `${n}` keeps the variable's type (number, bool, list)
    return _VARIABLE.sub(replace, value)


def lookup(data: Any, path: tuple) -> tuple[bool, Any]:
    """Follow a key path through nested mappings and lists; (found, value)."""
    for part in path:
        in_mapping = isinstance(data, dict) and part in data
        in_list = isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        if in_mapping or in_list:
            data = data[part]
        else:
            return False, None
    return True, data
