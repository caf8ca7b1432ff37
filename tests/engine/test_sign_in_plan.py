"""What the shipped example plans for users and sign-in, in every stack."""

from __future__ import annotations

import pytest
from pulumi.runtime.sync_await import _sync_await

from cli.offline import SECRET

A = "auth0:index/"
SIGN_IN_TYPES = [
    "connection:Connection", "connectionClients:ConnectionClients", "client:Client",
    "resourceServer:ResourceServer", "resourceServerScopes:ResourceServerScopes", "clientGrant:ClientGrant",
    "role:Role", "rolePermissions:RolePermissions", "prompt:Prompt", "guardian:Guardian",
    "attackProtection:AttackProtection",
]


def _by_name(plan, type_token):
    return {record.name: record for record in plan.of_type(A + type_token)}


@pytest.mark.parametrize("type_token", SIGN_IN_TYPES)
def test_each_stack_plans_the_sign_in_resources(stack_plan, type_token):
    assert stack_plan.of_type(A + type_token), f"stack {stack_plan.stack} plans no {type_token}"


def test_database_connections_are_protected_in_prod_only(stack_plan):
    databases = [r for r in stack_plan.of_type(A + "connection:Connection") if r.inputs["strategy"] == "auth0"]
    assert len(databases) == 2
    for record in databases:
        assert record.protect is (stack_plan.stack == "live"), f"{record.urn}: protect={record.protect}"
    for record in stack_plan.of_type(A + "connection:Connection"):
        if record.inputs["strategy"] != "auth0":
            assert not record.protect, f"{record.urn}: a social connection holds no users; no need to protect"


def test_social_secrets_and_migration_configuration_are_secret(stack_plan):
    connections = _by_name(stack_plan, "connection:Connection")
    for key in ("google-social", "sign-in-with-apple"):
        record = connections[f"ciam-connections-{key}"]
        assert record.inputs["options"]["clientSecret"] == SECRET, f"{record.urn}: client secret not redacted"
    migration = connections["ciam-connections-frequent-flyers"]
    assert migration.inputs["options"]["configuration"] == {"LEGACY_API_KEY": SECRET, "LEGACY_API_URL": SECRET}
    phone = stack_plan.of_type(A + "phoneProvider:PhoneProvider")[0]
    assert phone.inputs["credentials"]["authToken"] == SECRET, phone.urn


def test_sms_mfa_goes_through_the_tenant_phone_provider(stack_plan):
    """Unified Phone Experience: Guardian keeps only enabled and message types, after the flag and provider."""
    tenant = stack_plan.of_type(A + "tenant:Tenant")[0]
    (phone,) = stack_plan.of_type(A + "phoneProvider:PhoneProvider")
    guardian = stack_plan.of_type(A + "guardian:Guardian")[0]
    assert tenant.inputs["phoneConsolidatedExperience"] is True, tenant.urn
    assert phone.inputs["name"] == "twilio" and phone.inputs["disabled"] is False, phone.urn
    assert phone.inputs["configuration"]["deliveryMethods"] == ["text"], phone.urn
    assert guardian.inputs["phone"] == {"enabled": True, "messageTypes": ["sms"]}, guardian.urn
    assert {tenant.urn, phone.urn} <= set(guardian.dependencies), f"{guardian.urn}: {guardian.dependencies}"


def test_migration_connection_runs_the_shipped_scripts_in_import_mode(prod_plan):
    options = _by_name(prod_plan, "connection:Connection")["ciam-connections-frequent-flyers"].inputs["options"]
    assert options["enabledDatabaseCustomization"] is True and options["importMode"] is True
    assert "function login(email, password, callback)" in options["customScripts"]["login"]
    assert "function getByEmail(email, callback)" in options["customScripts"]["get_user"]


def test_connections_enable_the_applications_named_by_key(prod_plan):
    clients = _by_name(prod_plan, "client:Client")
    links = _by_name(prod_plan, "connectionClients:ConnectionClients")
    travellers = links["ciam-connections-travellers-clients"]
    expected = {clients[f"ciam-applications-{key}"].urn for key in ("booking", "portal", "companion")}
    client_deps = {urn for urn in travellers.dependencies if urn.endswith(tuple(f"::{n}" for n in clients))}
    assert client_deps == expected, f"{travellers.urn} depends on {sorted(client_deps)}"
    assert len(travellers.inputs["enabledClients"]) == 3


def test_sign_up_is_closed_in_qa_and_open_elsewhere(stack_plan):
    travellers = _by_name(stack_plan, "connection:Connection")["ciam-connections-travellers"]
    assert travellers.inputs["options"]["disableSignup"] is (stack_plan.stack == "preprod"), travellers.urn


def test_machine_grant_has_explicit_scopes_and_waits_for_them(prod_plan):
    grant = _by_name(prod_plan, "clientGrant:ClientGrant")["ciam-apis-fare-sync-trips-api"]
    assert grant.inputs["scopes"] == ["read:trips", "write:fares"], grant.urn
    assert not grant.inputs.get("allowAllScopes"), grant.urn
    scopes = _by_name(prod_plan, "resourceServerScopes:ResourceServerScopes")["ciam-apis-trips-api-scopes"]
    assert scopes.urn in grant.dependencies, f"{grant.urn} must wait for {scopes.urn}"


def test_role_permissions_wait_for_the_api_scopes(prod_plan):
    scopes = _by_name(prod_plan, "resourceServerScopes:ResourceServerScopes")["ciam-apis-trips-api-scopes"]
    for record in prod_plan.of_type(A + "rolePermissions:RolePermissions"):
        assert scopes.urn in record.dependencies, f"{record.urn} must wait for {scopes.urn}"


def test_applications_sign_rs256_tokens_and_use_the_stack_urls(stack_plan):
    shop = {"sandbox": "https://book.sandbox.globex.example", "preprod": "https://book.preprod.globex.example",
            "live": "https://book.globex.example"}[stack_plan.stack]
    clients = _by_name(stack_plan, "client:Client")
    for record in clients.values():
        assert record.inputs["jwtConfiguration"]["alg"] == "RS256", record.urn
        assert record.inputs["jwtConfiguration"]["secretEncoded"] is False, record.urn
    booking = clients["ciam-applications-booking"]
    assert booking.inputs["callbacks"] == [f"{shop}/callback"], booking.urn
    assert booking.inputs["refreshToken"]["rotationType"] == "rotating", booking.urn


def test_public_applications_authenticate_without_a_secret(prod_plan):
    methods = {r.name: r.inputs["authenticationMethod"]
               for r in prod_plan.of_type(A + "clientCredentials:ClientCredentials")}
    assert methods == {
        "ciam-applications-booking-credentials": "none", "ciam-applications-companion-credentials": "none",
        "ciam-applications-portal-credentials": "client_secret_post",
        "ciam-applications-fare-sync-credentials": "client_secret_post",
    }


def test_outputs_name_clients_and_apis_by_key_and_hold_no_secret(prod_plan):
    api_identifiers = prod_plan.outputs["api_identifiers"]
    assert _sync_await(api_identifiers.future()) == {"trips-api": "https://api.globex.example/trips"}
    client_ids = prod_plan.outputs["client_ids"]
    sources = {resource._name for resource in _sync_await(client_ids.resources())}
    assert {f"ciam-applications-{key}" for key in ("booking", "portal", "companion", "fare-sync")} <= sources
    for name, output in prod_plan.outputs.items():
        if hasattr(output, "is_secret"):
            assert not _sync_await(output.is_secret()), f"stack output {name} is secret; keep secrets out of outputs"
