"""`mfa`: the tenant's multi-factor policy and factors (Guardian)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from components.config.types import Secret, Strict


class WebauthnRoaming(Strict):
    enabled: bool = True
    user_verification: Literal["discouraged", "preferred", "required"] = "preferred"


class WebauthnPlatform(Strict):
    enabled: bool = True


class Twilio(Strict):
    sid: str
    auth_token: Secret
    from_: str | None = Field(None, alias="from")
    messaging_service_sid: str | None = None

    @model_validator(mode="after")
    def _one_sender(self) -> Twilio:
        if (self.from_ is None) == (self.messaging_service_sid is None):
            raise ValueError("set exactly one of from or messaging_service_sid")
        return self


class Phone(Strict):
    """SMS or voice codes. Auth0's own provider is for testing; production uses Twilio or an Action."""

    provider: Literal["auth0", "twilio", "phone-message-hook"]
    message_types: list[Literal["sms", "voice"]] = Field(default_factory=lambda: ["sms"], min_length=1)
    twilio: Twilio | None = None
    enrollment_message: str | None = None
    verification_message: str | None = None

    @model_validator(mode="after")
    def _provider_settings(self) -> Phone:
        if (self.provider == "twilio") != (self.twilio is not None):
            raise ValueError("twilio settings are needed with provider twilio, and only then")
        return self


class MfaSettings(Strict):
    policy: Literal["never", "all-applications", "confidence-score"] = Field(
        description="never: only when an Action asks; all-applications: always; confidence-score: adaptive"
    )
    otp: bool = False
    email: bool = Field(False, description="email codes (needs a custom email provider)")
    recovery_code: bool = False
    webauthn_roaming: WebauthnRoaming | None = None
    webauthn_platform: WebauthnPlatform | None = None
    phone: Phone | None = None
    mfa_session_overall_timeout: Annotated[int, Field(gt=0)] | None = None

    @property
    def factors(self) -> list[str]:
        found = [name for name in ("otp", "email", "recovery_code") if getattr(self, name)]
        found += [name for name in ("webauthn_roaming", "webauthn_platform") if getattr(self, name)
                  and getattr(self, name).enabled]
        return found + (["phone"] if self.phone else [])

    @model_validator(mode="after")
    def _a_factor_to_use(self) -> MfaSettings:
        if self.policy != "never" and not [f for f in self.factors if f != "recovery_code"]:
            raise ValueError(f"policy {self.policy} needs at least one factor besides recovery codes")
        return self
