"""How long the first `pulumi up` of a plan takes: Management API calls per resource type, times the
resources, at the tenant's rate limit or what `--parallel` requests in flight can reach, whichever is lower.

The call counts are what the auth0 provider does to create a resource and read it back (create, then read;
an Action is also deployed and polled until built; Guardian writes each factor). Tiers are the table in
docs/bootstrapping.md ("Rate limits and `--parallel`"). It is an estimate of the API budget, not a promise:
Auth0's latency, retries after a 429 and the dependency order between resources come on top.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

CALLS_TO_CREATE = 2  # create (or update a singleton), then read back
CALLS_BY_TYPE = {
    "auth0:index/action:Action": 5,  # create, deploy, read, and about two polls until built
    "auth0:index/attackProtection:AttackProtection": 6,  # three settings, each written and read
    "auth0:index/guardian:Guardian": 12,  # policy, each factor and its provider written, then read
    "auth0:index/pages:Pages": 4,  # the global client and the tenant, each written and read
    "auth0:index/tenant:Tenant": 2,
    "auth0:index/customDomainVerification:CustomDomainVerification": 2,
}
SECONDS_PER_CALL = 0.3  # a Management API round trip, so one request in flight does about 3 a second


@dataclass(frozen=True)
class Tier:
    name: str
    requests_per_second: float
    parallel: int


TIERS = (
    Tier("free or non-production", 2, 2),
    Tier("self-service paid, production", 16, 8),
    Tier("enterprise, production", 50, 10),
)


def calls(resource_types: Iterable[str]) -> int:
    """Management API calls to create these resources (components and providers make none)."""
    counts = Counter(t for t in resource_types if t.startswith("auth0:"))
    return sum(CALLS_BY_TYPE.get(kind, CALLS_TO_CREATE) * count for kind, count in counts.items())


def deploy_seconds(call_count: int, requests_per_second: float, parallel: int) -> float:
    throughput = min(requests_per_second, parallel / SECONDS_PER_CALL)
    return call_count / throughput


def duration(seconds: float) -> str:
    if seconds < 90:
        return f"{math.ceil(seconds)} s"
    if seconds < 5400:
        return f"{math.ceil(seconds / 60)} min"
    return f"{seconds / 3600:.1f} h"


def summary(resource_types: Iterable[str]) -> str:
    """One line: the calls, and the time at the slowest and the common production tier."""
    call_count = calls(resource_types)
    slow, paid = TIERS[0], TIERS[1]
    return (f"first deploy about {call_count} Management API calls: "
            f"{duration(deploy_seconds(call_count, slow.requests_per_second, slow.parallel))} at "
            f"{slow.requests_per_second:g} req/s (--parallel {slow.parallel}), "
            f"{duration(deploy_seconds(call_count, paid.requests_per_second, paid.parallel))} at "
            f"{paid.requests_per_second:g} req/s (--parallel {paid.parallel})")
