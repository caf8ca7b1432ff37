"""The b2b-complete fixture tenant (enterprise connections, organizations, ...) copied into a temp project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cli.offline import Plan, run_program
from components.config.errors import ConfigError
from tests.conftest import dump_yaml, load_yaml

PROJECT_DIR = Path(__file__).resolve().parents[2]
FIXTURE = PROJECT_DIR / "tests/fixtures/tenants/b2b-complete"
STACKS = ("dev", "prod")


class B2bProject:
    def __init__(self, root: Path):
        self.root = root
        for name in ("Pulumi.yaml", "__main__.py"):
            shutil.copy(PROJECT_DIR / name, root / name)
        shutil.copytree(FIXTURE, root, dirs_exist_ok=True)

    def blueprint(self) -> dict:
        return load_yaml((self.root / "tenant.yaml").read_text())

    def write_blueprint(self, data: dict) -> None:
        (self.root / "tenant.yaml").write_text(dump_yaml(data, sort_keys=False))

    def plan(self, stack: str = "prod") -> Plan:
        return run_program(self.root, stack)

    def problems(self, edit, stack: str = "prod") -> str:
        data = self.blueprint()
        edit(data)
        self.write_blueprint(data)
        with pytest.raises(ConfigError) as caught:
            self.plan(stack)
        return str(caught.value)


_plans: dict[str, Plan] = {}


def b2b_plan(stack: str, tmp_path_factory) -> Plan:
    if stack not in _plans:
        _plans[stack] = B2bProject(tmp_path_factory.mktemp(f"b2b-{stack}")).plan(stack)
    return _plans[stack]
