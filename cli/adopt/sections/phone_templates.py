"""`phoneTemplates` (Management API /branding/phone/templates) -> blueprint `mfa.phone` messages.

The blueprint expresses the two MFA code messages, `otp_enroll` and `otp_verify`, with one text for SMS and
voice; other template types, a different voice text and the sender (`content.from`) go to the report.
"""

from __future__ import annotations

from cli.adopt.translate import DROP, Translation

SOURCE = "phoneTemplates"
TARGET = "mfa"
MESSAGES = {"otp_enroll": "enrollment_message", "otp_verify": "verification_message"}


def translate(ctx: Translation) -> None:
    for index, item in enumerate(ctx.export.get(SOURCE, [])):
        data = item.data if isinstance(item.data, dict) else {}
        kind = data.get("type")
        where = f"phoneTemplates.{kind or index}"
        phone = (ctx.blueprint.get(TARGET) or {}).get("phone")
        if kind not in MESSAGES or phone is None or data.get("disabled"):
            ctx.report.unexpressed(TARGET, where, "the blueprint expresses only the otp_enroll and otp_verify "
                                   "messages of the phone MFA factor (enabled)")
            continue
        if data.get("id"):
            ctx.ids[("phone_templates", kind.replace("_", "-"))] = data["id"]
        content = data.get("content") or {}
        body = content.get("body") or {}
        if body.get("text"):
            text = ctx.value(TARGET, body["text"], f"{where}.content.body.text")
            if text is not DROP:
                phone[MESSAGES[kind]] = text
        if body.get("voice") not in (None, body.get("text")):
            ctx.report.unexpressed(TARGET, f"{where}.content.body.voice", "the blueprint sends one text for SMS "
                                   "and voice")
        ctx.leftovers(TARGET, f"{where}.content", content, {"body"})
        ctx.leftovers(TARGET, where, data, {"type", "content", "disabled", "channel", "customizable"})
