"""`make protection BASE=<ref>`: refuse a change that lowers a stack's protection against the base branch.

Whether a stack is production must not be decided by the file a pull request changes alone: setting
`environment: staging` in `Pulumi.prod.yaml` would make every rule advisory and switch the deletion
guard off. This compares each stack's `ciam:stack` with `git show <base>:Pulumi.<stack>.yaml` and fails
when environment leaves production, data protection goes off, or a production stack gains open findings.
A reviewed change goes through with CIAM_ALLOW_PROTECTION_CHANGE=1, which only the trusted deploy path sets
(see docs/production-guardrails.md).
The guard and `make check` take the stricter of base and head when given --base.
Exit 0: nothing lowered; 1: lowered; 2: a stack file cannot be read (at the base or in the working tree).
"""

from __future__ import annotations

if __name__ == "__main__":  # before the heavy imports (cli/lean_start.py)
    from cli import lean_start

    lean_start.for_a_plan()

import argparse
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cli.plan import PROJECT_DIR
from components.config.errors import ConfigError
from components.config.sources import parse_yaml, read_yaml
from components.config.stacks import stack_names

OVERRIDE_VARIABLE = "CIAM_ALLOW_PROTECTION_CHANGE"
PRODUCTION = "production"


@dataclass(frozen=True)
class Protection:
    environment: str | None
    protect_data: bool | None
    open_findings: frozenset[str] = frozenset()

    @property
    def production(self) -> bool:
        return self.environment == PRODUCTION

    @property
    def protects_data(self) -> bool:
        return self.production if self.protect_data is None else bool(self.protect_data)


def protection_of(stack_file: dict[str, Any] | None) -> Protection | None:
    if not isinstance(stack_file, dict):
        return None
    settings = (stack_file.get("config") or {}).get("ciam:stack")
    if not isinstance(settings, dict):
        return None
    findings = settings.get("open_findings")
    return Protection(settings.get("environment"), settings.get("protect_data"),
                      frozenset(map(str, findings)) if isinstance(findings, list) else frozenset())


def base_stack_file(base: str, stack: str, project_dir: Path) -> dict[str, Any] | None:
    """The stack file at the base ref; None when the stack is new there. Raises OSError when git fails or the file
    there is not YAML (the callers exit 2: the base cannot be read)."""
    name = f"Pulumi.{stack}.yaml"
    try:
        listed = subprocess.run(["git", "ls-tree", "--name-only", base, "--", name], cwd=project_dir,
                                capture_output=True, text=True, check=True).stdout.strip()
        if not listed:
            return None
        text = subprocess.run(["git", "show", f"{base}:{name}"], cwd=project_dir, capture_output=True,
                              text=True, check=True).stdout
    except (subprocess.CalledProcessError, FileNotFoundError) as error:
        raise OSError(f"cannot read {name} at {base}: {getattr(error, 'stderr', '') or error}".strip()) from error
    try:
        return parse_yaml(text, f"{name} at {base}").data
    except ConfigError as error:
        raise OSError(f"cannot read {error}") from None


def head_stack_file(stack: str, project_dir: Path) -> dict[str, Any] | None:
    """The stack file in the working tree; None without one. Raises `ConfigError` when it is not YAML."""
    path = project_dir / f"Pulumi.{stack}.yaml"
    return read_yaml(path, path.name).data if path.is_file() else None


def lowered(base: Protection | None, head: Protection | None) -> list[str]:
    """Why head protects the stack less than base did (empty: it does not)."""
    if base is None:
        return []
    head = head or Protection(None, None)
    reasons = []
    if base.production and not head.production:
        reasons.append(f"ciam:stack.environment: production -> {head.environment or 'removed'}")
    if base.protects_data and not head.protects_data:
        reasons.append("ciam:stack.protect_data: data-bearing resources lose `protect`")
    added = sorted(head.open_findings - base.open_findings)
    if added and (base.production or head.production):
        # An open finding waives no deploy, but it turns a production stack's tenant tests green on that rule.
        reasons.append(f"ciam:stack.open_findings: adds {', '.join(added)} (the tests stop failing on them)")
    return reasons


def stricter_environment(base: str, stack: str, project_dir: Path, head_environment: str | None) -> str | None:
    """Production if either the base or the head says so: a pull request cannot downgrade it."""
    base_protection = protection_of(base_stack_file(base, stack, project_dir))
    return PRODUCTION if base_protection and base_protection.production else head_environment


def override_allowed() -> bool:
    return os.environ.get(OVERRIDE_VARIABLE, "").strip().lower() in ("1", "true", "yes")


def main(argv: list[str] | None = None, project_dir: Path = PROJECT_DIR) -> int:
    parser = argparse.ArgumentParser(prog="make protection", description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the base ref, e.g. origin/main")
    parser.add_argument("--stack", action="append", help="a stack (default: every stack at base or head)")
    args = parser.parse_args(argv)
    problems = []
    try:
        for stack in args.stack or stack_names(project_dir):
            base = protection_of(base_stack_file(args.base, stack, project_dir))
            for reason in lowered(base, protection_of(head_stack_file(stack, project_dir))):
                problems.append(f"Pulumi.{stack}.yaml: {reason} (lowers protection against {args.base})")
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except ConfigError as error:
        print(str(error), file=sys.stderr)
        return 2
    if not problems:
        print(f"stack protection: no stack is less protected than at {args.base}")
        return 0
    if override_allowed():
        print("\n".join([f"stack protection: allowed by {OVERRIDE_VARIABLE}=1:", *problems]))
        return 0
    print("\n".join(["stack protection: this change lowers a stack's protection:", *problems,
                     f"A reviewed change needs {OVERRIDE_VARIABLE}=1 from the trusted deploy path."]), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
