"""User authorization: RBAC roles.

Creates, per role key: auth0.Role and auth0.RolePermissions (all the role's permissions, one owner).
"""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_auth0 as auth0

from components.config.roles import Role


@dataclass(frozen=True)
class RolesArgs:
    roles: dict[str, Role]
    api_identifiers: dict[str, pulumi.Input[str]]


class Roles(pulumi.ComponentResource):
    role_ids: pulumi.Output[dict[str, str]]

    def __init__(self, name: str, args: RolesArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:authorization:Roles", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        ids: dict[str, pulumi.Output[str]] = {}
        for key, role in args.roles.items():
            resource = auth0.Role(f"{name}-{key}", name=role.name or key, description=role.description, opts=child)
            permissions = [
                auth0.RolePermissionsPermissionArgs(name=scope, resource_server_identifier=args.api_identifiers[api])
                for api, scopes in sorted(role.permissions.items())
                for scope in scopes
            ]
            if permissions:
                auth0.RolePermissions(f"{name}-{key}-permissions", role_id=resource.id, permissions=permissions,
                                      opts=child)
            ids[key] = resource.id
        self.role_ids = pulumi.Output.all(**ids) if ids else pulumi.Output.from_input({})
        self.register_outputs({"role_ids": self.role_ids})
