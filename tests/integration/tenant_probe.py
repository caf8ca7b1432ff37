"""What the integration tests check on a real tenant, without the tests' plumbing: URLs, request bodies, the
applications and connections a stack must have (from its offline plan), issuer and token checks, and an HTTP
layer (standard library only) whose opener the unit tests replace (tests/test_tenant_probe.py).
"""

from __future__ import annotations

import base64
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from cli.offline import Plan

CLIENT = "auth0:index/client:Client"
CONNECTION = "auth0:index/connection:Connection"
CLIENT_GRANT = "auth0:index/clientGrant:ClientGrant"


def discovery_url(domain: str) -> str:
    return f"https://{domain.strip().lower()}/.well-known/openid-configuration"


def expected_issuer(domain: str) -> str:
    # Auth0's issuer is the domain with a trailing slash; tokens carry exactly this string.
    return f"https://{domain.strip().lower()}/"


def issuer_problem(discovered: dict[str, Any], domain: str) -> str | None:
    """Why the discovery document does not belong to `domain`, or None. Exact match: so do the relying parties."""
    issuer, want = discovered.get("issuer"), expected_issuer(domain)
    if issuer != want:
        return f"issuer is {issuer!r}, expected {want!r}"
    token_endpoint = discovered.get("token_endpoint", "")
    if not token_endpoint.startswith(want):
        return f"token_endpoint {token_endpoint!r} is not on {want!r}"
    return None


def management_audience(tenant_domain: str) -> str:
    return f"https://{tenant_domain}/api/v2/"


def token_request(domain: str, client_id: str, client_secret: str, audience: str) -> tuple[str, bytes]:
    """URL and form body of a client-credentials token request."""
    body = urllib.parse.urlencode({
        "grant_type": "client_credentials", "client_id": client_id,
        "client_secret": client_secret, "audience": audience,
    }).encode()
    return f"https://{domain}/oauth/token", body


def management_url(tenant_domain: str, path: str, **query: Any) -> str:
    encoded = urllib.parse.urlencode({k: str(v).lower() if isinstance(v, bool) else v for k, v in query.items()})
    return f"https://{tenant_domain}/api/v2/{path.lstrip('/')}" + (f"?{encoded}" if encoded else "")


def jwt_claims(token: str) -> dict[str, Any]:
    """The payload of a JWT, unverified: the test checks what Auth0 issued, not who signed it."""
    parts = token.split(".")
    if len(parts) != 3:
        raise ValueError("not a JWT (expected three dot-separated parts)")
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    return json.loads(base64.urlsafe_b64decode(payload))


@dataclass(frozen=True)
class Expected:
    applications: frozenset[str]
    connections: frozenset[str]
    # (application name, audience) of a machine-to-machine application with a grant, for the token test
    m2m: tuple[str, str] | None


def expected_resources(plan: Plan, client_key: str | None = None) -> Expected:
    """What the tenant must show after `pulumi up` of the stack this offline plan was made for."""
    clients = {r.urn: r for r in plan.of_type(CLIENT)}
    m2m = None
    for grant in plan.of_type(CLIENT_GRANT):
        for urn in grant.dependencies:
            client = clients.get(urn)
            if client is None or client.inputs.get("appType") != "non_interactive":
                continue
            if client_key is None or client.name.endswith(f"-{client_key}"):
                m2m = m2m or (client.inputs["name"], grant.inputs["audience"])
    if client_key is not None and m2m is None:
        raise LookupError(f"no non_interactive application with key {client_key!r} and a client grant in the plan")
    return Expected(
        applications=frozenset(r.inputs["name"] for r in clients.values()),
        connections=frozenset(r.inputs["name"] for r in plan.of_type(CONNECTION)),
        m2m=m2m,
    )


def missing(expected: Iterable[str], found: Iterable[str]) -> list[str]:
    return sorted(set(expected) - set(found))


Opener = Callable[..., Any]


class HttpError(RuntimeError):
    def __init__(self, method: str, url: str, status: int, body: str):
        super().__init__(f"{method} {url} answered {status}: {body[:300]}")
        self.status = status


@dataclass
class Http:
    """JSON over urllib; waits and retries on 429 (Auth0's rate limit; a free tenant allows 2 requests/s)."""

    opener: Opener = urllib.request.urlopen
    sleep: Callable[[float], None] = time.sleep
    retries: int = 4
    timeout: float = 20.0

    def request(self, method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None):
        headers = {"Accept": "application/json", **(headers or {})}
        for attempt in range(self.retries + 1):
            try:
                with self.opener(urllib.request.Request(url, body, headers, method=method),
                                 timeout=self.timeout) as response:
                    return json.loads(response.read() or b"null")
            except urllib.error.HTTPError as error:
                if error.code == 429 and attempt < self.retries:
                    self.sleep(float(error.headers.get("Retry-After") or 2 ** attempt))
                    continue
                raise HttpError(method, url, error.code, error.read().decode(errors="replace")) from None
        raise AssertionError("unreachable")

    def token(self, domain: str, client_id: str, client_secret: str, audience: str) -> dict[str, Any]:
        url, body = token_request(domain, client_id, client_secret, audience)
        return self.request("POST", url, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def management_list(self, tenant_domain: str, token: str, path: str, key: str, fields: str) -> list[dict]:
        """Every page of a Management API list endpoint."""
        items: list[dict] = []
        page = 0
        while True:
            url = management_url(tenant_domain, path, fields=fields, include_fields=True,
                                 page=page, per_page=100, include_totals=True)
            data = self.request("GET", url, headers={"Authorization": f"Bearer {token}"})
            items += data[key]
            if not data[key] or len(items) >= data.get("total", 0):
                return items
            page += 1
