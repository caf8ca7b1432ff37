"""`branding`: Universal Login look and feel (Management API `/branding` and `/branding/themes`).

The page template is a Liquid HTML file under assets/. Auth0 rejects a template without the
`auth0:head` and `auth0:widget` tags, and accepts templates only on tenants with a custom domain; both
are checked here, before anything is registered, with the file named in the message.
"""


import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, Field

from components.config.types import PATTERN_MEANINGS, Asset, AssetFile, HttpsUrl, Strict

if TYPE_CHECKING:
    from components.config.blueprint import Blueprint

_HEX_COLOR = r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"
PATTERN_MEANINGS[_HEX_COLOR] = "a hex colour such as #3b4cca"
HexColor = Annotated[str, Field(pattern=_HEX_COLOR)]

REQUIRED_PAGE_TAGS = ("auth0:head", "auth0:widget")


def missing_page_tags(template: str) -> list[str]:
    """The Auth0 tags a page template lacks, as tags (`{%- auth0:widget -%}`), not mere mentions."""
    return [
        tag for tag in REQUIRED_PAGE_TAGS
        if not re.search(r"\{%-?\s*" + re.escape(tag) + r"\s*-?%\}", template)
    ]


def _has_auth0_tags(template: Asset) -> Asset:
    missing = missing_page_tags(template.text)
    if missing:
        tags = " and ".join(f"{{%- {tag} -%}}" for tag in missing)
        raise ValueError(f"{template.path}: a Universal Login page template must contain {tags}; Auth0 rejects it")
    return template


PageTemplate = Annotated[AssetFile, AfterValidator(_has_auth0_tags)]


class BrandingColors(Strict):
    primary: HexColor | None = None
    page_background: HexColor | None = None


class BrandingFont(Strict):
    url: HttpsUrl


class ThemeBorders(Strict):
    button_border_radius: Annotated[float, Field(ge=1, le=10)] | None = None
    button_border_weight: Annotated[float, Field(ge=0, le=10)] | None = None
    buttons_style: Literal["pill", "rounded", "sharp"] | None = None
    input_border_radius: Annotated[float, Field(ge=0, le=10)] | None = None
    input_border_weight: Annotated[float, Field(ge=0, le=3)] | None = None
    inputs_style: Literal["pill", "rounded", "sharp"] | None = None
    show_widget_shadow: bool | None = None
    widget_border_weight: Annotated[float, Field(ge=0, le=10)] | None = None
    widget_corner_radius: Annotated[float, Field(ge=0, le=50)] | None = None


class ThemeColors(Strict):
    base_focus_color: HexColor | None = None
    base_hover_color: HexColor | None = None
    body_text: HexColor | None = None
    captcha_widget_theme: Literal["auto", "dark", "light"] | None = None
    error: HexColor | None = None
    header: HexColor | None = None
    icons: HexColor | None = None
    input_background: HexColor | None = None
    input_border: HexColor | None = None
    input_filled_text: HexColor | None = None
    input_labels_placeholders: HexColor | None = None
    links_focused_components: HexColor | None = None
    primary_button: HexColor | None = None
    primary_button_label: HexColor | None = None
    secondary_button_border: HexColor | None = None
    secondary_button_label: HexColor | None = None
    success: HexColor | None = None
    widget_background: HexColor | None = None
    widget_border: HexColor | None = None


class ThemeText(Strict):
    bold: bool | None = None
    size: Annotated[float, Field(ge=0, le=150, description="percent of reference_text_size")] | None = None


class ThemeTitle(ThemeText):
    size: Annotated[float, Field(ge=75, le=150, description="percent of reference_text_size")] | None = None


class ThemeFonts(Strict):
    font_url: HttpsUrl | None = None
    links_style: Literal["normal", "underlined"] | None = None
    reference_text_size: Annotated[float, Field(ge=12, le=24)] | None = None
    title: ThemeTitle = Field(default_factory=ThemeTitle)
    subtitle: ThemeText = Field(default_factory=ThemeText)
    body_text: ThemeText = Field(default_factory=ThemeText)
    buttons_text: ThemeText = Field(default_factory=ThemeText)
    input_labels: ThemeText = Field(default_factory=ThemeText)
    links: ThemeText = Field(default_factory=ThemeText)


class ThemePageBackground(Strict):
    background_color: HexColor | None = None
    background_image_url: HttpsUrl | None = None
    page_layout: Literal["center", "left", "right"] | None = None


class ThemeWidget(Strict):
    header_text_alignment: Literal["center", "left", "right"] | None = None
    logo_height: Annotated[float, Field(ge=1, le=100)] | None = None
    logo_position: Literal["center", "left", "right", "none"] | None = None
    logo_url: HttpsUrl | None = None
    social_buttons_layout: Literal["bottom", "top"] | None = None


class BrandingTheme(Strict):
    """The Universal Login theme; unset values keep Auth0's defaults."""

    display_name: str | None = None
    borders: ThemeBorders = Field(default_factory=ThemeBorders)
    colors: ThemeColors = Field(default_factory=ThemeColors)
    fonts: ThemeFonts = Field(default_factory=ThemeFonts)
    page_background: ThemePageBackground = Field(default_factory=ThemePageBackground)
    widget: ThemeWidget = Field(default_factory=ThemeWidget)


class BrandingSection(Strict):
    logo_url: HttpsUrl | None = None
    favicon_url: HttpsUrl | None = None
    colors: BrandingColors | None = None
    font: BrandingFont | None = None
    page_template: PageTemplate | None = Field(
        None, description="Liquid HTML file for every Universal Login page; needs a custom domain"
    )
    theme: BrandingTheme | None = None


def page_template_needs_custom_domain(blueprint: "Blueprint") -> Iterable[tuple[str, str]]:
    branding = blueprint.branding
    if branding and branding.page_template and not (blueprint.custom_domain or blueprint.custom_domains):
        yield "branding.page_template", (
            f"{branding.page_template.path}: Auth0 accepts page templates only on a tenant with a custom "
            "domain; add a custom_domain section or remove page_template"
        )
