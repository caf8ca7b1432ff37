"""Shared fixtures: the offline plan of each shipped stack, and throwaway project copies for bad-config cases."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from cli.offline import Plan, run_program
from components.config.errors import ConfigError
from components.config.stacks import stack_names

PROJECT_DIR = Path(__file__).resolve().parent.parent
STACKS = tuple(stack_names(PROJECT_DIR))
_plans: dict[str, Plan] = {}


def shipped_plan(stack: str) -> Plan:
    """The plan of a shipped stack, run once per test session (the program is deterministic)."""
    if stack not in _plans:
        _plans[stack] = run_program(PROJECT_DIR, stack)
    return _plans[stack]


@pytest.fixture(params=STACKS)
def stack_plan(request) -> Plan:
    return shipped_plan(request.param)


@pytest.fixture
def prod_plan() -> Plan:
    return shipped_plan("prod")


class ProjectCopy:
    """A copy of the project's config and assets in a temp dir, edited per test."""

    def __init__(self, root: Path):
        self.root = root
        for name in ("Pulumi.yaml", "tenant.yaml", "__main__.py"):
            shutil.copy(PROJECT_DIR / name, root / name)
        for stack in STACKS:
            shutil.copy(PROJECT_DIR / f"Pulumi.{stack}.yaml", root / f"Pulumi.{stack}.yaml")
        shutil.copytree(PROJECT_DIR / "assets", root / "assets")

    def blueprint(self) -> dict:
        return yaml.safe_load((self.root / "tenant.yaml").read_text())

    def write_blueprint(self, data: dict) -> None:
        (self.root / "tenant.yaml").write_text(yaml.safe_dump(data, sort_keys=False))

    def stack_file(self, stack: str) -> dict:
        return yaml.safe_load((self.root / f"Pulumi.{stack}.yaml").read_text())

    def write_stack_file(self, stack: str, data: dict) -> None:
        (self.root / f"Pulumi.{stack}.yaml").write_text(yaml.safe_dump(data, sort_keys=False))

    def set_stack_config(self, stack: str, key: str, value) -> None:
        data = self.stack_file(stack)
        data["config"][key] = value
        self.write_stack_file(stack, data)

    def plan(self, stack: str = "prod") -> Plan:
        return run_program(self.root, stack)

    def problems(self, stack: str = "prod") -> list[str]:
        """The config error lines that planning this copy gives; the test fails if it plans."""
        with pytest.raises(ConfigError) as caught:
            self.plan(stack)
        return str(caught.value).splitlines()


@pytest.fixture
def project(tmp_path) -> ProjectCopy:
    return ProjectCopy(tmp_path)
