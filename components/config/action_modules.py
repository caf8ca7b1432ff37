"""`action_modules`: JavaScript shared between Actions (Auth0 Actions Modules), code under assets/actions/modules/.

An Action lists the modules it uses by key (`actions.<key>.modules`) and gets the module's published version.
"""


from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated

from pydantic import Field

from components.config.actions import _ENV_NAME, _EXACT_VERSION, _NPM_NAME
from components.config.types import AssetFile, Key, Secret, Strict

if TYPE_CHECKING:
    from components.config.blueprint import Blueprint


class ActionModule(Strict):
    name: str | None = Field(None, description="display name in Auth0; defaults to the key")
    code: AssetFile = Field(description="JavaScript file, e.g. assets/actions/modules/crm-client.js")
    dependencies: dict[Annotated[str, Field(pattern=_NPM_NAME)], Annotated[str, Field(pattern=_EXACT_VERSION)]] = (
        Field(default_factory=dict, description="npm package -> exact version")
    )
    secrets: dict[Annotated[str, Field(pattern=_ENV_NAME)], Secret] = Field(
        default_factory=dict, description="secret name -> {secret: <config key>}"
    )
    publish: bool = Field(True, description="publish a version Actions can use (the dashboard's Publish)")


ActionModulesSection = dict[Key, ActionModule]


def actions_use_known_published_modules(blueprint: "Blueprint") -> Iterable[tuple[str, str]]:
    modules = blueprint.action_modules
    for key, action in blueprint.actions.items():
        for index, module in enumerate(action.modules):
            path = f"actions.{key}.modules.{index}"
            if module not in modules:
                yield path, f"unknown action module '{module}' (defined: {', '.join(sorted(modules)) or 'none'})"
            elif not modules[module].publish:
                yield path, f"action_modules.{module} is not published; an Action can use only a published version"
