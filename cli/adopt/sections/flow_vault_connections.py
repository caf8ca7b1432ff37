"""`flowVaultConnections` (Management API /flows/vault/connections) -> blueprint `flow_vault_connections`.

Auth0 never returns a vault connection's `setup` (its credentials); when the export has none, the setup is
left empty and the report says to fill it in. Credential keys become secret references.
"""

from __future__ import annotations

from cli.adopt.sections._fields import items_by_name, register_ids, set_values
from cli.adopt.translate import DROP, Translation
from components.config.forms_and_flows import is_credential_key

SOURCE = "flowVaultConnections"
TARGET = "flow_vault_connections"
KIND = SOURCE
READ_ONLY = {"ready", "fingerprint", "refreshed_at"}


def register(ctx: Translation) -> None:
    register_ids(ctx, SOURCE, KIND, TARGET)


def translate(ctx: Translation) -> None:
    connections: dict = {}
    for _item, data, name, key in items_by_name(ctx, SOURCE, KIND):
        prefix = f"{TARGET}.{key}"
        connection: dict = {"name": name, "app_id": data.get("app_id")}
        set_values(ctx, TARGET, connection, data, ("environment", "account_name"), prefix)
        setup: dict = {}
        for field, value in (data.get("setup") or {}).items():
            path = f"{prefix}.setup.{field}"
            if is_credential_key(field):
                setup[field] = ctx.secret(TARGET, value, path, f"{key}_{field}")
            else:
                converted = ctx.value(TARGET, value, path)
                if converted is not DROP:
                    setup[field] = converted
        if not setup:
            ctx.report.unexpressed(TARGET, f"{prefix}.setup", "Auth0 never returns a vault connection's setup "
                                   "(its credentials): fill it in, credentials as {secret: name}")
        connection["setup"] = setup
        ctx.leftovers(TARGET, prefix, data, {"name", "app_id", "environment", "account_name", "setup", *READ_ONLY})
        connections[key] = connection
    if connections:
        ctx.blueprint[TARGET] = connections
