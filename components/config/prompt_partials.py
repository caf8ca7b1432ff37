"""`prompt_partials`: HTML inserted into Universal Login screens (Management API `/prompts/{prompt}/partials`).

prompt -> screen -> insertion point -> HTML file under assets/partials/, e.g. a marketing opt-in checkbox
at the end of the sign-up form. Auth0 renders partials only with a custom domain and a page template.
"""


from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from components.config.prompt_texts import PROMPT_SCREENS
from components.config.types import AssetFile, Strict

if TYPE_CHECKING:
    from components.config.blueprint import Blueprint

# As the provider lists them (pulumi_auth0.PromptScreenPartials `prompt_type`).
PartialPrompt = Literal[
    "login", "login-id", "login-password", "signup", "signup-id", "signup-password", "login-passwordless",
    "customized-consent", "passkeys", "confirmation",
]


class InsertionPoints(Strict):
    form_content_start: AssetFile | None = None
    form_content_end: AssetFile | None = None
    form_footer_start: AssetFile | None = None
    form_footer_end: AssetFile | None = None
    secondary_actions_start: AssetFile | None = None
    secondary_actions_end: AssetFile | None = None
    form_content: AssetFile | None = Field(None, description="customized-consent only: the whole form content")

    @model_validator(mode="after")
    def _names_a_point(self) -> "InsertionPoints":
        if all(getattr(self, point) is None for point in type(self).model_fields):
            raise ValueError("name at least one insertion point (form_content_end, form_footer_start, ...)")
        return self


# `ciam:prompt_partials: null` in a stack file turns the section off (a stack without a custom domain needs to).
PromptPartialsSection = Annotated[
    dict[PartialPrompt, dict[str, InsertionPoints]], BeforeValidator(lambda value: {} if value is None else value)
]


def partials_fit_their_prompt(blueprint: "Blueprint") -> Iterable[tuple[str, str]]:
    for prompt, screens in blueprint.prompt_partials.items():
        known = PROMPT_SCREENS.get(prompt)
        for screen in screens:
            if known and screen not in known:
                yield f"prompt_partials.{prompt}.{screen}", (
                    f"prompt {prompt} has no screen '{screen}' (screens: {', '.join(known)})")
    if blueprint.prompt_partials and not ((blueprint.custom_domain or blueprint.custom_domains) and blueprint.branding
                                          and blueprint.branding.page_template):
        yield "prompt_partials", "Auth0 renders partials only with a custom_domain and branding.page_template"
