"""`mfa`: the tenant's multi-factor policy, factors and MFA session settings (Guardian).

Defaults are the dashboard's: a factor left out is off; WebAuthn user verification `discouraged` ("Never");
keys issued for the login domain unless a relying party is set; OTP codes of 6 digits valid 5 minutes.
"""


from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from components.config.mfa_push import Duo, Push
from components.config.types import Domain, Strict

_HOUR, _DAY = 3600, 86400


class _RelyingParty(Strict):
    override_relying_party: bool = Field(False, description="true: keys are issued for relying_party_identifier")
    relying_party_identifier: Domain | None = Field(
        None, description="a registrable suffix of the login domain, e.g. acme.example for login.acme.example")

    @model_validator(mode="after")
    def _identifier_with_override(self):
        if self.override_relying_party and self.relying_party_identifier is None:
            raise ValueError("override_relying_party: true needs relying_party_identifier")
        if self.relying_party_identifier is not None and not self.override_relying_party:
            raise ValueError("relying_party_identifier is used only with override_relying_party: true")
        return self


class WebauthnRoaming(_RelyingParty):
    """Security keys (FIDO)."""

    enabled: bool = True
    user_verification: Literal["discouraged", "preferred", "required"] = "discouraged"


class WebauthnPlatform(_RelyingParty):
    """Device biometrics (Touch ID, Windows Hello...)."""

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


class OtpSettings(Strict):
    """The one-time codes sent by email or phone (independent of whether the factor is on)."""

    otp_length: Annotated[int, Field(ge=4)] = 6
    otp_expiration_time: Annotated[int, Field(ge=30, description="seconds")] = 300


class SessionSettings(Strict):
    """How often users are asked for MFA again, and the "Remember me" checkbox of the MFA prompt."""

    display_remember_me_checkbox: bool = True
    remember_me_default_value: bool = False
    mfa_session_inactivity_timeout: Annotated[int, Field(ge=_HOUR, le=30 * _DAY, description="seconds")] = 7 * _DAY
    mfa_session_overall_timeout: Annotated[int, Field(ge=_HOUR, le=90 * _DAY, description="seconds")] = 30 * _DAY

    @model_validator(mode="after")
    def _inactivity_within_overall(self) -> "SessionSettings":
        if self.mfa_session_inactivity_timeout > self.mfa_session_overall_timeout:
            raise ValueError(f"mfa_session_inactivity_timeout ({self.mfa_session_inactivity_timeout}) cannot exceed "
                             f"mfa_session_overall_timeout ({self.mfa_session_overall_timeout})")
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
    push: Push | None = None
    duo: Duo | None = None
    email_settings: OtpSettings | None = Field(None, description="unset: Auth0's (6 digits, 300 seconds)")
    phone_settings: OtpSettings | None = Field(None, description="unset: Auth0's (6 digits, 300 seconds)")
    settings: SessionSettings | None = Field(None, description="unset: Auth0's (7 days inactive, 30 days overall)")

    @model_validator(mode="before")
    @classmethod
    def _session_timeout_moved(cls, data: Any) -> Any:
        if isinstance(data, dict) and "mfa_session_overall_timeout" in data:
            raise ValueError("mfa_session_overall_timeout moved to mfa.settings (with the inactivity timeout "
                             "and the Remember me checkbox)")
        return data

    @property
    def factors(self) -> list[str]:
        found = [name for name in ("otp", "email", "recovery_code") if getattr(self, name)]
        found += [name for name in ("webauthn_roaming", "webauthn_platform", "push", "duo") if getattr(self, name)
                  and getattr(self, name).enabled]
        return found + (["phone"] if self.phone else [])

    @model_validator(mode="after")
    def _a_factor_to_use(self) -> "MfaSettings":
        others = [f for f in self.factors if f != "recovery_code"]
        if self.policy != "never" and not others:
            raise ValueError(f"policy {self.policy} needs at least one factor besides recovery codes")
        if self.recovery_code and not others:
            raise ValueError("recovery_code needs another factor: Auth0 issues recovery codes when a user enrols one")
        if others == ["webauthn_platform"]:
            raise ValueError("webauthn_platform cannot be the only factor: enable another one (Auth0 requires it)")
        return self
