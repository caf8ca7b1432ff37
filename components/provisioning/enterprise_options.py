"""The `options` block of an enterprise auth0.Connection (samlp, oidc, okta, waad, google-apps, ad); pure.

Secrets come in through `secret`, like the other connection kinds. Certificates are PEM files; the Management API
takes them base64-encoded (`signingCert`, `signingKey.cert`), the signing key itself as plain PEM.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable

import pulumi
import pulumi_auth0 as auth0

from components.config.enterprise_connections import (
    ActiveDirectoryConnection,
    EnterpriseConnection,
    EntraIdConnection,
    GoogleWorkspaceConnection,
    OidcConnection,
    OktaConnection,
    SamlConnection,
)
from components.config.types import SecretRef

SecretResolver = Callable[[SecretRef], pulumi.Input[str]]


def _common(connection: EnterpriseConnection) -> dict:
    return {"domain_aliases": list(connection.domain_aliases) or None,
            "set_user_root_attributes": connection.set_user_root_attributes}


def _oauth(connection: OidcConnection | OktaConnection | EntraIdConnection | GoogleWorkspaceConnection,
           secret: SecretResolver) -> dict:
    return {"client_id": connection.client_id, "client_secret": secret(connection.client_secret),
            "scopes": list(connection.scopes) or None}


def _saml(connection: SamlConnection, secret: SecretResolver) -> auth0.ConnectionOptionsArgs:
    key = connection.signing_key
    return auth0.ConnectionOptionsArgs(
        **_common(connection),
        sign_in_endpoint=connection.sign_in_endpoint,
        sign_out_endpoint=connection.sign_out_endpoint,
        signing_cert=_base64(connection.signing_cert.text) if connection.signing_cert else None,
        metadata_url=connection.metadata_url,
        sign_saml_request=connection.sign_saml_request,
        signing_key=(auth0.ConnectionOptionsSigningKeyArgs(key=secret(key.key), cert=_base64(key.cert.text))
                     if key else None),
        signature_algorithm=connection.signature_algorithm,
        digest_algorithm=connection.digest_algorithm,
        protocol_binding=connection.protocol_binding,
        user_id_attribute=connection.user_id_attribute,
        disable_sign_out=connection.disable_sign_out,
        fields_map=json.dumps(connection.fields_map, sort_keys=True) if connection.fields_map else None,
    )


def _oidc(connection: OidcConnection, secret: SecretResolver) -> auth0.ConnectionOptionsArgs:
    return auth0.ConnectionOptionsArgs(**_common(connection), **_oauth(connection, secret), type=connection.type,
                                       discovery_url=connection.discovery_url, issuer=connection.issuer)


def _okta(connection: OktaConnection, secret: SecretResolver) -> auth0.ConnectionOptionsArgs:
    return auth0.ConnectionOptionsArgs(**_common(connection), **_oauth(connection, secret), domain=connection.domain)


def _entra_id(connection: EntraIdConnection, secret: SecretResolver) -> auth0.ConnectionOptionsArgs:
    return auth0.ConnectionOptionsArgs(
        **_common(connection), **_oauth(connection, secret),
        tenant_domain=connection.tenant_domain,
        waad_protocol=connection.waad_protocol,
        identity_api=connection.identity_api,
        waad_common_endpoint=connection.waad_common_endpoint,
        api_enable_users=connection.api_enable_users,
        max_groups_to_retrieve=str(connection.max_groups_to_retrieve) if connection.max_groups_to_retrieve else None,
    )


def _google_workspace(connection: GoogleWorkspaceConnection, secret: SecretResolver) -> auth0.ConnectionOptionsArgs:
    return auth0.ConnectionOptionsArgs(
        **_common(connection), **_oauth(connection, secret),
        domain=connection.domain, tenant_domain=connection.tenant_domain or connection.domain,
        api_enable_users=connection.api_enable_users,
    )


def _active_directory(connection: ActiveDirectoryConnection) -> auth0.ConnectionOptionsArgs:
    return auth0.ConnectionOptionsArgs(
        **_common(connection),
        ips=list(connection.ips) or None,
        use_kerberos=connection.use_kerberos,
        use_cert_auth=connection.use_cert_auth,
        disable_cache=connection.disable_cache,
        brute_force_protection=connection.brute_force_protection,
    )


def enterprise_options(connection: EnterpriseConnection, secret: SecretResolver) -> auth0.ConnectionOptionsArgs:
    if isinstance(connection, SamlConnection):
        return _saml(connection, secret)
    if isinstance(connection, OidcConnection):
        return _oidc(connection, secret)
    if isinstance(connection, OktaConnection):
        return _okta(connection, secret)
    if isinstance(connection, EntraIdConnection):
        return _entra_id(connection, secret)
    if isinstance(connection, GoogleWorkspaceConnection):
        return _google_workspace(connection, secret)
    return _active_directory(connection)


def _base64(pem: str) -> str:
    return base64.b64encode(pem.encode()).decode()
