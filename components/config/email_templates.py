"""`email_templates`: Auth0's email templates, keyed by Auth0's template name (`/email-templates`).

The body is a Liquid HTML file under assets/emails/; `make preview-templates` renders it with sample
variables. Auth0 customises templates only once the tenant has its own email provider.
"""


import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, Field, field_validator
from pydantic_core import PydanticCustomError

from components.config.types import AssetFile, HttpsUrl, Strict

if TYPE_CHECKING:
    from components.config.blueprint import Blueprint

TemplateName = Literal[
    "verify_email", "verify_email_by_code", "reset_email", "reset_email_by_code", "welcome_email",
    "blocked_account", "stolen_credentials", "enrollment_email", "mfa_oob_code", "user_invitation",
    "change_password", "password_reset", "async_approval", "auth_email_by_code",
]


# What each email carries, from Auth0's table of email templates: these hold no link, so a redirect URL or a
# link lifetime on them is never used.
NO_LINK = {
    "verify_email_by_code": "a verification code", "mfa_oob_code": "an MFA code",
    "auth_email_by_code": "a passwordless code", "stolen_credentials": "informational content",
}
# Only these two add the user's email to the redirect (Management API: includeEmailInRedirect).
EMAIL_IN_REDIRECT = ("verify_email", "reset_email")

_ADDRESS = r"[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+"
_SENDER = re.compile(rf"{_ADDRESS}|[^<>@]*<{_ADDRESS}>|.*\{{\{{.*\}}\}}.*")
# Auth0 refuses a template body over 100 KB (the Management API's limit for email template bodies).
MAX_BODY_BYTES = 100_000


def _sender(value: str) -> str:
    if not _SENDER.fullmatch(value.strip()):
        raise PydanticCustomError("email_sender", "expected an address, 'Name <address>' or Liquid ({{ ... }})")
    return value


class EmailTemplate(Strict):
    body: AssetFile = Field(description="Liquid HTML file, e.g. assets/emails/verify_email.html; at most 100 KB")
    subject: Annotated[str, Field(min_length=1, description="may use Liquid variables")]
    # `addr`, `Name <addr>`, or Liquid (`{{ application.name }} <no-reply@acme.example>`) that Auth0 renders.
    from_: Annotated[str, AfterValidator(_sender), Field(max_length=320)] | None = Field(
        None, alias="from", description="sender, e.g. 'Acme <no-reply@acme.example>'; "
        "defaults to email_provider.default_from_address",
    )
    result_url: HttpsUrl | None = Field(None, description="where the link in the email sends the user afterwards")
    url_lifetime_in_seconds: Annotated[int, Field(gt=0)] | None = Field(
        None, description="seconds the link in the email works; unset keeps Auth0's default"
    )
    include_email_in_redirect: bool | None = Field(
        None, description="verify_email and reset_email only: add ?email= to the result_url (Auth0's default: true)"
    )
    enabled: bool = True
    syntax: Literal["liquid"] = "liquid"

    @field_validator("body")
    @classmethod
    def _within_auth0_limit(cls, body):
        if len(body.text.encode()) > MAX_BODY_BYTES:
            raise PydanticCustomError("body_size", "{path} is over Auth0's {limit} byte limit for a template body",
                                      {"path": body.path, "limit": MAX_BODY_BYTES})
        return body


EmailTemplatesSection = dict[TemplateName, EmailTemplate]


def email_templates_need_a_provider(blueprint: "Blueprint") -> Iterable[tuple[str, str]]:
    if blueprint.email_templates and blueprint.email_provider is None:
        yield "email_templates", "Auth0 customises email templates only with an email_provider; add one"


def link_settings_fit_the_template(blueprint: "Blueprint") -> Iterable[tuple[str, str]]:
    for name, template in blueprint.email_templates.items():
        for field in ("result_url", "url_lifetime_in_seconds"):
            if name in NO_LINK and getattr(template, field) is not None:
                yield f"email_templates.{name}.{field}", (
                    f"{name} carries {NO_LINK[name]} and no link, so Auth0 never uses {field}; remove it")
        if name not in EMAIL_IN_REDIRECT and template.include_email_in_redirect is not None:
            yield f"email_templates.{name}.include_email_in_redirect", (
                f"Auth0 adds the email to the redirect only for {' and '.join(EMAIL_IN_REDIRECT)}; remove it")

