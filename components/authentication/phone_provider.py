"""User authentication: the tenant-level phone provider (Unified Phone Experience) and its message templates.

Creates: auth0.PhoneProvider (twilio or custom), which sends every SMS and voice message of the tenant:
MFA codes and passwordless `sms` connections. A custom provider waits for its Action (`after`). And one
auth0.BrandingPhoneNotificationTemplate per `phone_templates` entry (SMS text, voice text, sender), each
applied after the provider, since Auth0 customises phone templates only with an external provider.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_auth0 as auth0

from components.config.phone_provider import PhoneProviderSection
from components.config.phone_templates import PhoneTemplate
from components.config.runtime import secret_value
from components.config.types import SecretRef


@dataclass(frozen=True)
class PhoneProviderArgs:
    settings: PhoneProviderSection
    after: Sequence[pulumi.Resource] = ()
    templates: Mapping[str, PhoneTemplate] = field(default_factory=dict)  # keyed by Auth0's template type


def phone_provider_arguments(settings: PhoneProviderSection, secret: Callable[[SecretRef], Any]) -> dict[str, Any]:
    configuration, token = settings.configuration, settings.credentials.auth_token
    return {
        "name": settings.name,
        "disabled": settings.disabled,
        "configuration": auth0.PhoneProviderConfigurationArgs(
            delivery_methods=list(configuration.delivery_methods),
            default_from=configuration.default_from,
            sid=configuration.sid,
            mssid=configuration.mssid,
        ),
        # The provider requires the block; a custom provider has nothing in it.
        "credentials": auth0.PhoneProviderCredentialsArgs(auth_token=secret(token) if token else None),
    }


def phone_template_arguments(kind: str, template: PhoneTemplate) -> dict[str, Any]:
    content = template.content
    return {
        "type": kind,
        "disabled": template.disabled,
        "content": auth0.BrandingPhoneNotificationTemplateContentArgs(
            from_=content.from_,
            body=auth0.BrandingPhoneNotificationTemplateContentBodyArgs(text=content.body.text,
                                                                        voice=content.body.voice),
        ) if content else None,
    }


class PhoneProvider(pulumi.ComponentResource):
    provider_id: pulumi.Output[str]

    def __init__(self, name: str, args: PhoneProviderArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:authentication:PhoneProvider", name, None, opts)
        provider = auth0.PhoneProvider(
            f"{name}-provider", **phone_provider_arguments(args.settings, secret_value),
            opts=pulumi.ResourceOptions(parent=self, depends_on=list(args.after)),
        )
        for kind, template in args.templates.items():
            auth0.BrandingPhoneNotificationTemplate(
                f"{name}-{kind.replace('_', '-')}", **phone_template_arguments(kind, template),
                opts=pulumi.ResourceOptions(parent=self, depends_on=[provider]),
            )
        self.provider_id = provider.id
        self.register_outputs({"provider_id": self.provider_id})
