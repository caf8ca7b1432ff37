"""`tenant`: the Auth0 tenant's own settings (Management API `PATCH /tenants/settings`)."""


from typing import Annotated, Literal

from pydantic import Field, model_validator

from components.config.applications import TokenQuota
from components.config.types import AssetFile, Email, HttpsUrl, Strict

Locale = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,4})?$")]


class TenantFlags(Strict):
    """Tenant flags; unset ones are left as Auth0 has them. Names as the Management API spells them."""

    allow_legacy_delegation_grant_types: bool | None = None
    allow_legacy_ro_grant_types: bool | None = None
    allow_legacy_tokeninfo_endpoint: bool | None = None
    dashboard_insights_view: bool | None = None
    dashboard_log_streams_next: bool | None = None
    disable_clickjack_protection_headers: bool | None = None
    disable_fields_map_fix: bool | None = None
    disable_management_api_sms_obfuscation: bool | None = None
    enable_adfs_waad_email_verification: bool | None = None
    enable_apis_section: bool | None = None
    enable_client_connections: bool | None = None
    enable_custom_domain_in_emails: bool | None = None
    enable_dynamic_client_registration: bool | None = None
    enable_idtoken_api2: bool | None = None
    enable_legacy_logs_search_v2: bool | None = None
    enable_legacy_profile: bool | None = None
    enable_pipeline2: bool | None = None
    enable_public_signup_user_exists_error: bool | None = None
    enable_sso: bool | None = None
    mfa_show_factor_list_on_enrollment: bool | None = None
    no_disclose_enterprise_connections: bool | None = None
    remove_alg_from_jwks: bool | None = None
    require_pushed_authorization_requests: bool | None = None
    revoke_refresh_token_grant: bool | None = None
    use_scope_descriptions_for_consent: bool | None = None


class ErrorPage(Strict):
    """Where Auth0 sends users on an authorization error: a hosted HTML file or a redirect URL."""

    html: AssetFile | None = None
    url: HttpsUrl | None = None
    show_log_link: bool = False

    @model_validator(mode="after")
    def _one_of_html_or_url(self) -> "ErrorPage":
        if (self.html is None) == (self.url is None):
            raise ValueError("set exactly one of html (a file under assets/) or url")
        return self


class AnonymousSessions(Strict):
    """Sessions for visitors before they sign in (Auth0 early access)."""

    activate_cookie: bool | None = Field(None, description="answer anonymous session requests with auth0_anon")
    lifetime_in_minutes: Annotated[int, Field(ge=1, le=525_600)] | None = None


class Sessions(Strict):
    oidc_logout_prompt_enabled: bool | None = Field(
        None, description="ask the user to confirm an RP-initiated logout (the dashboard's default: true)"
    )
    anonymous: AnonymousSessions | None = None


class DefaultTokenQuota(Strict):
    """The quota every client (and every organization) gets unless it sets its own."""

    clients: TokenQuota | None = None
    organizations: TokenQuota | None = None

    @model_validator(mode="after")
    def _something(self) -> "DefaultTokenQuota":
        if self.clients is None and self.organizations is None:
            raise ValueError("set clients, organizations or both")
        return self


class OidcLogout(Strict):
    rp_logout_end_session_endpoint_discovery: bool = Field(
        True, description="advertise end_session_endpoint in OIDC discovery (the dashboard's default)"
    )


class Mtls(Strict):
    enable_endpoint_aliases: bool | None = Field(None, description="serve mTLS on the mtls.* endpoint aliases")
    disable: bool | None = None


class PhoneCountryCodes(Strict):
    """Which countries phone numbers may come from (SMS/voice MFA and passwordless)."""

    mode: Literal["allow", "deny"]
    lists: list[Annotated[str, Field(pattern=r"^[A-Z]{2}$")]] = Field(min_length=1)


class SessionCookie(Strict):
    mode: Literal["persistent", "non-persistent"]


class TenantSection(Strict):
    friendly_name: str
    picture_url: HttpsUrl | None = None
    support_email: Email | None = None
    support_url: HttpsUrl | None = None
    default_redirection_uri: HttpsUrl | None = Field(None, description="the tenant login URI")
    default_audience: str | None = None
    default_directory: str | None = None
    # Auth0's system limits (Enterprise plans; Essential and Professional get less, 30 days and 3 days): a
    # session lasts at most 525,600 minutes (365 days), an idle session at most 144,000 minutes (100 days).
    session_lifetime: Annotated[float, Field(gt=0, le=8760, description="hours, at most 8760 (365 days)")] | None = None
    idle_session_lifetime: Annotated[float, Field(gt=0, le=2400, description="hours, at most 2400")] | None = None
    enabled_locales: list[Locale] = Field(default_factory=lambda: ["en"], min_length=1)
    allowed_logout_urls: list[HttpsUrl] = Field(default_factory=list)
    sandbox_version: Literal["18", "22"] | None = None
    phone_consolidated_experience: bool | None = Field(
        None, description="true: MFA and passwordless SMS/voice go through the tenant-level phone_provider"
    )
    flags: TenantFlags = Field(default_factory=TenantFlags)
    error_page: ErrorPage | None = None
    sessions: Sessions | None = None
    session_cookie: SessionCookie | None = None
    ephemeral_session_lifetime: Annotated[float, Field(gt=0, description="hours (non-persistent cookie)")] | None = None
    idle_ephemeral_session_lifetime: Annotated[float, Field(gt=0, description="hours")] | None = None
    oidc_logout: OidcLogout | None = None
    pushed_authorization_requests_supported: bool | None = Field(None, description="offer PAR (/oauth/par)")
    mtls: Mtls | None = None
    acr_values_supported: list[str] | None = Field(None, description="ACR values advertised in OIDC discovery")
    disable_acr_values_supported: bool | None = None
    customize_mfa_in_postlogin_action: bool | None = Field(
        None, description="let post-login Actions choose MFA factors (api.authentication.challengeWith)"
    )
    allow_organization_name_in_authentication_api: bool | None = None
    country_codes: PhoneCountryCodes | None = None
    default_token_quota: DefaultTokenQuota | None = None
    client_id_metadata_document_supported: bool | None = Field(
        None, description="let clients register by a Client ID Metadata Document URL (CIMD)"
    )
    dynamic_client_registration_security_mode: Literal["strict", "permissive"] | None = Field(
        None, description="for clients Dynamic Client Registration creates; permissive only for tenants that had "
        "third-party clients before April 2026"
    )
    resource_parameter_profile: Literal["audience", "compatibility"] | None = Field(
        None, description="compatibility: accept the OAuth `resource` parameter when `audience` is missing"
    )
    skip_non_verifiable_callback_uri_confirmation_prompt: bool | None = Field(
        None, description="skip the confirmation Auth0 shows before redirecting to a callback it cannot verify "
        "(custom URI schemes)"
    )

    @model_validator(mode="after")
    def _idle_within_absolute(self) -> "TenantSection":
        if self.session_lifetime and self.idle_session_lifetime and self.idle_session_lifetime > self.session_lifetime:
            raise ValueError("idle_session_lifetime must not exceed session_lifetime")
        ephemeral, idle_ephemeral = self.ephemeral_session_lifetime, self.idle_ephemeral_session_lifetime
        if ephemeral and idle_ephemeral and idle_ephemeral > ephemeral:
            raise ValueError("idle_ephemeral_session_lifetime must not exceed ephemeral_session_lifetime")
        if self.acr_values_supported and self.disable_acr_values_supported:
            raise ValueError("acr_values_supported is ignored when disable_acr_values_supported is true")
        return self
