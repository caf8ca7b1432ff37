"""`actions`: Auth0 Actions (code under assets/actions/) and the order they run in on each trigger."""


from collections.abc import Iterable
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import Field, JsonValue, field_validator, model_validator

from components.config.types import PATTERN_MEANINGS, AssetFile, Key, Secret, Strict

# Trigger -> the trigger version an Action targets (Auth0's current version of each).
TRIGGER_VERSIONS = {
    "post-login": "v3",
    "credentials-exchange": "v2",
    "pre-user-registration": "v2",
    "post-user-registration": "v2",
    "post-change-password": "v2",
    "send-phone-message": "v2",
    "custom-phone-provider": "v1",
    "custom-email-provider": "v1",
    "password-reset-post-challenge": "v1",
    "login-post-identifier": "v1",
    "signup-post-identifier": "v1",
    "custom-token-exchange": "v1",
}
Trigger = Literal[
    "post-login", "credentials-exchange", "pre-user-registration",
    "post-user-registration", "post-change-password", "send-phone-message",
    "custom-phone-provider", "custom-email-provider", "password-reset-post-challenge",
    "login-post-identifier", "signup-post-identifier", "custom-token-exchange",
]
# Auth0 binds no Action to these triggers: a token exchange profile names its Action instead.
UNBOUND_TRIGGERS = ("custom-token-exchange",)

# The code holds this placeholder where the blueprint's non-secret settings are written at deploy time.
CONFIG_PLACEHOLDER = "/* ciam:config */ {}"

_NPM_NAME = r"^(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*$"
_EXACT_VERSION = r"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$"
_ENV_NAME = r"^[A-Za-z_][A-Za-z0-9_]*$"
_FIELD = r"^[A-Za-z_][A-Za-z0-9_]*$"
PATTERN_MEANINGS.update({
    _NPM_NAME: "an npm package name",
    _EXACT_VERSION: "an exact version such as 1.2.3 (no ranges, no 'latest')",
    _ENV_NAME: "a name of letters, digits and '_' (not starting with a digit)",
})

# Auth0 rejects custom claims under its own domains (and the Webtask domains Actions run on).
_RESERVED_CLAIM_DOMAINS = ("auth0.com", "webtask.io", "webtask.run")


def namespace_problem(namespace: str) -> str | None:
    """Why Auth0 would reject this claim namespace, or None when it is acceptable."""
    parts = urlsplit(namespace)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in namespace:
        return f"expected an http(s) URL such as https://acme.example/ as the claim namespace; got {namespace!r}"
    host = parts.hostname.lower()
    for reserved in _RESERVED_CLAIM_DOMAINS:
        if host == reserved or host.endswith(f".{reserved}"):
            return f"the claim namespace must not be on {reserved} (Auth0 drops such claims); got {namespace!r}"
    return None


class Claims(Strict):
    """Namespaced claims the post-login Action adds: `<namespace>roles`, `<namespace><field>`."""

    namespace: str = Field(description="a URL you own, e.g. https://acme.example/; claim names are appended")
    roles: bool = Field(False, description="add the user's role names as <namespace>roles")
    app_metadata: list[Annotated[str, Field(pattern=_FIELD)]] = Field(default_factory=list)
    user_metadata: list[Annotated[str, Field(pattern=_FIELD)]] = Field(default_factory=list)
    tokens: list[Literal["id_token", "access_token"]] = Field(
        default_factory=lambda: ["id_token", "access_token"], min_length=1
    )

    @field_validator("namespace")
    @classmethod
    def _accepted_by_auth0(cls, namespace: str) -> str:
        problem = namespace_problem(namespace)
        if problem:
            raise ValueError(problem)
        return namespace

    @model_validator(mode="after")
    def _distinct_names(self) -> "Claims":
        names = (["roles"] if self.roles else []) + self.app_metadata + self.user_metadata
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"claim names must be distinct; {', '.join(duplicates)} would be set twice")
        return self


class Action(Strict):
    name: str | None = Field(None, description="display name in Auth0; defaults to the key")
    trigger: Trigger
    code: AssetFile = Field(description="JavaScript file under assets/actions/")
    runtime: Literal["node22"] = "node22"
    dependencies: dict[Annotated[str, Field(pattern=_NPM_NAME)], Annotated[str, Field(pattern=_EXACT_VERSION)]] = (
        Field(default_factory=dict, description="npm package -> exact version")
    )
    secrets: dict[Annotated[str, Field(pattern=_ENV_NAME)], Secret] = Field(
        default_factory=dict, description="event.secrets.<NAME> -> {secret: <config key>}"
    )
    config: dict[str, JsonValue] = Field(
        default_factory=dict, description="non-secret settings written into the code as CONFIG"
    )
    claims: Claims | None = Field(None, description="post-login only: the namespaced claims to add")
    modules: list[Key] = Field(default_factory=list, description="action_modules keys this Action uses")
    forms: list[Key] = Field(default_factory=list, description="post-login only: forms keys this Action renders "
                             "(api.prompt.render(CONFIG.forms[key])); their ids are written into CONFIG.forms")
    deploy: bool = True
    bind: bool | None = Field(
        None, description="bind to the trigger (in declaration order); false deploys it unbound; "
        "unset binds it, except on custom-token-exchange, which Auth0 never binds"
    )

    @property
    def bound(self) -> bool:
        return self.bind if self.bind is not None else self.trigger not in UNBOUND_TRIGGERS

    def code_config(self) -> dict[str, Any]:
        """What the code's CONFIG becomes: the free-form settings plus the claims."""
        claims = {"claims": self.claims.model_dump()} if self.claims else {}
        return {**self.config, **claims}


# Auth0 refuses Action code over 100 KB.
MAX_CODE_BYTES = 100_000


def check_actions(actions: dict[str, Action]) -> Iterable[tuple[str, str]]:
    """Problems across an action's settings, each at the key that needs changing."""
    for key, action in actions.items():
        if action.claims is not None and action.trigger != "post-login":
            yield f"actions.{key}.claims", f"only a post-login Action adds claims; this one runs on {action.trigger}"
        if "claims" in action.config:
            yield f"actions.{key}.config.claims", "'claims' is reserved; use actions.<key>.claims"
        if action.forms and action.trigger != "post-login":
            yield f"actions.{key}.forms", f"only a post-login Action renders forms; this one runs on {action.trigger}"
        if "forms" in action.config:
            yield f"actions.{key}.config.forms", "'forms' is reserved; use actions.<key>.forms"
        if len(action.code.text.encode()) > MAX_CODE_BYTES:
            yield f"actions.{key}.code", f"{action.code.path} is over Auth0's {MAX_CODE_BYTES} byte limit for code"
        elif not action.code.text.strip():
            yield f"actions.{key}.code", f"{action.code.path} is empty; an Action needs its JavaScript code"
        elif (action.config or action.claims or action.forms) and CONFIG_PLACEHOLDER not in action.code.text:
            yield f"actions.{key}.code", f"{action.code.path} has no `{CONFIG_PLACEHOLDER}` placeholder for its config"
        if action.bind and action.trigger in UNBOUND_TRIGGERS:
            yield f"actions.{key}.bind", (
                f"Auth0 binds no Action to {action.trigger} (a token exchange profile names it); remove bind")


def bindings(actions: dict[str, Action]) -> dict[str, list[str]]:
    """Trigger -> the keys of the actions bound to it, in the order the blueprint declares them."""
    bound: dict[str, list[str]] = {}
    for key, action in actions.items():
        if action.bound:
            bound.setdefault(action.trigger, []).append(key)
    return bound


ActionsSection = dict[Key, Action]
