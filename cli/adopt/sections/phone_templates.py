"""`phoneTemplates` (Management API /branding/phone/templates) -> blueprint `phone_templates`, keyed by type.

Every template type Auth0 has maps, with its SMS text, its voice text, its sender (`content.from`) and
`disabled`. Auth0 sends these only through a tenant-level phone provider, so without `phoneProviders` in the
export the templates go to the report (the blueprint would refuse them).
"""

from __future__ import annotations

from typing import get_args

from cli.adopt.translate import DROP, Translation
from components.config.phone_templates import MFA_PHONE_MESSAGES, PhoneTemplateType

SOURCE = "phoneTemplates"
TARGET = "phone_templates"
TYPES = get_args(PhoneTemplateType)


def _words(ctx: Translation, where: str, content: dict) -> dict | None:
    body = content.get("body") or {}
    words = {}
    for channel in ("text", "voice"):
        if body.get(channel):
            value = ctx.value(TARGET, body[channel], f"{where}.content.body.{channel}")
            if value is not DROP:
                words[channel] = value
    ctx.leftovers(TARGET, f"{where}.content.body", body, {"text", "voice"})
    if not words:
        return None
    carried: dict = {"body": words}
    if content.get("from"):
        sender = ctx.value(TARGET, content["from"], f"{where}.content.from")
        if sender is not DROP:
            carried["from"] = sender
    ctx.leftovers(TARGET, f"{where}.content", content, {"body", "from", "syntax"})
    return carried


def translate(ctx: Translation) -> None:
    templates: dict = {}
    for index, item in enumerate(ctx.export.get(SOURCE, [])):
        data = item.data if isinstance(item.data, dict) else {}
        kind = data.get("type")
        where = f"phoneTemplates.{kind or index}"
        if kind not in TYPES:
            ctx.report.unexpressed(TARGET, where, f"not one of Auth0's phone template types ({', '.join(TYPES)})")
            continue
        if not ctx.export.get("phoneProviders"):
            ctx.report.unexpressed(TARGET, where, "Auth0 uses phone templates only with a tenant-level phone "
                                   "provider, and the export has none")
            continue
        if data.get("id"):
            ctx.ids[(TARGET, kind.replace("_", "-"))] = data["id"]
        template: dict = {}
        if data.get("disabled"):
            template["disabled"] = True
        content = _words(ctx, where, data.get("content") or {})
        if content is not None:
            template["content"] = content
        ctx.leftovers(TARGET, where, data, {"id", "type", "content", "disabled", "channel", "customizable",
                                            "tenant"})
        templates[kind] = template
    if templates:
        _one_owner(ctx, templates)
        ctx.blueprint[TARGET] = templates


def _one_owner(ctx: Translation, templates: dict) -> None:
    # The mfa mapping carries a0deploy's `guardianFactorTemplates` into `mfa.phone`: a phone template of the same
    # type is the newer of the two, and the blueprint takes one owner.
    phone = (ctx.blueprint.get("mfa") or {}).get("phone") or {}
    for kind, field in MFA_PHONE_MESSAGES.items():
        if kind in templates and field in phone:
            older = phone.pop(field)
            if "content" in templates[kind]:
                ctx.report.notes.append(f"mfa.phone.{field}: left out; phoneTemplates.{kind} (the newer) "
                                        "sets that message")
            else:
                templates[kind]["content"] = {"body": {"text": older}}
