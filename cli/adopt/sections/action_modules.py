"""`actionModules` (Management API /actions/modules) -> blueprint `action_modules`, keyed by slug of name;
code under assets/actions/modules/<key>.js.

Dependencies become `package: version`, secrets `{secret: name}` references (Auth0 never returns their
values). A module has no configuration of its own, so a keyword in its code is replaced only when every stack
gives it the same value, and reported otherwise (as in scripts). Actions name their modules by key
(`actions.<key>.modules`, from a0deploy's `modules: [{module_name}]`).
"""

from __future__ import annotations

from cli.adopt.sections._fields import items_by_name, register_ids
from cli.adopt.translate import Translation

SOURCE = "actionModules"
TARGET = "action_modules"
KIND = SOURCE
# What Auth0 counts about a module; nobody configures it.
READ_ONLY = {"actions_using_module_total", "all_changes_published", "latest_version_number"}


def register(ctx: Translation) -> None:
    register_ids(ctx, SOURCE, KIND, TARGET)


def translate(ctx: Translation) -> None:
    modules: dict = {}
    for item, data, name, key in items_by_name(ctx, SOURCE, KIND):
        prefix = f"{TARGET}.{key}"
        module: dict = {} if name == key else {"name": name}
        module["code"] = ctx.text_asset(TARGET, f"assets/actions/modules/{key}.js",
                                        ctx.side_file(item, data.get("code"), f"{prefix}.code"), f"{prefix}.code")
        dependencies = {d.get("name"): d.get("version") for d in data.get("dependencies") or [] if isinstance(d, dict)}
        if dependencies:
            module["dependencies"] = dependencies
        secrets = data.get("secrets") or []
        if isinstance(secrets, str):  # a0deploy writes a keyword for the whole list when asked to
            ctx.report.unexpressed(TARGET, f"{prefix}.secrets", "a keyword for the whole list: name each secret")
            secrets = []
        named = {s.get("name"): ctx.secret(TARGET, s.get("value"), f"{prefix}.secrets.{s.get('name')}",
                                           f"{key}_{s.get('name')}")
                 for s in secrets if isinstance(s, dict) and s.get("name")}
        if named:
            module["secrets"] = named
        ctx.leftovers(TARGET, prefix, data, {"name", "code", "dependencies", "secrets", *READ_ONLY})
        modules[key] = module
    if modules:
        ctx.blueprint[TARGET] = modules


def action_modules(ctx: Translation, item, data: dict, prefix: str) -> list[str]:
    """An Action's `modules` ([{module_name, module_version_number}]) as module keys."""
    keys = []
    for index, reference in enumerate(data.get("modules") or []):
        where = f"{prefix}.modules.{index}"
        name = reference.get("module_name") if isinstance(reference, dict) else reference
        key = ctx.ref(KIND, name, item.file, f"{where}.module_name")
        if key is None:
            continue
        keys.append(key)
        if isinstance(reference, dict) and reference.get("module_version_number") is not None:
            ctx.report.unexpressed("actions", f"{where}.module_version_number", f"version "
                                   f"{reference['module_version_number']}: the blueprint uses the module's newest "
                                   "published version")
        ctx.leftovers("actions", where, reference if isinstance(reference, dict) else {},
                      {"module_name", "module_version_number", "module_id", "module_version_id"})
    return keys
