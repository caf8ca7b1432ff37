"""The first-deploy estimate a team reads in the plan's summary: Management API calls over the tenant's rate."""

from __future__ import annotations

from cli import estimate
from cli.offline import Plan, Record
from cli.render import render_markdown, render_tree

CLIENT = "auth0:index/client:Client"


def _record(type_token: str, name: str) -> Record:
    return Record(urn=f"urn:pulumi:s::ciam::{type_token}::{name}", type=type_token, name=name, parent=None,
                  protect=False, dependencies=(), inputs={})


def test_components_and_providers_cost_no_calls():
    types = ["ciam:authentication:Applications", "pulumi:providers:auth0", CLIENT]
    assert estimate.calls(types) == estimate.CALLS_TO_CREATE


def test_time_is_bounded_by_the_rate_limit_or_by_parallel_whichever_is_lower():
    assert estimate.deploy_seconds(1000, requests_per_second=2, parallel=8) == 500
    in_flight_bound = 1000 / (1 / estimate.SECONDS_PER_CALL)
    assert estimate.deploy_seconds(1000, requests_per_second=50, parallel=1) == in_flight_bound


def test_three_thousand_applications_take_over_an_hour_on_a_free_tenant():
    types = [CLIENT, "auth0:index/clientCredentials:ClientCredentials"] * 3000
    seconds = estimate.deploy_seconds(estimate.calls(types), 2, 2)
    assert 3600 < seconds < 4 * 3600, f"6,000 resources at 2 req/s estimated {seconds} s"


def test_plan_summaries_carry_the_estimate():
    plan = Plan("s", [_record(CLIENT, f"app-{i}") for i in range(10)])
    line = estimate.summary(r.type for r in plan.resources)
    assert "20 Management API calls" in line
    assert render_tree(plan).splitlines()[0].endswith(line), render_tree(plan).splitlines()[0]
    assert line in render_markdown(plan)
