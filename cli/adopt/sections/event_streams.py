"""`eventStreams` (Management API /event-streams) -> blueprint `event_streams`, keyed by slug of name.

The API nests the destination (`destination: {type: webhook, configuration: {webhook_endpoint,
webhook_authorization}}`); the blueprint names it `webhook: {endpoint, authorization}` or `eventbridge`.
The bearer token or basic password is never returned: it becomes a secret reference.
"""

from __future__ import annotations

from typing import get_args

from cli.adopt.sections._fields import items_by_name, register_ids
from cli.adopt.translate import DROP, Translation
from components.config.event_streams import EventType

SOURCE = "eventStreams"
TARGET = "event_streams"
KIND = SOURCE
EVENTBRIDGE = ("aws_account_id", "aws_region")


def register(ctx: Translation) -> None:
    register_ids(ctx, SOURCE, KIND, TARGET)


def _webhook(ctx: Translation, key: str, prefix: str, configuration: dict) -> dict:
    endpoint = configuration.get("webhook_endpoint")
    value = ctx.value(TARGET, endpoint, f"{prefix}.webhook_endpoint")
    webhook: dict = {"endpoint": value if value is not DROP else ctx.secret(
        TARGET, endpoint, f"{prefix}.webhook_endpoint", f"{key}_endpoint")}
    authorization = configuration.get("webhook_authorization") or {}
    out: dict = {"method": authorization.get("method")}
    if out["method"] == "basic":
        out["username"] = authorization.get("username")
        out["password"] = ctx.secret(TARGET, authorization.get("password"), f"{prefix}.webhook_authorization."
                                     "password", f"{key}_password")
    else:
        out["token"] = ctx.secret(TARGET, authorization.get("token"), f"{prefix}.webhook_authorization.token",
                                  f"{key}_token")
    ctx.leftovers(TARGET, f"{prefix}.webhook_authorization", authorization,
                  {"method", "username", "password", "token"})
    webhook["authorization"] = out
    return webhook


def translate(ctx: Translation) -> None:
    streams: dict = {}
    known = set(get_args(EventType))
    for _item, data, name, key in items_by_name(ctx, SOURCE, KIND):
        prefix = f"{TARGET}.{key}"
        destination = data.get("destination") or {}
        configuration = destination.get("configuration") or {}
        where = f"{prefix}.destination.configuration"
        stream: dict = {"name": name}
        if data.get("status") in ("enabled", "disabled"):
            stream["status"] = data["status"]
        types = [s.get("event_type") for s in data.get("subscriptions") or [] if isinstance(s, dict)]
        for index, event_type in enumerate(types):
            if event_type not in known:
                ctx.report.unexpressed(TARGET, f"{prefix}.subscriptions.{index}", f"event type {event_type} is "
                                       "not one this project expresses yet")
        stream["subscriptions"] = [t for t in types if t in known]
        if destination.get("type") == "webhook":
            stream["webhook"] = _webhook(ctx, key, where, configuration)
            ctx.leftovers(TARGET, where, configuration, {"webhook_endpoint", "webhook_authorization"})
        elif destination.get("type") == "eventbridge":
            stream["eventbridge"] = {field: configuration.get(field) for field in EVENTBRIDGE}
            # AWS names the partner event source after creation; nobody configures it.
            ctx.leftovers(TARGET, where, configuration, {*EVENTBRIDGE, "aws_partner_event_source"})
        else:
            ctx.report.unexpressed(TARGET, prefix, f"destination type {destination.get('type')} is not expressible "
                                   "yet; the whole stream was left out")
            continue
        ctx.leftovers(TARGET, f"{prefix}.destination", destination, {"type", "configuration"})
        ctx.leftovers(TARGET, prefix, data, {"name", "status", "subscriptions", "destination"})
        streams[key] = stream
    if streams:
        ctx.blueprint[TARGET] = streams
