"""Reading the live tenant through the Management API (auth0-python) into the a0deploy shape the mappings read.

Read scopes only (`cli.scopes.EXPORT_SCOPES`, listed by `make scopes EXPORT=1`). Every list is read page by
page; the SDK retries 429 (and 5xx) responses with back-off, honouring Retry-After. Progress goes to stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from auth0.management import Auth0

from cli.adopt import live_b2b, live_login, live_profiles
from cli.adopt.live_session import ABSENT, RETRIES, Session, plain
from cli.adopt.translate import Item
from components.config.actions import TRIGGER_VERSIONS, UNBOUND_TRIGGERS
from components.config.email_templates import TemplateName

# What the tenant may hold that the export does not read yet: named in the report, never dropped silently.
NOT_READ = ("Advanced Customizations screen renderers", "rules and hooks (retired by Auth0)",
            "organization client grants (/organizations/{id}/client-grants: the model has no organization list "
            "per grant; a grant's organization_usage and allow_any_organization are read)")
PER_PAGE = 50  # the Management API allows up to 100


def connect(base_url: str, token: str) -> Auth0:
    return Auth0(base_url=f"{base_url.rstrip('/')}/api/v2", token=token, max_retries=RETRIES["max_retries"])


def read_tenant(api: Auth0, progress: Callable[[str], None] | None = None) -> dict[str, list[Item]]:
    say = progress or (lambda message: print(message, file=sys.stderr))
    session = Session(api, PER_PAGE, say)
    options, item, _optional, _all = session.options, session.item, session.optional, session.all

    say("reading tenant settings")
    export: dict[str, list[Item]] = {"tenant": [item(plain(api.tenants.settings.get(**options)), "tenant")]}

    say("reading applications")
    clients = [c for c in _all(api.clients.list(per_page=PER_PAGE, **options)) if not c.get("global")]
    names = {c["client_id"]: c["name"] for c in clients}
    export["clients"] = [item(c, f"clients/{c['client_id']}") for c in clients]

    say("reading APIs")
    servers = [s for s in _all(api.resource_servers.list(per_page=PER_PAGE, **options)) if not s.get("is_system")]
    export["resourceServers"] = [item(s, f"resource-servers/{s.get('id')}") for s in servers]

    say("reading client grants")
    grants = []
    for grant in _all(api.client_grants.list(take=PER_PAGE, **options)):
        grant["client_id"] = names.get(grant.get("client_id"), grant.get("client_id"))
        grants.append(item(grant, f"client-grants/{grant.get('id')}"))
    export["clientGrants"] = grants

    say("reading roles")
    roles = []
    for role in _all(api.roles.list(per_page=PER_PAGE, **options)):
        permissions = _all(api.roles.permissions.list(role["id"], per_page=PER_PAGE, **options))
        role["permissions"] = [{"permission_name": p.get("permission_name"),
                                "resource_server_identifier": p.get("resource_server_identifier")}
                               for p in permissions]
        roles.append(item(role, f"roles/{role['id']}"))
    export["roles"] = roles

    say("reading connections")
    databases, others = [], []
    for connection in _all(api.connections.list(take=PER_PAGE, **options)):
        enabled = _all(api.connections.clients.get(connection["id"], take=PER_PAGE, **options))
        connection["enabled_clients"] = [names.get(c.get("client_id"), c.get("client_id")) for c in enabled]
        scripts = (connection.get("options") or {}).get("customScripts") or {}
        for script, code in scripts.items():
            scripts[script] = {"inline": code}
        target = databases if connection.get("strategy") == "auth0" else others
        target.append(item(connection, f"connections/{connection.get('id')}"))
    export["databases"], export["connections"] = databases, others

    say("reading actions")
    actions = []
    for action in _all(api.actions.list(per_page=PER_PAGE, **options)):
        action["code"] = {"inline": action.get("code") or ""}
        action["deployed"] = bool(action.get("deployed_version") or action.get("all_changes_deployed"))
        actions.append(item(action, f"actions/{action.get('id')}"))
    export["actions"] = actions
    bindings: dict[str, list[dict]] = {}
    for trigger in (t for t in TRIGGER_VERSIONS if t not in UNBOUND_TRIGGERS):
        for binding in _all(api.actions.triggers.bindings.list(trigger, per_page=PER_PAGE, **options)):
            bound = binding.get("action") or {}
            bindings.setdefault(trigger, []).append({"action_name": bound.get("name"),
                                                      "display_name": binding.get("display_name")})
    export["triggers"] = [item(bindings, "triggers")]

    say("reading prompts, attack protection and custom domains")
    prompts = _optional(lambda: api.prompts.get_settings(**options))
    if prompts:
        export["prompts"] = [item(prompts, "prompts")]
    protection = {}
    for part, client in (("bruteForceProtection", api.attack_protection.brute_force_protection),
                         ("breachedPasswordDetection", api.attack_protection.breached_password_detection),
                         ("suspiciousIpThrottling", api.attack_protection.suspicious_ip_throttling),
                         ("botDetection", api.attack_protection.bot_detection),
                         ("captcha", api.attack_protection.captcha)):
        # Bot detection and CAPTCHA need an Attack Protection add-on: without it Auth0 answers 403.
        settings = _optional(lambda client=client: client.get(**options), ABSENT)
        if settings:
            protection[part] = settings
    if protection:
        export["attackProtection"] = [item(protection, "attack-protection")]
    domains = _optional(lambda: api.custom_domains.list(**options))
    domains = domains if isinstance(domains, list) else (domains or {}).get("custom_domains") or []
    export["customDomains"] = [item(d, f"custom-domains/{d.get('custom_domain_id')}") for d in domains]

    say("reading log streams and network ACLs")
    streams = plain(api.log_streams.list(**options)) or []
    export["logStreams"] = [item(s, f"log-streams/{s.get('id')}") for s in streams]
    acls = _all(api.network_acls.list(per_page=PER_PAGE, **options))
    export["networkACLs"] = [item(a, f"network-acls/{a.get('id')}") for a in acls]

    say("reading email provider and templates")
    provider = _optional(lambda: api.emails.provider.get(
        fields="name,enabled,credentials,settings,default_from_address", include_fields=True, **options))
    if provider:
        export["emailProvider"] = [item(provider, "emails/provider")]
    templates = []
    for name in TemplateName.__args__:
        template = _optional(lambda name=name: api.email_templates.get(name, **options))
        if template and template.get("template"):
            template["body"] = {"inline": template.get("body") or ""}
            templates.append(item(template, f"email-templates/{name}"))
    export["emailTemplates"] = templates
    live_login.read(session, export)
    live_b2b.read(session, export)
    live_profiles.read(session, export)
    return export
