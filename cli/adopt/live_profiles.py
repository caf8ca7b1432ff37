"""Reading what Actions and enterprise applications share from the live tenant: Action modules, user attribute
profiles and token exchange profiles, in the shapes a0deploy writes them (ids become names, as a0deploy does).

Runs after the applications and Actions are read: a profile names its Action, an application's Express
Configuration its user attribute profile and linked clients, by name.
"""

from __future__ import annotations

from cli.adopt.live_session import ABSENT, Session
from cli.adopt.translate import Item


def _action_modules(session: Session, export: dict[str, list[Item]]) -> None:
    api, options, per_page = session.api, session.options, session.per_page
    session.say("reading action modules")
    modules = []
    listed = session.optional(lambda: session.all(api.actions.modules.list(per_page=per_page, **options)), ABSENT)
    for module in listed or []:
        module["code"] = {"inline": module.get("code") or ""}
        modules.append(session.item(module, f"actions/modules/{module.get('id')}"))
    export["actionModules"] = modules


def _user_attribute_profiles(session: Session, export: dict[str, list[Item]]) -> dict[str, str]:
    api, options, per_page = session.api, session.options, session.per_page
    session.say("reading user attribute profiles")
    # Without the feature on the tenant's plan Auth0 answers 403: the tenant has none.
    profiles = session.optional(lambda: session.all(api.user_attribute_profiles.list(take=per_page, **options)),
                                ABSENT) or []
    export["userAttributeProfiles"] = [session.item(p, f"user-attribute-profiles/{p.get('id')}") for p in profiles]
    return {p.get("id"): p.get("name") for p in profiles}


def _token_exchange_profiles(session: Session, export: dict[str, list[Item]]) -> None:
    api, options, per_page = session.api, session.options, session.per_page
    session.say("reading token exchange profiles")
    actions = {item.data.get("id"): item.data.get("name") for item in export.get("actions", [])}
    profiles = session.optional(lambda: session.all(api.token_exchange_profiles.list(take=per_page, **options)),
                                ABSENT) or []
    for profile in profiles:
        action = profile.pop("action_id", None)
        profile["action"] = actions.get(action, action)
    export["tokenExchangeProfiles"] = [session.item(p, f"token-exchange-profiles/{p.get('id')}") for p in profiles]


def _express_configurations(export: dict[str, list[Item]], profile_names: dict[str, str]) -> None:
    for item in export.get("clients", []):
        express = item.data.get("express_configuration")
        if not isinstance(express, dict):
            continue
        profile = express.get("user_attribute_profile_id")
        express["user_attribute_profile_id"] = profile_names.get(profile, profile)


def read(session: Session, export: dict[str, list[Item]]) -> None:
    _action_modules(session, export)
    names = _user_attribute_profiles(session, export)
    _token_exchange_profiles(session, export)
    _express_configurations(export, names)
