"""`self_service_sso_profiles`: what a business customer's admin sees when setting up their own SSO, keyed by a
stable key: the identity-provider types offered, the attributes to map, branding and the page's custom text.
"""


from typing import Annotated, Literal

from pydantic import Field

from components.config.types import HttpsUrl, Key, Strict

SsoStrategy = Literal["oidc", "samlp", "waad", "google-apps", "adfs", "okta", "keycloak-samlp", "pingfederate",
                      "auth0-samlp", "okta-samlp"]


class SsoUserAttribute(Strict):
    description: str = Field(min_length=1, max_length=255)
    is_optional: bool = False


class SsoColours(Strict):
    primary: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]


class SsoBranding(Strict):
    logo_url: HttpsUrl | None = None
    colors: SsoColours | None = None


class SelfServiceSsoProfile(Strict):
    name: str | None = Field(None, min_length=1, max_length=100, description="defaults to the key")
    description: str | None = Field(None, min_length=1, max_length=140)
    allowed_strategies: list[SsoStrategy] = Field(min_length=1)
    user_attributes: dict[Annotated[str, Field(pattern=r"^[a-zA-Z_][a-zA-Z0-9_.]*$", max_length=255)],
                          SsoUserAttribute] = Field(
        default_factory=dict, max_length=20, description="attribute name -> what the admin is asked to map")
    branding: SsoBranding | None = None
    custom_text: dict[Literal["en"], dict[Literal["get-started"], dict[str, str]]] = Field(
        default_factory=dict, description="language -> page -> text key -> text (plain or basic HTML)")


SelfServiceSsoSection = dict[Key, SelfServiceSsoProfile]
