"""`logStreams` (Management API /log-streams) -> blueprint `log_streams`, keyed by slug of name.

The API names sink fields camelCase (`datadogApiKey`); the blueprint snake_case. Whatever authenticates
(API keys, tokens, webhook URLs, which often carry a token) becomes a secret reference.
"""

from __future__ import annotations

import re

from cli.adopt.sections._fields import items_by_name
from cli.adopt.translate import DROP, Translation

SOURCE = "logStreams"
TARGET = "log_streams"
KIND = "logStreams"
SECRET_SINK_FIELDS = ("http_endpoint", "http_authorization", "datadog_api_key", "splunk_token",
                      "sumo_source_address", "segment_write_key", "mixpanel_service_account_password")


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def register(ctx: Translation) -> None:
    for _item, data, _name, key in items_by_name(ctx, SOURCE, KIND):
        if data.get("id"):
            ctx.ids[(TARGET, key)] = data["id"]


def translate(ctx: Translation) -> None:
    streams: dict = {}
    for _item, data, name, key in items_by_name(ctx, SOURCE, KIND):
        prefix = f"{TARGET}.{key}"
        stream: dict = {"type": data.get("type")}
        if name != key:
            stream["name"] = name
        if data.get("status") in ("active", "paused"):
            stream["status"] = data["status"]
        categories = [f.get("name") for f in data.get("filters") or [] if isinstance(f, dict)]
        if categories:
            stream["filters"] = categories
        if data.get("pii_config"):
            stream["pii_config"] = ctx.value(TARGET, data["pii_config"], f"{prefix}.pii_config")
        if data.get("isPriority") is not None:
            stream["is_priority"] = data["isPriority"]
        sink: dict = {}
        for field, value in (data.get("sink") or {}).items():
            target, path = snake(field), f"{prefix}.sink.{field}"
            if target in SECRET_SINK_FIELDS:
                sink[target] = ctx.secret(TARGET, value, path, f"{key}_{target}")
            else:
                converted = ctx.value(TARGET, value, path)
                if converted is not DROP:
                    sink[target] = converted
        stream["sink"] = sink
        ctx.leftovers(TARGET, prefix, data, {"name", "type", "status", "filters", "pii_config", "isPriority", "sink"})
        streams[key] = stream
    if streams:
        ctx.blueprint[TARGET] = streams
