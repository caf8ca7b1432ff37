"""Default providers are disabled for auth0: a resource without the pinned provider fails instead of guessing."""

from __future__ import annotations

import json
from pathlib import Path

from cli.offline import stack_config
from tests.conftest import fixture_copy, fixture_stacks, load_yaml

PROJECT_DIR = Path(__file__).resolve().parents[2]


def test_the_project_disables_the_default_auth0_provider_for_every_stack():
    project = load_yaml((PROJECT_DIR / "Pulumi.yaml").read_text())
    assert project["config"]["pulumi:disable-default-providers"]["value"] == ["auth0"], "Pulumi.yaml config"


def test_the_engine_sees_the_setting():
    values, _ = stack_config(fixture_copy("full").root, fixture_stacks("full")[0])
    assert json.loads(values["pulumi:disable-default-providers"]) == ["auth0"]
