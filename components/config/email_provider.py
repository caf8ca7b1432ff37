"""`email_provider`: the tenant's own email delivery service (Management API `/emails/provider`).

What authenticates (API keys, passwords, key pairs, client credentials) is a `{secret: name}` reference
only; where mail goes (host, port, region, domain) is plain, so a plan shows it.
"""


from typing import Annotated, Literal

from pydantic import Field

from components.config.types import Domain, Email, Secret, Strict


class _Provider(Strict):
    enabled: bool = True
    default_from_address: Email = Field(description="the sender when a template sets no `from`")


class ApiKeyCredentials(Strict):
    api_key: Secret


class SmtpCredentials(Strict):
    smtp_host: Domain
    smtp_port: Annotated[int, Field(ge=1, le=65535, description="avoid 25; many networks block it")] = 587
    smtp_user: Secret
    smtp_pass: Secret


class SmtpHeaders(Strict):
    x_mc_view_content_link: Literal["true", "false"] | None = None
    x_ses_configuration_set: str | None = None


class SmtpSettings(Strict):
    headers: SmtpHeaders


class SmtpProvider(_Provider):
    name: Literal["smtp"]
    credentials: SmtpCredentials
    settings: SmtpSettings | None = None


class SendgridProvider(_Provider):
    name: Literal["sendgrid"]
    credentials: ApiKeyCredentials


class SesCredentials(Strict):
    access_key_id: Secret
    secret_access_key: Secret
    region: Annotated[str, Field(pattern=r"^[a-z]{2}(-[a-z]+)+-\d$")]


class SesMessage(Strict):
    configuration_set_name: str


class SesSettings(Strict):
    message: SesMessage


class SesProvider(_Provider):
    name: Literal["ses"]
    credentials: SesCredentials
    settings: SesSettings | None = None


class MailgunCredentials(Strict):
    api_key: Secret
    domain: Domain
    region: Literal["eu"] | None = Field(None, description="eu for Mailgun's EU region; unset for the US")


class MailgunProvider(_Provider):
    name: Literal["mailgun"]
    credentials: MailgunCredentials


class MandrillMessage(Strict):
    view_content_link: bool


class MandrillSettings(Strict):
    message: MandrillMessage


class MandrillProvider(_Provider):
    name: Literal["mandrill"]
    credentials: ApiKeyCredentials
    settings: MandrillSettings | None = None


class SparkpostCredentials(Strict):
    api_key: Secret
    region: Literal["eu"] | None = Field(None, description="eu for SparkPost EU; unset for the US")


class SparkpostProvider(_Provider):
    name: Literal["sparkpost"]
    credentials: SparkpostCredentials


class AzureCsCredentials(Strict):
    azure_cs_connection_string: Secret


class AzureCsProvider(_Provider):
    name: Literal["azure_cs"]
    credentials: AzureCsCredentials


class Ms365Credentials(Strict):
    ms365_tenant_id: str
    ms365_client_id: Secret
    ms365_client_secret: Secret


class Ms365Provider(_Provider):
    name: Literal["ms365"]
    credentials: Ms365Credentials


EmailProviderSection = Annotated[
    SmtpProvider | SendgridProvider | SesProvider | MailgunProvider | MandrillProvider | SparkpostProvider
    | AzureCsProvider | Ms365Provider,
    Field(discriminator="name"),
]
