"""Operations: the tenant firewall, and the addresses Auth0 calls out from.

Creates: auth0.NetworkAcl per `network_acls` key (allow, block, log or redirect by IP, CIDR, country, ASN,
user agent or TLS fingerprint). Reads Auth0's outbound IP ranges (get_outbound_ips) and exposes the ones of
the tenant's region, for teams that allowlist Auth0 where custom-database scripts, SMTP or Actions call in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_auth0 as auth0

from components.config.network_acls import NetworkAcl

# <tenant>.auth0.com is the original US region; the others carry their region: <tenant>.eu.auth0.com.
_REGIONAL_DOMAIN = re.compile(r"^[^.]+\.(?:(?P<region>[a-z]{2})\.)?auth0\.com$")


def region_of(tenant_domain: str) -> str | None:
    """Auth0's region code (as get_outbound_ips names it: US, EU, AU, ...) for a tenant domain; None if unknown."""
    found = _REGIONAL_DOMAIN.match(tenant_domain.lower())
    if not found:
        return None
    return (found.group("region") or "us").upper()


def _field(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def outbound_ranges(region: str | None, regions: list | None) -> dict[str, Any]:
    """The region's IPv4 ranges from get_outbound_ips' buckets; every bucket's when the region is unknown."""
    chosen = [bucket for bucket in regions or [] if region is None or str(_field(bucket, "region")).upper() == region]
    cidrs = sorted({cidr for bucket in chosen for cidr in _field(bucket, "ipv4_cidrs") or []})
    return {"region": region or "all", "ipv4_cidrs": cidrs}


def rule_inputs(acl: NetworkAcl) -> auth0.NetworkAclRuleArgs:
    action = {acl.action: True}
    if acl.redirect_uri:
        action["redirect_uri"] = acl.redirect_uri
    return auth0.NetworkAclRuleArgs(
        scope=acl.scope,
        action=auth0.NetworkAclRuleActionArgs(**action),
        match=auth0.NetworkAclRuleMatchArgs(**acl.match.model_dump(exclude_none=True)) if acl.match else None,
        not_match=auth0.NetworkAclRuleNotMatchArgs(**acl.not_match.model_dump(exclude_none=True))
        if acl.not_match else None,
    )


@dataclass(frozen=True)
class FirewallArgs:
    rules: dict[str, NetworkAcl]
    tenant_domain: str


class Firewall(pulumi.ComponentResource):
    outbound_ips: pulumi.Output[dict]

    def __init__(self, name: str, args: FirewallArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:operations:Firewall", name, None, opts)
        for key, acl in args.rules.items():
            auth0.NetworkAcl(
                f"{name}-{key}",
                description=acl.description or key,
                active=acl.active,
                priority=acl.priority,
                rule=rule_inputs(acl),
                opts=pulumi.ResourceOptions(parent=self),
            )

        region = region_of(args.tenant_domain)
        published = auth0.get_outbound_ips_output(opts=pulumi.InvokeOutputOptions(parent=self))
        self.outbound_ips = published.apply(lambda result: outbound_ranges(region, result.regions))
        self.register_outputs({"outbound_ips": self.outbound_ips})
