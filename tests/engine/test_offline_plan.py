"""The offline plan: the program itself under the mock runtime, in the shape DESIGN.md publishes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cli.offline import SECRET
from cli.render import render_json, render_markdown, render_tree
from tests.conftest import FULL_STACKS, PROJECT_DIR, fixture_plan, fixture_project

PLAN_KEYS = {"urn", "type", "name", "parent", "protect", "dependencies", "inputs"}


@pytest.fixture(scope="module")
def full_with_engine(tmp_path_factory):
    return fixture_project("full", tmp_path_factory.mktemp("full"), engine=True)


def make_plan_json(project, stack: str) -> subprocess.CompletedProcess:
    return project.run("make", "--no-print-directory", "plan", f"STACK={stack}", "FORMAT=json", check=True)


def test_json_plan_on_stdout_is_the_published_shape_and_byte_identical_across_runs(full_with_engine):
    first, second = make_plan_json(full_with_engine, "live"), make_plan_json(full_with_engine, "live")
    assert first.stdout == second.stdout, "two runs of the prod plan differ"
    plan = json.loads(first.stdout)
    assert set(plan) == {"stack", "resources"} and plan["stack"] == "live"
    for resource in plan["resources"]:
        assert set(resource) == PLAN_KEYS, f"{resource['urn']}: keys {sorted(resource)}"
    types = {r["type"] for r in plan["resources"]}
    assert {"auth0:index/tenant:Tenant", "auth0:index/customDomain:CustomDomain"} <= types


def test_every_stack_plans_the_same_resources():
    def keys(stack):
        return {(r.type, r.name) for r in fixture_plan("full", stack).resources}

    reference = keys("live")
    for stack in FULL_STACKS:
        assert keys(stack) == reference, f"{stack} differs from live: {keys(stack) ^ reference}"


def test_secure_config_is_redacted_exactly(project):
    project.set_stack_config("live", "auth0:clientId", "deploy-client")
    project.set_stack_config("live", "auth0:clientSecret", {"secure": "v1:c2VjcmV0LWNpcGhlcnRleHQ="})
    plan = project.plan("live")
    [provider] = plan.of_type("pulumi:providers:auth0")
    assert provider.inputs["clientSecret"] == SECRET, f"{provider.urn}: client secret not redacted"
    assert provider.inputs["clientId"] == "deploy-client", f"{provider.urn}: a plain value was redacted"
    assert "c2VjcmV0" not in render_json(plan)


def test_every_auth0_resource_goes_through_the_pinned_provider(stack_plan):
    [provider] = stack_plan.of_type("pulumi:providers:auth0")
    for record in stack_plan.resources:
        if record.type.startswith("auth0:"):
            assert record.provider and record.provider.startswith(provider.urn + "::"), \
                f"{record.urn} uses {record.provider!r}, not {provider.urn}"


def test_children_are_parented_under_their_workstream_component(prod_plan):
    by_urn = {r.urn: r for r in prod_plan.resources}
    for record in prod_plan.resources:
        if record.type.startswith("auth0:"):
            parent = by_urn.get(record.parent)
            assert parent and parent.type.startswith("ciam:"), f"{record.urn} is not inside a component"


def test_tree_groups_by_workstream_and_markdown_summarises(prod_plan):
    tree = render_tree(prod_plan)
    assert tree.startswith("Offline plan for stack live:")
    assert "Tenant architecture (" in tree and "+ Tenant ciam-tenant-settings" in tree
    assert "+ CustomDomain ciam-custom-domain-domain  [protected]" in tree
    markdown = render_markdown(prod_plan)
    assert markdown.startswith("### Offline plan: `live`")
    assert "| Tenant architecture |" in markdown


def test_unknown_stack_is_a_clear_error():
    result = subprocess.run([sys.executable, "-m", "cli.plan", "--stack", "no-such-stack-x9"],
                            cwd=PROJECT_DIR, capture_output=True, text=True)
    assert result.returncode != 0 and "no stack file Pulumi.no-such-stack-x9.yaml" in result.stderr
    assert "Traceback" not in result.stderr
