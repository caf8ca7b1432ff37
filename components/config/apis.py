"""`apis`: resource servers keyed by a stable key, with their scopes (Management API `/resource-servers`)."""


from typing import Annotated, Literal

from pydantic import Field, model_validator

from components.config.types import PATTERN_MEANINGS, AssetFile, Strict

_SCOPE = r"^[A-Za-z0-9:._/-]{1,280}$"
ScopeName = Annotated[str, Field(pattern=_SCOPE)]


class EncryptionKey(Strict):
    name: str
    algorithm: Literal["RSA-OAEP-256", "RSA-OAEP-384", "RSA-OAEP-512"] = "RSA-OAEP-256"
    pem: AssetFile = Field(description="the API's public key (PEM file under assets/)")
    kid: str | None = None


class TokenEncryption(Strict):
    """Access tokens as JWE, readable only by the API holding the private key."""

    format: Literal["compact-nested-jwe"] = "compact-nested-jwe"
    encryption_key: EncryptionKey


class ProofOfPossession(Strict):
    mechanism: Literal["mtls", "dpop"]
    required: bool = True


class AuthorizationDetail(Strict):
    type: Annotated[str, Field(min_length=1, max_length=255)]


class Api(Strict):
    name: str | None = Field(None, description="display name; defaults to the key")
    identifier: Annotated[str, Field(min_length=1, max_length=600)] = Field(
        description="the audience; changing it replaces the API (every token and grant names it)"
    )
    scopes: dict[ScopeName, str] = Field(default_factory=dict, description="scope -> description")
    signing_alg: Literal["RS256", "PS256", "HS256"] = "RS256"
    enforce_policies: bool = Field(True, description="RBAC: only scopes granted through roles or grants")
    token_dialect: Literal["access_token", "access_token_authz", "rfc9068_profile", "rfc9068_profile_authz"] = (
        "access_token_authz"
    )
    token_lifetime: Annotated[int, Field(gt=0, le=2_592_000)] = 86_400
    token_lifetime_for_web: Annotated[int, Field(gt=0, le=2_592_000)] = 7_200
    allow_offline_access: bool = Field(False, description="refresh tokens for this API")
    skip_consent_for_verifiable_first_party_clients: bool = True
    consent_policy: Literal["transactional-authorization-with-mfa"] | None = None
    authorization_details: list[AuthorizationDetail] = Field(
        default_factory=list, description="Rich Authorization Requests (RAR) types the API accepts")
    token_encryption: TokenEncryption | None = None
    proof_of_possession: ProofOfPossession | None = None
    allow_online_access: bool | None = None

    @model_validator(mode="after")
    def _consistent(self) -> "Api":
        if self.token_dialect.endswith("_authz") and not self.enforce_policies:
            raise ValueError(f"token_dialect {self.token_dialect} needs enforce_policies: true")
        if self.token_lifetime_for_web > self.token_lifetime:
            raise ValueError("token_lifetime_for_web must not exceed token_lifetime")
        return self


PATTERN_MEANINGS[_SCOPE] = "a scope name of letters, digits and ':._/-' such as read:orders"
