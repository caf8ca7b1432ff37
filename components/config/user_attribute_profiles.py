"""`user_attribute_profiles`: how a business customer's identity provider's attributes map onto the Auth0 user
profile (OIDC claims, SAML attributes, SCIM paths), per attribute, keyed by a stable key.

Used by Okta Express Configuration (applications.<key>.express_configuration.user_attribute_profile) and
self-service SSO. Field names follow the Management API (`saml_mapping`, `strategy_overrides`).
"""


from typing import Annotated, Literal

from pydantic import Field

from components.config.types import Key, Strict

ProfileStrategy = Literal["pingfederate", "ad", "adfs", "waad", "google-apps", "okta", "oidc", "samlp"]
SamlAttribute = Annotated[str, Field(min_length=1, max_length=128)]
SamlMapping = Annotated[list[SamlAttribute], Field(min_length=1, max_length=3, description="one to three SAML "
                                                                                          "attribute names")]
ScimPath = Annotated[str, Field(min_length=1, max_length=128)]
_ATTRIBUTE_NAME = r"^[a-zA-Z_][a-zA-Z0-9_.]*$"


class OidcMapping(Strict):
    mapping: str = Field(min_length=1, description="the OIDC claim, e.g. email or given_name")
    display_name: Annotated[str, Field(min_length=1, max_length=50)] | None = None


class AttributeOverride(Strict):
    oidc_mapping: OidcMapping | None = None
    saml_mapping: SamlMapping | None = None
    scim_mapping: ScimPath | None = None


class UserAttribute(Strict):
    description: str = Field(min_length=1, max_length=128)
    label: str = Field(min_length=1, max_length=128)
    profile_required: bool
    auth0_mapping: str = Field(min_length=1, max_length=50, description="the Auth0 profile field, e.g. email")
    oidc_mapping: OidcMapping | None = None
    saml_mapping: SamlMapping | None = None
    scim_mapping: ScimPath | None = None
    strategy_overrides: dict[ProfileStrategy, AttributeOverride] = Field(default_factory=dict)


class UserIdOverride(Strict):
    oidc_mapping: Literal["sub", "oid", "email"] | None = None
    saml_mapping: SamlMapping | None = None
    scim_mapping: ScimPath | None = None


class UserIdMapping(Strict):
    """Where the user's stable id comes from; Auth0's defaults are `sub` (OIDC) and `externalId` (SCIM)."""

    oidc_mapping: Literal["sub"] | None = None
    saml_mapping: SamlMapping | None = None
    scim_mapping: ScimPath | None = None
    strategy_overrides: dict[ProfileStrategy, UserIdOverride] = Field(default_factory=dict)


class UserAttributeProfile(Strict):
    name: str | None = Field(None, description="defaults to the key")
    user_id: UserIdMapping | None = None
    user_attributes: dict[Annotated[str, Field(pattern=_ATTRIBUTE_NAME)], UserAttribute] = Field(
        min_length=1, max_length=64, description="attribute name -> its label, mapping and overrides")


UserAttributeProfilesSection = dict[Key, UserAttributeProfile]
