"""Operations: the tenant's own email delivery service.

Creates: auth0.EmailProvider (smtp, sendgrid, ses, mailgun, mandrill, sparkpost, azure_cs or ms365),
its credentials from secret config so they stay secret Outputs into the resource.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_auth0 as auth0

from components.config.email_provider import EmailProviderSection
from components.config.runtime import secret_value
from components.config.types import SecretRef


@dataclass(frozen=True)
class EmailProviderArgs:
    settings: EmailProviderSection
    protect: bool


def credentials_inputs(settings: EmailProviderSection, reveal: Callable[[SecretRef], Any]) -> dict[str, Any]:
    """The credentials block: each `{secret: name}` replaced by `reveal(ref)`, plain values as written."""
    return {
        key: reveal(value) if isinstance(value, SecretRef) else value
        for key in type(settings.credentials).model_fields
        if (value := getattr(settings.credentials, key)) is not None
    }


class EmailProvider(pulumi.ComponentResource):
    provider_name: pulumi.Output[str]

    def __init__(self, name: str, args: EmailProviderArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:operations:EmailProvider", name, None, opts)
        settings = args.settings
        provider = auth0.EmailProvider(
            f"{name}-settings",
            name=settings.name,
            enabled=settings.enabled,
            default_from_address=settings.default_from_address,
            credentials=credentials_inputs(settings, secret_value),
            settings=settings.settings.model_dump(exclude_none=True) if getattr(settings, "settings", None) else None,
            # Destroying it sends the tenant's mail through Auth0's test provider (or not at all).
            opts=pulumi.ResourceOptions(parent=self, protect=args.protect),
        )
        self.provider_name = provider.name
        self.register_outputs({"provider_name": self.provider_name})
