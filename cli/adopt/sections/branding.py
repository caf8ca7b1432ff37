"""`branding` (Management API /branding and /branding/templates/universal-login) -> blueprint `branding`.

Logo, favicon, colours and font are copied; the Universal Login page template (`templates`, a0deploy's
list of `{template: universal_login, body}`) becomes a Liquid file under assets/branding/.
"""

from __future__ import annotations

from cli.adopt.sections._fields import copy_fields, singleton
from cli.adopt.translate import Translation
from components.config.branding import BrandingSection

SOURCE = "branding"
TARGET = "branding"
TEMPLATE_FILE = "assets/branding/universal-login.html"


def translate(ctx: Translation) -> None:
    item, data = singleton(ctx, SOURCE)
    if item is None:
        return
    branding = ctx.blueprint.setdefault(TARGET, {})
    copy_fields(ctx, TARGET, TARGET, data, branding, BrandingSection, used={"templates", "theme", "page_template"})
    for index, template in enumerate(data.get("templates") or []):
        where = f"{TARGET}.templates.{index}"
        if not isinstance(template, dict) or template.get("template") != "universal_login" or not template.get(
                "body"):
            ctx.report.unexpressed(TARGET, where, "not a universal_login template with a body")
            continue
        branding["page_template"] = ctx.text_asset(TARGET, TEMPLATE_FILE, ctx.side_file(
            item, template["body"], f"{where}.body"), f"{where}.body")
        ctx.leftovers(TARGET, where, template, {"template", "body"})
    if data.get("theme") is not None:
        ctx.report.unexpressed(TARGET, f"{TARGET}.theme", "themes come from the `themes` section")
