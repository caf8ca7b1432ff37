"""`make scopes`: the Management API scopes the deploy application needs, derived from the resource types used.

The mapping is the single source: docs/bootstrapping.md lists it (a test keeps the two equal) and a test fails
when a stack registers an `auth0:` type that has no entry, so a new resource type cannot ship without its scopes.
Each entry names the endpoints the provider calls, so a reviewer can check it against Auth0's API reference.
"""

from __future__ import annotations

if __name__ == "__main__":  # before the heavy imports (cli/lean_start.py)
    from cli import lean_start

    lean_start.for_a_plan()

import argparse
import sys
from collections.abc import Iterable

# type token -> (scopes, endpoints the provider calls for create/read/update/delete)
SCOPES_BY_TYPE: dict[str, tuple[tuple[str, ...], str]] = {
    "auth0:index/tenant:Tenant": (
        ("read:tenant_settings", "update:tenant_settings"), "GET/PATCH /tenants/settings (a singleton: never created)"),
    "auth0:index/customDomain:CustomDomain": (
        ("read:custom_domains", "create:custom_domains", "update:custom_domains", "delete:custom_domains"),
        "/custom-domains"),
    "auth0:index/customDomainVerification:CustomDomainVerification": (
        ("read:custom_domains", "create:custom_domains"), "POST /custom-domains/{id}/verify"),
    "auth0:index/promptScreenPartials:PromptScreenPartials": (
        ("read:prompts", "update:prompts"), "GET/PUT /prompts/{prompt}/partials"),
    "auth0:index/actionModule:ActionModule": (
        ("read:actions", "create:actions", "update:actions", "delete:actions"), "/actions/modules"),
    "auth0:index/customDomainDefault:CustomDomainDefault": (
        ("read:custom_domains", "update:custom_domains"), "GET/PATCH /custom-domains/default"),
    "auth0:index/connection:Connection": (
        ("read:connections", "create:connections", "update:connections", "delete:connections"), "/connections"),
    "auth0:index/connectionClients:ConnectionClients": (
        ("read:connections", "update:connections"), "the enabled clients of /connections/{id}"),
    "auth0:index/eventStream:EventStream": (
        ("read:event_streams", "create:event_streams", "update:event_streams", "delete:event_streams"),
        "/event-streams"),
    "auth0:index/flowVaultConnection:FlowVaultConnection": (
        ("read:flows_vault_connections", "create:flows_vault_connections", "update:flows_vault_connections",
         "delete:flows_vault_connections"), "/flows/vault/connections"),
    "auth0:index/flow:Flow": (("read:flows", "create:flows", "update:flows", "delete:flows"), "/flows"),
    "auth0:index/form:Form": (("read:forms", "create:forms", "update:forms", "delete:forms"), "/forms"),
    "auth0:index/selfServiceProfile:SelfServiceProfile": (
        ("read:self_service_profiles", "create:self_service_profiles", "update:self_service_profiles",
         "delete:self_service_profiles"), "/self-service-profiles"),
    "auth0:index/selfServiceProfileCustomText:SelfServiceProfileCustomText": (
        ("read:self_service_profile_custom_texts", "update:self_service_profile_custom_texts"),
        "/self-service-profiles/{id}/custom-text/{language}/{page}"),
    "auth0:index/tokenExchangeProfile:TokenExchangeProfile": (
        ("read:token_exchange_profiles", "create:token_exchange_profiles", "update:token_exchange_profiles",
         "delete:token_exchange_profiles"), "/token-exchange-profiles"),
    "auth0:index/userAttributeProfile:UserAttributeProfile": (
        ("read:user_attribute_profiles", "create:user_attribute_profiles", "update:user_attribute_profiles",
         "delete:user_attribute_profiles"), "/user-attribute-profiles"),
    "auth0:index/organization:Organization": (
        ("read:organizations", "create:organizations", "update:organizations", "delete:organizations"),
        "/organizations"),
    "auth0:index/organizationConnections:OrganizationConnections": (
        ("read:organization_connections", "create:organization_connections", "update:organization_connections",
         "delete:organization_connections"), "/organizations/{id}/enabled_connections"),
    "auth0:index/organizationDiscoveryDomains:OrganizationDiscoveryDomains": (
        ("read:organization_discovery_domains", "create:organization_discovery_domains",
         "update:organization_discovery_domains", "delete:organization_discovery_domains"),
        "/organizations/{id}/discovery-domains"),
    "auth0:index/client:Client": (
        ("read:clients", "create:clients", "update:clients", "delete:clients"), "/clients"),
    "auth0:index/clientCredentials:ClientCredentials": (
        ("read:clients", "update:clients", "read:client_credentials", "create:client_credentials",
         "update:client_credentials", "delete:client_credentials"),
        "token_endpoint_auth_method on PATCH /clients/{id}; private_key_jwt public keys through "
        "/clients/{id}/credentials"),
    "auth0:index/resourceServer:ResourceServer": (
        ("read:resource_servers", "create:resource_servers", "update:resource_servers", "delete:resource_servers"),
        "/resource-servers"),
    "auth0:index/resourceServerScopes:ResourceServerScopes": (
        ("read:resource_servers", "update:resource_servers"), "the scopes of PATCH /resource-servers/{id}"),
    "auth0:index/clientGrant:ClientGrant": (
        ("read:client_grants", "create:client_grants", "update:client_grants", "delete:client_grants"),
        "/client-grants"),
    "auth0:index/prompt:Prompt": (("read:prompts", "update:prompts"), "GET/PATCH /prompts"),
    "auth0:index/promptCustomText:PromptCustomText": (
        ("read:prompts", "update:prompts"), "GET/PUT /prompts/{prompt}/custom-text/{language}"),
    "auth0:index/attackProtection:AttackProtection": (
        ("read:attack_protection", "update:attack_protection"), "/attack-protection/*"),
    "auth0:index/guardian:Guardian": (
        ("read:guardian_factors", "update:guardian_factors", "read:mfa_policies", "update:mfa_policies",
         "read:tenant_settings", "update:tenant_settings"),
        "/guardian/factors/* (factors, push and Duo settings, phone message types, OTP settings), "
        "/guardian/policies and, with mfa.settings, /guardian/settings (tenant settings scopes)"),
    "auth0:index/phoneProvider:PhoneProvider": (
        ("read:phone_providers", "create:phone_providers", "update:phone_providers", "delete:phone_providers"),
        "/branding/phone/providers (the tenant-level provider of the Unified Phone Experience)"),
    "auth0:index/brandingPhoneNotificationTemplate:BrandingPhoneNotificationTemplate": (
        ("read:phone_templates", "create:phone_templates", "update:phone_templates", "delete:phone_templates"),
        "/branding/phone/templates (otp_enroll, otp_verify, change_password, blocked_account, password_breach)"),
    "auth0:index/branding:Branding": (
        ("read:branding", "update:branding", "delete:branding"),
        "GET/PATCH /branding and GET/PUT/DELETE /branding/templates/universal-login"),
    "auth0:index/brandingTheme:BrandingTheme": (
        ("read:branding", "create:branding", "update:branding", "delete:branding"), "/branding/themes"),
    "auth0:index/pages:Pages": (
        ("read:clients", "update:clients", "read:tenant_settings", "update:tenant_settings"),
        "the login page lives on the global client (/clients?is_global=true), the others in /tenants/settings"),
    "auth0:index/emailTemplate:EmailTemplate": (
        ("read:email_templates", "create:email_templates", "update:email_templates"),
        "/email-templates/{name} (deleting only disables a template)"),
    "auth0:index/emailProvider:EmailProvider": (
        ("read:email_provider", "create:email_provider", "update:email_provider", "delete:email_provider"),
        "/emails/provider"),
    "auth0:index/action:Action": (
        ("read:actions", "create:actions", "update:actions", "delete:actions"),
        "/actions/actions (deploying, POST /actions/actions/{id}/deploy, needs create:actions)"),
    "auth0:index/triggerActions:TriggerActions": (
        ("read:actions", "update:actions"), "GET/PATCH /actions/triggers/{trigger}/bindings"),
    "auth0:index/role:Role": (("read:roles", "create:roles", "update:roles", "delete:roles"), "/roles"),
    "auth0:index/rolePermissions:RolePermissions": (
        ("read:roles", "update:roles"), "GET/POST/DELETE /roles/{id}/permissions"),
    "auth0:index/logStream:LogStream": (
        ("read:log_streams", "create:log_streams", "update:log_streams", "delete:log_streams"), "/log-streams"),
    "auth0:index/networkAcl:NetworkAcl": (
        ("read:network_acls", "create:network_acls", "update:network_acls", "delete:network_acls"),
        "/network-acls"),
    "auth0:index/getOutboundIps:getOutboundIps": (
        (), "an invoke that reads Auth0's public ip-ranges.json, not the Management API"),
}

# What `make export` reads (GET only), scope -> endpoints; every one is also in the deploy application's set.
EXPORT_SCOPES: dict[str, str] = {
    "read:tenant_settings": "GET /tenants/settings and /guardian/settings",
    "read:clients": "GET /clients",
    "read:resource_servers": "GET /resource-servers",
    "read:client_grants": "GET /client-grants",
    "read:roles": "GET /roles and /roles/{id}/permissions",
    "read:connections": "GET /connections and /connections/{id}/clients",
    "read:actions": "GET /actions/actions, /actions/modules and /actions/triggers/{trigger}/bindings",
    "read:email_provider": "GET /emails/provider",
    "read:email_templates": "GET /email-templates/{name}",
    "read:prompts": "GET /prompts, /prompts/{prompt}/custom-text/{language} and /prompts/{prompt}/partials",
    "read:attack_protection": "GET /attack-protection/{brute-force-protection,breached-password-detection,"
                              "suspicious-ip-throttling}",
    "read:custom_domains": "GET /custom-domains",
    "read:log_streams": "GET /log-streams",
    "read:network_acls": "GET /network-acls",
    "read:branding": "GET /branding, /branding/templates/universal-login and /branding/themes/default",
    "read:guardian_factors": "GET /guardian/factors, /guardian/factors/phone/{message-types,selected-provider,"
                             "settings} and /guardian/factors/email/settings",
    "read:mfa_policies": "GET /guardian/policies",
    "read:phone_providers": "GET /branding/phone/providers",
    "read:phone_templates": "GET /branding/phone/templates",
    "read:organizations": "GET /organizations",
    "read:event_streams": "GET /event-streams",
    "read:organization_connections": "GET /organizations/{id}/enabled_connections",
    "read:organization_discovery_domains": "GET /organizations/{id}/discovery-domains",
    "read:forms": "GET /forms and /forms/{id}",
    "read:flows": "GET /flows and /flows/{id}",
    "read:flows_vault_connections": "GET /flows/vault/connections",
    "read:self_service_profiles": "GET /self-service-profiles",
    "read:self_service_profile_custom_texts": "GET /self-service-profiles/{id}/custom-text/en/get-started",
    "read:user_attribute_profiles": "GET /user-attribute-profiles",
    "read:token_exchange_profiles": "GET /token-exchange-profiles",
}

# Only for the integration tests (dev and QA): they read the test application's secret to request a token.
INTEGRATION_TEST_SCOPES: tuple[str, ...] = ("read:clients", "read:connections", "read:client_keys")


def is_auth0_type(type_token: str) -> bool:
    """Resources that call the Management API (the provider itself and ciam: components do not)."""
    return type_token.startswith("auth0:")


def unmapped(type_tokens: Iterable[str]) -> list[str]:
    return sorted({t for t in type_tokens if is_auth0_type(t) and t not in SCOPES_BY_TYPE})


def required_scopes(type_tokens: Iterable[str]) -> list[str]:
    """The scopes for these types, sorted by resource then action; KeyError names an unmapped type."""
    type_tokens = list(type_tokens)
    missing = unmapped(type_tokens)
    if missing:
        raise KeyError(f"no Management API scopes mapped for {', '.join(missing)} (add them to cli/scopes.py)")
    scopes = {s for t in type_tokens if is_auth0_type(t) for s in SCOPES_BY_TYPE[t][0]}
    return sorted(scopes, key=scope_sort_key)


def read_only(scopes: Iterable[str]) -> list[str]:
    """What a preview or a drift check needs: the provider only reads during `pulumi preview --refresh`."""
    return [s for s in scopes if s.startswith("read:")]


_ACTIONS = ("read", "create", "update", "delete")


def scope_sort_key(scope: str) -> tuple[str, int, str]:
    """Group by the thing, then read/create/update/delete, as Auth0's dashboard lists them."""
    action, _, thing = scope.partition(":")
    return thing, _ACTIONS.index(action) if action in _ACTIONS else len(_ACTIONS), action


DOCS_BEGIN = "<!-- scopes:begin (generated by `python -m cli.scopes --docs`; a test keeps it current) -->"
DOCS_END = "<!-- scopes:end -->"


def docs_block() -> str:
    """The table in docs/bootstrapping.md: every mapped type, its scopes, and the union."""
    lines = [DOCS_BEGIN, "", "| resource type | scopes | endpoints |", "|---|---|---|"]
    for type_token, (scopes, endpoints) in sorted(SCOPES_BY_TYPE.items(), key=lambda item: item[0].split(":")[-1]):
        shown = ", ".join(f"`{s}`" for s in scopes) or "none"
        lines.append(f"| `{type_token.split(':')[-1]}` | {shown} | {endpoints} |")
    every = required_scopes(t for t in SCOPES_BY_TYPE)
    reads = read_only(every)
    lines += ["", f"The deploy application, all {len(every)} (space-separated, as `auth0 api` and the CLI take them):",
              "", "```", " ".join(every), "```", "",
              f"The read-only preview application of the pull-request previews and the drift check, {len(reads)}:",
              "", "```", " ".join(reads), "```", "", DOCS_END]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="make scopes", description=__doc__.splitlines()[0])
    parser.add_argument("--stack", action="append",
                        help="stacks whose offline plan to read (default: every Pulumi.<stack>.yaml)")
    parser.add_argument("--integration-tests", action="store_true",
                        help="add the scopes the integration tests use (non-production tenants only)")
    parser.add_argument("--read-only", action="store_true", help="only the read scopes (preview application)")
    parser.add_argument("--export", action="store_true", help="only the read scopes `make export` needs")
    parser.add_argument("--docs", action="store_true", help="print the table for docs/bootstrapping.md")
    parser.add_argument("--separator", default="\n", help="between scopes (' ' for the Auth0 CLI)")
    args = parser.parse_args(argv)
    if args.docs:
        print(docs_block())
        return
    if args.export:
        print(args.separator.join(sorted(EXPORT_SCOPES, key=scope_sort_key)))
        return
    from cli.plan import PROJECT_DIR  # runs the program; imported late so the mapping stays pure
    from cli.stack_plans import plans_or_exit
    from cli.stacks import stack_names_or_exit

    stacks = args.stack or stack_names_or_exit(PROJECT_DIR)
    types = {r.type for plan in plans_or_exit(stacks) for r in plan.resources}
    try:
        scopes = required_scopes(types)
    except KeyError as error:
        sys.exit(f"error: {error.args[0]}")
    if args.read_only:
        scopes = read_only(scopes)
    if args.integration_tests:
        scopes = sorted(set(scopes) | set(INTEGRATION_TEST_SCOPES), key=scope_sort_key)
    print(args.separator.join(scopes))


if __name__ == "__main__":
    main()
