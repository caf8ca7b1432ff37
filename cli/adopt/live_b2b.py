"""Reading organizations, event streams, Forms and Flows (with their vault connections) and self-service SSO
profiles from the live tenant, in the shapes a0deploy writes them (connections and flows are named by the
mappings)."""

from __future__ import annotations

from cli.adopt.live_session import ABSENT, Session
from cli.adopt.translate import Item


def _organizations(session: Session, export: dict[str, list[Item]]) -> None:
    api, options, per_page = session.api, session.options, session.per_page
    session.say("reading organizations")
    organizations = []
    for organization in session.all(api.organizations.list(take=per_page, **options)):
        identifier = organization["id"]
        organization["connections"] = session.all(
            api.organizations.enabled_connections.list(identifier, per_page=per_page, **options))
        domains = session.all(api.organizations.discovery_domains.list(identifier, take=per_page, **options))
        if domains:
            organization["discovery_domains"] = domains
        organizations.append(session.item(organization, f"organizations/{identifier}"))
    export["organizations"] = organizations


def _forms_and_flows(session: Session, export: dict[str, list[Item]]) -> None:
    api, options, per_page = session.api, session.options, session.per_page
    session.say("reading forms, flows and flow vault connections")
    vault = session.all(api.flows.vault.connections.list(per_page=per_page, **options))
    export["flowVaultConnections"] = [session.item(c, f"flows/vault/connections/{c['id']}") for c in vault]
    # The lists give summaries; each object is read whole for its nodes or actions.
    flows = [session.optional(lambda f=f: api.flows.get(f["id"], **options))
             for f in session.all(api.flows.list(per_page=per_page, **options))]
    export["flows"] = [session.item(f, f"flows/{f['id']}") for f in flows if f]
    forms = [session.optional(lambda f=f: api.forms.get(f["id"], **options))
             for f in session.all(api.forms.list(per_page=per_page, **options))]
    export["forms"] = [session.item(f, f"forms/{f['id']}") for f in forms if f]


def _self_service_profiles(session: Session, export: dict[str, list[Item]]) -> None:
    api, options, per_page = session.api, session.options, session.per_page
    session.say("reading self-service SSO profiles")
    profiles = []
    for profile in session.all(api.self_service_profiles.list(per_page=per_page, **options)):
        text = session.optional(lambda p=profile: api.self_service_profiles.custom_text.list(
            p["id"], "en", "get-started", **options), ABSENT)
        if text:
            profile["customText"] = {"en": {"get-started": text}}
        profiles.append(session.item(profile, f"self-service-profiles/{profile['id']}"))
    export["selfServiceProfiles"] = profiles


def _event_streams(session: Session, export: dict[str, list[Item]]) -> None:
    session.say("reading event streams")
    streams = session.all(session.api.event_streams.list(take=session.per_page, **session.options))
    export["eventStreams"] = [session.item(s, f"event-streams/{s['id']}") for s in streams]


def read(session: Session, export: dict[str, list[Item]]) -> None:
    _organizations(session, export)
    _event_streams(session, export)
    _forms_and_flows(session, export)
    _self_service_profiles(session, export)
