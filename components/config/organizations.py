"""`organizations`: the business customers of a B2B2C tenant, keyed by a stable key; `name` defaults to it.

Each has a display name, branding, metadata, the connections its members sign in with (by connection key) and
its discovery domains. Members and invitations are user data, not configuration: they are left out.
"""


from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated

from pydantic import Field

from components.config.types import PATTERN_MEANINGS, Domain, HttpsUrl, Key, Strict

if TYPE_CHECKING:
    from components.config.blueprint import Blueprint

_ORGANIZATION_NAME = r"^[a-z0-9](-?[a-z0-9_])*$"
_COLOUR = r"^#[0-9a-fA-F]{6}$"
PATTERN_MEANINGS[_ORGANIZATION_NAME] = "an organization name of lower-case letters, digits, '-' and '_'"
PATTERN_MEANINGS[_COLOUR] = "a colour such as #1a2b3c"
Colour = Annotated[str, Field(pattern=_COLOUR)]


class OrganizationColours(Strict):
    primary: Colour
    page_background: Colour


class OrganizationBranding(Strict):
    logo_url: HttpsUrl | None = None
    colors: OrganizationColours | None = None


class OrganizationConnection(Strict):
    assign_membership_on_login: bool = Field(False, description="make every user who signs in here a member")
    show_as_button: bool = True
    is_signup_enabled: bool | None = Field(None, description="database connections only: allow sign-up")


class DiscoveryDomain(Strict):
    status: Annotated[str, Field(pattern=r"^(pending|verified)$")] = "pending"
    use_for_organization_discovery: bool = True


class Organization(Strict):
    name: Annotated[str, Field(pattern=_ORGANIZATION_NAME, max_length=50)] | None = Field(
        None, description="the name users type at the organization prompt; defaults to the key")
    display_name: str | None = None
    branding: OrganizationBranding | None = None
    metadata: dict[Annotated[str, Field(max_length=255)], Annotated[str, Field(max_length=255)]] = Field(
        default_factory=dict, max_length=25, description="Auth0 allows 25 string pairs")
    connections: dict[Key, OrganizationConnection] = Field(default_factory=dict, description="by connection key")
    discovery_domains: dict[Domain, DiscoveryDomain] = Field(
        default_factory=dict, description="email domains that route users to this organization")


def organizations_name_known_connections(blueprint: "Blueprint") -> Iterable[tuple[str, str]]:
    for org_key, organization in blueprint.organizations.items():
        for connection_key, settings in organization.connections.items():
            path = f"organizations.{org_key}.connections.{connection_key}"
            connection = blueprint.connections.get(connection_key)
            if connection is None:
                listed = ", ".join(sorted(blueprint.connections)) or "none"
                yield path, f"unknown connection '{connection_key}' (defined: {listed})"
            elif settings.is_signup_enabled is not None and connection.strategy != "auth0":
                yield f"{path}.is_signup_enabled", "is_signup_enabled applies only to database connections"
