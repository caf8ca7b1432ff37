"""Flow and vault connection references inside form and flow bodies.

a0deploy writes a flow action's `connection_id` as the vault connection's name (and a form's `flow_id` as the
flow's name); the live tenant gives ids. Either becomes `{{ciam.vault_connection.<key>}}` or
`{{ciam.flow.<key>}}`, the blueprint's own reference, so no environment's id is written into a file.
"""

from __future__ import annotations

import json
from typing import Any

from cli.adopt.translate import Translation

FIELDS = {"connection_id": ("flowVaultConnections", "flow_vault_connections", "vault_connection"),
          "flow_id": ("flows", "flows", "flow")}


def _lookup(ctx: Translation, field: str, value: str) -> str | None:
    kind, section, _ = FIELDS[field]
    if value in ctx.keys.get(kind, {}):
        return ctx.keys[kind][value]
    by_id = {auth0_id: key for (known, key), auth0_id in ctx.ids.items() if known == section}
    return by_id.get(value)


def with_references(ctx: Translation, value: Any, where: str, section: str) -> Any:
    if isinstance(value, dict):
        out = {}
        for name, inner in value.items():
            if name in FIELDS and isinstance(inner, str) and not inner.startswith("{{"):
                key = _lookup(ctx, name, inner)
                if key is None:
                    ctx.report.warnings.append(f"{where}.{name}: refers to '{inner}', which the export does not "
                                               "hold; kept as written")
                    out[name] = inner
                else:
                    out[name] = f"{{{{ciam.{FIELDS[name][2]}.{key}}}}}"
            else:
                out[name] = with_references(ctx, inner, f"{where}.{name}", section)
        return out
    if isinstance(value, list):
        return [with_references(ctx, inner, f"{where}.{index}", section) for index, inner in enumerate(value)]
    return value


def json_asset(ctx: Translation, section: str, path: str, value: Any, where: str) -> str:
    """A form or flow part as a JSON file under assets/, references resolved, keywords as elsewhere in files."""
    text = json.dumps(with_references(ctx, value, where, section), indent=2, ensure_ascii=False) + "\n"
    return ctx.text_asset(section, path, text, where)
