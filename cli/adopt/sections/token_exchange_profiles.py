"""`tokenExchangeProfiles` (Management API /token-exchange-profiles) -> blueprint `token_exchange_profiles`,
keyed by slug of name.

a0deploy names the profile's Action by name (`action`; the live export does the same from `action_id`); the
blueprint names it by key, and that Action must be a carried-over `custom-token-exchange` Action.
"""

from __future__ import annotations

from cli.adopt.sections._fields import items_by_name, register_ids, set_value
from cli.adopt.translate import Translation

SOURCE = "tokenExchangeProfiles"
TARGET = "token_exchange_profiles"
KIND = SOURCE


def register(ctx: Translation) -> None:
    register_ids(ctx, SOURCE, KIND, TARGET)


def translate(ctx: Translation) -> None:
    profiles: dict = {}
    actions = ctx.blueprint.get("actions", {})
    for item, data, name, key in items_by_name(ctx, SOURCE, KIND):
        prefix = f"{TARGET}.{key}"
        action = ctx.ref("actions", data.get("action"), item.file, f"{prefix}.action")
        if action is None or action not in actions:
            if action is not None:  # the Action exists but was left out (its trigger is reported)
                ctx.report.unexpressed(TARGET, f"{prefix}.action", f"Action {data.get('action')} was not carried "
                                       "over; the profile was left out")
            ctx.ids.pop((TARGET, key), None)
            continue
        profile: dict = {} if name == key else {"name": name}
        set_value(ctx, TARGET, profile, "subject_token_type", data.get("subject_token_type"),
                  f"{prefix}.subject_token_type")
        profile["action"] = action
        if data.get("type") not in (None, "custom_authentication"):
            ctx.report.unexpressed(TARGET, f"{prefix}.type", f"{data['type']}: only custom_authentication "
                                   "profiles are expressible")
        ctx.leftovers(TARGET, prefix, data, {"name", "subject_token_type", "action", "action_id", "type"})
        profiles[key] = profile
    if profiles:
        ctx.blueprint[TARGET] = profiles
