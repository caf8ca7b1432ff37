"""`organizations` (Management API /organizations) -> blueprint `organizations`, keyed by slug of name.

Connections are referred to by name (or, from a live tenant, by connection ID) and become connection keys.
Members and invitations are user data, not configuration: they are reported as skipped.
"""

from __future__ import annotations

from cli.adopt.sections._fields import items_by_name
from cli.adopt.translate import DROP, Translation

SOURCE = "organizations"
TARGET = "organizations"
KIND = "organizations"
CONNECTION_SETTINGS = ("assign_membership_on_login", "show_as_button", "is_signup_enabled")
USER_DATA = ("members", "invitations")


def register(ctx: Translation) -> None:
    for _item, data, _name, key in items_by_name(ctx, SOURCE, KIND):
        if data.get("id"):
            ctx.ids[(TARGET, key)] = data["id"]


def _connection_key(ctx: Translation, item, entry: dict, where: str) -> str | None:
    nested = entry.get("connection") if isinstance(entry.get("connection"), dict) else {}
    name = entry.get("name") or nested.get("name")
    identifier = entry.get("connection_id")
    if not name and identifier:
        by_id = {auth0_id: key for (section, key), auth0_id in ctx.ids.items() if section == "connections"}
        if identifier in by_id:
            return by_id[identifier]
        name = identifier  # a0deploy writes the connection's name here
    key = ctx.ref("connections", name, item.file, where)
    if key is not None and key not in ctx.blueprint.get("connections", {}):
        ctx.report.unexpressed(TARGET, where, f"connection '{name}' was left out of the import (see connections)")
        return None
    return key


def _value(ctx: Translation, value, path: str, target: dict, field: str) -> None:
    converted = ctx.value(TARGET, value, path)
    if converted is not DROP and converted is not None:
        target[field] = converted


def translate(ctx: Translation) -> None:
    organizations: dict = {}
    for item, data, name, key in items_by_name(ctx, SOURCE, KIND):
        prefix = f"{TARGET}.{key}"
        organization: dict = {}
        if name != key:
            organization["name"] = name
        if data.get("display_name"):
            _value(ctx, data["display_name"], f"{prefix}.display_name", organization, "display_name")
        branding = data.get("branding")
        if isinstance(branding, dict):
            out: dict = {}
            if branding.get("logo_url"):
                _value(ctx, branding["logo_url"], f"{prefix}.branding.logo_url", out, "logo_url")
            colors = branding.get("colors")
            if isinstance(colors, dict):
                _value(ctx, {k: colors[k] for k in ("primary", "page_background") if k in colors},
                       f"{prefix}.branding.colors", out, "colors")
                ctx.leftovers(TARGET, f"{prefix}.branding.colors", colors, {"primary", "page_background"})
            if out:
                organization["branding"] = out
            ctx.leftovers(TARGET, f"{prefix}.branding", branding, {"logo_url", "colors"})
        if data.get("metadata"):
            _value(ctx, data["metadata"], f"{prefix}.metadata", organization, "metadata")
        connections: dict = {}
        for index, entry in enumerate(data.get("connections") or []):
            where = f"{prefix}.connections.{index}"
            if not isinstance(entry, dict):
                ctx.report.unexpressed(TARGET, where, "expected {name, assign_membership_on_login, ...}")
                continue
            connection_key = _connection_key(ctx, item, entry, where)
            if connection_key is None:
                continue
            connections[connection_key] = {f: entry[f] for f in CONNECTION_SETTINGS if entry.get(f) is not None}
            ctx.leftovers(TARGET, where, entry, {"name", "connection_id", "connection", *CONNECTION_SETTINGS})
        if connections:
            organization["connections"] = connections
        domains: dict = {}
        for index, entry in enumerate(data.get("discovery_domains") or []):
            if isinstance(entry, dict) and isinstance(entry.get("domain"), str):
                domains[entry["domain"]] = {f: entry[f] for f in ("status", "use_for_organization_discovery")
                                            if entry.get(f) is not None}
                ctx.leftovers(TARGET, f"{prefix}.discovery_domains.{index}", entry,
                              {"domain", "status", "use_for_organization_discovery", "verification_txt",
                               "verification_host"})
            else:
                ctx.report.unexpressed(TARGET, f"{prefix}.discovery_domains.{index}", "expected {domain, status}")
        if domains:
            organization["discovery_domains"] = domains
        for field in USER_DATA:
            if data.get(field):
                ctx.report.unexpressed(TARGET, f"{prefix}.{field}", "user data, not configuration; skipped")
        ctx.leftovers(TARGET, prefix, data, {"name", "display_name", "branding", "metadata", "connections",
                                             "discovery_domains", *USER_DATA})
        organizations[key] = organization
    if organizations:
        ctx.blueprint[TARGET] = organizations
