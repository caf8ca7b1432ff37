"""`attack_protection`: brute force, breached passwords, suspicious IPs, bot detection, CAPTCHA and SMS resend
limits."""


import ipaddress
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from components.config.types import Secret, Strict


def _ip_or_range(value: Any) -> str:
    try:
        ipaddress.ip_network(str(value), strict=False)
    except ValueError:
        raise PydanticCustomError("ip_address", "expected an IPv4/IPv6 address or CIDR range") from None
    return str(value)


IpOrRange = Annotated[str, BeforeValidator(_ip_or_range), WithJsonSchema({"type": "string"})]
Frequency = Literal["immediately", "daily", "weekly", "monthly"]


class BruteForce(Strict):
    enabled: bool = True
    shields: list[Literal["block", "user_notification"]] = Field(default_factory=lambda: ["block",
                                                                                        "user_notification"])
    mode: Literal["count_per_identifier_and_ip", "count_per_identifier"] = "count_per_identifier_and_ip"
    max_attempts: Annotated[int, Field(ge=1, le=100)] = 10
    allowlist: list[IpOrRange] = Field(default_factory=list, description="e.g. your office or load-test IPs")


class BreachedPassword(Strict):
    enabled: bool = True
    method: Literal["standard", "enhanced"] = Field("standard", description="enhanced: Credential Guard")
    shields: list[Literal["block", "user_notification", "admin_notification"]] = Field(
        default_factory=lambda: ["block", "user_notification"]
    )
    pre_user_registration_shields: list[Literal["block", "admin_notification"]] = Field(
        default_factory=lambda: ["block"]
    )
    pre_change_password_shields: list[Literal["block", "admin_notification"]] = Field(
        default_factory=lambda: ["block"]
    )
    admin_notification_frequencies: list[Frequency] = Field(default_factory=list)

    @model_validator(mode="after")
    def _notifications_have_a_frequency(self) -> "BreachedPassword":
        notifies = "admin_notification" in [
            *self.shields, *self.pre_user_registration_shields, *self.pre_change_password_shields
        ]
        if notifies and not self.admin_notification_frequencies:
            raise ValueError("admin_notification needs admin_notification_frequencies")
        if self.admin_notification_frequencies and not notifies:
            raise ValueError("admin_notification_frequencies needs admin_notification in some shields")
        return self


class Throttle(Strict):
    max_attempts: Annotated[int, Field(ge=1)]
    rate: Annotated[int, Field(ge=1, description="milliseconds until a new attempt is allowed")]


class SuspiciousIpThrottling(Strict):
    enabled: bool = True
    shields: list[Literal["block", "admin_notification"]] = Field(default_factory=lambda: ["block"])
    allowlist: list[IpOrRange] = Field(default_factory=list)
    pre_login: Throttle = Field(default_factory=lambda: Throttle(max_attempts=100, rate=864_000))
    pre_user_registration: Throttle = Field(default_factory=lambda: Throttle(max_attempts=50, rate=1_200))


class BotDetection(Strict):
    """Needs the Attack Protection add-on (Enterprise); Auth0 rejects it on other plans."""

    bot_detection_level: Literal["low", "medium", "high"] = "medium"
    challenge_password_policy: Literal["never", "when_risky", "always"] = "when_risky"
    challenge_passwordless_policy: Literal["never", "when_risky", "always"] = "when_risky"
    challenge_password_reset_policy: Literal["never", "when_risky", "always"] = "when_risky"
    allowlist: list[IpOrRange] = Field(default_factory=list)
    monitoring_mode_enabled: bool = False


class Captcha(Strict):
    """The challenge bot detection shows. auth_challenge and simple_captcha need no keys."""

    provider: Literal[
        "auth_challenge", "simple_captcha", "recaptcha_v2", "recaptcha_enterprise", "hcaptcha", "friendly_captcha",
        "arkose",
    ]
    site_key: str | None = None
    secret: Secret | None = None
    fail_open: bool = Field(False, description="auth_challenge and arkose: let users through if the challenge fails")
    api_key: Secret | None = Field(None, description="recaptcha_enterprise: the Google Cloud API key")
    project_id: str | None = Field(None, description="recaptcha_enterprise: the Google Cloud project")
    client_subdomain: str | None = Field(None, description="arkose: custom client-API subdomain")
    verify_subdomain: str | None = Field(None, description="arkose: custom verify-API subdomain")

    @model_validator(mode="after")
    def _keys_fit_the_provider(self) -> "Captcha":
        provider = self.provider
        keyless = provider in ("auth_challenge", "simple_captcha")
        if keyless and (self.site_key or self.secret):
            raise ValueError(f"{provider} takes no site_key or secret")
        if provider == "recaptcha_enterprise":
            if self.secret or not (self.site_key and self.api_key and self.project_id):
                raise ValueError("recaptcha_enterprise needs site_key, api_key and project_id (no secret)")
        elif not keyless and not (self.site_key and self.secret):
            raise ValueError(f"{provider} needs site_key and secret")
        if provider != "recaptcha_enterprise" and (self.api_key or self.project_id):
            raise ValueError("api_key and project_id apply only to recaptcha_enterprise")
        if provider != "arkose" and (self.client_subdomain or self.verify_subdomain):
            raise ValueError("client_subdomain and verify_subdomain apply only to arkose")
        if self.fail_open and provider not in ("auth_challenge", "arkose"):
            raise ValueError("fail_open applies only to auth_challenge and arkose")
        return self


class PhoneProviderProtection(Strict):
    """Limits on SMS resends during MFA enrollment (Auth0 early access)."""

    type: Literal["exponential"] = Field(description="exponential: each resend waits longer than the last")


class AttackProtectionSettings(Strict):
    brute_force_protection: BruteForce = Field(default_factory=BruteForce)
    breached_password_detection: BreachedPassword = Field(default_factory=BreachedPassword)
    suspicious_ip_throttling: SuspiciousIpThrottling = Field(default_factory=SuspiciousIpThrottling)
    bot_detection: BotDetection | None = None
    captcha: Captcha | None = None
    phone_provider_protection: PhoneProviderProtection | None = None
