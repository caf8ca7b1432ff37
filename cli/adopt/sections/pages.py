"""`pages` (classic hosted pages) -> blueprint `pages` and `tenant.error_page`; HTML to assets/pages/."""

from __future__ import annotations

from cli.adopt.translate import Translation

SOURCE = "pages"
TARGET = "pages"
# a0deploy page name -> blueprint `pages` key
PAGES = {"password_reset": "change_password", "login": "login", "guardian_multifactor": "guardian_mfa"}


def translate(ctx: Translation) -> None:
    pages: dict = {}
    for item in ctx.export.get(SOURCE, []):
        data = item.data if isinstance(item.data, dict) else {}
        name = data.get("name")
        where = f"pages.{name}"
        if name not in (*PAGES, "error_page") or data.get("html") is None:
            ctx.report.unexpressed(TARGET, where, "not a page this project expresses (or no html)")
            continue
        target = PAGES.get(name, "error")
        path = ctx.text_asset(TARGET, f"assets/pages/{target.replace('_', '-')}.html",
                              ctx.side_file(item, data["html"], f"{where}.html"), f"{where}.html")
        if name == "error_page":
            error_page = {"html": path}
            if isinstance(data.get("show_log_link"), bool):
                error_page["show_log_link"] = data["show_log_link"]
            ctx.blueprint.setdefault("tenant", {})["error_page"] = error_page
        else:
            pages[target] = {"html": path, "enabled": data.get("enabled", True) is not False}
        ctx.leftovers(TARGET, where, data, {"name", "html", "enabled", "show_log_link"})
    if pages:
        ctx.blueprint[TARGET] = pages
