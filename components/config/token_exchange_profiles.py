"""`token_exchange_profiles`: Custom Token Exchange (RFC 8693), keyed by a stable key.

A profile says which Action validates a subject token of a given type: when an application that allows
`custom_authentication` profiles (applications.<key>.token_exchange) calls /oauth/token with the token-exchange
grant and this `subject_token_type`, Auth0 runs the named `custom-token-exchange` Action.
"""


from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, field_validator

from components.config.types import Key, Strict

if TYPE_CHECKING:
    from components.config.blueprint import Blueprint

# Auth0 refuses subject token types under its own, Okta's and the IETF's namespaces.
RESERVED_TOKEN_TYPE_PREFIXES = ("http://auth0.com/", "https://auth0.com/", "http://okta.com/", "https://okta.com/",
                                "urn:ietf:", "urn:auth0:", "urn:okta:")
TOKEN_EXCHANGE_TRIGGER = "custom-token-exchange"


def token_type_problem(token_type: str) -> str | None:
    """Why Auth0 would refuse this subject_token_type, or None when it is acceptable."""
    lowered = token_type.lower()
    if not (lowered.startswith("https://") or lowered.startswith("urn:")) or " " in token_type:
        return f"expected a URI you own starting with https:// or urn: (e.g. urn:acme:legacy); got {token_type!r}"
    for reserved in RESERVED_TOKEN_TYPE_PREFIXES:
        if lowered.startswith(reserved):
            return f"{reserved}... is reserved by Auth0; use a namespace you own; got {token_type!r}"
    return None


class TokenExchangeProfile(Strict):
    name: Annotated[str, Field(min_length=3, max_length=50)] | None = Field(
        None, description="display name (3 to 50 characters); defaults to the key")
    subject_token_type: str = Field(description="the URI clients send as subject_token_type, e.g. urn:acme:legacy")
    action: Key = Field(description="key of the custom-token-exchange Action that validates the subject token")
    type: Literal["custom_authentication"] = "custom_authentication"

    @field_validator("subject_token_type")
    @classmethod
    def _accepted_by_auth0(cls, token_type: str) -> str:
        problem = token_type_problem(token_type)
        if problem:
            raise ValueError(problem)
        return token_type


def profiles_name_token_exchange_actions(blueprint: "Blueprint") -> Iterable[tuple[str, str]]:
    seen: dict[str, str] = {}
    for key, profile in blueprint.token_exchange_profiles.items():
        action = blueprint.actions.get(profile.action)
        if action is None:
            listed = ", ".join(sorted(blueprint.actions)) or "none"
            yield f"token_exchange_profiles.{key}.action", f"unknown action '{profile.action}' (defined: {listed})"
        elif action.trigger != TOKEN_EXCHANGE_TRIGGER:
            yield (f"token_exchange_profiles.{key}.action", f"action '{profile.action}' runs on {action.trigger}; "
                   f"a token exchange profile needs trigger: {TOKEN_EXCHANGE_TRIGGER}")
        if profile.subject_token_type in seen:
            yield (f"token_exchange_profiles.{key}.subject_token_type", f"'{profile.subject_token_type}' is also "
                   f"used by token_exchange_profiles.{seen[profile.subject_token_type]}")
        seen.setdefault(profile.subject_token_type, key)


TokenExchangeProfilesSection = dict[Key, TokenExchangeProfile]
