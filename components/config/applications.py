"""`applications`: Auth0 clients keyed by a stable key (Management API `/clients` field names)."""


import re
from typing import Annotated, Literal

from pydantic import Discriminator, Field, Tag, field_validator, model_validator

from components.config.types import AssetFile, CallbackUrl, Domain, HttpsUrl, Key, Strict

AppType = Literal["spa", "regular_web", "native", "non_interactive", "resource_server"]
GrantType = Literal[
    "authorization_code", "implicit", "refresh_token", "client_credentials", "password",
    "http://auth0.com/oauth/grant-type/password-realm", "urn:ietf:params:oauth:grant-type:device_code",
    "http://auth0.com/oauth/grant-type/mfa-oob", "http://auth0.com/oauth/grant-type/mfa-otp",
    "http://auth0.com/oauth/grant-type/mfa-recovery-code", "urn:ietf:params:oauth:grant-type:token-exchange",
]
AuthMethod = Literal["none", "client_secret_post", "client_secret_basic", "private_key_jwt"]
Seconds = Annotated[int, Field(gt=0, le=31_557_600)]

# What the Auth0 dashboard gives each type, minus `implicit` (tokens in URLs) for browser apps.
DEFAULT_GRANT_TYPES: dict[str, list[str]] = {
    "spa": ["authorization_code", "refresh_token"],
    "regular_web": ["authorization_code", "refresh_token"],
    "native": ["authorization_code", "refresh_token"],
    "non_interactive": ["client_credentials"],
    "resource_server": ["client_credentials"],
}
PUBLIC_TYPES = ("spa", "native")  # they run on users' devices and cannot keep a secret


class JwtConfiguration(Strict):
    alg: Literal["RS256", "PS256", "HS256"] = "RS256"
    lifetime_in_seconds: Seconds = Field(36_000, description="ID-token lifetime")
    secret_encoded: bool = False


class RefreshToken(Strict):
    rotation_type: Literal["rotating", "non-rotating"] = "rotating"
    expiration_type: Literal["expiring", "non-expiring"] = "expiring"
    token_lifetime: Seconds = Field(2_592_000, description="absolute lifetime")
    idle_token_lifetime: Seconds = 1_296_000
    infinite_token_lifetime: bool = False
    infinite_idle_token_lifetime: bool = False
    leeway: Annotated[int, Field(ge=0, le=60)] = 0

    @model_validator(mode="after")
    def _rotation_needs_expiry(self) -> "RefreshToken":
        if self.rotation_type == "rotating" and self.expiration_type != "expiring":
            raise ValueError("rotating refresh tokens must be expiring (expiration_type: expiring)")
        if self.idle_token_lifetime > self.token_lifetime:
            raise ValueError("idle_token_lifetime must not exceed token_lifetime")
        return self


class OidcLogout(Strict):
    """OIDC back-channel logout: Auth0 POSTs a logout token to the app when a session ends."""

    backchannel_logout_urls: list[HttpsUrl] = Field(min_length=1, max_length=1, description="Auth0 allows one")
    initiators: Literal["all", "custom"] = "all"
    selected_initiators: list[str] = Field(default_factory=list, description="with initiators: custom")


class Ios(Strict):
    team_id: str
    app_bundle_identifier: str


class Android(Strict):
    app_package_name: str


class Mobile(Strict):
    ios: Ios | None = None
    android: Android | None = None


class Grant(Strict):
    """A client grant in full: its scopes and how it applies to organizations."""

    scopes: list[str]
    organization_usage: Literal["deny", "allow", "require"] | None = Field(
        None, description="whether tokens for this grant may be issued for an organization")
    allow_any_organization: bool | None = Field(None, description="with organization_usage: any organization")


class Auth0ApiGrants(Strict):
    """Grants to Auth0's own APIs, always with explicit scopes (never every scope)."""

    management: list[Annotated[str, Field(pattern=r"^(read|create|update|delete):[a-z_]+$")]] = Field(
        default_factory=list, description="Management API scopes (machine to machine: needs client_credentials)")
    my_account: list[Annotated[str, Field(pattern=r"^(read|create|update|delete):me:[a-z_:]+$")]] = Field(
        default_factory=list, description="My Account API scopes, used on behalf of the signed-in user")


class NativeSocialLogin(Strict):
    """Sign in with the platform's own Apple / Google / Facebook SDK, exchanging its token at Auth0."""

    apple: bool = False
    google: bool = False
    facebook: bool = False


class TokenExchange(Strict):
    allow_any_profile_of_types: list[Literal["custom_authentication"]] = Field(min_length=1)


class ClientCredentialsQuota(Strict):
    """How many access tokens the client-credentials grant may issue (Auth0 token quotas)."""

    enforce: bool = Field(True, description="false: only log the requests over the quota")
    per_day: Annotated[int, Field(gt=0)] | None = None
    per_hour: Annotated[int, Field(gt=0)] | None = None

    @model_validator(mode="after")
    def _a_limit(self) -> "ClientCredentialsQuota":
        if self.per_day is None and self.per_hour is None:
            raise ValueError("set per_day, per_hour or both")
        if self.per_day and self.per_hour and self.per_hour > self.per_day:
            raise ValueError("per_hour must not exceed per_day")
        return self


class TokenQuota(Strict):
    client_credentials: ClientCredentialsQuota


class PublicKey(Strict):
    """A private_key_jwt credential: the application's public key (PEM file), never its private key."""

    pem: AssetFile = Field(description="PEM public key or certificate file under assets/")
    algorithm: Literal["RS256", "RS384", "PS256"] = "RS256"
    credential_type: Literal["public_key", "x509_cert"] = "public_key"


_TEMPLATE_VARIABLES = ("organization_name", "organization_id", "connection_name")


class ExpressConfiguration(Strict):
    """Okta Integration Network (OIN) Express Configuration: Okta admins add this application from Okta's catalog
    and Auth0 creates their Okta connection inside their organization."""

    initiate_login_uri_template: str = Field(
        description="https URL users bookmark; may hold {organization_name}, {organization_id}, {connection_name}")
    user_attribute_profile: Key = Field(description="user_attribute_profiles key")
    connection_profile_id: str = Field(min_length=1, description="id of the Auth0 connection profile (per stack, "
                                       "e.g. ${connection_profile_id}); connection profiles are not modelled here")
    okta_oin_client_id: str = Field(min_length=1, description="client id of the Okta OIN integration client that "
                                    "Okta uses for this application (per stack, e.g. ${okta_oin_client_id})")
    admin_login_domain: Domain = Field(description="the domain Okta admins sign in on: the tenant or custom domain")
    enable_client: bool = Field(True, description="enable the connections Okta creates for this application")
    enable_organization: bool = Field(True, description="enable those connections in their organization")
    linked_clients: list[Key] = Field(default_factory=list, description="application keys of the same product's "
                                      "other clients (web, mobile) that get those connections too")
    oin_submission_id: str | None = Field(None, description="the OIN submission id of the published integration")

    @field_validator("initiate_login_uri_template")
    @classmethod
    def _https_template(cls, template: str) -> str:
        if not template.startswith("https://") or " " in template:
            raise ValueError(f"expected an https:// URL template; got {template!r}")
        unknown = sorted(set(re.findall(r"\{([^{}]*)\}", template)) - set(_TEMPLATE_VARIABLES))
        if unknown:
            raise ValueError(f"unknown variable {{{unknown[0]}}}: the template may use "
                             + ", ".join(f"{{{name}}}" for name in _TEMPLATE_VARIABLES))
        return template


# A grant is written as its scope list, or in full when it needs organization settings.
GrantOrScopes = Annotated[
    Annotated[list[str], Tag("scopes")] | Annotated[Grant, Tag("grant")],
    Discriminator(lambda value: "scopes" if isinstance(value, list) else "grant"),
]


class Application(Strict):
    name: str | None = Field(None, description="display name; defaults to the key")
    description: str | None = Field(None, max_length=140)
    app_type: AppType
    logo_uri: HttpsUrl | None = None
    callbacks: list[CallbackUrl] = Field(default_factory=list)
    allowed_logout_urls: list[CallbackUrl] = Field(default_factory=list)
    web_origins: list[CallbackUrl] = Field(default_factory=list)
    allowed_origins: list[CallbackUrl] = Field(default_factory=list)
    initiate_login_uri: HttpsUrl | None = Field(None, description="application login URI; Auth0 requires https")
    grant_types: list[GrantType] | None = Field(None, description="defaults by app_type")
    token_endpoint_auth_method: AuthMethod | None = Field(
        None, description="defaults to none for spa/native, client_secret_post otherwise"
    )
    is_first_party: bool = True
    oidc_conformant: bool = True
    cross_origin_auth: bool = False
    sso_disabled: bool = False
    jwt_configuration: JwtConfiguration = Field(default_factory=JwtConfiguration)
    refresh_token: RefreshToken | None = None
    oidc_logout: OidcLogout | None = None
    mobile: Mobile | None = None
    client_metadata: dict[str, str] = Field(default_factory=dict)
    organization_usage: Literal["deny", "allow", "require"] | None = Field(
        None, description="whether users sign in to this application through an organization")
    organization_require_behavior: Literal["no_prompt", "pre_login_prompt", "post_login_prompt"] | None = None
    organization_discovery_methods: list[Literal["email", "organization_name"]] | None = Field(
        None, description="how the organization prompt finds the organization (pre_login_prompt)")
    grants: dict[Key, GrantOrScopes] = Field(
        default_factory=dict,
        description="machine-to-machine access: API key -> the scopes this application may request, or "
                    "{scopes, organization_usage, allow_any_organization}",
    )
    auth0_api_grants: Auth0ApiGrants | None = None
    native_social_login: NativeSocialLogin | None = Field(None, description="native applications only")
    token_exchange: TokenExchange | None = None
    require_pushed_authorization_requests: bool = False
    require_proof_of_possession: bool = False
    compliance_level: Literal["none", "fapi1_adv_pkj_par", "fapi1_adv_mtls_par", "fapi2_sp_pkj_mtls",
                              "fapi2_sp_mtls_mtls"] | None = None
    token_quota: TokenQuota | None = None
    private_key_jwt_credentials: dict[Key, PublicKey] = Field(
        default_factory=dict, description="with token_endpoint_auth_method: private_key_jwt; keyed by key name")
    express_configuration: ExpressConfiguration | None = Field(
        None, description="regular_web with organizations only: Okta Integration Network Express Configuration")

    @property
    def full_grants(self) -> dict[str, Grant]:
        return {api: grant if isinstance(grant, Grant) else Grant(scopes=grant) for api, grant in self.grants.items()}

    @property
    def effective_grant_types(self) -> list[str]:
        return list(self.grant_types) if self.grant_types is not None else DEFAULT_GRANT_TYPES[self.app_type]

    @property
    def effective_auth_method(self) -> str:
        if self.token_endpoint_auth_method:
            return self.token_endpoint_auth_method
        return "none" if self.app_type in PUBLIC_TYPES else "client_secret_post"

    @model_validator(mode="after")
    def _fits_the_type(self) -> "Application":
        public = self.app_type in PUBLIC_TYPES
        if public and self.effective_auth_method != "none":
            raise ValueError(f"a {self.app_type} application cannot keep a secret: token_endpoint_auth_method "
                             "must be none")
        if public and "client_credentials" in self.effective_grant_types:
            raise ValueError(f"a {self.app_type} application cannot use the client_credentials grant")
        if self.grants and "client_credentials" not in self.effective_grant_types:
            raise ValueError("grants need the client_credentials grant type")
        management = self.auth0_api_grants.management if self.auth0_api_grants else []
        if management and "client_credentials" not in self.effective_grant_types:
            raise ValueError("auth0_api_grants.management needs the client_credentials grant type (a browser or "
                             "native app must never hold a Management API token)")
        if self.initiate_login_uri and not self.initiate_login_uri.startswith("https://"):
            raise ValueError("initiate_login_uri must be an https:// URL")
        if self.organization_require_behavior and self.organization_usage != "require":
            raise ValueError("organization_require_behavior applies only with organization_usage: require")
        if self.native_social_login and self.app_type != "native":
            raise ValueError("native_social_login applies only to native applications")
        private_key_jwt = self.effective_auth_method == "private_key_jwt"
        if private_key_jwt != bool(self.private_key_jwt_credentials):
            raise ValueError("token_endpoint_auth_method: private_key_jwt and private_key_jwt_credentials go together")
        if self.mobile and self.app_type != "native":
            raise ValueError("mobile applies only to native applications")
        if self.express_configuration:
            if self.app_type != "regular_web":
                raise ValueError("express_configuration applies only to regular_web applications (the SaaS "
                                 "application Okta's catalog entry signs in to)")
            if self.organization_usage not in ("allow", "require"):
                raise ValueError("express_configuration creates connections inside organizations: set "
                                 "organization_usage to allow or require")
        return self
