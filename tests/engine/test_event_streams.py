"""Event streams on the b2b-complete fixture: webhook and EventBridge destinations, secrets kept secret, the
user-events preset to the security log stream's sink, and the one-line errors for a bad stream."""

from __future__ import annotations

import pytest

from tests.engine.b2b_fixture import STACKS, B2bProject, b2b_plan

EVENT_STREAM = "auth0:index/eventStream:EventStream"


@pytest.fixture(params=STACKS)
def plan(request, tmp_path_factory):
    return b2b_plan(request.param, tmp_path_factory)


def _streams(plan) -> dict:
    return {r.name: r for r in plan.of_type(EVENT_STREAM)}


def test_the_user_events_preset_goes_to_the_security_log_streams_endpoint(plan):
    stream = _streams(plan)["ciam-event-streams-security-user-events"]
    assert stream.inputs["subscriptions"] == ["user.created", "user.updated", "user.deleted"], stream.urn
    assert stream.inputs["destinationType"] == "webhook", stream.urn
    webhook = stream.inputs["webhookConfiguration"]
    # The log stream's endpoint is a secret reference, and stays secret here too.
    assert webhook["webhookEndpoint"] == "[secret]", stream.urn
    assert webhook["webhookAuthorization"] == {"method": "bearer", "token": "[secret]"}, stream.urn
    log_streams = {r.name: r for r in plan.of_type("auth0:index/logStream:LogStream")}
    assert log_streams["ciam-log-streams-security-events"].inputs["sink"]["httpEndpoint"] == "[secret]"


def test_webhook_and_eventbridge_streams_plan_as_configured(plan):
    streams = _streams(plan)
    crm = streams["ciam-event-streams-crm-organizations"]
    assert crm.inputs["name"] == "CRM organization sync" and crm.inputs["status"] == "enabled", crm.urn
    assert crm.inputs["webhookConfiguration"] == {
        "webhookEndpoint": "https://crm.acme.example/hooks/auth0-organizations",
        "webhookAuthorization": {"method": "basic", "username": "auth0", "password": "[secret]"}}, crm.urn
    assert "organization.member.added" in crm.inputs["subscriptions"], crm.urn
    analytics = streams["ciam-event-streams-analytics"]
    assert analytics.inputs["destinationType"] == "eventbridge" and analytics.inputs["status"] == "disabled"
    assert analytics.inputs["eventbridgeConfiguration"] == {"awsAccountId": "123456789012",
                                                            "awsRegion": "eu-west-1"}, analytics.urn


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda s: s["security-user-events"].update(sink_from_log_stream="nope"),
     "event_streams.security-user-events.sink_from_log_stream: unknown log stream 'nope'"),
    (lambda s: s["security-user-events"].update(sink_from_log_stream="datadog"),
     "log stream 'datadog' is datadog; event streams reach only http or eventbridge"),
    (lambda s: s["security-user-events"].pop("authorization"),
     "event_streams.security-user-events.authorization: an http sink needs authorization"),
    (lambda s: s["crm-organizations"]["webhook"]["authorization"].update(password="hunter2"),
     "event_streams.crm-organizations.webhook.authorization.password: a plain-text value is not allowed"),
    (lambda s: s["analytics"].update(webhook={"endpoint": "https://x.example", "authorization": {
        "method": "bearer", "token": {"secret": "t"}}}),
     "event_streams.analytics: set exactly one of webhook, eventbridge or sink_from_log_stream"),
    (lambda s: s["analytics"].update(subscriptions=["user.created", "user.craeted"]),
     "event_streams.analytics.subscriptions.1: expected one of"),
])
def test_bad_event_streams_fail_with_their_key_path(tmp_path, edit, expected):
    message = B2bProject(tmp_path).problems(lambda data: edit(data["event_streams"]))
    assert expected in message, message
    assert "hunter2" not in message, message
