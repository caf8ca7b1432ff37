"""`log_streams`: where Auth0 sends its tenant logs (any number per stack), with filters and PII handling."""


from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from components.config.types import Domain, Key, Secret, SecretRef, Strict

# Auth0's log-stream filter categories (Management API `filters[].name`, `type: category`).
Category = Literal[
    "auth.ancillary.fail", "auth.ancillary.success",
    "auth.login.fail", "auth.login.notification", "auth.login.success",
    "auth.logout.fail", "auth.logout.success",
    "auth.signup.fail", "auth.signup.success",
    "auth.silent_auth.fail", "auth.silent_auth.success",
    "auth.token_exchange.fail", "auth.token_exchange.success",
    "management.fail", "management.success",
    "system.notification",
    "user.fail", "user.notification", "user.success",
    "actions", "scim.event", "other",
]

# The categories that carry security events (Auth0's log stream filter reference):
#   auth.login.fail      failed logins (f, fp, fu, fco, ...)
#   system.notification  blocked accounts and IPs (limit_wc, limit_mu) and rate limits (api_limit, limit_delegation)
#   user.notification    a block released (ublkdu)
#   other                unclassified events; breached-password detections (pwd_leak, signup_pwd_leak,
#                        reset_pwd_leak) and IP throttling (limit_sul) are listed in no category
PRESETS: dict[str, tuple[Category, ...]] = {
    "security-events": ("auth.login.fail", "system.notification", "user.notification", "other"),
}


class PiiConfig(Strict):
    log_fields: list[Literal["first_name", "last_name", "username", "email", "phone", "address"]] = Field(
        min_length=1
    )
    method: Literal["hash", "mask"] = "hash"
    algorithm: Literal["xxhash"] = "xxhash"


class DatadogSink(Strict):
    datadog_region: Literal["us", "eu", "us3", "us5"]
    datadog_api_key: Secret


class SplunkSink(Strict):
    splunk_domain: Domain
    splunk_port: Annotated[int, Field(ge=1, le=65535)] = 8088
    splunk_secure: bool = Field(True, description="verify the TLS certificate; false only for self-signed ones")
    splunk_token: Secret


# Headers that carry a credential: their value must be a secret reference, never plain text in a file or state.
CREDENTIAL_HEADER_WORDS = ("authorization", "token", "key", "secret", "password", "cookie", "signature", "auth")


class HttpHeader(Strict):
    header: str
    value: SecretRef | str = Field(description="plain text, or {secret: <name>} for a credential")

    @model_validator(mode="after")
    def _credentials_are_secret(self) -> "HttpHeader":
        if isinstance(self.value, str) and any(w in self.header.lower() for w in CREDENTIAL_HEADER_WORDS):
            raise PydanticCustomError(
                "secret_required",
                "header {header} carries a credential: write value: {{secret: <name>}} and run "
                "`pulumi config set --secret <name> <value>`", {"header": self.header})
        return self


class HttpSink(Strict):
    # Webhook URLs often carry a token, so the endpoint is always a secret.
    http_endpoint: Secret
    http_authorization: Secret | None = Field(None, description="sent as the Authorization header")
    http_content_format: Literal["JSONLINES", "JSONARRAY", "JSONOBJECT"] = "JSONOBJECT"
    http_content_type: str = "application/json"
    http_custom_headers: list[HttpHeader] = Field(default_factory=list)


class EventBridgeSink(Strict):
    aws_account_id: Annotated[str, Field(pattern=r"^\d{12}$")]
    aws_region: Annotated[str, Field(pattern=r"^[a-z]{2}(-gov)?-[a-z]+-\d$")]


class EventGridSink(Strict):
    azure_subscription_id: Annotated[str, Field(pattern=r"^[0-9a-fA-F-]{36}$")]
    azure_resource_group: str
    azure_region: Annotated[str, Field(pattern=r"^[a-z0-9]+$")]


class SumoSink(Strict):
    # The HTTP source address embeds Sumo Logic's collector token.
    sumo_source_address: Secret


class SegmentSink(Strict):
    segment_write_key: Secret


class MixpanelSink(Strict):
    mixpanel_region: Literal["us", "eu"]
    mixpanel_project_id: str
    mixpanel_service_account_username: str
    mixpanel_service_account_password: Secret


class _Stream(Strict):
    name: str | None = Field(None, description="display name in Auth0; defaults to the key")
    status: Literal["active", "paused"] = "active"
    preset: Literal["security-events"] | None = Field(None, description="fills filters when none are given")
    filters: list[Category] | None = Field(None, description="categories to send; none means every event")
    pii_config: PiiConfig | None = None
    is_priority: bool | None = Field(None, description="set at creation only; Auth0 cannot change it later")

    @model_validator(mode="after")
    def _no_duplicate_filters(self) -> "_Stream":
        if self.filters and len(set(self.filters)) != len(self.filters):
            raise ValueError("filters lists a category twice")
        return self

    def categories(self) -> list[str]:
        if self.filters is not None:
            return list(self.filters)
        return list(PRESETS[self.preset]) if self.preset else []


class DatadogStream(_Stream):
    type: Literal["datadog"]
    sink: DatadogSink


class SplunkStream(_Stream):
    type: Literal["splunk"]
    sink: SplunkSink


class HttpStream(_Stream):
    type: Literal["http"]
    sink: HttpSink


class EventBridgeStream(_Stream):
    type: Literal["eventbridge"]
    sink: EventBridgeSink


class EventGridStream(_Stream):
    type: Literal["eventgrid"]
    sink: EventGridSink


class SumoStream(_Stream):
    type: Literal["sumo"]
    sink: SumoSink


class SegmentStream(_Stream):
    type: Literal["segment"]
    sink: SegmentSink


class MixpanelStream(_Stream):
    type: Literal["mixpanel"]
    sink: MixpanelSink


LogStream = Annotated[
    DatadogStream | SplunkStream | HttpStream | EventBridgeStream | EventGridStream | SumoStream | SegmentStream
    | MixpanelStream,
    Field(discriminator="type"),
]
LogStreamsSection = dict[Key, LogStream]
