"""`selfServiceProfiles` (Management API /self-service-profiles, custom text per language and page)
-> blueprint `self_service_sso_profiles`, keyed by slug of name.

`user_attributes` is a list of `{name, description, is_optional}` in Auth0 and a mapping by name here;
a0deploy's `customText: {en: {get-started: {...}}}` becomes `custom_text`.
"""

from __future__ import annotations

from cli.adopt.sections._fields import items_by_name, register_ids, set_value, set_values
from cli.adopt.translate import Translation

SOURCE = "selfServiceProfiles"
TARGET = "self_service_sso_profiles"
KIND = SOURCE


def register(ctx: Translation) -> None:
    register_ids(ctx, SOURCE, KIND, TARGET)


def translate(ctx: Translation) -> None:
    profiles: dict = {}
    for _item, data, name, key in items_by_name(ctx, SOURCE, KIND):
        prefix = f"{TARGET}.{key}"
        profile: dict = {"name": name}
        set_values(ctx, TARGET, profile, data, ("description", "allowed_strategies", "branding"), prefix)
        attributes: dict = {}
        for index, attribute in enumerate(data.get("user_attributes") or []):
            where = f"{prefix}.user_attributes.{index}"
            if not isinstance(attribute, dict) or not attribute.get("name"):
                ctx.report.unexpressed(TARGET, where, "expected {name, description, is_optional}")
                continue
            attributes[attribute["name"]] = {k: attribute[k] for k in ("description", "is_optional") if k in attribute}
            ctx.leftovers(TARGET, where, attribute, {"name", "description", "is_optional"})
        if attributes:
            profile["user_attributes"] = attributes
        if data.get("customText"):
            set_value(ctx, TARGET, profile, "custom_text", data["customText"], f"{prefix}.customText")
        if data.get("user_attribute_profile_id"):
            ctx.report.unexpressed(TARGET, f"{prefix}.user_attribute_profile_id", "a self-service profile here lists "
                                   "its user_attributes itself; copy them from that user attribute profile")
        ctx.leftovers(TARGET, prefix, data, {"name", "description", "allowed_strategies", "branding",
                                             "user_attributes", "customText", "user_attribute_profile_id"})
        profiles[key] = profile
    if profiles:
        ctx.blueprint[TARGET] = profiles
