"""`custom_domain`: the login domain users see (and the issuer in every token)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from components.config.types import Domain, Strict

MetadataKey = Annotated[str, Field(min_length=1, max_length=255)]


class CustomDomainSection(Strict):
    domain: Domain
    type: Literal["auth0_managed_certs", "self_managed_certs"] = "auth0_managed_certs"
    tls_policy: Literal["recommended", "compatible"] | None = Field(
        None, description="only for auth0_managed_certs"
    )
    custom_client_ip_header: Literal[
        "true-client-ip", "cf-connecting-ip", "x-forwarded-for", "x-azure-clientip"
    ] | None = Field(None, description="only for self_managed_certs: the header your proxy puts the client IP in")
    verify: bool = Field(
        False, description="add a CustomDomainVerification, which waits until the DNS record is in place"
    )
    default: bool = Field(
        False, description="make it the tenant's default domain (CustomDomainDefault), once verified; "
        "emails and links then use it"
    )
    domain_metadata: dict[MetadataKey, Annotated[str, Field(max_length=255)]] | None = Field(
        None, max_length=10, description="at most 10 entries (Auth0 early access)"
    )

    @model_validator(mode="after")
    def _options_fit_the_type(self) -> CustomDomainSection:
        if self.type == "self_managed_certs" and self.tls_policy:
            raise ValueError("tls_policy applies only to auth0_managed_certs")
        if self.type == "auth0_managed_certs" and self.custom_client_ip_header:
            raise ValueError("custom_client_ip_header applies only to self_managed_certs")
        return self
