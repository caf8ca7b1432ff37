"""User authentication: Auth0 Forms and the flows behind them.

Creates, per key: auth0.FlowVaultConnection (credentials from the stack's secret config), auth0.Flow (its
actions JSON, with vault-connection references resolved to ids) and auth0.Form (its JSON parts, with flow
references resolved). Vault connections come first, flows next, forms last, each waiting for what it names.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pulumi
import pulumi_auth0 as auth0

from components.config.forms_and_flows import REFERENCE, Flow, Form, VaultConnection
from components.config.runtime import secret_value
from components.config.template_vars import with_vars
from components.config.types import SecretRef


@dataclass(frozen=True)
class FormsAndFlowsArgs:
    vault_connections: dict[str, VaultConnection]
    flows: dict[str, Flow]
    forms: dict[str, Form]
    variables: dict[str, str] = field(default_factory=dict)  # {{ ciam.vars.* }} in the files (TenantConfig.file_vars)


def resolve_references(text: str, ids: dict[str, dict[str, pulumi.Output[str]]]) -> pulumi.Output[str]:
    """The JSON text with every `{{ciam.<kind>.<key>}}` replaced by that resource's id."""
    named = sorted({(kind, key) for kind, key in REFERENCE.findall(text)})
    if not named:
        return pulumi.Output.from_input(text)
    outputs = [ids[kind][key] for kind, key in named]

    def substitute(values: list[str]) -> str:
        found = dict(zip(named, values, strict=True))
        return REFERENCE.sub(lambda match: found[(match.group(1), match.group(2))], text)

    return pulumi.Output.all(*outputs).apply(substitute)


def _json_or_none(values: dict[str, str]) -> str | None:
    return json.dumps(values, sort_keys=True) if values else None


class FormsAndFlows(pulumi.ComponentResource):
    form_ids: pulumi.Output[dict[str, str]]
    form_id_by_key: dict[str, pulumi.Output[str]]  # one Output each: an Action waits only for the forms it renders

    def __init__(self, name: str, args: FormsAndFlowsArgs, opts: pulumi.ResourceOptions | None = None):
        super().__init__("ciam:authentication:FormsAndFlows", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        ids: dict[str, dict[str, pulumi.Output[str]]] = {"vault_connection": {}, "flow": {}}
        for key, vault in args.vault_connections.items():
            ids["vault_connection"][key] = auth0.FlowVaultConnection(
                f"{name}-vault-{key}",
                name=vault.name or key,
                app_id=vault.app_id,
                environment=vault.environment,
                account_name=vault.account_name,
                setup={field: secret_value(value) if isinstance(value, SecretRef) else value
                       for field, value in vault.setup.items()},
                opts=child,
            ).id
        for key, flow in args.flows.items():
            ids["flow"][key] = auth0.Flow(
                f"{name}-flow-{key}", name=flow.name or key,
                actions=resolve_references(with_vars(flow.actions, args.variables), ids), opts=child,
            ).id
        form_ids: dict[str, pulumi.Output[str]] = {}
        for key, form in args.forms.items():
            form_ids[key] = auth0.Form(
                f"{name}-form-{key}",
                name=form.name or key,
                languages=[auth0.FormLanguageArgs(primary=form.languages.primary, default=form.languages.default)],
                messages=[auth0.FormMessageArgs(errors=_json_or_none(form.messages_errors),
                                                custom=_json_or_none(form.messages_custom))]
                if form.messages_errors or form.messages_custom else None,
                **{part: resolve_references(with_vars(asset, args.variables), ids)
                   for part, asset in form.files().items()},
                opts=child,
            ).id
        self.form_ids = pulumi.Output.all(**form_ids) if form_ids else pulumi.Output.from_input({})
        self.form_id_by_key = form_ids
        self.register_outputs({"form_ids": self.form_ids})
