"""`make check`: the production rules on the offline plan, mandatory in production, named with a fix."""

from __future__ import annotations

import pytest
from pulumi_policy.proxy import UnknownValueError

from cli.check import Violation, check_plan, main, production_problems, resource_args, stack_args
from cli.offline import COMPUTED, Plan, Record
from policies.ciam_rules import RULES
from tests.conftest import fixture_plan, fixture_stacks


def _record(type_: str, name: str, inputs: dict, protect: bool = False) -> Record:
    return Record(f"urn:pulumi:live::ciam::{type_}::{name}", type_, name, None, protect, (), inputs)


def _mandatory(plan: Plan, environment: str = "production") -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for violation in check_plan(plan, environment).mandatory:
        found.setdefault(violation.rule.name, []).append(f"{violation.resource}: {violation.why}")
    return found


def test_a_sound_production_stack_passes_every_mandatory_rule():
    assert _mandatory(fixture_plan("full", "live")) == {}


def test_localhost_logout_url_in_production_fails_the_check_and_names_the_rule(project, capsys):
    project.set_stack_config("live", "ciam:tenant", {"allowed_logout_urls": ["http://localhost:3000"]})
    assert main(["--stack", "live"], project.root) == 1
    out = capsys.readouterr().out
    assert "MANDATORY  client-no-local-urls" in out
    assert "resource: auth0:index/tenant:Tenant ciam-tenant-settings" in out
    assert "allowedLogoutUrls holds the local URL 'http://localhost:3000'" in out
    assert "fix:      move local URLs" in out


def test_the_same_setting_only_advises_on_a_development_stack(project, capsys):
    project.set_stack_config("sandbox", "ciam:tenant", {"allowed_logout_urls": ["http://localhost:3000"]})
    assert main(["--stack", "sandbox"], project.root) == 0
    assert "advisory  client-no-local-urls" in capsys.readouterr().out


def test_outdated_sandbox_in_production_fails_the_check(project, capsys):
    project.set_stack_config("live", "ciam:tenant", {"sandbox_version": "18"})
    assert main(["--stack", "live"], project.root) == 1
    assert "tenant sandboxVersion is '18'" in capsys.readouterr().out


def test_localhost_callback_in_a_production_application_is_mandatory():
    client = _record("auth0:index/client:Client", "ciam-apps-web",
                     {"appType": "spa", "callbacks": ["http://localhost:3000/callback"],
                      "initiateLoginUri": "https://www.globex.example/login"})
    failing = _mandatory(Plan("live", [client]))
    assert failing["client-no-local-urls"] == [
        "auth0:index/client:Client ciam-apps-web: callbacks holds the local URL 'http://localhost:3000/callback'"]


def test_brute_force_protection_off_in_production_is_mandatory():
    attack = _record("auth0:index/attackProtection:AttackProtection", "ciam-attack",
                     {"bruteForceProtection": {"enabled": False}, "breachedPasswordDetection": {"enabled": True},
                      "suspiciousIpThrottling": {"enabled": True}})
    assert _mandatory(Plan("live", [attack]))["attack-protection-enabled"] == [
        "auth0:index/attackProtection:AttackProtection ciam-attack: bruteForceProtection.enabled is not true"]


def test_stack_rule_violation_points_at_the_resource():
    provider = _record("auth0:index/emailProvider:EmailProvider", "ciam-email", {"name": "ses", "enabled": False})
    assert _mandatory(Plan("live", [provider]))["email-provider-configured"] == [
        "auth0:index/emailProvider:EmailProvider ciam-email: the email provider is disabled"]


def test_values_unknown_until_deployment_are_reported_not_guessed():
    grant = _record("auth0:index/clientGrant:ClientGrant", "ciam-grant", {"allowAllScopes": COMPUTED})
    result = check_plan(Plan("live", [grant]), "production")
    assert not [v for v in result.violations if v.rule.name == "client-grant-explicit-scopes"]
    assert any(note.startswith("client-grant-explicit-scopes on auth0:index/clientGrant:ClientGrant ciam-grant")
               for note in result.not_evaluated), result.not_evaluated


def test_project_with_a_localhost_callback_in_a_production_application_exits_non_zero(project, capsys):
    project.set_stack_config("live", "ciam:applications", {"booking": {"callbacks": ["http://localhost:3000/cb"]}})
    assert main(["--stack", "live"], project.root) == 1
    out = capsys.readouterr().out
    assert "MANDATORY  client-no-local-urls" in out
    assert "auth0:index/client:Client ciam-applications-booking" in out


def test_project_with_brute_force_protection_off_in_production_exits_non_zero(project, capsys):
    project.set_stack_config("live", "ciam:attack_protection", {"brute_force_protection": {"enabled": False}})
    assert main(["--stack", "live"], project.root) == 1
    out = capsys.readouterr().out
    assert "MANDATORY  attack-protection-enabled" in out
    assert "bruteForceProtection" in out, out


def test_open_findings_accept_exactly_the_declared_failing_rules():
    """A production stack's tests accept the mandatory rules its stack file lists, no other, and no fixed one."""
    stack = fixture_stacks("full")[0]
    clean = check_plan(fixture_plan("full", stack), "production")
    assert not clean.mandatory, "the full fixture passes the mandatory rules as it is"
    broken = check_plan(fixture_plan("full", stack), "production")
    rule = next(r for r in RULES if r.critical)
    broken.violations.append(Violation(rule, True, "stack x", "made to fail"))
    assert production_problems(broken, [rule.name]) == []
    assert production_problems(broken, []) == [f"{rule.name}: stack x: made to fail"]
    assert production_problems(clean, [rule.name]) == [
        f"ciam:stack.open_findings: {rule.name} passes now; take it out of open_findings"]
    assert production_problems(clean, ["no-such-rule"]) == [
        "ciam:stack.open_findings: no-such-rule is not a mandatory rule"]


def _check_as_the_analyzer_does(plan: Plan, environment: str) -> tuple[list, list]:
    """What pulumi-policy's analyzer reports: every policy called on every resource (or the whole stack), each
    call with arguments of its own. check_plan skips the calls that read nothing and shares the stack's."""
    production = environment == "production"
    violations, not_evaluated = [], []
    for rule in RULES:
        policy = rule.policy(production)
        if rule.stack_check is not None:
            policy.validate(stack_args(plan), lambda message, urn=None, rule=rule: violations.append(
                (rule.name, urn, message)))
            continue
        for record in plan.resources:
            try:
                policy.validate(resource_args(record), lambda message, urn=None, rule=rule, record=record:
                                violations.append((rule.name, urn or record.urn, message)))
            except UnknownValueError as unknown:
                not_evaluated.append((rule.name, record.urn, unknown.message))
    return violations, not_evaluated


@pytest.mark.parametrize("tenant,stack", [*(("full", stack) for stack in fixture_stacks("full")),
                                          ("b2b-complete", "prod")])
@pytest.mark.parametrize("environment", ["production", "development"])
def test_the_check_reports_what_the_analyzer_would(tenant, stack, environment):
    plan = fixture_plan(tenant, stack)
    shown = {r.urn: f"{r.type} {r.name}" for r in plan.resources}
    fixes = {rule.name: rule.fix for rule in RULES}
    violations, not_evaluated = _check_as_the_analyzer_does(plan, environment)
    result = check_plan(plan, environment)
    assert [(v.rule.name, v.resource, v.why) for v in result.violations] == [
        (name, shown.get(urn, f"stack {plan.stack}"), message.removesuffix(f". Fix: {fixes[name]}"))
        for name, urn, message in violations], f"{tenant} {stack} {environment}: the violations differ"
    assert result.not_evaluated == [f"{name} on {shown[urn]}: {message}" for name, urn, message in not_evaluated]
    assert violations or not_evaluated or environment == "development", \
        f"{tenant} {stack}: no violation and no unknown value in production, so the comparison shows little"
