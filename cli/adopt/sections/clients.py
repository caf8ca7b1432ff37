"""`clients` (a0deploy `clients`, Management API /clients) -> blueprint `applications`, keyed by slug of name."""

from __future__ import annotations

from cli.adopt.sections._fields import copy_fields, items_by_name
from cli.adopt.translate import Translation
from components.config.applications import Application

SOURCE = "clients"
TARGET = "applications"
KIND = "clients"


def register(ctx: Translation) -> None:
    for _item, data, _name, key in items_by_name(ctx, SOURCE, KIND):
        if data.get("client_id"):
            ctx.ids[(TARGET, key)] = data["client_id"]


def translate(ctx: Translation) -> None:
    applications: dict = {}
    for _index, item in enumerate(ctx.export.get(SOURCE, [])):
        data = item.data if isinstance(item.data, dict) else {}
        key = ctx.keys.get(KIND, {}).get(data.get("name"))
        if key is None:
            continue
        prefix = f"{TARGET}.{key}"
        app: dict = {}
        used = {"oidc_logout", "express_configuration"}
        copy_fields(ctx, TARGET, prefix, data, app, Application, used=used)
        if data.get("express_configuration"):
            # It names its user attribute profile by id, and those profiles are not imported yet.
            ctx.report.unexpressed(TARGET, f"{prefix}.express_configuration", "names a user attribute profile by "
                                   "id; user_attribute_profiles are not imported yet: write both by hand")
        logout = data.get("oidc_logout")
        if isinstance(logout, dict):
            app["oidc_logout"] = oidc = {}
            if logout.get("backchannel_logout_urls"):
                oidc["backchannel_logout_urls"] = ctx.value(TARGET, logout["backchannel_logout_urls"],
                                                            f"{prefix}.oidc_logout.backchannel_logout_urls")
            initiators = logout.get("backchannel_logout_initiators") or {}
            if initiators.get("mode"):
                oidc["initiators"] = initiators["mode"]
            if initiators.get("selected_initiators"):
                oidc["selected_initiators"] = initiators["selected_initiators"]
            if not oidc.get("backchannel_logout_urls"):
                del app["oidc_logout"]
        if app.get("name") == key:
            del app["name"]
        applications[key] = app
    ctx.blueprint[TARGET] = applications
