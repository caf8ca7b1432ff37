"""Data-bearing resources are protected in production, and every stack's URN set is pinned."""

from __future__ import annotations

from cli.check import check_plan
from policies.ciam_rules import is_database_connection
from tests.conftest import fixture_plan

CONNECTION = "auth0:index/connection:Connection"
CUSTOM_DOMAIN = "auth0:index/customDomain:CustomDomain"


def _data_bearing(plan):
    return [r for r in plan.resources
            if r.type == CUSTOM_DOMAIN or (r.type == CONNECTION and is_database_connection(r.inputs))]


def test_production_database_connections_and_custom_domain_are_protected():
    plan = fixture_plan("full", "live")
    guarded = _data_bearing(plan)
    assert any(r.type == CUSTOM_DOMAIN for r in guarded), "the prod plan has no custom domain to protect"
    unprotected = [r.urn for r in guarded if not r.protect]
    assert unprotected == [], "deleting these would lose users or the token issuer"


def test_turning_protection_off_in_production_fails_the_check(project):
    stack = project.stack_file("live")["config"]["ciam:stack"]
    project.set_stack_config("live", "ciam:stack", {**stack, "protect_data": False})
    plan = project.plan("live")
    flagged = {v.resource for v in check_plan(plan, "production").mandatory
               if v.rule.name == "data-bearing-resources-protected"}
    expected = {f"{r.type} {r.name}" for r in _data_bearing(plan)}
    assert f"{CUSTOM_DOMAIN} ciam-custom-domain-domain" in expected
    assert flagged == expected, f"unprotected but not flagged: {expected - flagged}"
