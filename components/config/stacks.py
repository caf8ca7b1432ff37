"""The stacks of a project: one per `Pulumi.<stack>.yaml` file, never listed in code.

The promotion order comes from each stack's `ciam:stack.promotes_to` (the stack a change goes to next).
Read straight from the YAML files, without Pulumi, so tools, tests and workflows derive the same set.
"""


import re
from dataclasses import dataclass
from pathlib import Path

from components.config.errors import ConfigError, Problem
from components.config.stack_files import read_stack_mapping

STACK_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")
_PREFIX, _SUFFIX = "Pulumi.", ".yaml"


@dataclass(frozen=True)
class StackInfo:
    name: str
    environment: str | None
    promotes_to: str | None

    @property
    def is_production(self) -> bool:
        return self.environment == "production"


def stack_names(project_dir: Path) -> list[str]:
    """Every stack of the project, sorted; a file whose stack name is unsafe is an error naming the file."""
    names, problems = [], []
    for path in sorted(project_dir.glob(f"{_PREFIX}*{_SUFFIX}")):
        name = path.name[len(_PREFIX):-len(_SUFFIX)]
        if STACK_NAME.fullmatch(name):
            names.append(name)
        else:
            problems.append(Problem(path.name, "", f"stack name {name!r} must match [a-z0-9][a-z0-9-]* "
                                    "(it goes into URNs, file names and shell commands)"))
    if problems:
        raise ConfigError(problems)
    return names


def _stack_settings(project_dir: Path, name: str) -> dict:
    """Its `ciam:stack` mapping ({} without one; the plan reports what else is wrong in it), read with the same
    checks and limits as every other YAML file: a file that is not UTF-8 YAML is a `ConfigError` naming it."""
    settings = read_stack_mapping(project_dir, name).data["config"].get("ciam:stack")
    return settings if isinstance(settings, dict) else {}


def stacks(project_dir: Path) -> list[StackInfo]:
    """The stacks in promotion order (a stack comes after the one that promotes to it; ties by name)."""
    infos, unreadable = {}, []
    for name in stack_names(project_dir):
        try:
            settings = _stack_settings(project_dir, name)
        except ConfigError as error:
            unreadable += error.problems
            continue
        target = settings.get("promotes_to")
        infos[name] = StackInfo(name, settings.get("environment"), None if target is None else str(target))
    if unreadable:
        raise ConfigError(unreadable)
    problems = [
        Problem(f"{_PREFIX}{info.name}{_SUFFIX}", "ciam:stack.promotes_to",
                f"unknown stack {info.promotes_to!r} (stacks: {', '.join(infos)})")
        for info in infos.values() if info.promotes_to is not None and info.promotes_to not in infos
    ]
    if problems:
        raise ConfigError(problems)
    incoming = {name: 0 for name in infos}
    for info in infos.values():
        if info.promotes_to:
            incoming[info.promotes_to] += 1
    ordered: list[StackInfo] = []
    ready = sorted(name for name, count in incoming.items() if count == 0)
    while ready:
        info = infos[ready.pop(0)]
        ordered.append(info)
        if info.promotes_to:
            incoming[info.promotes_to] -= 1
            if incoming[info.promotes_to] == 0:
                ready = sorted([*ready, info.promotes_to])
    if len(ordered) < len(infos):
        cycle = sorted(set(infos) - {info.name for info in ordered})
        raise ConfigError([Problem(f"{_PREFIX}{cycle[0]}{_SUFFIX}", "ciam:stack.promotes_to",
                                   f"promotion goes round in a cycle through {', '.join(cycle)}")])
    return ordered


def promotion_order(project_dir: Path) -> list[str]:
    return [info.name for info in stacks(project_dir)]


def promoted_from(project_dir: Path) -> dict[str, str]:
    """Each stack that something promotes to, with the stack it is promoted from."""
    return {info.promotes_to: info.name for info in stacks(project_dir) if info.promotes_to}
