"""`make import` of what Actions and enterprise applications share: Action modules, user attribute profiles,
token exchange profiles, an application's Okta Express Configuration, the MFA session and OTP settings, and a
client grant's organization settings.

Each value of the fixture export arrives in the plan's inputs unchanged or is in the report, with references
by name become references by key (and so the planned ids of the objects they name).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cli.import_tenant import run
from tests.conftest import dump_yaml, load_yaml
from tests.engine.shared_imports import shared_import, shared_plan

# The tests of the a0deploy fixture exports share one worker, so its imports and plans (tests/engine/shared_imports.py)
# are made once in the session.
pytestmark = pytest.mark.xdist_group("a0deploy-imports")

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "a0deploy"
CONFIGS = f"dev={FIXTURES}/configs/config.dev.json prod={FIXTURES}/configs/config.prod.json"
HOST = json.loads((FIXTURES / "configs" / "config.dev.json").read_text())["AUTH0_KEYWORD_REPLACE_MAPPINGS"]["APP_HOST"]
EXPORT = load_yaml((FIXTURES / "yaml" / "tenant.yaml").read_text())


@pytest.fixture(scope="module")
def imported():
    """The yaml fixture export imported with the fixture configs, and its dev plan (shared, read-only)."""
    into, report = shared_import("yaml")
    return into, report, shared_plan("yaml", "dev")


def only(plan, type_token: str):
    records = plan.of_type(type_token)
    assert len(records) == 1, f"{type_token}: expected one resource, got {[r.urn for r in records]}"
    return records[0]


def by_name(plan, type_token: str, name: str):
    found = [r for r in plan.of_type(type_token) if r.inputs.get("name") == name]
    assert found, f"{type_token} '{name}': not planned (planned: {[r.urn for r in plan.of_type(type_token)]})"
    return found[0]


def test_an_action_module_arrives_with_its_code_dependencies_and_secret_and_actions_use_it_by_key(imported):
    into, report, plan = imported
    exported = EXPORT["actionModules"][0]
    module = only(plan, "auth0:index/actionModule:ActionModule")
    code = (FIXTURES / "yaml" / exported["code"]).read_text()
    assert module.inputs["code"] == code, f"{module.urn}: code changed"
    assert (into / "assets" / "actions" / "modules" / "crm-helper.js").read_text() == code
    assert module.inputs["dependencies"] == exported["dependencies"], f"{module.urn}: dependencies"
    assert [s["name"] for s in module.inputs["secrets"]] == ["CRM_KEY"] and \
        module.inputs["secrets"][0]["value"] == "[secret]", f"{module.urn}: the secret must be a secret reference"
    assert "pulumi config set --secret crm_helper_crm_key <value> -s prod" in report
    action = by_name(plan, "auth0:index/action:Action", "Exchange legacy token")
    assert [m["moduleId"] for m in action.inputs["modules"]] == [f"{module.name}-id"], \
        f"{action.urn}: modules.0.module_name 'crm-helper' must become that module"
    assert "`actions.exchange-legacy-token.modules.0.module_version_number`" in report, "a pinned version"


def test_a_user_attribute_profile_arrives_attribute_by_attribute(imported):
    _into, _report, plan = imported
    exported = EXPORT["userAttributeProfiles"][0]
    profile = only(plan, "auth0:index/userAttributeProfile:UserAttributeProfile").inputs
    assert profile["name"] == exported["name"]
    user_id = exported["user_id"]
    assert profile["userId"] == {"oidcMapping": user_id["oidc_mapping"], "samlMappings": user_id["saml_mapping"],
                                 "scimMapping": user_id["scim_mapping"]}, "user_attribute_profiles.*.user_id"
    planned = profile["userAttributes"][0]
    email = exported["user_attributes"]["email"]
    assert planned["name"] == "email" and planned["auth0Mapping"] == email["auth0_mapping"]
    for field, camel in (("description", "description"), ("label", "label"), ("profile_required", "profileRequired"),
                         ("saml_mapping", "samlMappings"), ("scim_mapping", "scimMapping")):
        assert planned[camel] == email[field], f"user_attribute_profiles.*.user_attributes.email.{field}"
    assert planned["oidcMapping"] == {"mapping": "email", "displayName": "Email"}
    assert planned["strategyOverrides"] == [{"strategy": "waad", "oidcMapping": {"mapping": "upn"}}]


def test_a_token_exchange_profile_names_its_custom_token_exchange_action_by_key(imported):
    into, _report, plan = imported
    exported = EXPORT["tokenExchangeProfiles"][0]
    profile = only(plan, "auth0:index/tokenExchangeProfile:TokenExchangeProfile")
    action = by_name(plan, "auth0:index/action:Action", exported["action"])
    assert action.inputs["supportedTriggers"]["id"] == "custom-token-exchange"
    assert profile.inputs["actionId"] == f"{action.name}-id", f"{profile.urn}: action '{exported['action']}'"
    assert (profile.inputs["subjectTokenType"], profile.inputs["type"]) == (exported["subject_token_type"],
                                                                            exported["type"])
    blueprint = load_yaml((into / "tenant.yaml").read_text())
    assert blueprint["token_exchange_profiles"]["legacy-token-exchange"]["action"] == "exchange-legacy-token"


def test_express_configuration_names_its_profile_and_linked_clients_by_key(imported):
    into, report, plan = imported
    exported = next(c for c in EXPORT["clients"] if c.get("express_configuration"))["express_configuration"]
    client = by_name(plan, "auth0:index/client:Client", "Partner Portal")
    express = client.inputs["expressConfiguration"]
    profile = only(plan, "auth0:index/userAttributeProfile:UserAttributeProfile")
    assert express["userAttributeProfileId"] == f"{profile.name}-id", f"{client.urn}: the profile named by name"
    assert express["initiateLoginUriTemplate"] == exported["initiate_login_uri_template"].replace("##APP_HOST##", HOST)
    for field, camel in (("enable_client", "enableClient"), ("enable_organization", "enableOrganization"),
                         ("admin_login_domain", "adminLoginDomain")):
        assert express[camel] == exported[field], f"{client.urn}: express_configuration.{field}"
    blueprint = load_yaml((into / "tenant.yaml").read_text())
    assert blueprint["applications"]["partner-portal"]["express_configuration"]["linked_clients"] == ["shop-web"]
    for field in ("connection_profile_id", "okta_oin_client_id"):  # names in a0deploy, ids in Auth0
        assert f"`applications.partner-portal.express_configuration.{field}`" in report, f"{field} must be reported"


def test_the_mfa_session_and_otp_settings_arrive(imported):
    _into, _report, plan = imported
    guardian = only(plan, "auth0:index/guardian:Guardian").inputs
    for section, planned in (("guardianSettings", "settings"), ("guardianEmailFactorSettings", "emailSettings"),
                             ("guardianPhoneFactorSettings", "phoneSettings")):
        exported = {"".join(p.title() if i else p for i, p in enumerate(k.split("_"))): v
                    for k, v in EXPORT[section].items()}
        assert guardian[planned] == exported, f"{section} -> mfa: export {exported}, plan {guardian[planned]}"


def test_a_grant_for_organizations_keeps_its_organization_settings(tmp_path):
    export = tmp_path / "export"
    shutil.copytree(FIXTURES / "yaml", export)
    data = load_yaml((export / "tenant.yaml").read_text())
    data["clientGrants"][0].update(organization_usage="allow", allow_any_organization=True)
    (export / "tenant.yaml").write_text(dump_yaml(data, sort_keys=False))
    run(export, CONFIGS, tmp_path / "project")
    grant = data["clientGrants"][0]
    applications = load_yaml((tmp_path / "project" / "tenant.yaml").read_text())["applications"]
    grants = [g for app in applications.values() for g in (app.get("grants") or {}).values() if isinstance(g, dict)]
    assert grants == [{"scopes": grant["scope"], "organization_usage": "allow", "allow_any_organization": True}], \
        f"clientGrants.0: {grants}"


def test_a_profile_naming_an_action_the_export_lacks_is_a_warning_and_the_profile_is_left_out(tmp_path):
    export = tmp_path / "export"
    shutil.copytree(FIXTURES / "directory", export)
    profile = export / "token-exchange-profiles" / "Legacy token exchange.json"
    profile.write_text(json.dumps({**json.loads(profile.read_text()), "action": "Gone action"}))
    report = run(export, CONFIGS, tmp_path / "project")
    assert "refers to actions 'Gone action', which the export does not hold" in report
    blueprint = load_yaml((tmp_path / "project" / "tenant.yaml").read_text())
    assert "token_exchange_profiles" not in blueprint, "a profile without its Action cannot be planned"
