"""`network_acls`: Tenant ACL rules that allow, block, log or redirect requests by IP, CIDR, country or ASN."""


import ipaddress
from collections.abc import Iterable
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from components.config.types import PATTERN_MEANINGS, HttpsUrl, Key, Strict

_COUNTRY = r"^[A-Z]{2}$"
_SUBDIVISION = r"^[A-Z]{2}-[A-Z0-9]{1,3}$"
PATTERN_MEANINGS.update({
    _COUNTRY: "an upper-case ISO 3166-1 alpha-2 country code such as DE",
    _SUBDIVISION: "an ISO 3166-2 subdivision code such as US-NY",
})


def _network(version: int):
    def check(value: str) -> str:
        try:
            network = ipaddress.ip_network(value, strict=False)
        except ValueError:
            raise ValueError(f"expected an IPv{version} address or CIDR block; got {value!r}") from None
        if network.version != version:
            raise ValueError(f"expected an IPv{version} address or CIDR block; got {value!r}")
        return value

    return check


def _unique(items: list) -> list:
    if len(set(items)) != len(items):
        raise ValueError("lists a value twice")
    return items


def _Values(item, at_most: int):  # noqa: N802 - a type factory reads as a type
    return Annotated[list[item], Field(min_length=1, max_length=at_most), AfterValidator(_unique)]


class Match(Strict):
    """What a request must (match) or must not (not_match) look like; every listed signal must hold."""

    ipv4_cidrs: _Values(Annotated[str, AfterValidator(_network(4))], 10) | None = None
    ipv6_cidrs: _Values(Annotated[str, AfterValidator(_network(6))], 10) | None = None
    geo_country_codes: _Values(Annotated[str, Field(pattern=_COUNTRY)], 10) | None = None
    geo_subdivision_codes: _Values(Annotated[str, Field(pattern=_SUBDIVISION)], 10) | None = None
    asns: _Values(Annotated[int, Field(ge=1, le=4294967295)], 10) | None = None
    user_agents: _Values(str, 10) | None = None
    ja3_fingerprints: _Values(str, 10) | None = None
    ja4_fingerprints: _Values(str, 10) | None = None

    @model_validator(mode="after")
    def _names_a_signal(self) -> "Match":
        if not self.model_dump(exclude_none=True):
            raise ValueError("name at least one signal (ipv4_cidrs, geo_country_codes, asns, ...)")
        return self


class NetworkAcl(Strict):
    description: str | None = Field(None, description="defaults to the key")
    active: bool = True
    priority: Annotated[int, Field(ge=1, le=100, description="evaluation order, lowest first; unique per tenant")]
    scope: Literal["tenant", "authentication", "management"] = "tenant"
    action: Literal["allow", "block", "log", "redirect"]
    redirect_uri: HttpsUrl | None = Field(None, description="where a redirect rule sends the request")
    match: Match | None = None
    not_match: Match | None = None
    all_signals: bool = Field(
        False, description="signals of different types in match are ANDed; true says that is meant (not sent)"
    )

    @model_validator(mode="after")
    def _complete(self) -> "NetworkAcl":
        if self.match is None and self.not_match is None:
            raise ValueError("set match or not_match (or both)")
        if (self.action == "redirect") != (self.redirect_uri is not None):
            raise ValueError("redirect_uri is required for action redirect and allowed only there")
        return self


def check_priorities(acls: dict[str, NetworkAcl]) -> Iterable[tuple[str, str]]:
    """Auth0 evaluates rules by priority, so two rules with one priority would have no defined order.

    Every rule in a clash is named, so the line that points into a stack overlay shows up too.
    """
    by_priority: dict[int, list[str]] = {}
    for key, acl in acls.items():
        by_priority.setdefault(acl.priority, []).append(key)
    for priority, keys in by_priority.items():
        for key in keys if len(keys) > 1 else ():
            others = ", ".join(f"network_acls.{other}" for other in keys if other != key)
            message = f"priority {priority} is also used by {others}; priorities must be unique"
            yield f"network_acls.{key}.priority", message


NetworkAclsSection = dict[Key, NetworkAcl]
