"""`themes` (Management API /branding/themes) -> blueprint `branding.theme`; the project manages one theme.

The API names the display name `displayName` and the id `themeId`; every other part keeps its name.
"""

from __future__ import annotations

from cli.adopt.sections._fields import copy_fields
from cli.adopt.translate import Translation
from components.config import branding as model

SOURCE = "themes"
TARGET = "branding"
PARTS = {"borders": model.ThemeBorders, "colors": model.ThemeColors, "page_background": model.ThemePageBackground,
         "widget": model.ThemeWidget}
TEXTS = ("title", "subtitle", "body_text", "buttons_text", "input_labels", "links")


def _set(data: dict) -> dict:
    """Auth0 writes an unset URL of a theme as ''."""
    return {name: value for name, value in data.items() if value != ""}


def _fonts(ctx: Translation, prefix: str, fonts: dict) -> dict:
    fonts = _set(fonts)
    out: dict = {}
    copy_fields(ctx, TARGET, prefix, fonts, out, model.ThemeFonts, used=set(TEXTS))
    for name in TEXTS:
        if isinstance(fonts.get(name), dict):
            out[name] = text = {}
            copy_fields(ctx, TARGET, f"{prefix}.{name}", fonts[name], text, model.ThemeText)
    return out


def translate(ctx: Translation) -> None:
    themes = [item for item in ctx.export.get(SOURCE, []) if isinstance(item.data, dict)]
    for index, item in enumerate(themes):
        data, prefix = item.data, f"{TARGET}.theme"
        if index:
            ctx.report.unexpressed(TARGET, f"themes.{index}", "the project manages one theme; left out")
            continue
        if data.get("themeId"):
            ctx.ids[("branding_theme", "")] = data["themeId"]
        theme: dict = {}
        if data.get("displayName") is not None:
            theme["display_name"] = ctx.value(TARGET, data["displayName"], f"{prefix}.displayName")
        for part, part_model in PARTS.items():
            if isinstance(data.get(part), dict):
                theme[part] = out = {}
                copy_fields(ctx, TARGET, f"{prefix}.{part}", _set(data[part]), out, part_model)
        if isinstance(data.get("fonts"), dict):
            theme["fonts"] = _fonts(ctx, f"{prefix}.fonts", data["fonts"])
        ctx.leftovers(TARGET, prefix, data, {"displayName", "themeId", "fonts", *PARTS})
        ctx.blueprint.setdefault(TARGET, {})["theme"] = theme
