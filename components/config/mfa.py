"""`mfa`: the tenant's multi-factor policy and factors (Guardian)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from components.config.types import Strict


class WebauthnRoaming(Strict):
    enabled: bool = True
    user_verification: Literal["discouraged", "preferred", "required"] = "preferred"


class WebauthnPlatform(Strict):
    enabled: bool = True


class Phone(Strict):
    """SMS or voice codes, sent through the tenant's phone provider (the `phone_provider` section)."""

    message_types: list[Literal["sms", "voice"]] = Field(default_factory=lambda: ["sms"], min_length=1)
    enrollment_message: str | None = Field(None, description="becomes the tenant's otp_enroll phone template")
    verification_message: str | None = Field(None, description="becomes the tenant's otp_verify phone template")

    @model_validator(mode="before")
    @classmethod
    def _provider_moved(cls, data: Any) -> Any:
        moved = [key for key in ("provider", "twilio") if isinstance(data, dict) and key in data]
        if moved:
            raise ValueError(f"{' and '.join(moved)} moved to the phone_provider section (Unified Phone "
                             "Experience): set phone_provider name, configuration and credentials there")
        return data


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
