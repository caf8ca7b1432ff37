"""User authentication: application integration.

Creates, per application key: auth0.Client (type, URLs, grant types, RS256 ID tokens, refresh-token rotation,
back-channel logout, organizations, native social login, token exchange, PAR/DPoP, token quota, Okta Express
Configuration with its user attribute profile and linked clients) and
auth0.ClientCredentials (how it authenticates at the token endpoint, with private_key_jwt public keys from
assets/; Auth0 keeps any generated secret, which this project never reads or outputs).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_auth0 as auth0

from components.config.applications import Application


@dataclass(frozen=True)
class ApplicationsArgs:
    applications: dict[str, Application]
    # user_attribute_profiles key -> profile id, from the UserAttributeProfiles component.
    attribute_profile_ids: dict[str, pulumi.Input[str]] = field(default_factory=dict)


def client_arguments(key: str, app: Application) -> dict[str, Any]:
    """The auth0.Client arguments for one application (pure, so it is tested without an engine)."""
    jwt = app.jwt_configuration
    arguments: dict[str, Any] = {
        "name": app.name or key,
        "description": app.description,
        "app_type": app.app_type,
        "logo_uri": app.logo_uri,
        "callbacks": list(app.callbacks),
        "allowed_logout_urls": list(app.allowed_logout_urls),
        "web_origins": list(app.web_origins),
        "allowed_origins": list(app.allowed_origins),
        "initiate_login_uri": app.initiate_login_uri,
        "grant_types": app.effective_grant_types,
        "is_first_party": app.is_first_party,
        "oidc_conformant": app.oidc_conformant,
        "cross_origin_auth": app.cross_origin_auth,
        "sso_disabled": app.sso_disabled,
        "client_metadata": dict(app.client_metadata) or None,
        "organization_usage": app.organization_usage,
        "organization_require_behavior": app.organization_require_behavior,
        "organization_discovery_methods": app.organization_discovery_methods,
        "require_pushed_authorization_requests": app.require_pushed_authorization_requests,
        "require_proof_of_possession": app.require_proof_of_possession,
        "compliance_level": app.compliance_level,
        "jwt_configuration": auth0.ClientJwtConfigurationArgs(
            alg=jwt.alg, lifetime_in_seconds=jwt.lifetime_in_seconds, secret_encoded=jwt.secret_encoded
        ),
    }
    if app.refresh_token:
        arguments["refresh_token"] = auth0.ClientRefreshTokenArgs(**app.refresh_token.model_dump())
    if app.oidc_logout:
        logout = app.oidc_logout
        arguments["oidc_logout"] = auth0.ClientOidcLogoutArgs(
            backchannel_logout_urls=list(logout.backchannel_logout_urls),
            backchannel_logout_initiators=auth0.ClientOidcLogoutBackchannelLogoutInitiatorsArgs(
                mode=logout.initiators,
                selected_initiators=list(logout.selected_initiators) or None,
            ),
        )
    if app.native_social_login:
        native = app.native_social_login
        arguments["native_social_login"] = auth0.ClientNativeSocialLoginArgs(
            apple=auth0.ClientNativeSocialLoginAppleArgs(enabled=native.apple),
            google=auth0.ClientNativeSocialLoginGoogleArgs(enabled=native.google),
            facebook=auth0.ClientNativeSocialLoginFacebookArgs(enabled=native.facebook),
        )
    if app.token_exchange:
        arguments["token_exchange"] = auth0.ClientTokenExchangeArgs(
            allow_any_profile_of_types=list(app.token_exchange.allow_any_profile_of_types))
    if app.token_quota:
        quota = app.token_quota.client_credentials
        arguments["token_quota"] = auth0.ClientTokenQuotaArgs(client_credentials=(
            auth0.ClientTokenQuotaClientCredentialsArgs(**quota.model_dump(exclude_none=True))))
    if app.mobile:
        ios, android = app.mobile.ios, app.mobile.android
        arguments["mobile"] = auth0.ClientMobileArgs(
            ios=auth0.ClientMobileIosArgs(**ios.model_dump()) if ios else None,
            android=auth0.ClientMobileAndroidArgs(**android.model_dump()) if android else None,
        )
    return {name: value for name, value in arguments.items() if value is not None}


def express_configuration(app: Application, attribute_profile_ids: dict[str, pulumi.Input[str]],
                          client_ids: dict[str, pulumi.Input[str]]) -> auth0.ClientExpressConfigurationArgs | None:
    """The client's express_configuration, naming the profile and linked clients by their ids (the loader checks
    the keys)."""
    express = app.express_configuration
    if express is None:
        return None
    return auth0.ClientExpressConfigurationArgs(
        initiate_login_uri_template=express.initiate_login_uri_template,
        user_attribute_profile_id=attribute_profile_ids[express.user_attribute_profile],
        connection_profile_id=express.connection_profile_id,
        okta_oin_client_id=express.okta_oin_client_id,
        admin_login_domain=express.admin_login_domain,
        enable_client=express.enable_client,
        enable_organization=express.enable_organization,
        linked_clients=[auth0.ClientExpressConfigurationLinkedClientArgs(client_id=client_ids[key])
                        for key in express.linked_clients] or None,
        oin_submission_id=express.oin_submission_id,
    )


def _private_key_jwt(app: Application) -> auth0.ClientCredentialsPrivateKeyJwtArgs | None:
    if not app.private_key_jwt_credentials:
        return None
    return auth0.ClientCredentialsPrivateKeyJwtArgs(credentials=[
        auth0.ClientCredentialsPrivateKeyJwtCredentialArgs(
            name=name, credential_type=key.credential_type, pem=key.pem.text, algorithm=key.algorithm)
        for name, key in sorted(app.private_key_jwt_credentials.items())
    ])


class Applications(pulumi.ComponentResource):
    client_ids: pulumi.Output[dict[str, str]]
    client_id_by_key: dict[str, pulumi.Output[str]]  # one Output each, so dependents wait only for theirs

    def __init__(self, name: str, args: ApplicationsArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:authentication:Applications", name, None, opts)
        ids: dict[str, pulumi.Output[str]] = {}
        # An express configuration names its linked clients' ids, so those clients are registered first.
        ordered = sorted(args.applications.items(), key=lambda item: item[1].express_configuration is not None)
        for key, app in ordered:
            express = express_configuration(app, args.attribute_profile_ids, ids)
            client = auth0.Client(
                f"{name}-{key}", **client_arguments(key, app),
                **({"express_configuration": express} if express else {}),
                opts=pulumi.ResourceOptions(parent=self),
            )
            auth0.ClientCredentials(
                f"{name}-{key}-credentials",
                client_id=client.client_id,
                authentication_method=app.effective_auth_method,
                private_key_jwt=_private_key_jwt(app),
                opts=pulumi.ResourceOptions(parent=self),
            )
            ids[key] = client.client_id
        ids = {key: ids[key] for key in args.applications}  # the blueprint's order, whatever the creation order
        self.client_ids = pulumi.Output.all(**ids) if ids else pulumi.Output.from_input({})
        self.client_id_by_key = ids
        self.register_outputs({"client_ids": self.client_ids})
