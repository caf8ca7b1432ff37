"""User authentication: self-service SSO profiles (business customers set up their own enterprise connection).

Creates, per profile key: auth0.SelfServiceProfile (strategies offered, attributes to map, branding) and one
auth0.SelfServiceProfileCustomText per language and page of custom text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pulumi
import pulumi_auth0 as auth0

from components.config.self_service_sso import SelfServiceSsoProfile


@dataclass(frozen=True)
class SelfServiceSsoArgs:
    profiles: dict[str, SelfServiceSsoProfile]


def _branding(profile: SelfServiceSsoProfile) -> auth0.SelfServiceProfileBrandingArgs | None:
    if profile.branding is None:
        return None
    colours = profile.branding.colors
    return auth0.SelfServiceProfileBrandingArgs(
        logo_url=profile.branding.logo_url,
        colors=auth0.SelfServiceProfileBrandingColorsArgs(primary=colours.primary) if colours else None)


class SelfServiceSso(pulumi.ComponentResource):
    profile_ids: pulumi.Output[dict[str, str]]

    def __init__(self, name: str, args: SelfServiceSsoArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:authentication:SelfServiceSso", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        ids: dict[str, pulumi.Output[str]] = {}
        for key, profile in args.profiles.items():
            resource = auth0.SelfServiceProfile(
                f"{name}-{key}",
                name=profile.name or key,
                description=profile.description,
                allowed_strategies=list(profile.allowed_strategies),
                user_attributes=[auth0.SelfServiceProfileUserAttributeArgs(
                    name=attribute, description=settings.description, is_optional=settings.is_optional)
                    for attribute, settings in profile.user_attributes.items()] or None,
                branding=_branding(profile),
                opts=child,
            )
            for language, pages in sorted(profile.custom_text.items()):
                for page, texts in sorted(pages.items()):
                    auth0.SelfServiceProfileCustomText(
                        f"{name}-{key}-text-{language}-{page}",
                        sso_id=resource.id, language=language, page=page,
                        body=json.dumps(texts, sort_keys=True, ensure_ascii=False),
                        opts=child,
                    )
            ids[key] = resource.id
        self.profile_ids = pulumi.Output.all(**ids) if ids else pulumi.Output.from_input({})
        self.register_outputs({"profile_ids": self.profile_ids})
