"""User authorization: code shared between Actions.

Creates: auth0.ActionModule per `action_modules` key (code, npm dependencies, secrets, published). Exposes
each module's id and published version id for the Actions that use it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_auth0 as auth0

from components.config.action_modules import ActionModule
from components.config.runtime import secret_value


@dataclass(frozen=True)
class ActionModulesArgs:
    modules: dict[str, ActionModule]


class ActionModules(pulumi.ComponentResource):
    # key -> (module id, published version id): what auth0.ActionModuleArgs needs.
    versions: dict[str, tuple[pulumi.Output[str], pulumi.Output[str]]]

    def __init__(self, name: str, args: ActionModulesArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:authorization:ActionModules", name, None, opts)
        self.versions = {}
        for key, module in args.modules.items():
            created = auth0.ActionModule(
                f"{name}-{key}",
                name=module.name or key,
                code=module.code.text,
                dependencies=[auth0.ActionModuleDependencyArgs(name=package, version=version)
                              for package, version in module.dependencies.items()] or None,
                secrets=[auth0.ActionModuleSecretArgs(name=secret_name, value=secret_value(ref))
                         for secret_name, ref in module.secrets.items()] or None,
                publish=module.publish,
                opts=pulumi.ResourceOptions(parent=self),
            )
            self.versions[key] = (created.id, created.version_id)
        self.register_outputs({"modules": sorted(self.versions)})
