"""The tenant's brand as template variables: what `{{ branding.* }}` means in the shipped HTML.

Universal Login page templates get `branding.logo_url` and `branding.colors.*` from Auth0 at run time; email
templates do not (Auth0 gives emails the tenant's name, friendly name and support contacts, not its colours or
logo). So the deploy writes these values into the email bodies from the blueprint, and `make preview-templates`
fills the same variables from the blueprint, so a change to `branding` in tenant.yaml shows in both.
"""

from __future__ import annotations

import re

from components.config.blueprint import Blueprint

BRAND_VARIABLE = re.compile(r"\{\{-?\s*(branding\.[A-Za-z_][\w.]*)\s*-?\}\}")


def brand_values(blueprint: Blueprint) -> dict[str, str]:
    """`branding.logo_url` (falling back to tenant.picture_url), `branding.colors.primary`, `...page_background`."""
    values: dict[str, str] = {}
    branding = blueprint.branding
    logo = (branding.logo_url if branding else None) or blueprint.tenant.picture_url
    if logo:
        values["branding.logo_url"] = str(logo)
    colors = branding.colors if branding else None
    for name in ("primary", "page_background"):
        if colors and getattr(colors, name):
            values[f"branding.colors.{name}"] = getattr(colors, name)
    return values


def with_brand(html: str, values: dict[str, str]) -> str:
    """The HTML with every `{{ branding.<x> }}` the blueprint sets written in; others are left to Auth0."""
    return BRAND_VARIABLE.sub(lambda match: values.get(match[1], match[0]), html)


def as_variables(values: dict[str, str]) -> dict:
    """The flat values as the nested mapping Liquid reads (`branding.colors.primary`)."""
    nested: dict = {}
    for dotted, value in values.items():
        *parents, leaf = dotted.split(".")
        node = nested
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return nested
