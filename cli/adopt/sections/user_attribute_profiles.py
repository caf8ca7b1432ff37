"""`userAttributeProfiles` (Management API /user-attribute-profiles) -> blueprint `user_attribute_profiles`,
keyed by slug of name.

The shapes are the API's on both sides (`user_id`, `user_attributes` keyed by attribute name, each with its
OIDC, SAML and SCIM mappings and `strategy_overrides`), so the values are copied with their keywords as `${var}`.
"""

from __future__ import annotations

from cli.adopt.sections._fields import items_by_name, register_ids, set_values
from cli.adopt.translate import Translation

SOURCE = "userAttributeProfiles"
TARGET = "user_attribute_profiles"
KIND = SOURCE
FIELDS = ("user_id", "user_attributes")


def register(ctx: Translation) -> None:
    register_ids(ctx, SOURCE, KIND, TARGET)


def translate(ctx: Translation) -> None:
    profiles: dict = {}
    for _item, data, name, key in items_by_name(ctx, SOURCE, KIND):
        prefix = f"{TARGET}.{key}"
        profile: dict = {} if name == key else {"name": name}
        set_values(ctx, TARGET, profile, data, FIELDS, prefix)
        ctx.leftovers(TARGET, prefix, data, {"name", *FIELDS})
        profiles[key] = profile
    if profiles:
        ctx.blueprint[TARGET] = profiles
