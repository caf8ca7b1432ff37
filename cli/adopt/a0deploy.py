"""Reading an auth0-deploy-cli export: the YAML format (tenant.yaml + files beside it) or the directory format.

Both become {a0deploy section: [Item]}; side files (scripts, HTML) stay where they are and are read by the
section mappings relative to the object's file or the export's root.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import yaml

from cli.adopt.errors import ImportFailed, fail
from cli.adopt.sections import KNOWN
from cli.adopt.translate import Item
from components.config.sources import load_unique_keys

# directory name -> a0deploy section
DIRECTORIES = {
    "clients": "clients", "database-connections": "databases", "connections": "connections",
    "resource-servers": "resourceServers", "grants": "clientGrants", "client-grants": "clientGrants",
    "roles": "roles", "actions": "actions", "triggers": "triggers", "emails": "emailTemplates",
    "pages": "pages", "rules": "rules", "rules-configs": "rulesConfigs", "hooks": "hooks",
    "prompts": "prompts", "branding": "branding", "themes": "themes", "attack-protection": "attackProtection",
    "log-streams": "logStreams", "event-streams": "eventStreams", "network-acls": "networkACLs",
    "custom-domains": "customDomains", "organizations": "organizations", "phone-providers": "phoneProviders",
    "phone-templates": "phoneTemplates", "guardian": "guardianFactors", "forms": "forms", "flows": "flows",
    "flow-vault-connections": "flowVaultConnections", "self-service-profiles": "selfServiceProfiles",
    "action-modules": "actionModules", "email-templates": "emailTemplates",
    "user-attribute-profiles": "userAttributeProfiles", "token-exchange-profiles": "tokenExchangeProfiles",
    "connection-profiles": "connectionProfiles", "risk-assessment": "riskAssessment",
    "supplemental-signals": "supplementalSignals", "rate-limit-policies": "rateLimitPolicies",
}
SINGLETONS = ("tenant", "emailProvider", "triggers", "attackProtection", "branding", "prompts",
              "guardianPolicies", "guardianPhoneFactorSelectedProvider", "guardianPhoneFactorMessageTypes",
              "guardianSettings", "guardianEmailFactorSettings", "guardianPhoneFactorSettings", "riskAssessment")
# guardian/ holds several sections: factors/, providers/, templates/ (one file per object) and one file each.
GUARDIAN = {"factors": "guardianFactors", "providers": "guardianFactorProviders",
            "templates": "guardianFactorTemplates", "policies": "guardianPolicies",
            "phoneFactorSelectedProvider": "guardianPhoneFactorSelectedProvider",
            "phoneFactorMessageTypes": "guardianPhoneFactorMessageTypes", "settings": "guardianSettings",
            "emailFactorSettings": "guardianEmailFactorSettings", "phoneFactorSettings": "guardianPhoneFactorSettings"}


def _unknown(file: str, key: str) -> ImportFailed:
    close = difflib.get_close_matches(key, sorted(KNOWN), n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else f", not one of the {len(KNOWN)} auth0-deploy-cli writes"
    return fail(file, key, f"unknown a0deploy section{hint}")


def read_export(path: Path) -> tuple[dict[str, list[Item]], Path]:
    """The export's sections and its root folder; an ImportFailed naming file and key on bad input."""
    if not path.exists():
        raise fail(str(path), "", "file not found")
    if path.is_dir() and (path / "tenant.yaml").is_file() and not (path / "tenant.json").is_file():
        path = path / "tenant.yaml"
    if path.is_file():
        return _read_yaml(path), path.parent
    return _read_directory(path), path


def _read_yaml(file: Path) -> dict[str, list[Item]]:
    try:
        data = load_unique_keys(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise fail(str(file), "", f"invalid YAML{where}: {getattr(error, 'problem', error)}") from None
    if not isinstance(data, dict):
        raise fail(str(file), "", "expected a mapping of a0deploy sections")
    export: dict[str, list[Item]] = {}
    for section, value in data.items():
        if section not in KNOWN:
            raise _unknown(str(file), str(section))
        values = value if isinstance(value, list) and section not in SINGLETONS else [value]
        export[section] = [Item(str(file), v, file.parent) for v in values if v is not None]
    return export


def _json(file: Path) -> object:
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise fail(str(file), "", f"invalid JSON: {error.msg} (line {error.lineno})") from None


def _read_directory(root: Path) -> dict[str, list[Item]]:
    export: dict[str, list[Item]] = {}
    if (root / "tenant.json").is_file():
        export["tenant"] = [Item(str(root / "tenant.json"), _json(root / "tenant.json"), root)]
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if folder.name.startswith("."):
            continue
        section = DIRECTORIES.get(folder.name)
        if section is None:
            raise _unknown(str(folder), folder.name)
        if section == "guardianFactors":
            export.update(_guardian(folder))
            continue
        items: list[Item] = []
        for file in sorted(folder.rglob("*.json")):
            data = _json(file)
            if section == "emailTemplates" and file.stem == "provider":
                export["emailProvider"] = [Item(str(file), data, file.parent)]
                continue
            if section == "triggers" and isinstance(data, dict):
                data = data.get("triggers", data)
            if isinstance(data, list):  # custom-domains.json and friends hold the whole list
                items.extend(Item(str(file), entry, file.parent) for entry in data)
            else:
                items.append(Item(str(file), data, file.parent))
        export[section] = _merged(section, folder, items)
    return export


def _guardian(folder: Path) -> dict[str, list[Item]]:
    export: dict[str, list[Item]] = {}
    for file in sorted(folder.rglob("*.json")):
        part = file.parent.name if file.parent != folder else file.stem
        section = GUARDIAN.get(part)
        if section is None:
            raise _unknown(str(file), f"guardian/{file.relative_to(folder)}")
        export.setdefault(section, []).append(Item(str(file), _json(file), file.parent))
    return export


def _camel(stem: str) -> str:
    head, *rest = stem.replace("_", "-").split("-")
    return head + "".join(part.title() for part in rest)


def _merged(section: str, folder: Path, items: list[Item]) -> list[Item]:
    """Singletons the directory format splits into one file per part (attack-protection/, prompts/, branding/)."""
    if section not in ("attackProtection", "prompts", "branding") and (section not in SINGLETONS or len(items) <= 1):
        return items
    merged: dict = {}
    for item in items:
        file = Path(item.file)
        if file.stem == section and isinstance(item.data, dict):  # prompts/prompts.json, branding/branding.json
            merged.update(item.data)
        elif section == "prompts" and file.parent.name == "screenRenderSettings":
            merged.setdefault("screenRenderers", []).append(item.data)
        elif section == "branding" and file.parent.name == "templates" and isinstance(item.data, dict):
            # the body names a file beside the definition; make it relative to branding/
            body = item.data.get("body")
            template = {**item.data, "body": f"templates/{body}" if isinstance(body, str) else body}
            merged.setdefault("templates", []).append(template)
        else:
            merged[_camel(file.stem)] = item.data
    return [Item(str(folder), merged, folder)]
