"""`make import` carries enterprise connections (SAML, OIDC, Okta, Entra ID, Google Workspace, AD) and organizations."""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path

import pytest

from cli.adopt.sections._enterprise import pem
from cli.import_tenant import run
from cli.offline import run_program
from tests.conftest import dump_yaml, load_yaml
from tests.engine.shared_imports import shared_import, shared_plan

# The tests of the a0deploy fixture exports share one worker, so its imports and plans (tests/engine/shared_imports.py)
# are made once in the session.
pytestmark = pytest.mark.xdist_group("a0deploy-imports")

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "a0deploy"
CONFIGS = f"dev={FIXTURES}/configs/config.dev.json prod={FIXTURES}/configs/config.prod.json"
OIDC_SECRET = "contoso-oidc-not-a-real-secret"
CONNECTION = "auth0:index/connection:Connection"


def imported(tmp_path: Path, export: Path | str, configs: str = CONFIGS) -> tuple[Path, str]:
    into = tmp_path / "project"
    report = run(export if isinstance(export, Path) else FIXTURES / export, configs, into)
    for name in ("Pulumi.yaml", "__main__.py"):
        shutil.copy(ROOT / name, into / name)
    return into, report


def exported(name: str) -> dict:
    return json.loads((FIXTURES / "directory" / "connections" / f"{name}.json").read_text())


def connection(plan, name: str):
    found = [r for r in plan.of_type(CONNECTION) if r.inputs.get("name") == name]
    assert found, f"{CONNECTION} {name}: not planned"
    return found[0]


@pytest.mark.parametrize("export", ["yaml", "directory"])
@pytest.mark.parametrize("stack", ["dev", "prod"])
def test_saml_connection_keeps_its_exported_values(export, stack):
    into, _ = shared_import(export)
    saml = connection(shared_plan(export, stack), "acme-saml")
    options, source = saml.inputs["options"], exported("acme-saml")["options"]
    assert saml.inputs["strategy"] == "samlp", saml.urn
    assert saml.inputs["displayName"] == "Acme SSO", saml.urn
    assert saml.inputs["showAsButton"] is False, f"{saml.urn}: show_as_button"
    assert base64.b64decode(options["signingCert"]) == base64.b64decode(source["signingCert"]), (
        f"{saml.urn}: signingCert")
    for field in ("signInEndpoint", "signOutEndpoint", "signatureAlgorithm", "digestAlgorithm", "protocolBinding",
                  "domain_aliases", "user_id_attribute"):
        planned = options.get({"domain_aliases": "domainAliases", "user_id_attribute": "userIdAttribute"}
                              .get(field, field))
        assert planned == source[field], f"{saml.urn}: options.{field}: export {source[field]!r}, plan {planned!r}"
    assert options["signSamlRequest"] is False, f"{saml.urn}: signSAMLRequest"
    assert json.loads(options["fieldsMap"]) == source["fieldsMap"], f"{saml.urn}: fieldsMap"
    cert_file = into / "assets" / "certificates" / "acme-saml.pem"
    assert cert_file.read_text().startswith("-----BEGIN CERTIFICATE-----\n"), f"{cert_file}: not a PEM file"


@pytest.mark.parametrize("export", ["yaml", "directory"])
def test_oidc_connection_keeps_its_values_and_its_secret_is_a_reference(export):
    into, report = shared_import(export)
    for stack in ("dev", "prod"):
        oidc = connection(shared_plan(export, stack), "contoso-oidc")
        options, source = oidc.inputs["options"], exported("contoso-oidc")["options"]
        assert oidc.inputs["strategy"] == "oidc", oidc.urn
        for field, planned in (("client_id", "clientId"), ("discovery_url", "discoveryUrl"), ("issuer", "issuer"),
                               ("type", "type"), ("domain_aliases", "domainAliases")):
            assert options.get(planned) == source[field], f"{oidc.urn}: options.{field}"
        assert options["scopes"] == source["scope"].split(), f"{oidc.urn}: options.scope"
        assert options.get("clientSecret") != OIDC_SECRET, f"{oidc.urn}: the secret value reached the plan"
    blueprint = load_yaml((into / "tenant.yaml").read_text())
    assert blueprint["connections"]["contoso-oidc"]["client_secret"] == {"secret": "contoso_oidc_client_secret"}
    assert "pulumi config set --secret contoso_oidc_client_secret <value> -s prod" in report
    for file in into.rglob("*"):
        if file.is_file() and file.suffix not in (".py",):
            assert OIDC_SECRET not in file.read_text(errors="replace"), f"{file}: holds the OIDC client secret"
    assert OIDC_SECRET not in report, "the report holds the OIDC client secret"


@pytest.mark.parametrize("export", ["yaml", "directory"])
def test_organization_keeps_branding_metadata_and_connections(export):
    _, report = shared_import(export)
    plan = shared_plan(export, "prod")
    (organization,) = plan.of_type("auth0:index/organization:Organization")
    assert organization.inputs["name"] == "acme", organization.urn
    assert organization.inputs["displayName"] == "Acme Corporation", organization.urn
    assert organization.inputs["branding"] == {"logoUrl": "https://static.acme.example/logo.png",
                                               "colors": {"primary": "#0059d6", "page_background": "#ffffff"}}, \
        f"{organization.urn}: branding"
    assert organization.inputs["metadata"] == {"tier": "gold", "region": "eu"}, f"{organization.urn}: metadata"
    (links,) = plan.of_type("auth0:index/organizationConnections:OrganizationConnections")
    by_connection = {c["connectionId"]: c for c in links.inputs["enabledConnections"]}
    saml = connection(plan, "acme-saml")
    database = connection(plan, "Username-Password-Authentication")
    assert by_connection[f"{saml.name}-id"] == {"connectionId": f"{saml.name}-id", "assignMembershipOnLogin": True,
                                                "showAsButton": True}, f"{links.urn}: acme-saml"
    assert by_connection[f"{database.name}-id"]["isSignupEnabled"] is False, f"{links.urn}: is_signup_enabled"
    assert len(by_connection) == 2, f"{links.urn}: a dangling connection reference was planned"
    assert "refers to connections 'Retired Connection'" in report, "a dangling reference must be a warning"
    assert "`organizations.acme.members`: user data" in report, "members must be reported as skipped"


@pytest.mark.parametrize("export", ["yaml", "directory"])
def test_report_no_longer_lists_them_as_left_out(export):
    _, report = shared_import(export)
    for name in ("acme-saml", "contoso-oidc"):
        assert f"`connections.{name}`:" not in report, f"connections.{name}: still reported whole"
    assert "`organizations`: not carried over" not in report, "organizations still skipped as a section"
    assert "`connections.acme-saml.options.debug`" in report, "an option with no field must be reported by path"
    assert "`connections.partner-saml`: a SAML connection without signingCert" in report


def test_both_formats_import_to_the_same_project():
    from_yaml, _ = shared_import("yaml")
    from_directory, _ = shared_import("directory")
    for name in ("assets/certificates/acme-saml.pem", "Pulumi.dev.yaml", "Pulumi.prod.yaml"):
        assert (from_yaml / name).read_text() == (from_directory / name).read_text(), f"{name}: formats differ"
    blueprints = [load_yaml((into / "tenant.yaml").read_text()) for into in (from_yaml, from_directory)]
    for section in ("connections", "organizations"):
        assert blueprints[0][section] == blueprints[1][section], f"tenant.yaml {section}: formats differ"


def test_other_enterprise_strategies_and_certificate_spellings(tmp_path):
    pem_text = (FIXTURES / "directory" / "connections" / "acme-saml.json").read_text()
    cert = pem(base64.b64decode(json.loads(pem_text)["options"]["signingCert"]).decode())
    der = base64.b64decode("".join(cert.splitlines()[1:-1]))
    export = {
        "clients": [{"name": "Portal", "app_type": "regular_web", "callbacks": ["https://portal.example/cb"]}],
        "connections": [
            {"name": "der-saml", "strategy": "samlp", "enabled_clients": ["Portal"],
             "options": {"signInEndpoint": "https://idp.der.example/sso", "signingCert": base64.b64encode(der).decode(),
                         "signSAMLRequest": True,
                         "signing_key": {"cert": cert, "key": "-----BEGIN PRIVATE KEY-----not-real"}}},
            {"name": "fabrikam", "strategy": "okta", "options": {
                "client_id": "0oa1", "client_secret": "##CONNECTIONS_OKTA_SECRET##", "domain": "fabrikam.okta.com"}},
            {"name": "northwind", "strategy": "waad", "options": {
                "client_id": "00000000-0000-0000-0000-000000000001", "client_secret": "_VALUE_NOT_SHOWN_",
                "tenant_domain": "northwind.example", "waad_protocol": "openid-connect", "api_enable_users": True,
                "max_groups_to_retrieve": "50", "identity_api": "microsoft-identity-platform-v2.0"}},
            {"name": "tailspin", "strategy": "google-apps", "options": {
                "client_id": "1-tailspin.apps.googleusercontent.com", "domain": "tailspin.example"}},
            {"name": "corp-ad", "strategy": "ad", "options": {"ips": ["10.0.0.0/8"], "kerberos": True,
                                                               "certAuth": False}},
        ],
        "organizations": [{"name": "northwind_traders", "connections": [{"connection_id": "northwind"}]}],
    }
    source = tmp_path / "export" / "tenant.yaml"
    source.parent.mkdir()
    source.write_text(dump_yaml(export))
    into, report = imported(tmp_path, source, f"dev={FIXTURES}/configs/config.dev.json")
    blueprint = load_yaml((into / "tenant.yaml").read_text())
    connections = blueprint["connections"]
    assert connections["der-saml"]["signing_key"]["key"] == {"secret": "der_saml_signing_key"}
    assert (into / connections["der-saml"]["signing_cert"]).read_text() == cert, "a DER certificate became another PEM"
    assert connections["fabrikam"]["client_secret"] == {"secret": "connections_okta_secret"}
    assert connections["northwind"]["max_groups_to_retrieve"] == 50
    assert connections["corp-ad"]["use_kerberos"] is True, "connections.corp-ad.options.kerberos"
    assert blueprint["organizations"]["northwind-traders"] == {"name": "northwind_traders",
                                                               "connections": {"northwind": {}}}
    assert "not-real" not in (into / "tenant.yaml").read_text() + report, "the SAML signing key was written"
    plan = run_program(into, "dev")
    strategies = sorted(r.inputs["strategy"] for r in plan.of_type(CONNECTION))
    assert strategies == ["ad", "google-apps", "okta", "samlp", "waad"], strategies


def test_a_saml_connection_with_only_a_metadata_url_is_carried(tmp_path):
    url = "https://adfs.woodgrove.example/FederationMetadata/2007-06/FederationMetadata.xml"
    export = {"connections": [{"name": "woodgrove", "strategy": "samlp", "options": {
        # Auth0 fills the endpoint in from the metadata; the export carries it alongside the URL.
        "metadataUrl": url, "signInEndpoint": "https://adfs.woodgrove.example/adfs/ls",
        "domain_aliases": ["woodgrove.example"], "debug": True}}]}
    source = tmp_path / "export" / "tenant.yaml"
    source.parent.mkdir()
    source.write_text(dump_yaml(export))
    into, report = imported(tmp_path, source, f"dev={FIXTURES}/configs/config.dev.json")
    woodgrove = load_yaml((into / "tenant.yaml").read_text())["connections"]["woodgrove"]
    assert woodgrove["metadata_url"] == url and "sign_in_endpoint" not in woodgrove, woodgrove
    assert "`connections.woodgrove`:" not in report, "connections.woodgrove: left out although it has metadataUrl"
    assert "`connections.woodgrove.options.debug`" in report, "an option with no field must still be reported"
    saml = connection(run_program(into, "dev"), "woodgrove")
    assert saml.inputs["options"]["metadataUrl"] == url, saml.urn


def test_social_permission_flags_and_profile_options_become_fields(tmp_path):
    export = {"clients": [{"name": "Portal", "app_type": "regular_web", "callbacks": ["https://portal.example/cb"]}],
              "connections": [
        {"name": "github", "strategy": "github", "enabled_clients": ["Portal"], "options": {
            "client_id": "Iv1.x", "client_secret": "##GITHUB_SECRET##", "email": True, "read_user": True,
            "read_org": True, "gist": False, "scope": ["user:email", "read:user", "read:org"],
            "set_user_root_attributes": "on_first_login"}},
        {"name": "facebook", "strategy": "facebook", "options": {
            "client_id": "1", "client_secret": "##FACEBOOK_SECRET##", "email": True, "public_profile": True,
            "user_birthday": False, "scope": "email,public_profile", "non_persistent_attrs": ["birthday"]}},
        {"name": "google-oauth2", "strategy": "google-oauth2", "options": {
            "client_id": "g", "client_secret": "##GOOGLE_SECRET##", "email": True, "profile": True, "gmail": True,
            "allowed_audiences": ["android.apps.googleusercontent.com"]}},
        {"name": "linkedin", "strategy": "linkedin", "options": {
            "client_id": "l", "client_secret": "##LINKEDIN_SECRET##", "strategy_version": 3, "email": True,
            "profile": True, "basic_profile": False}},
        {"name": "apple", "strategy": "apple", "options": {
            "client_id": "com.x.signin", "app_secret": "##APPLE_KEY##", "team_id": "TEAM123456", "kid": "KEY1",
            "name": True, "email": True}},
    ]}
    source = tmp_path / "export" / "tenant.yaml"
    source.parent.mkdir()
    source.write_text(dump_yaml(export))
    into, report = imported(tmp_path, source, f"dev={FIXTURES}/configs/config.dev.json")
    connections = load_yaml((into / "tenant.yaml").read_text())["connections"]
    assert connections["github"]["scopes"] == ["email", "read_user", "read_org"], "connections.github.scopes"
    assert connections["github"]["set_user_root_attributes"] == "on_first_login"
    assert connections["facebook"]["scopes"] == ["email", "public_profile"], "connections.facebook.scopes"
    assert connections["facebook"]["non_persistent_attrs"] == ["birthday"]
    assert connections["google-oauth2"]["scopes"] == ["email", "profile", "gmail"]
    assert connections["google-oauth2"]["allowed_audiences"] == ["android.apps.googleusercontent.com"]
    assert connections["linkedin"]["strategy_version"] == 3
    assert connections["linkedin"]["scopes"] == ["email", "profile"]
    assert connections["apple"]["client_secret"] == {"secret": "apple_key"} and connections["apple"]["key_id"] == "KEY1"
    for name in ("github", "facebook", "google-oauth2", "linkedin", "apple"):
        assert f"`connections.{name}.options." not in report, f"connections.{name}: options still reported\n{report}"
    plan = run_program(into, "dev")
    assert connection(plan, "github").inputs["options"]["scopes"] == ["email", "read_user", "read_org"]


def test_a_clients_express_configuration_is_reported_not_copied_in_its_api_shape(tmp_path):
    express = {"initiate_login_uri_template": "https://portal.example/login?org={organization_id}",
               "user_attribute_profile_id": "uap_1", "connection_profile_id": "cop_1", "enable_client": True,
               "enable_organization": True, "okta_oin_client_id": "oin1", "admin_login_domain": "login.example.com"}
    export = {"clients": [{"name": "Portal", "app_type": "regular_web", "organization_usage": "allow",
                           "callbacks": ["https://portal.example/cb"], "express_configuration": express}]}
    source = tmp_path / "export" / "tenant.yaml"
    source.parent.mkdir()
    source.write_text(dump_yaml(export))
    into, report = imported(tmp_path, source, f"dev={FIXTURES}/configs/config.dev.json")
    portal = load_yaml((into / "tenant.yaml").read_text())["applications"]["portal"]
    assert "express_configuration" not in portal, "applications.portal.express_configuration: copied as the API has it"
    assert "`applications.portal.express_configuration`" in report, report
    run_program(into, "dev")
