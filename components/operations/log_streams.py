"""Operations: log streaming (monitoring, logging, security notifications).

Creates: auth0.LogStream per `log_streams` key: its sink (datadog, splunk, http, eventbridge, eventgrid,
sumo, segment, mixpanel) with every credential from the stack's secret config, category filters (or a
preset's), PII handling and status.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_auth0 as auth0

from components.config.log_streams import LogStream
from components.config.runtime import secret_value
from components.config.types import SecretRef


def sink_inputs(stream: LogStream) -> dict[str, Any]:
    """The provider's sink arguments: secret references become secret Outputs, the rest stays as written."""
    inputs: dict[str, Any] = {}
    for field in type(stream.sink).model_fields:
        value = getattr(stream.sink, field)
        if value is None:
            continue
        if isinstance(value, SecretRef):
            value = secret_value(value)
        elif field == "http_custom_headers":
            value = [{"header": h.header, "value": secret_value(h.value) if isinstance(h.value, SecretRef) else h.value}
                     for h in value] or None
        elif field == "splunk_port":
            value = str(value)  # the provider takes the port as a string
        if value is not None:
            inputs[field] = value
    return inputs


def filter_inputs(stream: LogStream) -> list[dict[str, str]]:
    return [{"type": "category", "name": category} for category in stream.categories()]


@dataclass(frozen=True)
class LogStreamsArgs:
    streams: dict[str, LogStream]


class LogStreams(pulumi.ComponentResource):
    stream_ids: pulumi.Output[dict[str, str]]

    def __init__(self, name: str, args: LogStreamsArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:operations:LogStreams", name, None, opts)
        ids: dict[str, pulumi.Output[str]] = {}
        for key, stream in args.streams.items():
            pii = stream.pii_config
            created = auth0.LogStream(
                f"{name}-{key}",
                name=stream.name or key,
                type=stream.type,
                status=stream.status,
                sink=auth0.LogStreamSinkArgs(**sink_inputs(stream)),
                filters=filter_inputs(stream) or None,
                pii_config=auth0.LogStreamPiiConfigArgs(
                    log_fields=list(pii.log_fields), method=pii.method, algorithm=pii.algorithm
                ) if pii else None,
                is_priority=stream.is_priority,
                opts=pulumi.ResourceOptions(parent=self),
            )
            ids[key] = created.id
        self.stream_ids = pulumi.Output.all(**ids) if ids else pulumi.Output.from_input({})
        self.register_outputs({"stream_ids": self.stream_ids})
