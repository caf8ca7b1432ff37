"""User authentication: APIs and machine-to-machine access.

Creates, per API key: auth0.ResourceServer (RBAC, token dialect, lifetimes, RS256) and
auth0.ResourceServerScopes (all its scopes, one owner). Per application grant: auth0.ClientGrant with the
application's explicit scopes (never allow_all_scopes).
"""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_auth0 as auth0

from components.config.apis import Api
from components.config.applications import Application


@dataclass(frozen=True)
class ApisArgs:
    apis: dict[str, Api]
    applications: dict[str, Application]
    client_ids: dict[str, pulumi.Input[str]]


def grants(applications: dict[str, Application]) -> list[tuple[str, str, list[str]]]:
    """(application key, API key, scopes) for every machine-to-machine grant, in a stable order."""
    return [
        (app_key, api_key, list(scopes))
        for app_key, app in sorted(applications.items())
        for api_key, scopes in sorted(app.grants.items())
    ]


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
                **api.model_dump(exclude={"name", "identifier", "scopes"}),
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
            auth0.ClientGrant(
                f"{name}-{app_key}-{api_key}",
                client_id=args.client_ids[app_key],
                audience=self.identifier_by_key[api_key],
                scopes=scope_names,
                opts=child,
            )

        self.identifiers = (pulumi.Output.all(**self.identifier_by_key) if self.identifier_by_key
                            else pulumi.Output.from_input({}))
        self.register_outputs({"identifiers": self.identifiers})
