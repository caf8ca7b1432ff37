"""`make export`: the live tenant, read through auth0-python from a loopback Management API, becomes a project
and an import.json whose every URN the plan registers."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from auth0.management.core import http_client

from cli import export_tenant
from cli.adopt import live
from cli.offline import run_program
from tests.conftest import dump_yaml, load_yaml

ROOT = Path(__file__).resolve().parents[2]
TENANT = json.loads((ROOT / "tests" / "fixtures" / "management_api" / "tenant.json").read_text())
SECRETS = ("https://hooks.live.example/secret-path", "Bearer webhook-token",
           "real-client-secret-never-written", "another-real-secret", "real-google-secret", "SG.real-key-never-written",
           "test-deploy-secret", "live-partners-client-secret-value")
PER_PAGE = 2  # small pages, so every list is read across several
# One worker runs the module, so the shared export (the `exported` fixture) is made once.
pytestmark = pytest.mark.xdist_group("export_live_tenant")


class ManagementApi(BaseHTTPRequestHandler):
    """Responses shaped as the Management API documents them (offset pages with totals, checkpoint pages)."""

    requests: list[str] = []
    throttled = False

    def log_message(self, *args):  # keep pytest output clean
        pass

    def reply(self, status: int, body, headers: dict | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path == "/oauth/token":
            return self.reply(200, {"access_token": "test-token", "expires_in": 86400, "token_type": "Bearer"})
        self.reply(404, {"statusCode": 404})

    def offset(self, key: str, items: list, query: dict):
        page, per_page = int(query.get("page", ["0"])[0]), int(query.get("per_page", ["50"])[0])
        chunk = items[page * per_page:(page + 1) * per_page]
        return self.reply(200, {key: chunk, "start": page * per_page, "limit": per_page, "total": len(items)})

    def checkpoint(self, key: str, items: list, query: dict):
        start, take = int(query.get("from", ["0"])[0]), int(query.get("take", ["50"])[0])
        chunk = items[start:start + take]
        following = str(start + take) if start + take < len(items) else None
        return self.reply(200, {key: chunk, **({"next": following} if following else {})})

    def do_GET(self):
        url = urlsplit(self.path)
        path, query = url.path.removeprefix("/api/v2"), parse_qs(url.query)
        type(self).requests.append(path)
        if self.headers.get("Authorization") != "Bearer test-token":
            return self.reply(401, {"statusCode": 401})
        if path == "/clients" and not type(self).throttled:
            type(self).throttled = True
            return self.reply(429, {"statusCode": 429, "error": "Too Many Requests"}, {"Retry-After": "1"})
        parts = path.strip("/").split("/")
        routes = {
            "/tenants/settings": lambda: self.reply(200, TENANT["settings"]),
            "/clients": lambda: self.offset("clients", TENANT["clients"], query),
            "/resource-servers": lambda: self.offset("resource_servers", TENANT["resource_servers"], query),
            "/client-grants": lambda: self.checkpoint("client_grants", TENANT["client_grants"], query),
            "/roles": lambda: self.offset("roles", TENANT["roles"], query),
            "/connections": lambda: self.checkpoint("connections", TENANT["connections"], query),
            "/actions/actions": lambda: self.offset("actions", TENANT["actions"], query),
            "/emails/provider": lambda: self.reply(200, TENANT["email_provider"]),
            "/prompts": lambda: self.reply(200, TENANT["prompts"]),
            "/log-streams": lambda: self.reply(200, TENANT["log_streams"]),
            "/network-acls": lambda: self.offset("network_acls", TENANT["network_acls"], query),
            "/custom-domains": lambda: self.reply(200, TENANT["custom_domains"]),
            "/branding": lambda: self.reply(200, TENANT["branding"]),
            "/branding/templates/universal-login": lambda: self.reply(200, TENANT["universal_login_template"]),
            "/branding/themes/default": lambda: self.reply(200, TENANT["default_theme"]),
            "/branding/phone/providers": lambda: self.reply(200, TENANT["phone_providers"]),
            "/branding/phone/templates": lambda: self.reply(200, TENANT["phone_templates"]),
            "/guardian/factors": lambda: self.reply(200, TENANT["guardian_factors"]),
            "/guardian/policies": lambda: self.reply(200, TENANT["guardian_policies"]),
            "/guardian/factors/phone/message-types": lambda: self.reply(200, TENANT["guardian_message_types"]),
            "/guardian/factors/phone/selected-provider": lambda: self.reply(200, TENANT["guardian_selected_provider"]),
            "/organizations": lambda: self.checkpoint("organizations", TENANT["organizations"], query),
            "/event-streams": lambda: self.checkpoint("event_streams", TENANT["event_streams"], query),
            "/flows/vault/connections": lambda: self.offset("connections", TENANT["flow_vault_connections"], query),
            "/flows": lambda: self.offset("flows", TENANT["flows"], query),
            "/forms": lambda: self.offset("forms", TENANT["forms"], query),
            "/self-service-profiles": lambda: self.offset("self_service_profiles", TENANT["self_service_profiles"],
                                                          query),
            "/actions/modules": lambda: self.offset("modules", TENANT["action_modules"], query),
            "/user-attribute-profiles": lambda: self.checkpoint("user_attribute_profiles",
                                                                TENANT["user_attribute_profiles"], query),
            "/token-exchange-profiles": lambda: self.checkpoint("token_exchange_profiles",
                                                                TENANT["token_exchange_profiles"], query),
            "/guardian/settings": lambda: self.reply(200, TENANT["guardian_settings"]),
            "/guardian/factors/email/settings": lambda: self.reply(200, TENANT["guardian_email_settings"]),
            "/guardian/factors/phone/settings": lambda: self.reply(200, TENANT["guardian_phone_settings"]),
        }
        if path in routes:
            return routes[path]()
        if parts[0] == "roles" and parts[-1] == "permissions":
            return self.offset("permissions", TENANT["role_permissions"].get(parts[1], []), query)
        if parts[0] == "connections" and parts[-1] == "clients":
            clients = [{"client_id": c} for c in TENANT["connection_clients"].get(parts[1], [])]
            return self.checkpoint("clients", clients, query)
        if parts[:2] == ["actions", "triggers"]:
            return self.offset("bindings", TENANT["bindings"].get(parts[2], []), query)
        if parts[0] == "attack-protection" and parts[1] in TENANT["attack_protection"]:
            return self.reply(200, TENANT["attack_protection"][parts[1]])
        if parts[0] == "email-templates" and parts[1] in TENANT["email_templates"]:
            return self.reply(200, TENANT["email_templates"][parts[1]])
        if parts[0] == "prompts" and parts[2:3] == ["custom-text"]:  # {} when a prompt was never customised
            return self.reply(200, TENANT["prompt_custom_text"].get(f"{parts[1]}/{parts[3]}", {}))
        if parts[0] == "prompts" and parts[-1] == "partials":
            return self.reply(200, TENANT["prompt_partials"].get(parts[1], {}))
        if parts[0] == "organizations" and parts[-1] == "enabled_connections":
            return self.offset("enabled_connections", TENANT["organization_connections"].get(parts[1], []), query)
        if parts[0] == "organizations" and parts[-1] == "discovery-domains":
            return self.checkpoint("domains", TENANT["organization_discovery_domains"].get(parts[1], []), query)
        if parts[0] in ("flows", "forms") and len(parts) == 2:
            found = [f for f in TENANT[parts[0]] if f["id"] == parts[1]]
            if found:
                return self.reply(200, found[0])
        if parts[0] == "self-service-profiles" and parts[2:3] == ["custom-text"]:
            return self.reply(200, TENANT["self_service_profile_custom_text"].get(parts[1], {}))
        return self.reply(404, {"statusCode": 404, "error": "Not Found", "message": "not found"})


class Waits(list):
    """Stands in for the SDK's `time` module: each back-off wait is recorded instead of slept."""

    time = staticmethod(time.time)

    def sleep(self, seconds: float) -> None:
        self.append(seconds)


@contextlib.contextmanager
def loopback_api(patch: pytest.MonkeyPatch):
    server = ThreadingHTTPServer(("127.0.0.1", 0), ManagementApi)
    ManagementApi.requests, ManagementApi.throttled = [], False
    ManagementApi.waits = Waits()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    patch.setenv("CIAM_AUTH0_BASE_URL", f"http://127.0.0.1:{server.server_address[1]}")
    patch.setenv("AUTH0_CLIENT_SECRET", "test-deploy-secret")
    patch.delenv("AUTH0_CLIENT_ID", raising=False)
    patch.setattr(live, "PER_PAGE", PER_PAGE)
    patch.setattr(http_client, "time", ManagementApi.waits)
    try:
        yield ManagementApi
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def management_api(monkeypatch):
    with loopback_api(monkeypatch) as api:
        yield api


def new_project(root: Path) -> Path:
    for name in ("Pulumi.yaml", "__main__.py"):
        shutil.copy(ROOT / name, root / name)
    stack = {"config": {"ciam:stack": {"tenant_domain": "live-shop.eu.auth0.com", "environment": "development"},
                        "auth0:clientId": "deploy-client-id"}}
    (root / "Pulumi.live.yaml").write_text(dump_yaml(stack))
    return root


@dataclasses.dataclass
class Export:
    project: Path
    report: str
    requests: list[str]
    throttled: bool
    waits: list[float]
    stderr: str


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Export:
    """One `make export` of the loopback tenant into a new project, which the tests below read and never edit."""
    project = new_project(tmp_path_factory.mktemp("export"))
    stderr = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, loopback_api(patch) as api, contextlib.redirect_stderr(stderr):
        report = export_tenant.run("live", project)
    return Export(project, report, list(api.requests), api.throttled, list(api.waits), stderr.getvalue())


def test_export_reads_every_page_retries_429_and_writes_no_secret(exported):
    project, report = exported.project, exported.report
    assert exported.throttled, "the loopback server never throttled"
    assert exported.waits == [1], "the 429's Retry-After (1 s) is waited for, once"
    assert exported.requests.count("/clients") >= 3, "clients must be read page by page after the 429"
    blueprint = load_yaml((project / "tenant.yaml").read_text())
    assert set(blueprint["applications"]) == {"live-web", "live-job", "live-app", "live-partners"}, \
        "every page of clients"
    assert blueprint["connections"]["username-password-authentication"]["enabled_applications"] == ["live-web",
                                                                                                    "live-app"]
    assert blueprint["applications"]["live-job"]["grants"] == {"live-orders": {
        "scopes": ["read:orders"], "organization_usage": "allow", "allow_any_organization": True}}, \
        "a grant organizations use keeps its organization settings"
    assert blueprint["prompts"] == {"universal_login_experience": "new", "identifier_first": True}
    assert blueprint["custom_domain"]["domain"] == "login.live.example"
    assert blueprint["custom_domains"] == {"partners-live-example": {
        "domain": "partners.live.example", "type": "self_managed_certs", "custom_client_ip_header": "cf-connecting-ip",
        "domain_metadata": {"audience": "partners"}, "verify": True, "default": True}}, blueprint["custom_domains"]
    # Auth0 reads link settings back on every template; where it never uses them they stay out (and are reported)
    assert blueprint["email_templates"]["mfa_oob_code"] == {
        "body": "assets/emails/mfa_oob_code.html", "subject": "Your code", "enabled": True, "syntax": "liquid"}
    assert "email_templates.mfa_oob_code.includeEmailInRedirect" in report, "a dropped setting must be reported"
    assert blueprint["attack_protection"]["suspicious_ip_throttling"]["pre_login"] == {"max_attempts": 100,
                                                                                      "rate": 864000}
    assert blueprint["attack_protection"]["breached_password_detection"]["pre_user_registration_shields"] == [
        "block"]
    for file in project.rglob("*"):
        if file.is_file():
            text = file.read_text()
            for secret in SECRETS:
                assert secret not in text, f"{file}: holds a secret value"
    assert "a secret value at connections.google-oauth2.options.client_secret" in report
    assert "`organization client grants" in report, "what the export skips must be named"
    assert "reading applications" in exported.stderr, "progress goes to stderr"


def test_every_urn_in_import_json_is_registered_by_the_plan(exported):
    project = exported.project
    document = json.loads((project / "import.json").read_text())
    plan = run_program(project, "live")
    planned = {r.urn for r in plan.resources}
    table = document["nameTable"]
    for name, urn in table.items():
        assert urn in planned, f"nameTable {name}: {urn} is not in the plan"
    by_name = {r.name: r for r in plan.resources}
    named = set()
    for entry in document["resources"]:
        parent = table[entry["parent"]]
        urn = f"{parent.rsplit('::', 1)[0]}${entry['type']}::{entry['name']}"
        assert urn in planned, f"{urn} is in import.json but not in the plan"
        assert entry["provider"] in table, f"{urn}: provider {entry['provider']} not in the nameTable"
        named.add(urn)
    ids = {e["name"]: e["id"] for e in document["resources"]}
    assert ids["ciam-applications-live-web"] == "cLiEnTwEb0001"
    assert ids["ciam-connections-google-oauth2"] == "con_0000000000000002"
    assert ids["ciam-roles-order-reader"] == "rol_0000000000000001"
    assert ids["ciam-apis-live-orders"] == "5f0000000000000000000002"
    assert ids["ciam-log-streams-security-webhook"] == "lst_0000000000000001"
    assert ids["ciam-firewall-block-bad-networks"] == "acl_0000000000000001"
    assert ids["ciam-custom-domain-domain"] == "cd_0000000000000001"
    for resource in ("domain", "verification", "default"):  # the second domain, the tenant's default
        assert ids[f"ciam-custom-domain-partners-live-example-{resource}"] == "cd_0000000000000002", resource
    auth0_urns = {r.urn for r in plan.resources if r.type.startswith("auth0:")}
    assert auth0_urns == named, f"registered but not imported: {sorted(auth0_urns - named)}"
    assert by_name["ciam-tenant-settings"].urn in named
    assert ids["ciam-organizations-acme"] == ids["ciam-organizations-acme-connections"] == "org_0000000000000001"
    assert ids["ciam-organizations-acme-discovery-domains"] == "org_0000000000000001"
    assert ids["ciam-forms-form-progressive-profile"] == "ap_0000000000000001"
    assert ids["ciam-forms-flow-sync-profile-to-crm"] == "af_0000000000000001"
    assert ids["ciam-forms-vault-crm-api"] == "ac_0000000000000001"
    assert ids["ciam-self-service-sso-partner-sso"] == "ssp_0000000000000001"
    assert ids["ciam-self-service-sso-partner-sso-text-en-get-started"] == "ssp_0000000000000001::en::get-started"
    assert ids["ciam-phone-provider"] == "pro_0000000000000001"
    assert ids["ciam-branding-theme"] == "thm_0000000000000001"
    assert ids["ciam-prompt-texts-login-id-en"] == "login-id::en"
    assert ids["ciam-prompt-partials-login-id"] == "login-id"
    assert ids["ciam-event-streams-analytics"] == "est_0000000000000002"
    assert ids["ciam-phone-otp-verify"] == "tem_0000000000000001"
    assert ids["ciam-action-modules-crm-helper"] == "mod_0000000000000001"
    assert ids["ciam-user-attribute-profiles-partner-attributes"] == "uap_0000000000000001"
    assert ids["ciam-token-exchange-profiles-partner-token-exchange"] == "tep_0000000000000001"


def test_export_reads_the_sign_in_experience_and_the_b2b_sections(exported):
    project, report = exported.project, exported.report
    blueprint = load_yaml((project / "tenant.yaml").read_text())
    text = json.loads((project / blueprint["prompt_texts"]["login-id"]["en"]).read_text())
    assert text == TENANT["prompt_custom_text"]["login-id/en"], "prompt_texts.login-id.en: texts changed"
    partial = blueprint["prompt_partials"]["login-id"]["login-id"]["form_content_end"]
    assert (project / partial).read_text() == TENANT["prompt_partials"]["login-id"]["login-id"]["form-content-end"]
    branding = blueprint["branding"]
    assert {k: branding[k] for k in TENANT["branding"]} == TENANT["branding"], "branding: values changed"
    assert (project / branding["page_template"]).read_text() == TENANT["universal_login_template"]["body"]
    theme = TENANT["default_theme"]
    assert branding["theme"]["colors"] == theme["colors"], "branding.theme.colors: values changed"
    assert branding["theme"]["borders"] == theme["borders"], "branding.theme.borders: 3, not the SDK's 3.0"
    assert blueprint["tenant"]["session_lifetime"] == 72 and "session_lifetime: 72\n" in (
        project / "tenant.yaml").read_text(), "tenant.session_lifetime: a whole number stays one"
    assert "widget.logo_url" not in report, "an empty theme URL is Auth0's unset, not a value to report"
    assert blueprint["mfa"] == {"policy": "all-applications", "otp": True, "email": False, "recovery_code": True,
                                "webauthn_roaming": {"enabled": True}, "webauthn_platform": {"enabled": False},
                                "phone": {"message_types": ["sms"]}, "settings": TENANT["guardian_settings"],
                                "email_settings": TENANT["guardian_email_settings"],
                                "phone_settings": TENANT["guardian_phone_settings"]}
    templates = {t["type"]: t for t in TENANT["phone_templates"]["templates"]}
    assert blueprint["phone_templates"] == {
        kind: {"content": {"body": template["content"]["body"]}} for kind, template in templates.items()}, \
        "phone_templates: each template's SMS and voice text, as the tenant has them"
    assert blueprint["phone_provider"]["credentials"] == {"auth_token": {"secret": "phone_provider_auth_token"}}
    acme = blueprint["organizations"]["acme"]
    assert acme["connections"] == {
        "username-password-authentication": {"assign_membership_on_login": False, "show_as_button": True,
                                             "is_signup_enabled": False},
        "google-oauth2": {"assign_membership_on_login": True, "show_as_button": True}}, "by connection key"
    assert acme["discovery_domains"] == {"acme.example": {"status": "verified", "use_for_organization_discovery": True}}
    assert set(blueprint["organizations"]) == {"acme", "globex", "initech"}, "every page of organizations"
    flow = json.loads((project / blueprint["flows"]["sync-profile-to-crm"]["actions"]).read_text())
    assert flow[0]["params"]["connection_id"] == "{{ciam.vault_connection.crm-api}}", "a vault id became its key"
    nodes = json.loads((project / blueprint["forms"]["progressive-profile"]["nodes"]).read_text())
    assert nodes[0]["config"]["flow_id"] == "{{ciam.flow.sync-profile-to-crm}}", "a flow id became its key"
    protection = blueprint["attack_protection"]
    bot_detection = TENANT["attack_protection"]["bot-detection"]
    assert protection["bot_detection"] == bot_detection, "attack_protection.bot_detection"
    assert protection["captcha"] == {"provider": "recaptcha_v2", "site_key": "6Lc-live-site-key",
                                     "secret": {"secret": "captcha_recaptcha_v2_secret"}}, "attack_protection.captcha"
    streams = blueprint["event_streams"]
    assert streams["crm-user-events"]["webhook"] == {
        "endpoint": "https://crm.live.example/hooks/auth0",
        "authorization": {"method": "bearer", "token": {"secret": "crm_user_events_token"}}}, "a secret, never returned"
    assert streams["support-webhook"]["webhook"]["authorization"] == {
        "method": "basic", "username": "auth0", "password": {"secret": "support_webhook_password"}}
    assert streams["analytics"]["eventbridge"] == {"aws_account_id": "123456789012", "aws_region": "eu-west-1"}
    profile = blueprint["self_service_sso_profiles"]["partner-sso"]
    assert profile["custom_text"] == {"en": {"get-started": TENANT["self_service_profile_custom_text"][
        "ssp_0000000000000001"]}}


def test_export_reads_action_modules_and_the_profiles_with_their_references_as_keys(exported):
    project, report = exported.project, exported.report
    blueprint = load_yaml((project / "tenant.yaml").read_text())
    module = TENANT["action_modules"][0]
    assert blueprint["action_modules"] == {"crm-helper": {
        "code": "assets/actions/modules/crm-helper.js", "dependencies": {"axios": "1.7.9"},
        "secrets": {"CRM_KEY": {"secret": "crm_helper_crm_key"}}}}, "action_modules.crm-helper"
    assert (project / "assets/actions/modules/crm-helper.js").read_text() == module["code"]
    assert blueprint["actions"]["exchange-partner-token"]["modules"] == ["crm-helper"], "an Action's module by key"
    assert "`actions.exchange-partner-token.modules.0.module_version_number`" in report
    profile = TENANT["user_attribute_profiles"][0]
    assert blueprint["user_attribute_profiles"]["partner-attributes"] == {
        "name": profile["name"], "user_id": profile["user_id"], "user_attributes": profile["user_attributes"]}
    assert blueprint["token_exchange_profiles"] == {"partner-token-exchange": {
        "name": "Partner token exchange", "subject_token_type": "urn:live:partner-token",
        "action": "exchange-partner-token"}}, "the profile's action_id became the Action's key"
    express = blueprint["applications"]["live-partners"]["express_configuration"]
    assert express["user_attribute_profile"] == "partner-attributes", "the profile's id became its key"
    assert express["linked_clients"] == ["live-web"], "a linked client's client_id became its key"
    assert express["connection_profile_id"] == "cop_0000000000000001"
    assert "`applications.live-partners.express_configuration.connection_profile_id`" in report


def test_export_needs_only_read_scopes_that_the_deploy_application_has():
    from cli.scopes import EXPORT_SCOPES, SCOPES_BY_TYPE

    deploy = {scope for scopes, _ in SCOPES_BY_TYPE.values() for scope in scopes}
    assert all(scope.startswith("read:") for scope in EXPORT_SCOPES), "make export must only read"
    assert set(EXPORT_SCOPES) <= deploy, f"not in the deploy set: {sorted(set(EXPORT_SCOPES) - deploy)}"


def test_make_scopes_lists_the_export_scopes(capsys):
    from cli.scopes import EXPORT_SCOPES, main

    main(["--export"])
    assert set(capsys.readouterr().out.split()) == set(EXPORT_SCOPES)


def test_import_with_credentials_looks_the_ids_up_by_name(management_api, tmp_path, monkeypatch):
    from cli.import_tenant import run as import_run

    fixtures = ROOT / "tests" / "fixtures" / "a0deploy"
    renamed = json.loads(json.dumps(TENANT))
    renamed["clients"][1]["name"] = "Shop Web"  # the live tenant holds the export's application
    monkeypatch.setitem(globals(), "TENANT", renamed)
    monkeypatch.setenv("AUTH0_CLIENT_ID", "deploy-client-id")
    into = tmp_path / "project"
    into.mkdir()
    for name in ("Pulumi.yaml", "__main__.py"):
        shutil.copy(ROOT / name, into / name)
    report = import_run(fixtures / "yaml", f"dev={fixtures}/configs/config.dev.json", into, ids_from="dev")
    document = json.loads((into / "import.json").read_text())
    ids = {e["name"]: e["id"] for e in document["resources"]}
    assert ids.get("ciam-applications-shop-web") == "cLiEnTwEb0001", "looked up by name in the live tenant"
    assert "ciam-applications-order-sync" not in ids, "an object the tenant does not hold is not imported"
    assert "ciam-applications-order-sync: no object in the live tenant" in (into / "import-report.md").read_text()
    assert report


@pytest.mark.parametrize(("written", "expected"), [
    (None, "Pulumi.live.yaml: file not found; the stack file names the tenant"),
    (b"config:\n  ciam:stack: {tenant_domain: [\n", "Pulumi.live.yaml:3: invalid YAML: "),
    (b"config: [auth0:domain]\n", "Pulumi.live.yaml:1: config: expected a mapping of `namespace:key` names to values"),
    (b"- config\n", "Pulumi.live.yaml: expected a stack file (a mapping with config:) at the top level; got a list"),
    (b"config:\n  ciam:stack: {environment: production}\n",
     "Pulumi.live.yaml: config.ciam:stack.tenant_domain: missing: the tenant to read"),
])
def test_export_names_what_is_wrong_with_the_stack_file_before_it_reads_anything(tmp_path, capsys, written, expected):
    if written is not None:
        (tmp_path / "Pulumi.live.yaml").write_bytes(written)
    assert export_tenant.main(["--stack", "live", "--into", str(tmp_path)]) == 1
    assert capsys.readouterr().err.startswith(expected)
    assert sorted(p.name for p in tmp_path.iterdir()) == ([] if written is None else ["Pulumi.live.yaml"])
