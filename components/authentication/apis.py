"""User authentication: APIs and machine-to-machine access.

Creates, per API key: auth0.ResourceServer (RBAC, token dialect, lifetimes, RS256) and
auth0.ResourceServerScopes (all its scopes, one owner). Per application grant: auth0.ClientGrant with the
application's explicit scopes (never allow_all_scopes), including grants to Auth0's Management and My Account APIs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_auth0 as auth0

from components.config.apis import Api
from components.config.applications import Application


@dataclass(frozen=True)
class ApisArgs:
    apis: dict[str, Api]
    applications: dict[str, Application]
    client_ids: dict[str, pulumi.Input[str]]
    tenant_domain: str = ""  # the audience of Auth0's own APIs (auth0_api_grants)


_BUILT_FIELDS = ("authorization_details", "token_encryption", "proof_of_possession")


def resource_server_extras(api: Api) -> dict[str, Any]:
    """The nested auth0.ResourceServer arguments (files read, empty ones left out so Auth0 keeps its default)."""
    extras: dict[str, Any] = {}
    if api.authorization_details:
        extras["authorization_details"] = [auth0.ResourceServerAuthorizationDetailArgs(type=detail.type)
                                           for detail in api.authorization_details]
    if api.token_encryption:
        key = api.token_encryption.encryption_key
        extras["token_encryption"] = auth0.ResourceServerTokenEncryptionArgs(
            format=api.token_encryption.format,
            encryption_key=auth0.ResourceServerTokenEncryptionEncryptionKeyArgs(
                name=key.name, algorithm=key.algorithm, pem=key.pem.text, kid=key.kid))
    if api.proof_of_possession:
        extras["proof_of_possession"] = auth0.ResourceServerProofOfPossessionArgs(
            **api.proof_of_possession.model_dump())
    return extras


def grants(applications: dict[str, Application]) -> list[tuple[str, str, list[str]]]:
    """(application key, API key, scopes) for every machine-to-machine grant, in a stable order."""
    return [
        (app_key, api_key, list(grant.scopes))
        for app_key, app in sorted(applications.items())
        for api_key, grant in sorted(app.full_grants.items())
    ]


def auth0_api_grants(applications: dict[str, Application], tenant_domain: str) -> list[tuple[str, str, dict]]:
    """(application key, Auth0 API name, ClientGrant arguments) for grants to the Management and My Account APIs."""
    found = []
    for app_key, app in sorted(applications.items()):
        wanted = app.auth0_api_grants
        if wanted and wanted.management:
            found.append((app_key, "management-api", {"audience": f"https://{tenant_domain}/api/v2/",
                                                      "scopes": list(wanted.management)}))
        if wanted and wanted.my_account:
            found.append((app_key, "my-account-api", {"audience": f"https://{tenant_domain}/me/",
                                                      "scopes": list(wanted.my_account), "subject_type": "user"}))
    return found


class Apis(pulumi.ComponentResource):
    identifiers: pulumi.Output[dict[str, str]]
    # Resolves once the API's scopes exist, so a grant or role permission on a scope waits for it.
    identifier_by_key: dict[str, pulumi.Output[str]]

    def __init__(self, name: str, args: ApisArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:authentication:Apis", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        self.identifier_by_key = {}
        for key, api in args.apis.items():
            server = auth0.ResourceServer(
                f"{name}-{key}",
                name=api.name or key,
                identifier=api.identifier,
                **api.model_dump(exclude={"name", "identifier", "scopes", *_BUILT_FIELDS}, exclude_none=True),
                **resource_server_extras(api),
                opts=child,
            )
            scopes = auth0.ResourceServerScopes(
                f"{name}-{key}-scopes",
                resource_server_identifier=server.identifier,
                scopes=[auth0.ResourceServerScopesScopeArgs(name=scope, description=description)
                        for scope, description in api.scopes.items()],
                opts=child,
            )
            self.identifier_by_key[key] = scopes.resource_server_identifier

        for app_key, api_key, scope_names in grants(args.applications):
            grant = args.applications[app_key].full_grants[api_key]
            auth0.ClientGrant(
                f"{name}-{app_key}-{api_key}",
                client_id=args.client_ids[app_key],
                audience=self.identifier_by_key[api_key],
                scopes=scope_names,
                organization_usage=grant.organization_usage,
                allow_any_organization=grant.allow_any_organization,
                opts=child,
            )
        for app_key, auth0_api, arguments in auth0_api_grants(args.applications, args.tenant_domain):
            auth0.ClientGrant(f"{name}-{app_key}-{auth0_api}", client_id=args.client_ids[app_key], **arguments,
                              opts=child)

        self.identifiers = (pulumi.Output.all(**self.identifier_by_key) if self.identifier_by_key
                            else pulumi.Output.from_input({}))
        self.register_outputs({"identifiers": self.identifiers})
