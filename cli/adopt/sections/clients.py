"""`clients` (a0deploy `clients`, Management API /clients) -> blueprint `applications`, keyed by slug of name."""

from __future__ import annotations

from cli.adopt.sections._fields import copy_fields, items_by_name, set_values
from cli.adopt.translate import Item, Translation
from components.config.applications import Application, ExpressConfiguration

SOURCE = "clients"
TARGET = "applications"
KIND = "clients"


def register(ctx: Translation) -> None:
    for _item, data, _name, key in items_by_name(ctx, SOURCE, KIND):
        if data.get("client_id"):
            ctx.ids[(TARGET, key)] = data["client_id"]


def _client_key(ctx: Translation, reference, item: Item, where: str) -> str | None:
    """A linked client: a0deploy writes its client_id; an export that names it by name works too."""
    by_id = {auth0_id: key for (section, key), auth0_id in ctx.ids.items() if section == TARGET}
    if isinstance(reference, str) and reference in by_id:
        return by_id[reference]
    return ctx.ref(KIND, reference, item.file, where)


def express_configuration(ctx: Translation, item: Item, data: dict, prefix: str) -> dict:
    """Okta Express Configuration: the user attribute profile (a0deploy and the live export name it) by key,
    linked clients by application key; the connection profile and the Okta OIN client stay per-stack values."""
    express: dict = {}
    set_values(ctx, TARGET, express, data, ("initiate_login_uri_template", "enable_client", "enable_organization",
                                            "admin_login_domain", "oin_submission_id", "connection_profile_id",
                                            "okta_oin_client_id"), prefix)
    profile = ctx.ref("userAttributeProfiles", data.get("user_attribute_profile_id"), item.file,
                      f"{prefix}.user_attribute_profile_id")
    if profile is not None:
        express["user_attribute_profile"] = profile
    linked = [_client_key(ctx, entry.get("client_id") if isinstance(entry, dict) else entry, item,
                          f"{prefix}.linked_clients.{index}.client_id")
              for index, entry in enumerate(data.get("linked_clients") or [])]
    if any(linked):
        express["linked_clients"] = [key for key in linked if key]
    for field, why in (("connection_profile_id", "connection profiles are not modelled here; a0deploy writes the "
                        "profile's name: set this stack's profile id (e.g. ${connection_profile_id})"),
                       ("okta_oin_client_id", "a0deploy writes the OIN client's name: set its client id per stack "
                        "(e.g. ${okta_oin_client_id})")):
        if data.get(field):
            ctx.report.unexpressed(TARGET, f"{prefix}.{field}", why)
    fields = set(ExpressConfiguration.model_fields) - {"user_attribute_profile"}
    ctx.leftovers(TARGET, prefix, data, {*fields, "user_attribute_profile_id"})
    if profile is None:  # the profile is required: without it the application keeps no express configuration
        ctx.report.unexpressed(TARGET, prefix, "no user attribute profile the export holds; left out")
        return {}
    return express


def translate(ctx: Translation) -> None:
    applications: dict = {}
    for item in ctx.export.get(SOURCE, []):
        data = item.data if isinstance(item.data, dict) else {}
        key = ctx.keys.get(KIND, {}).get(data.get("name"))
        if key is None:
            continue
        prefix = f"{TARGET}.{key}"
        app: dict = {}
        used = {"oidc_logout", "express_configuration"}
        copy_fields(ctx, TARGET, prefix, data, app, Application, used=used)
        if isinstance(data.get("express_configuration"), dict):
            where = f"{prefix}.express_configuration"
            express = express_configuration(ctx, item, data["express_configuration"], where)
            if express:
                app["express_configuration"] = express
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
