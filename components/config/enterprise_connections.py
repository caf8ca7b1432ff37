"""Enterprise connections (`connections` with an enterprise `strategy`): a business customer's own identity provider.

One strict model per strategy: SAML (`samlp`), OpenID Connect (`oidc`), Okta (`okta`), Microsoft Entra ID
(`waad`), Google Workspace (`google-apps`) and AD/LDAP (`ad`). Client secrets and SAML signing keys are secret
references; certificates are PEM files under assets/. `domain_aliases` drive home-realm discovery.
"""


from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator

from components.config.types import AssetFile, Domain, HttpsUrl, Key, Secret, Strict

_ENTERPRISE_NAME = r"^[a-zA-Z0-9](-?[a-zA-Z0-9])*$"


class _Enterprise(Strict):
    name: Annotated[str, Field(pattern=_ENTERPRISE_NAME, max_length=128)] | None = Field(
        None, description="Auth0 connection name; changing it replaces the connection; defaults to the key")
    display_name: str | None = None
    enabled_applications: list[Key] = Field(default_factory=list, description="application keys")
    domain_aliases: list[Domain] = Field(
        default_factory=list, description="email domains routed to this connection (home-realm discovery)")
    show_as_button: bool | None = Field(None, description="show a button on the login page (identifier-first hides it)")
    set_user_root_attributes: Literal["on_each_login", "on_first_login", "never_on_login"] = "on_each_login"


class SigningKey(Strict):
    """The key pair Auth0 signs SAML requests with: the private key by reference, the certificate as a file."""

    key: Secret
    cert: AssetFile


class SamlConnection(_Enterprise):
    strategy: Literal["samlp"]
    sign_in_endpoint: HttpsUrl | None = Field(None, description="with signing_cert; or metadata_url instead")
    sign_out_endpoint: HttpsUrl | None = None
    signing_cert: AssetFile | None = Field(None, description="PEM file of the identity provider's signing "
                                           "certificate; or metadata_url instead")
    sign_saml_request: bool = False
    signing_key: SigningKey | None = Field(None, validate_default=True)
    signature_algorithm: Literal["rsa-sha256", "rsa-sha1"] = "rsa-sha256"
    digest_algorithm: Literal["sha256", "sha1"] = "sha256"
    protocol_binding: Literal[
        "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
    ] = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
    user_id_attribute: str | None = None
    disable_sign_out: bool = False
    fields_map: dict[str, str | list[str]] = Field(default_factory=dict, description="Auth0 attribute: SAML claim(s)")
    # Last, so its check sees the endpoint and certificate (a model validator would report under the union tag).
    metadata_url: HttpsUrl | None = Field(None, validate_default=True, description="the identity provider's SAML "
                                          "metadata URL; Auth0 reads the sign-in URL and certificates from it")

    @field_validator("metadata_url")
    @classmethod
    def _metadata_or_endpoint(cls, value: str | None, info: ValidationInfo) -> str | None:
        endpoint, cert = info.data.get("sign_in_endpoint"), info.data.get("signing_cert")
        if value is not None and (endpoint or cert or info.data.get("sign_out_endpoint")):
            raise ValueError("with metadata_url, Auth0 reads the endpoints and certificate from the metadata: drop "
                             "sign_in_endpoint, sign_out_endpoint and signing_cert")
        failed_already = not {"sign_in_endpoint", "signing_cert"} <= set(info.data)
        if value is None and not (endpoint and cert) and not failed_already:
            raise ValueError("set metadata_url, or both sign_in_endpoint and signing_cert")
        return value

    @field_validator("signing_key")
    @classmethod
    def _signing_key_when_signing(cls, value: SigningKey | None, info: ValidationInfo) -> SigningKey | None:
        if value is not None and not info.data.get("sign_saml_request"):
            raise ValueError("signing_key is used only with sign_saml_request: true")
        return value


class _OAuthEnterprise(_Enterprise):
    client_id: str = Field(min_length=1)
    client_secret: Secret
    scopes: list[str] = Field(default_factory=list)


class OidcConnection(_OAuthEnterprise):
    strategy: Literal["oidc"]
    type: Literal["back_channel", "front_channel"] = Field(
        "back_channel", description="back_channel (authorization code, needs client_secret) or front_channel")
    discovery_url: HttpsUrl = Field(description="the provider's /.well-known/openid-configuration")
    issuer: HttpsUrl | None = None


class OktaConnection(_OAuthEnterprise):
    strategy: Literal["okta"]
    domain: Domain = Field(description="the Okta organization's domain, e.g. acme.okta.com")


class EntraIdConnection(_OAuthEnterprise):
    strategy: Literal["waad"]
    tenant_domain: Domain = Field(description="the Entra ID tenant's primary domain")
    waad_protocol: Literal["openid-connect", "ws-federation"] = "openid-connect"
    identity_api: Literal["microsoft-identity-platform-v2.0", "azure-active-directory-v1.0"] = (
        "microsoft-identity-platform-v2.0")
    waad_common_endpoint: bool = Field(False, description="accept users of any Entra ID tenant (multi-tenant app)")
    api_enable_users: bool = Field(False, description="read extended profile and groups from Microsoft Graph")
    max_groups_to_retrieve: Annotated[int, Field(ge=1, le=999)] | None = None


class GoogleWorkspaceConnection(_OAuthEnterprise):
    strategy: Literal["google-apps"]
    domain: Domain = Field(description="the Google Workspace domain")
    tenant_domain: Domain | None = None
    api_enable_users: bool = False


class ActiveDirectoryConnection(_Enterprise):
    strategy: Literal["ad"]
    ips: list[Annotated[str, Field(pattern=r"^[0-9a-fA-F:.]+(/[0-9]{1,3})?$")]] = Field(
        default_factory=list, description="networks whose users sign in with Kerberos")
    use_kerberos: bool = False
    use_cert_auth: bool = False
    disable_cache: bool = False
    brute_force_protection: bool = True


ENTERPRISE_STRATEGIES = ("samlp", "oidc", "okta", "waad", "google-apps", "ad")
EnterpriseConnection = (SamlConnection | OidcConnection | OktaConnection | EntraIdConnection
                        | GoogleWorkspaceConnection | ActiveDirectoryConnection)
