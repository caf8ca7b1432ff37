"""`custom_domain` and `custom_domains`: the login domains users see (and the issuer in every token).

`custom_domain` is the tenant's first (or only) custom domain; `custom_domains` adds more, keyed by a stable
key (Auth0's Multiple Custom Domains). At most one of them all is the tenant's default (`default: true`).
"""


from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from components.config.types import Domain, Key, Strict

if TYPE_CHECKING:
    from components.config.blueprint import Blueprint

MetadataKey = Annotated[str, Field(min_length=1, max_length=255)]


class CustomDomainSection(Strict):
    domain: Domain
    type: Literal["auth0_managed_certs", "self_managed_certs"] = "auth0_managed_certs"
    tls_policy: Literal["recommended", "compatible"] | None = Field(
        None, description="only for auth0_managed_certs; Auth0's default is recommended (TLS 1.2 and up)"
    )
    custom_client_ip_header: Literal[
        "true-client-ip", "cf-connecting-ip", "x-forwarded-for", "x-azure-clientip"
    ] | None = Field(None, description="only for self_managed_certs: the header your proxy puts the client IP in")
    relying_party_identifier: Domain | None = Field(
        None, description="passkeys: the rpId on this domain (the domain itself, or a parent domain of it); "
        "unset uses the full domain"
    )
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
    def _options_fit_the_type(self) -> "CustomDomainSection":
        if self.type == "self_managed_certs" and self.tls_policy:
            raise ValueError("tls_policy applies only to auth0_managed_certs")
        if self.type == "auth0_managed_certs" and self.custom_client_ip_header:
            raise ValueError("custom_client_ip_header applies only to self_managed_certs")
        rp_id = self.relying_party_identifier
        if rp_id and rp_id != self.domain and not self.domain.endswith(f".{rp_id}"):
            raise ValueError(f"relying_party_identifier {rp_id} must be {self.domain} or a parent domain of it "
                             "(WebAuthn accepts no other rpId)")
        return self


def _without_left_out(value: Any) -> Any:
    """A stack overlay leaves a domain out with `<key>: null` (or all of them with `custom_domains: null`)."""
    if value is None:
        return {}
    return {key: domain for key, domain in value.items() if domain is not None} if isinstance(value, dict) else value


CustomDomainsSection = Annotated[dict[Key, CustomDomainSection], BeforeValidator(_without_left_out)]


def all_custom_domains(blueprint: "Blueprint") -> list[tuple[str, CustomDomainSection]]:
    """(dotted key path, settings) of every custom domain, the single `custom_domain` first."""
    single = [("custom_domain", blueprint.custom_domain)] if blueprint.custom_domain else []
    return single + [(f"custom_domains.{key}", domain) for key, domain in blueprint.custom_domains.items()]


def default_custom_domain(blueprint: "Blueprint") -> CustomDomainSection | None:
    return next((domain for _, domain in all_custom_domains(blueprint) if domain.default), None)


def custom_domains_are_distinct(blueprint: "Blueprint") -> Iterable[tuple[str, str]]:
    seen: dict[str, str] = {}
    defaults: list[str] = []
    for path, domain in all_custom_domains(blueprint):
        if domain.domain in seen:
            yield f"{path}.domain", f"{domain.domain} is already {seen[domain.domain]}; Auth0 holds a domain once"
        seen.setdefault(domain.domain, path)
        if domain.default:
            defaults.append(path)
    if len(defaults) > 1:
        yield f"{defaults[1]}.default", (
            f"the tenant has one default domain (CustomDomainDefault) and {defaults[0]} is already it")
