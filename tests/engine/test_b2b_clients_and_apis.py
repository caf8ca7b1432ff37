"""The newer client and resource-server settings on the b2b-complete fixture: native social login, token
exchange, resource_server clients, private_key_jwt public keys, PAR, DPoP, compliance and token quota; API
consent policy, RAR types, token encryption and proof of possession."""

from __future__ import annotations

import pytest

from tests.engine.b2b_fixture import STACKS, B2bProject, b2b_plan

A = "auth0:index/"
PEM = "-----BEGIN PUBLIC KEY-----"


@pytest.fixture(params=STACKS)
def plan(request, tmp_path_factory):
    return b2b_plan(request.param, tmp_path_factory)


def _named(plan, type_token: str, name: str):
    return {r.name: r for r in plan.of_type(A + type_token)}[name]


def test_client_security_and_token_settings_are_planned(plan):
    gateway = _named(plan, "client:Client", "ciam-applications-partner-gateway")
    assert gateway.inputs["tokenExchange"] == {"allowAnyProfileOfTypes": ["custom_authentication"]}, gateway.urn
    assert "urn:ietf:params:oauth:grant-type:token-exchange" in gateway.inputs["grantTypes"], gateway.urn
    assert gateway.inputs["requireProofOfPossession"] is True and gateway.inputs["complianceLevel"] == "none"
    assert gateway.inputs["tokenQuota"] == {"clientCredentials": {"enforce": True, "perDay": 10000,
                                                                  "perHour": 1000}}, gateway.urn
    mobile = _named(plan, "client:Client", "ciam-applications-mobile")
    assert mobile.inputs["nativeSocialLogin"] == {"apple": {"enabled": True}, "google": {"enabled": True},
                                                  "facebook": {"enabled": False}}, mobile.urn
    account = _named(plan, "client:Client", "ciam-applications-account")
    assert account.inputs["requirePushedAuthorizationRequests"] is True, account.urn
    paired = _named(plan, "client:Client", "ciam-applications-orders-api-client")
    assert paired.inputs["appType"] == "resource_server", paired.urn


def test_private_key_jwt_credentials_carry_the_public_key_file(plan):
    credentials = _named(plan, "clientCredentials:ClientCredentials", "ciam-applications-partner-gateway-credentials")
    assert credentials.inputs["authenticationMethod"] == "private_key_jwt", credentials.urn
    (key,) = credentials.inputs["privateKeyJwt"]["credentials"]
    assert key["name"] == "gateway-2026" and key["algorithm"] == "PS256", credentials.urn
    assert key["credentialType"] == "public_key" and key["pem"].startswith(PEM), credentials.urn


def test_resource_server_settings_are_planned(plan):
    api = _named(plan, "resourceServer:ResourceServer", "ciam-apis-orders-api")
    assert api.inputs["consentPolicy"] == "transactional-authorization-with-mfa", api.urn
    assert api.inputs["authorizationDetails"] == [{"type": "payment_initiation"}], api.urn
    encryption = api.inputs["tokenEncryption"]
    assert encryption["format"] == "compact-nested-jwe", api.urn
    assert encryption["encryptionKey"]["name"] == "orders-2026", api.urn
    assert encryption["encryptionKey"]["algorithm"] == "RSA-OAEP-256", api.urn
    assert encryption["encryptionKey"]["pem"].startswith(PEM), api.urn
    assert api.inputs["proofOfPossession"] == {"mechanism": "dpop", "required": False}, api.urn
    assert api.inputs["skipConsentForVerifiableFirstPartyClients"] is True, api.urn


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda d: d["applications"]["account"].update(native_social_login={"apple": True}),
     "applications.account: native_social_login applies only to native applications"),
    (lambda d: d["applications"]["partner-gateway"].pop("private_key_jwt_credentials"),
     "applications.partner-gateway: token_endpoint_auth_method: private_key_jwt and private_key_jwt_credentials"),
    (lambda d: d["applications"]["partner-gateway"]["private_key_jwt_credentials"]["gateway-2026"].update(
        pem="assets/keys/missing.pem"),
     "applications.partner-gateway.private_key_jwt_credentials.gateway-2026.pem: file not found"),
    (lambda d: d["applications"]["partner-gateway"].update(compliance_level="fapi3"),
     "applications.partner-gateway.compliance_level"),
    (lambda d: d["apis"]["orders-api"]["proof_of_possession"].update(mechanism="mtl"),
     "apis.orders-api.proof_of_possession.mechanism"),
    (lambda d: d["apis"]["orders-api"].update(token_encription={}),
     "apis.orders-api.token_encription: unknown key 'token_encription'; did you mean 'token_encryption'?"),
])
def test_bad_client_and_api_settings_fail_with_their_key_path(tmp_path, edit, expected):
    message = B2bProject(tmp_path).problems(edit)
    assert expected in message, message
