"""`phone_provider`: the tenant-level phone provider of Auth0's Unified Phone Experience
(Management API `/branding/phone/providers`).

One provider sends every SMS and voice message of the tenant: MFA codes (`mfa.phone`) and passwordless
`sms` connections alike. It replaces the provider settings of the Guardian phone factor, which Auth0 has
deprecated. `twilio` sends through a Twilio account; `custom` runs an Action on the `custom-phone-provider`
trigger (for another vendor, or to route MFA and passwordless through different ones).
"""


from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from components.config.types import Secret, Strict

if TYPE_CHECKING:
    from components.config.blueprint import Blueprint

CUSTOM_TRIGGER = "custom-phone-provider"


class PhoneConfiguration(Strict):
    delivery_methods: list[Literal["text", "voice"]] = Field(
        default_factory=lambda: ["text"], min_length=1, description="text (SMS), voice, or both"
    )
    default_from: str | None = Field(None, description="twilio: the sender number when no template sets one")
    sid: str | None = Field(None, description="twilio: the account SID")
    mssid: str | None = Field(None, description="twilio: the Messaging Service SID (instead of default_from)")


class PhoneCredentials(Strict):
    auth_token: Secret | None = Field(None, description="twilio: the account's auth token")


class PhoneProviderSection(Strict):
    name: Literal["twilio", "custom"]
    disabled: bool = False
    configuration: PhoneConfiguration = Field(default_factory=PhoneConfiguration)
    credentials: PhoneCredentials = Field(default_factory=PhoneCredentials)

    @model_validator(mode="after")
    def _settings_of_the_provider(self) -> "PhoneProviderSection":
        twilio = {"configuration.sid": self.configuration.sid, "configuration.mssid": self.configuration.mssid,
                  "credentials.auth_token": self.credentials.auth_token}
        if self.name == "custom":
            extra = [key for key, value in twilio.items() if value is not None]
            if extra:
                raise ValueError(f"a custom provider sends through an Action; remove {', '.join(extra)}")
            return self
        missing = [key for key in ("configuration.sid", "credentials.auth_token") if twilio[key] is None]
        if missing:
            raise ValueError(f"twilio needs {' and '.join(missing)}")
        if self.configuration.default_from is None and self.configuration.mssid is None:
            raise ValueError("twilio needs configuration.default_from or configuration.mssid (a sender)")
        if self.configuration.default_from is not None and self.configuration.mssid is not None:
            raise ValueError("twilio takes one sender: configuration.default_from or configuration.mssid, not both")
        if len(set(self.configuration.delivery_methods)) != len(self.configuration.delivery_methods):
            raise ValueError("configuration.delivery_methods lists a method twice")
        return self


def _phone_factor_has_a_provider(blueprint: "Blueprint"):
    provider, phone = blueprint.phone_provider, blueprint.mfa.phone if blueprint.mfa else None
    if phone is None:
        return
    if provider is None:
        yield "mfa.phone", "SMS/voice MFA needs the phone_provider section (Unified Phone Experience)"
        return
    if provider.disabled:
        yield "phone_provider.disabled", "must be false while mfa.phone is set"
    method = {"sms": "text", "voice": "voice"}
    lacking = [kind for kind in phone.message_types if method[kind] not in provider.configuration.delivery_methods]
    if lacking:
        yield ("mfa.phone.message_types", f"{', '.join(lacking)} needs phone_provider.configuration.delivery_methods "
               f"to include {', '.join(method[kind] for kind in lacking)}")


def phone_checks(blueprint: "Blueprint"):
    """The phone factor, the tenant flag, the provider and its Action must agree."""
    provider = blueprint.phone_provider
    if provider is not None and blueprint.tenant.phone_consolidated_experience is not True:
        yield ("tenant.phone_consolidated_experience",
               "must be true when phone_provider is set (the Unified Phone Experience sends through it)")
    yield from _phone_factor_has_a_provider(blueprint)
    deployed = any(a.trigger == CUSTOM_TRIGGER and a.deploy for a in blueprint.actions.values())
    if provider is not None and provider.name == "custom" and not deployed:
        yield "phone_provider.name", f"custom needs a deployed Action with trigger {CUSTOM_TRIGGER} (actions)"
