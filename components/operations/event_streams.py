"""Operations: event streams (user and organization lifecycle events).

Creates: auth0.EventStream per `event_streams` key, to a webhook (credentials from the stack's secret config)
or Amazon EventBridge; `sink_from_log_stream` reuses a log stream's endpoint or AWS account.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_auth0 as auth0

from components.config.event_streams import BasicAuthorization, EventStream, Webhook
from components.config.log_streams import LogStream
from components.config.runtime import secret_value
from components.config.types import SecretRef


@dataclass(frozen=True)
class EventStreamsArgs:
    streams: dict[str, EventStream]
    log_streams: dict[str, LogStream]


def _authorization(authorization) -> auth0.EventStreamWebhookConfigurationWebhookAuthorizationArgs:
    if isinstance(authorization, BasicAuthorization):
        return auth0.EventStreamWebhookConfigurationWebhookAuthorizationArgs(
            method="basic", username=authorization.username, password=secret_value(authorization.password))
    return auth0.EventStreamWebhookConfigurationWebhookAuthorizationArgs(
        method="bearer", token=secret_value(authorization.token))


def _webhook(endpoint: str | SecretRef, authorization) -> auth0.EventStreamWebhookConfigurationArgs:
    return auth0.EventStreamWebhookConfigurationArgs(
        webhook_endpoint=secret_value(endpoint) if isinstance(endpoint, SecretRef) else endpoint,
        webhook_authorization=_authorization(authorization))


def destination(stream: EventStream, log_streams: dict[str, LogStream]) -> dict[str, Any]:
    """The destination_type and its configuration argument (the log stream's sink when one is named)."""
    if stream.sink_from_log_stream:
        source = log_streams[stream.sink_from_log_stream]
        if source.type == "http":
            return {"destination_type": "webhook",
                    "webhook_configuration": _webhook(source.sink.http_endpoint, stream.authorization)}
        return {"destination_type": "eventbridge", "eventbridge_configuration": (
            auth0.EventStreamEventbridgeConfigurationArgs(**source.sink.model_dump()))}
    if isinstance(stream.webhook, Webhook):
        return {"destination_type": "webhook",
                "webhook_configuration": _webhook(stream.webhook.endpoint, stream.webhook.authorization)}
    eventbridge = auth0.EventStreamEventbridgeConfigurationArgs(**stream.eventbridge.model_dump())
    return {"destination_type": "eventbridge", "eventbridge_configuration": eventbridge}


class EventStreams(pulumi.ComponentResource):
    stream_ids: pulumi.Output[dict[str, str]]

    def __init__(self, name: str, args: EventStreamsArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:operations:EventStreams", name, None, opts)
        ids: dict[str, pulumi.Output[str]] = {}
        for key, stream in args.streams.items():
            resource = auth0.EventStream(
                f"{name}-{key}",
                name=stream.name or key,
                status=stream.status,
                subscriptions=stream.event_types(),
                **destination(stream, args.log_streams),
                opts=pulumi.ResourceOptions(parent=self),
            )
            ids[key] = resource.id
        self.stream_ids = pulumi.Output.all(**ids) if ids else pulumi.Output.from_input({})
        self.register_outputs({"stream_ids": self.stream_ids})
