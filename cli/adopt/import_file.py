"""The `pulumi import --file` document: every resource the plan registers, with the Auth0 ID it adopts.

Names, parents and the provider are the plan's own (so the URNs are exactly the program's); components and
the provider are in the name table. Singletons (tenant settings, pages, email provider, ...) have no ID in
the Management API: they get a UUID derived from their URN, so the same tenant gives the same file.
"""

from __future__ import annotations

import uuid
from typing import Any

from cli.offline import Plan

# type -> (blueprint section, suffix of the resource name after the key)
OWNED: dict[str, tuple[str, str]] = {
    "auth0:index/client:Client": ("applications", ""),
    "auth0:index/clientCredentials:ClientCredentials": ("applications", "-credentials"),
    "auth0:index/resourceServer:ResourceServer": ("apis", ""),
    "auth0:index/connection:Connection": ("connections", ""),
    "auth0:index/connectionClients:ConnectionClients": ("connections", "-clients"),
    "auth0:index/role:Role": ("roles", ""),
    "auth0:index/rolePermissions:RolePermissions": ("roles", "-permissions"),
    "auth0:index/action:Action": ("actions", ""),
    "auth0:index/logStream:LogStream": ("log_streams", ""),
    "auth0:index/networkAcl:NetworkAcl": ("network_acls", ""),
    "auth0:index/organization:Organization": ("organizations", ""),
    # both adopt the organization's own id
    "auth0:index/organizationConnections:OrganizationConnections": ("organizations", "-connections"),
    "auth0:index/organizationDiscoveryDomains:OrganizationDiscoveryDomains": ("organizations", "-discovery-domains"),
    "auth0:index/selfServiceProfile:SelfServiceProfile": ("self_service_sso_profiles", ""),
    "auth0:index/eventStream:EventStream": ("event_streams", ""),
    "auth0:index/actionModule:ActionModule": ("action_modules", ""),
    "auth0:index/userAttributeProfile:UserAttributeProfile": ("user_attribute_profiles", ""),
    "auth0:index/tokenExchangeProfile:TokenExchangeProfile": ("token_exchange_profiles", ""),
}
# type -> (blueprint section, prefix of the resource name before the key): one component registers several types
PREFIXED: dict[str, tuple[str, str]] = {
    "auth0:index/form:Form": ("forms", "form-"),
    "auth0:index/flow:Flow": ("flows", "flow-"),
    "auth0:index/flowVaultConnection:FlowVaultConnection": ("flow_vault_connections", "vault-"),
}
# type -> the key under which a section mapping keeps the id of a one-per-tenant object Auth0 gives an id
ONE_PER_TENANT = {"auth0:index/brandingTheme:BrandingTheme": "branding_theme",
                  "auth0:index/phoneProvider:PhoneProvider": "phone_provider"}
SINGLETONS = (
    "auth0:index/tenant:Tenant", "auth0:index/pages:Pages", "auth0:index/emailProvider:EmailProvider",
    "auth0:index/prompt:Prompt", "auth0:index/guardian:Guardian", "auth0:index/attackProtection:AttackProtection",
    "auth0:index/branding:Branding",
)


def _component_prefix(record_name: str, parent_name: str) -> str:
    return record_name[len(parent_name) + 1:] if record_name.startswith(parent_name + "-") else record_name


def auth0_id(record, parent_name: str, ids: dict[tuple[str, str], str]) -> str | None:
    inputs = record.inputs
    if record.type in SINGLETONS:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, record.urn))
    if record.type == "auth0:index/resourceServerScopes:ResourceServerScopes":
        return inputs.get("resourceServerIdentifier")
    if record.type == "auth0:index/triggerActions:TriggerActions":
        return inputs.get("trigger")
    if record.type == "auth0:index/emailTemplate:EmailTemplate":
        return inputs.get("template")
    if record.type == "auth0:index/promptCustomText:PromptCustomText":
        return f"{inputs.get('prompt')}::{inputs.get('language')}"
    if record.type == "auth0:index/promptScreenPartials:PromptScreenPartials":
        return inputs.get("promptType")
    if record.type == "auth0:index/brandingPhoneNotificationTemplate:BrandingPhoneNotificationTemplate":
        return ids.get(("phone_templates", str(inputs.get("type", "")).replace("_", "-")))
    if record.type in ONE_PER_TENANT:
        return ids.get((ONE_PER_TENANT[record.type], ""))
    if record.type == "auth0:index/selfServiceProfileCustomText:SelfServiceProfileCustomText":
        key = _component_prefix(record.name, parent_name).rsplit("-text-", 1)[0]
        profile = ids.get(("self_service_sso_profiles", key))
        return f"{profile}::{inputs.get('language')}::{inputs.get('page')}" if profile else None
    if record.type in PREFIXED:
        section, prefix = PREFIXED[record.type]
        return ids.get((section, _component_prefix(record.name, parent_name).removeprefix(prefix)))
    if record.type.startswith("auth0:index/customDomain"):  # the domain, its verification, its default
        key = parent_name.partition("-custom-domain-")[2]  # custom_domains.<key>; the single one has none
        return ids.get(("custom_domains", key) if key else ("custom_domain", ""))
    if record.type == "auth0:index/clientGrant:ClientGrant":
        return ids.get(("grants", _component_prefix(record.name, parent_name)))
    if record.type in OWNED:
        section, suffix = OWNED[record.type]
        key = _component_prefix(record.name, parent_name)
        key = key[: -len(suffix)] if suffix and key.endswith(suffix) else key
        return ids.get((section, key))
    return None


def import_document(plan: Plan, ids: dict[tuple[str, str], str]) -> tuple[dict[str, Any], list[str]]:
    """The document, and the URNs left out because the live tenant has no object for them."""
    by_urn = {r.urn: r for r in plan.resources}
    providers = [r for r in plan.resources if r.type.startswith("pulumi:providers:")]
    name_table: dict[str, str] = {p.name: p.urn for p in providers}
    resources, missing = [], []
    for record in plan.resources:
        if not record.type.startswith("auth0:"):
            if not record.type.startswith("pulumi:providers:"):
                name_table[record.name] = record.urn
            continue
        parent = by_urn.get(record.parent or "")
        identifier = auth0_id(record, parent.name if parent else "", ids)
        if not identifier:
            missing.append(record.urn)
            continue
        entry: dict[str, Any] = {"type": record.type, "name": record.name, "id": identifier}
        if parent is not None:
            entry["parent"] = parent.name
        if providers:
            entry["provider"] = providers[0].name
        resources.append(entry)
    return {"nameTable": dict(sorted(name_table.items())), "resources": resources}, missing
