"""User provisioning: connections (database, custom database for lazy migration, social, passwordless, enterprise).

Creates, per connection key: auth0.Connection (protected when the stack protects data and the connection holds
users) and auth0.ConnectionClients (the applications it is enabled for, by application key).
"""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_auth0 as auth0

from components.config.connections import Connection
from components.config.runtime import secret_value
from components.provisioning.connection_options import connection_options, holds_users


@dataclass(frozen=True)
class ConnectionsArgs:
    connections: dict[str, Connection]
    client_ids: dict[str, pulumi.Input[str]]
    protect: bool


class Connections(pulumi.ComponentResource):
    connection_ids: pulumi.Output[dict[str, str]]
    connection_id_by_key: dict[str, pulumi.Output[str]]  # one Output each, so dependents wait only for theirs

    def __init__(self, name: str, args: ConnectionsArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:provisioning:Connections", name, None, opts)
        ids: dict[str, pulumi.Output[str]] = {}
        for key, connection in args.connections.items():
            resource = auth0.Connection(
                f"{name}-{key}",
                name=connection.name or key,
                strategy=connection.strategy,
                display_name=connection.display_name,
                show_as_button=getattr(connection, "show_as_button", None),
                options=connection_options(connection, secret_value),
                # Deleting a database connection deletes every user in it, irreversibly.
                opts=pulumi.ResourceOptions(parent=self, protect=args.protect and holds_users(connection)),
            )
            auth0.ConnectionClients(
                f"{name}-{key}-clients",
                connection_id=resource.id,
                enabled_clients=[args.client_ids[app] for app in connection.enabled_applications],
                opts=pulumi.ResourceOptions(parent=self),
            )
            ids[key] = resource.id
        self.connection_ids = pulumi.Output.all(**ids) if ids else pulumi.Output.from_input({})
        self.connection_id_by_key = ids
        self.register_outputs({"connection_ids": self.connection_ids})
