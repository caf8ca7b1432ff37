"""`prompt_texts`: Universal Login texts per prompt and language, from JSON files under assets/prompts/.

Each file holds what Auth0's `PUT /prompts/{prompt}/custom-text/{language}` takes: screen name ->
text key -> text. A language the tenant has not enabled would never be shown, so it is an error.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator

from components.config.tenant import Locale
from components.config.types import Asset, AssetFile

if TYPE_CHECKING:
    from components.config.blueprint import Blueprint

# As the provider lists them (pulumi_auth0.PromptCustomText `prompt`).
PromptName = Literal[
    "login", "login-id", "login-password", "login-passwordless", "login-email-verification", "signup",
    "signup-id", "signup-password", "phone-identifier-enrollment", "phone-identifier-challenge",
    "email-identifier-challenge", "reset-password", "custom-form", "consent", "customized-consent", "logout",
    "mfa-push", "mfa-otp", "mfa-voice", "mfa-phone", "mfa-webauthn", "mfa-sms", "mfa-email",
    "mfa-recovery-code", "mfa", "status", "device-flow", "email-verification", "email-otp-challenge",
    "organizations", "invitation", "common", "passkeys", "captcha", "brute-force-protection", "confirmation",
]


def text_file_problem(text: str) -> str | None:
    """Why a prompt text file is not `{screen: {key: text}}`, or None when it is."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return f"not valid JSON: {error.msg} at line {error.lineno}"
    if not isinstance(data, dict) or not data:
        return "expected a JSON object of screens, e.g. {\"login\": {\"title\": \"Welcome\"}}"
    for screen, texts in data.items():
        if not isinstance(texts, dict):
            return f"screen '{screen}' must be an object of text keys to texts"
        for key, value in texts.items():
            if not isinstance(value, str):
                return f"'{screen}.{key}' must be a string"
    return None


def _is_prompt_text(asset: Asset) -> Asset:
    problem = text_file_problem(asset.text)
    if problem:
        raise ValueError(f"{asset.path}: {problem}")
    return asset


PromptTextFile = Annotated[AssetFile, AfterValidator(_is_prompt_text)]
PromptTextsSection = dict[PromptName, dict[Locale, PromptTextFile]]


def prompt_languages_are_enabled(blueprint: Blueprint) -> Iterable[tuple[str, str]]:
    enabled = blueprint.tenant.enabled_locales
    for prompt, languages in blueprint.prompt_texts.items():
        for language in languages:
            if language not in enabled:
                yield f"prompt_texts.{prompt}.{language}", (
                    f"language '{language}' is not in tenant.enabled_locales ({', '.join(enabled)}); "
                    "enable it there or remove these texts"
                )
