"""`forms`, `flows`, `flow_vault_connections`: Auth0 Forms (progressive profiling, custom sign-up steps) and the
flows they run, keyed by stable keys.

Form and flow bodies are JSON files under assets/ as the Auth0 Forms editor exports them. Inside them,
`{{ciam.flow.<key>}}` and `{{ciam.vault_connection.<key>}}` stand for the id of a flow or vault connection
defined here, so no environment's ids are written into a file. Vault connection credentials are secret
references.
"""


import json
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated

from pydantic import Field, field_validator

from components.config.template_vars import TEMPLATE_VAR
from components.config.types import Asset, AssetFile, Key, Secret, Strict

if TYPE_CHECKING:
    from components.config.blueprint import Blueprint

REFERENCE = re.compile(r"\{\{ciam\.(flow|vault_connection)\.([a-z0-9][a-z0-9_-]*)\}\}")


def _json_asset(value: Asset | None) -> Asset | None:
    if value is not None:
        try:
            json.loads(TEMPLATE_VAR.sub("0", REFERENCE.sub("x", value.text)))
        except json.JSONDecodeError as error:
            raise ValueError(f"{value.path} is not JSON: {error.msg} at line {error.lineno}") from None
    return value


# Setup keys that carry a credential in Auth0's vault connection apps: these must be secret references.
CREDENTIAL_SETUP_KEYS = ("token", "password", "api_key", "secret", "client_secret", "private_key", "access_token",
                         "refresh_token", "webhook_url", "code")
_CREDENTIAL_PARTS = ("secret", "token", "password", "private", "api_key", "_key")


def is_credential_key(key: str) -> bool:
    """A setup key that holds a credential, by its name (apps name theirs secret_key, bot_token, ...)."""
    return key in CREDENTIAL_SETUP_KEYS or any(part in key for part in _CREDENTIAL_PARTS)


class VaultConnection(Strict):
    name: str | None = Field(None, description="defaults to the key")
    app_id: Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]*$", description="Auth0's app id, e.g. HTTP, SLACK")]
    environment: str | None = None
    account_name: str | None = None
    setup: dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")], Secret | str] = Field(
        description="the app's setup keys; credentials as {secret: name}")

    @field_validator("setup")
    @classmethod
    def _credentials_are_secret(cls, setup: dict) -> dict:
        plain = sorted(key for key, value in setup.items() if is_credential_key(key) and isinstance(value, str))
        if plain:
            raise ValueError(f"setup.{plain[0]} is a credential: write {{secret: <name>}} and run "
                             "`pulumi config set --secret <name> <value>`")
        return setup


class Flow(Strict):
    name: str | None = Field(None, description="defaults to the key")
    actions: AssetFile = Field(description="JSON file: the flow's actions, as the editor exports them")

    _json = field_validator("actions")(classmethod(lambda cls, value: _json_asset(value)))


class FormLanguages(Strict):
    primary: str = "en"
    default: str | None = None


class Form(Strict):
    name: str | None = Field(None, description="defaults to the key")
    nodes: AssetFile = Field(description="JSON file: the form's nodes")
    start: AssetFile | None = None
    ending: AssetFile | None = None
    style: AssetFile | None = None
    translations: AssetFile | None = None
    languages: FormLanguages = Field(default_factory=FormLanguages)
    messages_errors: dict[str, str] = Field(default_factory=dict)
    messages_custom: dict[str, str] = Field(default_factory=dict)

    _json = field_validator("nodes", "start", "ending", "style", "translations")(
        classmethod(lambda cls, value: _json_asset(value)))

    def files(self) -> dict[str, Asset]:
        fields = ("nodes", "start", "ending", "style", "translations")
        return {name: getattr(self, name) for name in fields if getattr(self, name) is not None}


def references_name_known_keys(blueprint: "Blueprint") -> Iterable[tuple[str, str]]:
    known = {"flow": blueprint.flows, "vault_connection": blueprint.flow_vault_connections}
    bodies = [(f"flows.{key}.actions", flow.actions) for key, flow in blueprint.flows.items()]
    bodies += [(f"forms.{key}.{name}", asset) for key, form in blueprint.forms.items()
               for name, asset in form.files().items()]
    for path, asset in bodies:
        for kind, key in REFERENCE.findall(asset.text):
            if key not in known[kind]:
                listed = ", ".join(sorted(known[kind])) or "none"
                yield path, f"{asset.path} names unknown {kind} '{key}' (defined: {listed})"


def actions_render_known_forms(blueprint: "Blueprint") -> Iterable[tuple[str, str]]:
    for key, action in blueprint.actions.items():
        for index, form_key in enumerate(action.forms):
            if form_key not in blueprint.forms:
                listed = ", ".join(sorted(blueprint.forms)) or "none"
                yield f"actions.{key}.forms.{index}", f"unknown form '{form_key}' (defined: {listed})"


FormsSection = dict[Key, Form]
FlowsSection = dict[Key, Flow]
VaultConnectionsSection = dict[Key, VaultConnection]
