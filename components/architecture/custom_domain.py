"""Tenant architecture: one custom login domain (the composition creates one per configured domain).

Creates: auth0.CustomDomain (Auth0-managed or self-managed certificates, TLS policy or client-IP header,
passkey relying-party ID, domain metadata) and,
when asked, auth0.CustomDomainVerification and, after it, auth0.CustomDomainDefault (the tenant's default
domain). Exports the DNS record the team must create; `ready` is what waits for the verification.
"""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_auth0 as auth0

from components.config.custom_domain import CustomDomainSection


@dataclass(frozen=True)
class CustomDomainArgs:
    settings: CustomDomainSection
    protect: bool


def dns_record(domain: str, origin: str | None, verifications: list | None) -> dict[str, str]:
    """The record to create at the DNS provider, from what Auth0 reports for the domain."""
    for verification in verifications or []:
        for method in (verification.get("methods") if isinstance(verification, dict) else verification.methods) or []:
            if method.get("record"):
                return {"type": method.get("name", "CNAME").upper(), "name": method.get("domain", domain),
                        "value": method["record"]}
    return {"type": "CNAME", "name": domain, "value": origin or ""}


class CustomDomain(pulumi.ComponentResource):
    domain: pulumi.Output[str]
    dns_record: pulumi.Output[dict]
    # What a setting that needs a ready domain depends on: the verification (and the default), when there is one.
    ready: list[pulumi.Resource]

    def __init__(self, name: str, args: CustomDomainArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:architecture:CustomDomain", name, None, opts)
        settings = args.settings
        custom_domain = auth0.CustomDomain(
            f"{name}-domain",
            domain=settings.domain,
            type=settings.type,
            tls_policy=settings.tls_policy,
            custom_client_ip_header=settings.custom_client_ip_header,
            relying_party_identifier=settings.relying_party_identifier,
            domain_metadata=settings.domain_metadata,
            # Deleting the domain stops login on it, and tokens carry it as their issuer.
            opts=pulumi.ResourceOptions(parent=self, protect=args.protect),
        )
        self.ready = []
        if settings.verify:
            verification = auth0.CustomDomainVerification(
                f"{name}-verification",
                custom_domain_id=custom_domain.id,
                opts=pulumi.ResourceOptions(parent=self),
            )
            self.ready.append(verification)
            if settings.default:
                self.ready.append(auth0.CustomDomainDefault(
                    f"{name}-default",
                    domain=custom_domain.domain,
                    opts=pulumi.ResourceOptions(parent=self, depends_on=[verification]),
                ))
        self.domain = custom_domain.domain
        self.dns_record = pulumi.Output.all(
            custom_domain.domain, custom_domain.origin_domain_name, custom_domain.verifications
        ).apply(lambda values: dns_record(*values))
        self.register_outputs({"domain": self.domain, "dns_record": self.dns_record})
