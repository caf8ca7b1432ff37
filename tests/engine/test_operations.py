"""Operations: log streams (with the security-events preset), the tenant firewall, and Auth0's outbound IPs."""

from __future__ import annotations

import pytest
from pulumi.runtime.sync_await import _sync_await

from cli.offline import SECRET
from components.config.log_streams import PRESETS
from components.operations.firewall import outbound_ranges, region_of

LOG_STREAM = "auth0:index/logStream:LogStream"
NETWORK_ACL = "auth0:index/networkAcl:NetworkAcl"


def edit(project, section: str, change) -> None:
    data = project.blueprint()
    change(data[section])
    project.write_blueprint(data)


def test_every_stack_plans_actions_bindings_log_streams_and_firewall_rules(stack_plan):
    types = {r["type"] for r in stack_plan.as_json()["resources"]}
    for wanted in (
        "auth0:index/action:Action", "auth0:index/triggerActions:TriggerActions", LOG_STREAM, NETWORK_ACL,
    ):
        assert wanted in types, f"{stack_plan.stack}: no {wanted} in the JSON plan"


def test_log_stream_credentials_are_secret_in_the_plan(stack_plan):
    streams = {r.name: r for r in stack_plan.of_type(LOG_STREAM)}
    webhook = streams["ciam-log-streams-security-events"]
    assert webhook.inputs["sink"]["httpEndpoint"] == SECRET, webhook.urn
    assert webhook.inputs["sink"]["httpAuthorization"] == SECRET, webhook.urn
    datadog = streams["ciam-log-streams-datadog"]
    assert datadog.inputs["sink"]["datadogApiKey"] == SECRET, datadog.urn


def test_security_events_preset_streams_failed_logins_blocks_breached_passwords_and_rate_limits(prod_plan):
    [webhook] = [r for r in prod_plan.of_type(LOG_STREAM) if r.name == "ciam-log-streams-security-events"]
    assert webhook.inputs["type"] == "http", webhook.urn
    categories = [f["name"] for f in webhook.inputs["filters"]]
    assert all(f["type"] == "category" for f in webhook.inputs["filters"]), webhook.urn
    # failed logins; limit_wc/limit_mu/api_limit; ublkdu; pwd_leak and limit_sul (uncategorised)
    assert categories == ["auth.login.fail", "system.notification", "user.notification", "other"], webhook.urn
    assert tuple(categories) == PRESETS["security-events"]


def test_explicit_filters_win_over_the_preset(project):
    edit(project, "log_streams", lambda s: s["security-events"].update(filters=["auth.login.fail"]))
    [webhook] = [r for r in project.plan().of_type(LOG_STREAM) if r.name == "ciam-log-streams-security-events"]
    assert webhook.inputs["filters"] == [{"type": "category", "name": "auth.login.fail"}], webhook.urn


def test_pii_config_and_status_reach_the_stream(project):
    edit(project, "log_streams", lambda s: s["datadog"].update(status="paused"))
    [datadog] = [r for r in project.plan().of_type(LOG_STREAM) if r.name == "ciam-log-streams-datadog"]
    assert datadog.inputs["status"] == "paused", datadog.urn
    assert datadog.inputs["piiConfig"] == {
        "algorithm": "xxhash", "logFields": ["first_name", "last_name", "email", "phone", "address"], "method": "hash",
    }, datadog.urn


SINKS = {
    "datadog": ({"datadog_region": "us", "datadog_api_key": {"secret": "k"}}, {"datadogApiKey": SECRET}),
    "splunk": ({"splunk_domain": "splunk.acme.example", "splunk_token": {"secret": "k"}},
               {"splunkToken": SECRET, "splunkPort": "8088", "splunkSecure": True}),
    "http": ({"http_endpoint": {"secret": "k"}}, {"httpEndpoint": SECRET, "httpContentFormat": "JSONOBJECT"}),
    "eventbridge": ({"aws_account_id": "123456789012", "aws_region": "eu-central-1"}, {"awsRegion": "eu-central-1"}),
    "eventgrid": ({"azure_subscription_id": "00000000-0000-0000-0000-000000000000",
                   "azure_resource_group": "auth0", "azure_region": "westeurope"}, {"azureRegion": "westeurope"}),
    "sumo": ({"sumo_source_address": {"secret": "k"}}, {"sumoSourceAddress": SECRET}),
    "segment": ({"segment_write_key": {"secret": "k"}}, {"segmentWriteKey": SECRET}),
    "mixpanel": ({"mixpanel_region": "eu", "mixpanel_project_id": "42", "mixpanel_service_account_username": "svc",
                  "mixpanel_service_account_password": {"secret": "k"}}, {"mixpanelServiceAccountPassword": SECRET}),
}


def test_any_number_of_streams_with_every_sink_type(project):
    edit(project, "log_streams", lambda streams: streams.update({
        f"to-{kind}": {"type": kind, "sink": sink} for kind, (sink, _) in SINKS.items()
    }))
    planned = {r.name: r for r in project.plan().of_type(LOG_STREAM)}
    assert len(planned) == 2 + len(SINKS)
    for kind, (_, expected) in SINKS.items():
        record = planned[f"ciam-log-streams-to-{kind}"]
        assert record.inputs["type"] == kind, record.urn
        for field, value in expected.items():
            assert record.inputs["sink"][field] == value, f"{record.urn}: sink.{field}"


def test_a_plain_text_webhook_url_is_refused(project):
    edit(project, "log_streams",
         lambda s: s["security-events"]["sink"].update(http_endpoint="https://hooks.acme.example/t0ken"))
    [line] = project.problems()
    assert "log_streams.security-events.sink.http_endpoint: a plain-text value is not allowed here" in line, line


def test_an_unknown_sink_type_lists_the_supported_ones(project):
    edit(project, "log_streams", lambda s: s["datadog"].update(type="loggly"))
    [line] = project.problems()
    assert "log_streams.datadog: type must be one of" in line and "'eventbridge'" in line, line


def test_an_unknown_filter_category_is_an_error(project):
    edit(project, "log_streams", lambda s: s["datadog"].update(filters=["auth.login.failed"]))
    [line] = project.problems()
    assert "log_streams.datadog.filters.0: expected one of" in line, line


def test_network_acl_rules_reach_auth0_as_written(prod_plan):
    rules = {r.name: r for r in prod_plan.of_type(NETWORK_ACL)}
    block = rules["ciam-firewall-block-abusive-networks"].inputs
    assert block["priority"] == 10 and block["active"] is True
    assert block["rule"] == {"action": {"block": True}, "scope": "authentication",
                             "match": {"asns": [64496]}}
    assert rules["ciam-firewall-block-abusive-ranges"].inputs["rule"]["match"] == {"ipv4Cidrs": ["192.0.2.0/24"]}
    redirect = rules["ciam-firewall-embargoed-countries"].inputs["rule"]
    assert redirect["action"] == {"redirect": True, "redirectUri": "https://www.acme.example/unavailable"}
    assert redirect["match"] == {"geoCountryCodes": ["CU", "IR", "KP", "SY"]}


def test_a_duplicate_priority_is_an_error_naming_both_rules(project):
    edit(project, "network_acls", lambda acls: acls["embargoed-countries"].update(priority=10))
    lines = project.problems()
    assert len(lines) == 2 and all(line.startswith("tenant.yaml:") for line in lines), lines
    assert ("network_acls.embargoed-countries.priority: priority 10 is also used by "
            "network_acls.block-abusive-networks; priorities must be unique") in lines[1], lines
    assert "network_acls.block-abusive-networks.priority: priority 10 is also used by" in lines[0], lines


def test_a_duplicate_priority_from_a_stack_overlay_names_the_stack_file(project):
    project.set_stack_config("qa", "ciam:network_acls", {"block-abusive-networks": {"priority": 20}})
    lines = project.problems("qa")
    assert any(line.startswith("Pulumi.qa.yaml:") and "ciam:network_acls.block-abusive-networks.priority: "
               "priority 20 is also used by network_acls.embargoed-countries" in line for line in lines), lines
    project.plan("prod")  # the other stacks are unaffected


@pytest.mark.parametrize("change, message", [
    ({"match": {"ipv4_cidrs": ["198.51.100.0/33"]}}, "expected an IPv4 address or CIDR block"),
    ({"match": {"ipv4_cidrs": ["2001:db8::/32"]}}, "expected an IPv4 address or CIDR block"),
    ({"match": {"geo_country_codes": ["de"]}}, "upper-case ISO 3166-1 alpha-2"),
    ({"match": {}}, "name at least one signal"),
    ({"action": "allow", "redirect_uri": "https://x.example"}, "redirect_uri is required for action redirect"),
    ({"match": None}, "set match or not_match"),
])
def test_malformed_firewall_rules_are_errors(project, change, message):
    edit(project, "network_acls", lambda acls: acls["embargoed-countries"].update(change))
    lines = project.problems()
    assert any("network_acls.embargoed-countries" in line and message in line for line in lines), lines


def test_outbound_ips_output_is_for_the_tenant_region(prod_plan):
    exported = _sync_await(prod_plan.outputs["outbound_ips"].future())
    # Offline there is no Auth0 to ask, so the buckets are empty; the region comes from the tenant domain.
    assert exported == {"region": "EU", "ipv4_cidrs": []}


@pytest.mark.parametrize("domain, region", [
    ("acme.eu.auth0.com", "EU"), ("acme.auth0.com", "US"), ("acme.us.auth0.com", "US"),
    ("acme.au.auth0.com", "AU"), ("acme.jp.auth0.com", "JP"), ("login.acme.example", None),
])
def test_region_of_a_tenant_domain(domain, region):
    assert region_of(domain) == region


def test_outbound_ranges_pick_the_region_bucket():
    buckets = [
        {"region": "US", "ipv4_cidrs": ["3.3.3.0/24"]},
        {"region": "EU", "ipv4_cidrs": ["52.2.0.0/24", "18.1.0.0/24"]},
    ]
    assert outbound_ranges("EU", buckets) == {"region": "EU", "ipv4_cidrs": ["18.1.0.0/24", "52.2.0.0/24"]}
    assert outbound_ranges(None, buckets)["ipv4_cidrs"] == ["18.1.0.0/24", "3.3.3.0/24", "52.2.0.0/24"]
    assert outbound_ranges("EU", None) == {"region": "EU", "ipv4_cidrs": []}


def test_a_blueprint_without_these_sections_still_exports_outbound_ips(project):
    data = project.blueprint()
    for section in ("actions", "log_streams", "network_acls"):
        del data[section]
    project.write_blueprint(data)
    plan = project.plan("dev")
    assert not plan.of_type(LOG_STREAM) and not plan.of_type(NETWORK_ACL)
    assert _sync_await(plan.outputs["outbound_ips"].future()) == {"region": "EU", "ipv4_cidrs": []}
