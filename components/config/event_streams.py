"""`event_streams`: user and organization lifecycle events pushed to a webhook or Amazon EventBridge.

Keyed by a stable key. Webhook credentials are secret references. `sink_from_log_stream` sends the events to
the same place as a log stream (for instance the security team's webhook), so the endpoint is written once.
"""


from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, field_validator, model_validator

from components.config.types import HttpsUrl, Key, Secret, Strict

if TYPE_CHECKING:
    from components.config.blueprint import Blueprint

EventType = Literal[
    "user.created", "user.updated", "user.deleted",
    "organization.created", "organization.updated", "organization.deleted",
    "organization.member.added", "organization.member.deleted",
    "organization.member.role.assigned", "organization.member.role.deleted",
    "organization.connection.added", "organization.connection.updated", "organization.connection.removed",
]
EVENT_PRESETS: dict[str, tuple[str, ...]] = {
    "user-events": ("user.created", "user.updated", "user.deleted"),
    "organization-events": ("organization.created", "organization.updated", "organization.deleted",
                            "organization.member.added", "organization.member.deleted"),
}


class BearerAuthorization(Strict):
    method: Literal["bearer"]
    token: Secret


class BasicAuthorization(Strict):
    method: Literal["basic"]
    username: str
    password: Secret


class Webhook(Strict):
    endpoint: HttpsUrl | Secret = Field(description="https URL, or {secret: name} when the URL holds a token")
    authorization: Annotated[BearerAuthorization | BasicAuthorization, Field(discriminator="method")]


class EventBridge(Strict):
    aws_account_id: Annotated[str, Field(pattern=r"^\d{12}$")]
    aws_region: Annotated[str, Field(pattern=r"^[a-z]{2}(-gov)?-[a-z]+-\d$")]


class EventStream(Strict):
    name: str | None = Field(None, description="display name in Auth0; defaults to the key")
    status: Literal["enabled", "disabled"] = "enabled"
    preset: Literal["user-events", "organization-events"] | None = Field(
        None, description="fills subscriptions when none are given")
    subscriptions: list[EventType] | None = None
    webhook: Webhook | None = None
    eventbridge: EventBridge | None = None
    sink_from_log_stream: Key | None = Field(
        None, description="send to the same place as this log stream (http: its endpoint; eventbridge: its account)")
    authorization: Annotated[BearerAuthorization | BasicAuthorization, Field(discriminator="method")] | None = Field(
        None, description="with sink_from_log_stream to an http log stream: how Auth0 authenticates to it")

    @field_validator("subscriptions")
    @classmethod
    def _unique(cls, value: list[str] | None) -> list[str] | None:
        if value is not None and len(set(value)) != len(value):
            raise ValueError("subscriptions lists an event type twice")
        return value

    @model_validator(mode="after")
    def _one_destination(self) -> "EventStream":
        given = [name for name in ("webhook", "eventbridge", "sink_from_log_stream") if getattr(self, name)]
        if len(given) != 1:
            raise ValueError("set exactly one of webhook, eventbridge or sink_from_log_stream")
        if not self.event_types():
            raise ValueError("set subscriptions or a preset")
        return self

    def event_types(self) -> list[str]:
        if self.subscriptions is not None:
            return list(self.subscriptions)
        return list(EVENT_PRESETS[self.preset]) if self.preset else []


def event_streams_name_usable_log_streams(blueprint: "Blueprint") -> Iterable[tuple[str, str]]:
    for key, stream in blueprint.event_streams.items():
        source_key = stream.sink_from_log_stream
        if source_key is None:
            continue
        path = f"event_streams.{key}.sink_from_log_stream"
        source = blueprint.log_streams.get(source_key)
        if source is None:
            listed = ", ".join(sorted(blueprint.log_streams)) or "none"
            yield path, f"unknown log stream '{source_key}' (defined: {listed})"
        elif source.type not in ("http", "eventbridge"):
            yield path, f"log stream '{source_key}' is {source.type}; event streams reach only http or eventbridge"
        elif source.type == "http" and stream.authorization is None:
            yield f"event_streams.{key}.authorization", "an http sink needs authorization (bearer token or basic)"
