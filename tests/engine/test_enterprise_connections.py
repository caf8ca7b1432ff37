"""Enterprise connections (samlp, oidc, okta, waad, google-apps, ad) on the b2b-complete fixture: what each stack
plans, secrets kept secret, certificates read from assets/, and one-line errors for bad options."""

from __future__ import annotations

import base64

import pytest

from tests.engine.b2b_fixture import STACKS, B2bProject, b2b_plan

CONNECTION = "auth0:index/connection:Connection"
PEM = "-----BEGIN CERTIFICATE-----"


@pytest.fixture(params=STACKS)
def plan(request, tmp_path_factory):
    return b2b_plan(request.param, tmp_path_factory)


def _connections(plan) -> dict:
    return {r.inputs["name"]: r for r in plan.of_type(CONNECTION)}


def test_every_enterprise_strategy_is_planned_in_every_stack(plan):
    strategies = {r.inputs["strategy"] for r in plan.of_type(CONNECTION)}
    assert {"samlp", "oidc", "okta", "waad", "google-apps", "ad"} <= strategies, f"{plan.stack}: {strategies}"


def test_saml_reads_certificates_from_assets_and_keeps_the_signing_key_secret(plan):
    saml = _connections(plan)["partner-saml"]
    options = saml.inputs["options"]
    assert base64.b64decode(options["signingCert"]).decode().startswith(PEM), f"{saml.urn}: base64 of the PEM file"
    assert options["signingKey"] == {"key": "[secret]", "cert": options["signingKey"]["cert"]}, saml.urn
    assert base64.b64decode(options["signingKey"]["cert"]).decode().startswith(PEM), saml.urn
    assert options["signInEndpoint"] == "https://idp.partner.example/saml/sso", saml.urn
    assert options["signatureAlgorithm"] == "rsa-sha256" and options["digestAlgorithm"] == "sha256", saml.urn
    assert options["domainAliases"] == ["partner.example"], saml.urn
    assert saml.inputs["showAsButton"] is False and saml.inputs["displayName"] == "Partner SSO", saml.urn


def test_a_saml_connection_from_its_metadata_url_plans_no_endpoint_or_certificate(plan):
    saml = _connections(plan)["partner-saml-metadata"]
    options = saml.inputs["options"]
    assert options["metadataUrl"] == ("https://adfs.woodgrove.example/FederationMetadata/2007-06/"
                                      "FederationMetadata.xml"), saml.urn
    assert not {"signingCert", "signInEndpoint", "signOutEndpoint"} & set(options), f"{saml.urn}: {sorted(options)}"


def test_oauth_enterprise_connections_plan_their_provider_settings_with_secret_client_secrets(plan):
    connections = _connections(plan)
    expected = {
        "partner-oidc": {"discoveryUrl": "https://login.contoso.example/.well-known/openid-configuration",
                         "type": "back_channel", "scopes": ["openid", "profile", "email"]},
        "partner-okta": {"domain": "fabrikam.okta.com"},
        "partner-entra": {"tenantDomain": "northwind.example", "waadProtocol": "openid-connect",
                          "identityApi": "microsoft-identity-platform-v2.0", "apiEnableUsers": True,
                          "maxGroupsToRetrieve": "50"},
        "partner-workspace": {"domain": "tailspin.example", "tenantDomain": "tailspin.example"},
    }
    for name, values in expected.items():
        options = connections[name].inputs["options"]
        assert options["clientSecret"] == "[secret]", connections[name].urn
        assert {key: options.get(key) for key in values} == values, connections[name].urn


def test_active_directory_plans_kerberos_networks(plan):
    ad = _connections(plan)["partner-ad"]
    assert ad.inputs["options"]["ips"] == ["10.20.0.0/16"] and ad.inputs["options"]["useKerberos"] is True, ad.urn


def test_enterprise_connections_are_enabled_for_their_applications_and_not_protected(plan):
    clients = {r.name: r for r in plan.of_type("auth0:index/connectionClients:ConnectionClients")}
    saml_clients = clients["ciam-connections-partner-saml-clients"]
    assert len(saml_clients.inputs["enabledClients"]) == 1, saml_clients.urn
    saml = _connections(plan)["partner-saml"]
    assert not saml.protect, f"{saml.urn}: enterprise users sign in again, nothing to protect"


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda c: c["partner-saml"].update(signing_algorithm="rsa-sha256"), "connections.partner-saml.signing_algorithm"),
    (lambda c: c["partner-oidc"].update(client_secret="plain"), "connections.partner-oidc.client_secret"),
    (lambda c: c["partner-okta"].pop("domain"), "connections.partner-okta.domain"),
    (lambda c: c["partner-entra"].update(waad_protocol="saml"), "connections.partner-entra.waad_protocol"),
    (lambda c: c["partner-saml"].update(signing_cert="assets/certificates/missing.pem"),
     "connections.partner-saml.signing_cert"),
    (lambda c: c["partner-saml"].update(sign_saml_request=False), "connections.partner-saml.signing_key"),
    (lambda c: c["partner-ad"].update(domain_aliases=["Not A Domain"]), "connections.partner-ad.domain_aliases.0"),
    (lambda c: c["partner-saml"].pop("signing_cert"),
     "connections.partner-saml: set metadata_url, or both sign_in_endpoint and signing_cert"),
    (lambda c: c["partner-saml-metadata"].update(sign_in_endpoint="https://idp.woodgrove.example/sso"),
     "connections.partner-saml-metadata.metadata_url: with metadata_url, Auth0 reads the endpoints"),
    (lambda c: c["partner-saml-metadata"].update(metadata_url="adfs.woodgrove.example/metadata.xml"),
     "connections.partner-saml-metadata.metadata_url"),
])
def test_bad_enterprise_options_fail_with_their_key_path(tmp_path, edit, expected):
    message = B2bProject(tmp_path).problems(lambda data: edit(data["connections"]))
    assert expected in message, message
    assert "Traceback" not in message and "plain" not in message.replace("plain-text", ""), message


def test_a_misspelt_enterprise_option_suggests_the_right_one(tmp_path):
    message = B2bProject(tmp_path).problems(
        lambda data: data["connections"]["partner-saml"].update(sign_in_endpont="https://x.example"))
    assert "connections.partner-saml.sign_in_endpont" in message and "sign_in_endpoint" in message, message


def test_social_permissions_and_profile_options_are_planned(plan):
    connections = _connections(plan)
    facebook, github = connections["facebook"].inputs["options"], connections["github"].inputs["options"]
    assert facebook["scopes"] == ["email", "public_profile", "user_birthday"], connections["facebook"].urn
    assert facebook["nonPersistentAttrs"] == ["birthday"], connections["facebook"].urn
    assert facebook["setUserRootAttributes"] == "on_first_login", connections["facebook"].urn
    assert github["scopes"] == ["email", "read_user", "read_org"], connections["github"].urn
    assert connections["linkedin"].inputs["options"]["strategyVersion"] == 3, connections["linkedin"].urn
    google = connections["google-oauth2"]
    assert google.inputs["options"]["allowedAudiences"] == [
        "100000000002-acmeandroid.apps.googleusercontent.com"], google.urn


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda c: c["google-oauth2"].update(scopes=["email", "gmial"]),
     "connections.google-oauth2.scopes: 'gmial' is not a google-oauth2 permission Auth0 knows; did you mean 'gmail'?"),
    (lambda c: c["github"].update(scopes=["user:email"]), "connections.github.scopes: 'user:email' is not a github"),
    (lambda c: c["facebook"].update(strategy_version=2),
     "connections.facebook.strategy_version: strategy_version applies only to linkedin and windowslive"),
    (lambda c: c["github"].update(allowed_audiences=["x"]),
     "connections.github.allowed_audiences: allowed_audiences applies only to google-oauth2"),
    (lambda c: c["facebook"].update(set_user_root_attributes="always"),
     "connections.facebook.set_user_root_attributes"),
])
def test_bad_social_options_fail_with_their_key_path(tmp_path, edit, expected):
    message = B2bProject(tmp_path).problems(lambda data: edit(data["connections"]))
    assert expected in message, message
