"""User authentication: user attribute profiles (how enterprise identity providers' attributes map to Auth0's).

Creates, per `user_attribute_profiles` key: auth0.UserAttributeProfile (its attributes, in the blueprint's
order, with their OIDC, SAML and SCIM mappings and per-strategy overrides, and the user id mapping).
"""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_auth0 as auth0

from components.config.user_attribute_profiles import UserAttribute, UserAttributeProfile, UserIdMapping


@dataclass(frozen=True)
class UserAttributeProfilesArgs:
    profiles: dict[str, UserAttributeProfile]


def _oidc(mapping, args_type: type):
    return args_type(mapping=mapping.mapping, display_name=mapping.display_name) if mapping else None


def _attribute(name: str, attribute: UserAttribute) -> auth0.UserAttributeProfileUserAttributeArgs:
    return auth0.UserAttributeProfileUserAttributeArgs(
        name=name,
        description=attribute.description,
        label=attribute.label,
        profile_required=attribute.profile_required,
        auth0_mapping=attribute.auth0_mapping,
        oidc_mapping=_oidc(attribute.oidc_mapping, auth0.UserAttributeProfileUserAttributeOidcMappingArgs),
        saml_mappings=list(attribute.saml_mapping) if attribute.saml_mapping else None,
        scim_mapping=attribute.scim_mapping,
        strategy_overrides=[auth0.UserAttributeProfileUserAttributeStrategyOverrideArgs(
            strategy=strategy,
            oidc_mapping=_oidc(override.oidc_mapping,
                               auth0.UserAttributeProfileUserAttributeStrategyOverrideOidcMappingArgs),
            saml_mappings=list(override.saml_mapping) if override.saml_mapping else None,
            scim_mapping=override.scim_mapping,
        ) for strategy, override in sorted(attribute.strategy_overrides.items())] or None,
    )


def _user_id(mapping: UserIdMapping | None) -> auth0.UserAttributeProfileUserIdArgs | None:
    if mapping is None:
        return None
    return auth0.UserAttributeProfileUserIdArgs(
        oidc_mapping=mapping.oidc_mapping,
        saml_mappings=list(mapping.saml_mapping) if mapping.saml_mapping else None,
        scim_mapping=mapping.scim_mapping,
        strategy_overrides=[auth0.UserAttributeProfileUserIdStrategyOverrideArgs(
            strategy=strategy, oidc_mapping=override.oidc_mapping,
            saml_mappings=list(override.saml_mapping) if override.saml_mapping else None,
            scim_mapping=override.scim_mapping,
        ) for strategy, override in sorted(mapping.strategy_overrides.items())] or None,
    )


class UserAttributeProfiles(pulumi.ComponentResource):
    profile_ids: pulumi.Output[dict[str, str]]
    profile_id_by_key: dict[str, pulumi.Output[str]]  # one Output each, so dependents wait only for theirs

    def __init__(self, name: str, args: UserAttributeProfilesArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:authentication:UserAttributeProfiles", name, None, opts)
        ids: dict[str, pulumi.Output[str]] = {}
        for key, profile in args.profiles.items():
            ids[key] = auth0.UserAttributeProfile(
                f"{name}-{key}",
                name=profile.name or key,
                user_id=_user_id(profile.user_id),
                user_attributes=[_attribute(attribute_name, attribute)
                                 for attribute_name, attribute in profile.user_attributes.items()],
                opts=pulumi.ResourceOptions(parent=self),
            ).id
        self.profile_ids = pulumi.Output.all(**ids) if ids else pulumi.Output.from_input({})
        self.profile_id_by_key = ids
        self.register_outputs({"profile_ids": self.profile_ids})
