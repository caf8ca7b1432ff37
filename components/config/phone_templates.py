"""`phone_templates`: the tenant's SMS and voice message templates (Unified Phone Experience), keyed by
Auth0's template type (Management API `/branding/phone/templates`).

Each template has its own SMS text and voice text, may set its sender (`from`) and may be disabled. Auth0
sends them through the tenant-level phone provider only, so the section needs `phone_provider`.
"""


from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, model_validator

from components.config.types import Strict

if TYPE_CHECKING:
    from components.config.blueprint import Blueprint

# Auth0's template types (Management API and the Terraform provider's validation).
PhoneTemplateType = Literal["otp_verify", "otp_enroll", "change_password", "blocked_account", "password_breach"]
# The Guardian phone factor's old per-factor texts (`mfa.phone.<field>`), which still become these templates.
MFA_PHONE_MESSAGES = {"otp_enroll": "enrollment_message", "otp_verify": "verification_message"}


class PhoneTemplateBody(Strict):
    text: Annotated[str, Field(min_length=1, description="the SMS text; Liquid, e.g. {{ code }}")] | None = None
    voice: Annotated[str, Field(min_length=1, description="what the voice call says")] | None = None


class PhoneTemplateContent(Strict):
    from_: Annotated[str, Field(min_length=1)] | None = Field(
        None, alias="from", description="the sender number; unset: phone_provider.configuration.default_from")
    body: PhoneTemplateBody

    @model_validator(mode="after")
    def _some_words(self) -> "PhoneTemplateContent":
        if self.body.text is None and self.body.voice is None:
            raise ValueError("body needs text (SMS), voice, or both")
        return self


class PhoneTemplate(Strict):
    disabled: bool = False
    content: PhoneTemplateContent | None = Field(None, description="unset: Auth0's default words")


PhoneTemplatesSection = dict[PhoneTemplateType, PhoneTemplate]


def phone_templates_checks(blueprint: "Blueprint") -> Iterable[tuple[str, str]]:
    """Templates are sent only through the tenant's phone provider, and one owner per template type."""
    if blueprint.phone_templates and blueprint.phone_provider is None:
        yield "phone_templates", ("Auth0 uses phone templates only with an external phone provider: add the "
                                  "phone_provider section")
    phone = blueprint.mfa.phone if blueprint.mfa else None
    for kind, field in MFA_PHONE_MESSAGES.items():
        if phone is not None and getattr(phone, field) is not None and kind in blueprint.phone_templates:
            yield f"mfa.phone.{field}", f"the {kind} phone template is also set in phone_templates.{kind}; keep one"
