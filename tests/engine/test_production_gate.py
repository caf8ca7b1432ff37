"""A production stack refuses, before registering anything, configuration that breaks a mandatory rule.

Without `--policy-pack` the program itself runs the pack's rules (policies/ciam_rules) on its own
offline plan. The gate is off under the mock runtime (that run is the check), so the tests switch it on.
"""

from __future__ import annotations

import pulumi
import pytest

import cli.gate
from cli.gate import mandatory_violations
from cli.offline import run_program


def production_stack(project) -> str:
    try:
        return project.production_stack
    except StopIteration:
        pytest.skip("no production stack in the project copy")


def loopback_everywhere(project, stack: str) -> None:
    data = project.stack_file(stack)
    urls = {k: "https://0x7f000001:3000" for k, v in data["config"].get("ciam:vars", {}).items()
            if str(v).startswith("https://")}
    data["config"]["ciam:vars"] = {**data["config"]["ciam:vars"], **urls}
    project.write_stack_file(stack, data)


def switch_gate_on(monkeypatch) -> None:
    monkeypatch.setattr(cli.gate, "under_mocks", lambda: False)
    monkeypatch.setattr(pulumi.runtime, "is_dry_run", lambda: False)  # the update phase of `pulumi up`


@pytest.fixture
def gate_on(monkeypatch):
    switch_gate_on(monkeypatch)


def test_a_production_stack_with_a_loopback_callback_registers_nothing(project, gate_on):
    stack = production_stack(project)
    loopback_everywhere(project, stack)
    with pytest.raises(pulumi.RunError) as refused:
        run_program(project.root, stack)
    message = str(refused.value)
    assert "refused before registering anything" in message and "client-no-local-urls" in message, message


def test_a_preview_is_left_to_the_policy_pack_report(project, monkeypatch):
    monkeypatch.setattr(cli.gate, "under_mocks", lambda: False)
    stack = production_stack(project)
    loopback_everywhere(project, stack)
    assert run_program(project.root, stack).resources  # the offline run is a preview (dry run)


def test_a_clean_production_stack_passes_the_gate(project, monkeypatch):
    stack = production_stack(project)
    # The offline check first, gate off: with it on, this plan would run the gate's own process as well.
    assert mandatory_violations(project.root, stack) == [], stack
    switch_gate_on(monkeypatch)
    assert run_program(project.root, stack).resources


def test_turning_off_attack_protection_in_production_is_refused(project):
    stack = production_stack(project)
    blueprint = project.blueprint()
    section = blueprint.get("attack_protection")
    if not isinstance(section, dict) or "brute_force_protection" not in section:
        pytest.skip("the copy has no attack_protection.brute_force_protection")
    section["brute_force_protection"] = {**section["brute_force_protection"], "enabled": False}
    project.write_blueprint(blueprint)
    assert any(v.startswith("attack-protection-enabled") for v in mandatory_violations(project.root, stack))


@pytest.mark.parametrize("section,rule", [("attack_protection", "attack-protection-managed"),
                                          ("mfa", "guardian-mfa-configured")])
def test_removing_attack_protection_or_mfa_from_production_is_mandatory(project, section, rule):
    stack = production_stack(project)
    if section not in project.blueprint():
        pytest.skip(f"the copy has no {section} section")
    project.set_stack_config(stack, f"ciam:{section}", None)
    violations = mandatory_violations(project.root, stack)
    assert any(v.startswith(rule) for v in violations), (f"ciam:{section}: null", violations)
