"""`prompt_texts`: Universal Login texts per prompt and language, from JSON files under assets/prompts/.

Each file holds what Auth0's `PUT /prompts/{prompt}/custom-text/{language}` takes: screen name ->
text key -> text. A language the tenant has not enabled would never be shown, so it is an error.
"""


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

# The screens of each prompt whose custom text takes screen keys (Auth0's Universal Login text reference).
# A prompt not listed here is not checked screen by screen.
PROMPT_SCREENS: dict[str, tuple[str, ...]] = {
    "login": ("login",),
    "login-id": ("login-id",),
    "login-password": ("login-password",),
    "login-passwordless": ("login-passwordless-email-code", "login-passwordless-sms-otp"),
    "login-email-verification": ("login-email-verification",),
    "signup": ("signup",),
    "signup-id": ("signup-id",),
    "signup-password": ("signup-password",),
    "phone-identifier-enrollment": ("phone-identifier-enrollment",),
    "phone-identifier-challenge": ("phone-identifier-challenge",),
    "email-identifier-challenge": ("email-identifier-challenge",),
    "reset-password": (
        "reset-password-request", "reset-password-email", "reset-password", "reset-password-success",
        "reset-password-error", "reset-password-mfa-email-challenge", "reset-password-mfa-otp-challenge",
        "reset-password-mfa-push-challenge-push", "reset-password-mfa-sms-challenge",
        "reset-password-mfa-phone-challenge", "reset-password-mfa-voice-challenge",
        "reset-password-mfa-recovery-code-challenge", "reset-password-mfa-webauthn-platform-challenge",
        "reset-password-mfa-webauthn-roaming-challenge",
    ),
    "consent": ("consent",),
    "customized-consent": ("customized-consent",),
    "logout": ("logout", "logout-aborted", "logout-complete"),
    "mfa": ("mfa-begin-enroll-options", "mfa-detect-browser-capabilities", "mfa-enroll-result", "mfa-login-options"),
    "mfa-push": ("mfa-push-welcome", "mfa-push-enrollment-qr", "mfa-push-challenge-push", "mfa-push-list"),
    "mfa-otp": ("mfa-otp-enrollment-qr", "mfa-otp-enrollment-code", "mfa-otp-challenge"),
    "mfa-voice": ("mfa-voice-enrollment", "mfa-voice-challenge"),
    "mfa-phone": ("mfa-phone-enrollment", "mfa-phone-challenge"),
    "mfa-sms": ("mfa-country-codes", "mfa-sms-enrollment", "mfa-sms-challenge", "mfa-sms-list"),
    "mfa-email": ("mfa-email-challenge", "mfa-email-list"),
    "mfa-recovery-code": (
        "mfa-recovery-code-enrollment", "mfa-recovery-code-challenge", "mfa-recovery-code-challenge-new-code",
    ),
    "mfa-webauthn": (
        "mfa-webauthn-platform-enrollment", "mfa-webauthn-roaming-enrollment", "mfa-webauthn-platform-challenge",
        "mfa-webauthn-roaming-challenge", "mfa-webauthn-change-key-nickname", "mfa-webauthn-enrollment-success",
        "mfa-webauthn-error", "mfa-webauthn-not-available-error",
    ),
    "device-flow": (
        "device-code-activation", "device-code-activation-allowed", "device-code-activation-denied",
        "device-code-confirmation",
    ),
    "email-verification": ("email-verification-result",),
    "email-otp-challenge": ("email-otp-challenge",),
    "organizations": ("organization-selection", "organization-picker"),
    "invitation": ("accept-invitation",),
    "passkeys": ("passkey-enrollment", "passkey-enrollment-local"),
    "captcha": ("interstitial-captcha",),
    "brute-force-protection": (
        "brute-force-protection-unblock", "brute-force-protection-unblock-success",
        "brute-force-protection-unblock-failure",
    ),
}


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


def prompt_languages_are_enabled(blueprint: "Blueprint") -> Iterable[tuple[str, str]]:
    enabled = blueprint.tenant.enabled_locales
    for prompt, languages in blueprint.prompt_texts.items():
        for language in languages:
            if language not in enabled:
                yield f"prompt_texts.{prompt}.{language}", (
                    f"language '{language}' is not in tenant.enabled_locales ({', '.join(enabled)}); "
                    "enable it there or remove these texts"
                )
