"""Fixtures of the integration suite. Where the Pulumi CLI or a tenant's credentials are missing, every test
skips with the reason (with CIAM_IT_REQUIRED=1, as in the deploy pipeline, it fails instead). Otherwise the
stack is selected, or created, deployed and afterwards destroyed, through the Automation API.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from pulumi import automation as auto

from cli.offline import stack_config
from components.config.stacks import promotion_order
from tests.conftest import PROJECT_DIR, shipped_plan
from tests.integration.settings import Settings, ephemeral_config, resolve
from tests.integration.tenant_probe import Expected, Http, expected_resources, management_audience


@dataclass
class Deployment:
    settings: Settings
    stack: auto.Stack
    outputs: dict

    @property
    def login_domain(self) -> str:
        return self.outputs["login_domain"]


def _shipped_tenants() -> dict[str, str]:
    tenants = {}  # in promotion order: the first is the default config of an ephemeral stack
    for stack in promotion_order(PROJECT_DIR):
        config = (yaml.safe_load((PROJECT_DIR / f"Pulumi.{stack}.yaml").read_text()) or {}).get("config") or {}
        tenants[stack] = config.get("ciam:stack", {}).get("tenant_domain", "")
    return tenants


def _referenced_secrets(stack: str) -> list[str]:
    _, secret_keys = stack_config(PROJECT_DIR, stack)
    names = set(shipped_plan(stack).unset_secrets)
    names |= {key.split(":", 1)[1] for key in secret_keys if key.startswith("ciam:")}
    return sorted(names)


@pytest.fixture(scope="session")
def settings() -> Settings:
    config_stack = os.environ.get("CIAM_IT_CONFIG_STACK") or next(iter(_shipped_tenants()), "")
    secrets = _referenced_secrets(config_stack) if (PROJECT_DIR / f"Pulumi.{config_stack}.yaml").is_file() else []
    result = resolve(os.environ, shutil.which("pulumi"), _shipped_tenants(), secrets)
    if isinstance(result, str):
        if os.environ.get("CIAM_IT_REQUIRED") == "1":
            pytest.fail(f"integration tests required but cannot run: {result}", pytrace=False)
        pytest.skip(result)
    return result


def _ephemeral_project(root: Path, settings: Settings) -> Path:
    work = root / "project"
    shutil.copytree(PROJECT_DIR, work, ignore=shutil.ignore_patterns(
        ".venv", ".git", "build", "__pycache__", ".pytest_cache", ".ruff_cache", "Pulumi.*.yaml"))
    (work / ".venv").symlink_to(PROJECT_DIR / ".venv")
    source = yaml.safe_load((PROJECT_DIR / f"Pulumi.{settings.config_stack}.yaml").read_text())
    short_name = settings.stack_name.rsplit("/", 1)[-1]
    (work / f"Pulumi.{short_name}.yaml").write_text(
        yaml.safe_dump({"config": ephemeral_config(source["config"], settings)}, sort_keys=False))
    return work


@pytest.fixture(scope="session")
def deployment(settings: Settings, tmp_path_factory) -> Deployment:
    if not settings.ephemeral:
        stack = auto.select_stack(settings.stack_name, work_dir=str(PROJECT_DIR))
        yield Deployment(settings, stack, {k: v.value for k, v in stack.outputs().items()})
        return
    work = _ephemeral_project(tmp_path_factory.mktemp("ciam-it"), settings)
    stack = auto.create_stack(settings.stack_name, work_dir=str(work))
    try:
        for name, value in settings.secrets.items():
            stack.set_config(f"ciam:{name}", auto.ConfigValue(value, secret=True))
        stack.up(on_output=print)
        yield Deployment(settings, stack, {k: v.value for k, v in stack.outputs().items()})
    finally:
        stack.destroy(on_output=print)
        stack.workspace.remove_stack(stack.name)


@pytest.fixture(scope="session")
def http() -> Http:
    return Http()


@pytest.fixture(scope="session")
def management_token(settings: Settings, http: Http) -> str:
    response = http.token(settings.tenant_domain, os.environ["AUTH0_CLIENT_ID"], os.environ["AUTH0_CLIENT_SECRET"],
                          management_audience(settings.tenant_domain))
    return response["access_token"]


@pytest.fixture(scope="session")
def expected(settings: Settings) -> Expected:
    return expected_resources(shipped_plan(settings.config_stack), settings.client_key)
