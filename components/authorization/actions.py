"""User authorization: Auth0 Actions and the order they run in.

Creates: auth0.Action per `actions` key (code from assets/actions/, node22, declared npm dependencies,
secrets from the stack's secret config, shared modules' published versions, the ids of the forms it renders
written into its CONFIG, deployed) and one
auth0.TriggerActions per trigger that has bound actions, listing them in the order the blueprint declares them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_auth0 as auth0

from components.config.actions import (
    CONFIG_PLACEHOLDER,
    TRIGGER_VERSIONS,
    Action,
    bindings,
)
from components.config.runtime import secret_value


def code_with_config(code: str, config: dict[str, Any]) -> str:
    """The Action's source with its placeholder replaced by the blueprint's settings as a JS object literal."""
    if not config:
        return code
    # JSON is a JavaScript literal; ensure_ascii keeps U+2028/U+2029 out of the source.
    literal = json.dumps(config, ensure_ascii=True, sort_keys=True)
    return code.replace(CONFIG_PLACEHOLDER, literal, 1)


def action_code(action: Action, form_ids: dict[str, pulumi.Input[str]]) -> pulumi.Input[str]:
    """The code to deploy: CONFIG holds the settings and, once they are known, the ids of the forms it renders."""
    if not action.forms:
        return code_with_config(action.code.text, action.code_config())
    named = {key: form_ids[key] for key in action.forms}
    return pulumi.Output.all(**named).apply(
        lambda ids: code_with_config(action.code.text, {**action.code_config(), "forms": dict(ids)}))


@dataclass(frozen=True)
class ActionsArgs:
    actions: dict[str, Action]
    # action_modules key -> (module id, published version id), from the ActionModules component.
    modules: dict[str, tuple[pulumi.Input[str], pulumi.Input[str]]] = field(default_factory=dict)
    # forms key -> form id, from the FormsAndFlows component (the loader checks every named key exists).
    form_ids: dict[str, pulumi.Input[str]] = field(default_factory=dict)


class Actions(pulumi.ComponentResource):
    action_ids: pulumi.Output[dict[str, str]]
    action_id_by_key: dict[str, pulumi.Output[str]]  # one Output each, so dependents wait only for theirs

    def __init__(self, name: str, args: ActionsArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:authorization:Actions", name, None, opts)
        created: dict[str, auth0.Action] = {}
        for key, action in args.actions.items():
            created[key] = auth0.Action(
                f"{name}-{key}",
                name=action.name or key,
                code=action_code(action, args.form_ids),
                runtime=action.runtime,
                supported_triggers=auth0.ActionSupportedTriggersArgs(
                    id=action.trigger, version=TRIGGER_VERSIONS[action.trigger]
                ),
                dependencies=[
                    auth0.ActionDependencyArgs(name=package, version=version)
                    for package, version in action.dependencies.items()
                ] or None,
                secrets=[
                    auth0.ActionSecretArgs(name=secret_name, value=secret_value(ref))
                    for secret_name, ref in action.secrets.items()
                ] or None,
                modules=[
                    auth0.ActionModuleArgs(module_id=args.modules[module][0], module_version_id=args.modules[module][1],
                                           module_name=module)
                    for module in action.modules
                ] or None,
                deploy=action.deploy,
                opts=pulumi.ResourceOptions(parent=self),
            )

        for trigger, keys in bindings(args.actions).items():
            # One owner for the whole binding list: the order here is the order Auth0 runs them in.
            auth0.TriggerActions(
                f"{name}-{trigger}",
                trigger=trigger,
                actions=[
                    auth0.TriggerActionsActionArgs(id=created[key].id, display_name=args.actions[key].name or key)
                    for key in keys
                ],
                opts=pulumi.ResourceOptions(parent=self),
            )

        ids = {key: action.id for key, action in created.items()}
        self.action_ids = pulumi.Output.all(**ids) if ids else pulumi.Output.from_input({})
        self.action_id_by_key = ids
        self.register_outputs({"action_ids": self.action_ids})
