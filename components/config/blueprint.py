"""The whole blueprint (`tenant.yaml` after the stack overlay): one field per top-level section."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pydantic import Field

from components.config.branding import BrandingSection, page_template_needs_custom_domain
from components.config.custom_domain import CustomDomainSection
from components.config.email_provider import EmailProviderSection
from components.config.email_templates import (
    EmailTemplatesSection,
    email_templates_need_a_provider,
)
from components.config.pages import PagesSection
from components.config.prompt_texts import PromptTextsSection, prompt_languages_are_enabled
from components.config.tenant import TenantSection
from components.config.types import Strict


class Blueprint(Strict):
    tenant: TenantSection
    custom_domain: CustomDomainSection | None = None
    branding: BrandingSection | None = None
    prompt_texts: PromptTextsSection = Field(default_factory=dict)
    pages: PagesSection | None = None
    email_provider: EmailProviderSection | None = None
    email_templates: EmailTemplatesSection = Field(default_factory=dict)


# Keys a stack file may set under `ciam:` besides the sections (secret names are free-form).
STACK_ONLY_KEYS = ("stack", "vars")
SECTIONS = tuple(Blueprint.model_fields)

# Checks across sections (a grant naming an unknown application, ...): each yields (dotted key path, message).
# They run after the model validates, before anything is registered.
CROSS_CHECKS: list[Callable[[Blueprint], Iterable[tuple[str, str]]]] = [
    page_template_needs_custom_domain,
    prompt_languages_are_enabled,
    email_templates_need_a_provider,
]
