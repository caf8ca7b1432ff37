"""User authentication: Custom Token Exchange profiles.

Creates, per `token_exchange_profiles` key: auth0.TokenExchangeProfile (its subject token type and the id of
the custom-token-exchange Action that validates such tokens; it waits for that Action).
"""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_auth0 as auth0

from components.config.token_exchange_profiles import TokenExchangeProfile


@dataclass(frozen=True)
class TokenExchangeProfilesArgs:
    profiles: dict[str, TokenExchangeProfile]
    # actions key -> Action id, from the Actions component (the loader checks the key and its trigger).
    action_ids: dict[str, pulumi.Input[str]]


class TokenExchangeProfiles(pulumi.ComponentResource):
    profile_ids: pulumi.Output[dict[str, str]]

    def __init__(self, name: str, args: TokenExchangeProfilesArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:authentication:TokenExchangeProfiles", name, None, opts)
        ids: dict[str, pulumi.Output[str]] = {}
        for key, profile in args.profiles.items():
            ids[key] = auth0.TokenExchangeProfile(
                f"{name}-{key}",
                name=profile.name or key,
                subject_token_type=profile.subject_token_type,
                action_id=args.action_ids[profile.action],
                type=profile.type,
                opts=pulumi.ResourceOptions(parent=self),
            ).id
        self.profile_ids = pulumi.Output.all(**ids) if ids else pulumi.Output.from_input({})
        self.register_outputs({"profile_ids": self.profile_ids})
