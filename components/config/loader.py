"""Blueprint + stack overlay -> a validated `TenantConfig`, or a `ConfigError` listing every problem.

Pure: no Pulumi engine needed. `runtime.py` feeds it from Pulumi's config; the tests feed it directly.
"""


from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from components.config.blueprint import CROSS_CHECKS, SECTIONS, STACK_ONLY_KEYS, Blueprint
from components.config.errors import ConfigError, Problem
from components.config.explain import unknown_key, validation_problems
from components.config.merge import deep_merge, lookup, substitute
from components.config.sources import Source, read_yaml
from components.config.stack import StackSettings
from components.config.template_vars import template_values, var_problems
from components.config.types import SecretRef

BLUEPRINT_FILE = "tenant.yaml"


@dataclass(frozen=True)
class TenantConfig:
    stack_name: str
    stack: StackSettings
    blueprint: Blueprint
    project_dir: Path
    unset_secrets: tuple[str, ...] = ()
    # `{{ ciam.vars.<name> }}` in HTML and JSON files: this stack's non-secret vars as text (template_vars.py)
    file_vars: dict[str, str] = field(default_factory=dict)


@dataclass
class _Origins:
    """Says which file (and line) a merged value came from, for error messages."""

    blueprint: Source
    stack_file: Source
    overlay: dict[str, Any]

    def locate(self, parts: list) -> tuple[str, str, int | None]:
        if not parts:
            return self.blueprint.file, "", None
        section, rest = parts[0], tuple(parts[1:])
        in_overlay = section in self.overlay and _depth(self.overlay[section], rest)
        in_blueprint = _depth(self.blueprint.data.get(section, {}), rest)
        dotted = ".".join(str(p) for p in parts)
        if section in self.overlay and in_overlay >= in_blueprint:
            return self.stack_key(f"ciam:{dotted}")
        return self.blueprint.file, dotted, self.blueprint.line_of(dotted)

    def stack_key(self, dotted: str) -> tuple[str, str, int | None]:
        return self.stack_file.file, dotted, self.stack_file.line_of(f"config.{dotted}")


def _depth(data: Any, path: tuple) -> int:
    for length in range(len(path), -1, -1):
        if lookup(data, path[:length])[0]:
            return length
    return -1


def load(
    project_dir: Path,
    stack_name: str,
    stack_config: dict[str, Any],
    secret_keys: set[str],
    *,
    allow_unset_secrets: bool = False,
    stack_file: Source | None = None,
    blueprint_file: Source | None = None,
) -> TenantConfig:
    """Validate the blueprint merged with one stack's `ciam:` config.

    `stack_config` maps `ciam:` keys (without the namespace) to their values; `secret_keys` are the keys
    Pulumi holds as secrets. With `allow_unset_secrets` (the offline plan) a referenced secret that the
    stack has not set yet is reported in `unset_secrets` instead of failing. `blueprint_file` is tenant.yaml as
    already read, for one caller that loads several stacks (nothing here changes it).
    """
    stack_file_name = f"Pulumi.{stack_name}.yaml"
    stack_source = stack_file or Source(stack_file_name, {})
    blueprint_source = blueprint_file or read_yaml(project_dir / BLUEPRINT_FILE)
    origins = _Origins(blueprint_source, stack_source, {k: v for k, v in stack_config.items() if k in SECTIONS})
    problems: list[Problem] = []

    if not isinstance(blueprint_source.data, dict):
        raise ConfigError([Problem(BLUEPRINT_FILE, "", "expected a mapping of sections at the top level")])
    for key in blueprint_source.data:
        if key not in SECTIONS:
            line = blueprint_source.line_of(str(key))
            problems.append(Problem(BLUEPRINT_FILE, str(key), unknown_key(key, SECTIONS), line))

    variables = stack_config.get("vars") or {}
    if not isinstance(variables, dict):
        file, dotted, line = origins.stack_key("ciam:vars")
        problems.append(Problem(file, dotted, "expected a mapping of variable names to values", line))
        variables = {}

    merged = {key: value for key, value in blueprint_source.data.items() if key in SECTIONS}
    for section, overlay in origins.overlay.items():
        overlay, added = _explicit_additions(section, merged.get(section), overlay, origins)
        problems.extend(added)
        merged[section] = deep_merge(merged.get(section), overlay)

    unresolved: set[tuple[str, str]] = set()
    # `ciam:var:` for `ciam:vars:` leaves every ${name} unknown: report the misspelt key once, not each use.
    vars_misspelt = "vars" not in stack_config and any(
        key not in SECTIONS and key not in STACK_ONLY_KEYS and "did you mean 'ciam:vars'" in unknown_key(
            f"ciam:{key}", [f"ciam:{k}" for k in (*SECTIONS, *STACK_ONLY_KEYS)])
        for key in stack_config)

    def unknown_variable(path: str, name: str) -> None:
        parts = path.split(".")
        file, dotted, line = origins.locate([int(p) if p.isdigit() else p for p in parts])
        known = ", ".join(sorted(variables)) or "none"
        unresolved.add((file, dotted))
        if vars_misspelt:
            return
        problems.append(Problem(file, dotted, f"unknown variable ${{{name}}} (this stack defines: {known})", line))

    merged = substitute(merged, variables, unknown_variable)

    blueprint = None
    try:
        blueprint = Blueprint.model_validate(merged, context={"project_dir": str(project_dir)})
    except ValidationError as error:
        # A value holding an unknown ${var} fails its type too; the variable is the one problem to report.
        problems.extend(p for p in validation_problems(error, Blueprint, merged, origins.locate)
                        if (p.file, p.path) not in unresolved)

    if blueprint is not None and not vars_misspelt:
        problems.extend(var_problems(blueprint, variables))

    stack = None
    if "stack" not in stack_config:
        problems.append(
            Problem(stack_file_name, "ciam:stack", "missing: every stack declares its tenant_domain and environment")
        )
    else:
        try:
            stack = StackSettings.model_validate(stack_config["stack"])
        except ValidationError as error:
            data = {"stack": stack_config["stack"]}
            problems.extend(validation_problems(error, StackSettings, data["stack"], lambda parts: origins.stack_key(
                ".".join(["ciam:stack", *map(str, parts)]))))

    referenced = _secret_references(blueprint) if blueprint else []
    referenced_names = {ref.secret for _, ref in referenced}
    for key in sorted(stack_config):
        if key in SECTIONS or key in STACK_ONLY_KEYS or key in secret_keys:
            continue
        if key in referenced_names:
            message = "is a secret but is set in plain text; set it with `pulumi config set --secret`"
        else:
            message = unknown_key(f"ciam:{key}", [f"ciam:{k}" for k in (*SECTIONS, *STACK_ONLY_KEYS)])
            if "did you mean" not in message:
                message += " (a secret must be set with `pulumi config set --secret`)"
        file, dotted, line = origins.stack_key(f"ciam:{key}")
        problems.append(Problem(file, dotted, message, line))

    unset: set[str] = set()
    for path, ref in referenced:
        if ref.secret in secret_keys or ref.secret in stack_config:
            continue
        unset.add(ref.secret)
        if not allow_unset_secrets:
            file, dotted, line = origins.locate(path)
            problems.append(Problem(
                file, dotted,
                f"secret '{ref.secret}' is not set for stack {stack_name}; run "
                f"`pulumi config set --secret {ref.secret} <value> -s {stack_name}`",
                line,
            ))

    if blueprint is not None and not problems:
        for check in CROSS_CHECKS:
            for dotted, message in check(blueprint):
                parts = [int(p) if p.isdigit() else p for p in dotted.split(".")]
                file, shown, line = origins.locate(parts)
                problems.append(Problem(file, shown, message, line))

    if problems:
        raise ConfigError(problems)
    assert blueprint is not None and stack is not None
    return TenantConfig(stack_name, stack, blueprint, project_dir, tuple(sorted(unset)), template_values(variables))


# Sections that are collections of named entries: an overlay key naming no entry is a typo unless it says `+name`.
COLLECTIONS = ("connections", "applications", "apis", "roles", "actions", "log_streams", "network_acls")


def _explicit_additions(section: str, base: Any, overlay: Any, origins: _Origins) -> tuple[Any, list[Problem]]:
    """A stack adds an entry only as `+name`; a plain unknown name (`storefrnt`) is refused with "did you mean"."""
    if section not in COLLECTIONS or not isinstance(overlay, dict):
        return overlay, []
    base = base if isinstance(base, dict) else {}
    problems = []
    renamed = {}
    for key, value in overlay.items():
        name = str(key)
        if name.startswith("+"):
            if name[1:] in base:
                file, dotted, line = origins.stack_key(f"ciam:{section}.{name}")
                problems.append(Problem(file, dotted, f"'{name[1:]}' already exists in tenant.yaml; drop the '+'",
                                        line))
            renamed[name[1:]] = value
            continue
        if name not in base:
            file, dotted, line = origins.stack_key(f"ciam:{section}.{name}")
            message = unknown_key(name, list(base)).replace("unknown key", f"no {section} entry")
            problems.append(Problem(file, dotted, f"{message} (to add an entry in this stack only, write '+{name}')",
                                    line))
            continue
        renamed[key] = value
    return renamed, problems


def _secret_references(model: Any, path: tuple = ()) -> list[tuple[list, SecretRef]]:
    if isinstance(model, SecretRef):
        return [(list(path), model)]
    found = []
    if isinstance(model, BaseModel):
        for name in type(model).model_fields:
            found += _secret_references(getattr(model, name), (*path, name))
    elif isinstance(model, dict):
        for key, value in model.items():
            found += _secret_references(value, (*path, key))
    elif isinstance(model, (list, tuple)):
        for index, value in enumerate(model):
            found += _secret_references(value, (*path, index))
    return found
