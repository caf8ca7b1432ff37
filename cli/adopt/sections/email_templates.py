"""`emailTemplates` (Management API /email-templates/{name}) -> `email_templates`; bodies to assets/emails/."""

from __future__ import annotations

from cli.adopt.translate import DROP, Translation
from components.config.email_templates import EMAIL_IN_REDIRECT, NO_LINK

SOURCE = "emailTemplates"
TARGET = "email_templates"
# a0deploy writes some fields camelCase, the Management API snake_case; both map.
FIELDS = {"from": "from", "subject": "subject", "resultUrl": "result_url", "result_url": "result_url",
          "urlLifetimeInSeconds": "url_lifetime_in_seconds", "url_lifetime_in_seconds": "url_lifetime_in_seconds",
          "includeEmailInRedirect": "include_email_in_redirect",
          "include_email_in_redirect": "include_email_in_redirect", "enabled": "enabled", "syntax": "syntax"}


def _applies(name: str, field: str) -> bool:
    if field in ("result_url", "url_lifetime_in_seconds"):
        return name not in NO_LINK
    return field != "include_email_in_redirect" or name in EMAIL_IN_REDIRECT


def translate(ctx: Translation) -> None:
    templates: dict = {}
    for item in ctx.export.get(SOURCE, []):
        data = item.data if isinstance(item.data, dict) else {}
        name = data.get("template")
        if not isinstance(name, str):
            ctx.report.unexpressed(TARGET, item.file, "an email template without `template`; left out")
            continue
        prefix = f"{TARGET}.{name}"
        template: dict = {}
        if data.get("body") is not None:
            text = ctx.side_file(item, data["body"], f"{prefix}.body")
            template["body"] = ctx.text_asset(TARGET, f"assets/emails/{name}.html", text, f"{prefix}.body")
        for source, field in FIELDS.items():
            if data.get(source) is not None and not _applies(name, field):
                # Auth0 reads these back on every template; the blueprint refuses them where Auth0 never uses them.
                ctx.report.unexpressed(TARGET, f"{prefix}.{source}", f"Auth0 never uses it on {name}; left out")
            elif data.get(source) is not None:
                value = ctx.value(TARGET, data[source], f"{prefix}.{source}")
                if value is not DROP:
                    template[field] = value
        ctx.leftovers(TARGET, prefix, data, {"template", "body", *FIELDS})
        templates[name] = template
    ctx.blueprint[TARGET] = templates
