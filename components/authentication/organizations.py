"""User authentication: organizations (business customers of a B2B2C tenant).

Creates, per organization key: auth0.Organization (display name, branding, metadata),
auth0.OrganizationConnections (its connections, by connection key) and auth0.OrganizationDiscoveryDomains
(when it has discovery domains). Members and invitations are user data and are not managed here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_auth0 as auth0

from components.config.organizations import Organization


@dataclass(frozen=True)
class OrganizationsArgs:
    organizations: dict[str, Organization]
    connection_id_by_key: dict[str, pulumi.Input[str]]


def _branding(organization: Organization) -> auth0.OrganizationBrandingArgs | None:
    branding = organization.branding
    if branding is None:
        return None
    colours = branding.colors.model_dump() if branding.colors else None
    return auth0.OrganizationBrandingArgs(logo_url=branding.logo_url, colors=colours)


class Organizations(pulumi.ComponentResource):
    organization_ids: pulumi.Output[dict[str, str]]

    def __init__(self, name: str, args: OrganizationsArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:authentication:Organizations", name, None, opts)
        ids: dict[str, pulumi.Output[str]] = {}
        for key, organization in args.organizations.items():
            resource = auth0.Organization(
                f"{name}-{key}",
                name=organization.name or key,
                display_name=organization.display_name,
                branding=_branding(organization),
                metadata=dict(organization.metadata) or None,
                opts=pulumi.ResourceOptions(parent=self),
            )
            auth0.OrganizationConnections(
                f"{name}-{key}-connections",
                organization_id=resource.id,
                enabled_connections=[
                    auth0.OrganizationConnectionsEnabledConnectionArgs(
                        connection_id=args.connection_id_by_key[connection_key],
                        assign_membership_on_login=settings.assign_membership_on_login,
                        show_as_button=settings.show_as_button,
                        is_signup_enabled=settings.is_signup_enabled,
                    )
                    for connection_key, settings in organization.connections.items()
                ],
                opts=pulumi.ResourceOptions(parent=self),
            )
            if organization.discovery_domains:
                auth0.OrganizationDiscoveryDomains(
                    f"{name}-{key}-discovery-domains",
                    organization_id=resource.id,
                    discovery_domains=[
                        auth0.OrganizationDiscoveryDomainsDiscoveryDomainArgs(domain=domain, **settings.model_dump())
                        for domain, settings in organization.discovery_domains.items()
                    ],
                    opts=pulumi.ResourceOptions(parent=self),
                )
            ids[key] = resource.id
        self.organization_ids = pulumi.Output.all(**ids) if ids else pulumi.Output.from_input({})
        self.register_outputs({"organization_ids": self.organization_ids})
