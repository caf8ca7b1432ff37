"""`make import`: auth0-deploy-cli exports (YAML and directory) become a project that plans for every stack."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from cli.adopt.errors import ImportFailed
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
SECRET_VALUES = ("SG.dev-not-a-real-key", "SG.prod-not-a-real-key", "legacy-dev-key-value", "legacy-prod-key-value")


def imported(tmp_path: Path, export: str) -> tuple[Path, str]:
    into = tmp_path / "project"
    report = run(FIXTURES / export, CONFIGS, into)
    for name in ("Pulumi.yaml", "__main__.py"):
        shutil.copy(ROOT / name, into / name)
    return into, report


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def replace_keywords(value, mappings: dict):
    if isinstance(value, str):
        whole = re.fullmatch(r"@@(\w+)@@", value)
        if whole:
            return mappings[whole.group(1)]
        return re.sub(r"##(\w+)##", lambda m: str(mappings[m.group(1)]), value)
    if isinstance(value, list):
        return [replace_keywords(v, mappings) for v in value]
    if isinstance(value, dict):
        return {k: replace_keywords(v, mappings) for k, v in value.items()}
    return value


@pytest.mark.parametrize("export", ["yaml", "directory"])
def test_an_export_plans_for_every_stack_and_writes_no_secret(export):
    into, report = shared_import(export)
    for stack in ("dev", "prod"):
        plan = shared_plan(export, stack)
        assert plan.of_type("auth0:index/client:Client"), f"{stack}: no application was planned"
    for file in [*into.rglob("*.yaml"), *into.rglob("*.md"), *into.rglob("*.js"), *into.rglob("*.html")]:
        text = file.read_text()
        for value in SECRET_VALUES:
            assert value not in text, f"{file}: holds the secret value {value}"
    assert "pulumi config set --secret sendgrid_api_key <value> -s prod" in report
    assert "`rules`: Auth0 retired Rules" in report
    assert "connections.partner-saml" in report, "an enterprise connection must be reported, not dropped"
    assert "Deleted App" in report, "a dangling reference must be a warning"


def test_whole_value_keyword_keeps_its_type():
    into, _ = shared_import("yaml")
    stack = load_yaml((into / "Pulumi.dev.yaml").read_text())
    assert stack["config"]["ciam:vars"]["sync_origins"] == ["https://sync.dev.shop.example"]
    assert stack["config"]["ciam:stack"] == {"tenant_domain": "shop-dev.eu.auth0.com", "environment": "development"}
    assert "sendgrid_api_key" not in stack["config"]["ciam:vars"], "a secret keyword became a plain var"


def test_keywords_in_action_code_become_its_config():
    plan = shared_plan("yaml", "prod")
    (action,) = [a for a in plan.of_type("auth0:index/action:Action") if a.inputs["name"] == "Add roles"]
    assert "##" not in action.inputs["code"], f"{action.urn}: a keyword is left in the code"
    assert '"app_host": "shop.example"' in action.inputs["code"], f"{action.urn}: keyword value not in CONFIG"


def test_round_trip_carries_every_expressed_value_into_the_plan():
    """Walk the export and the plan side by side: a value is carried, reported, or listed here as lost."""
    _, report = shared_import("yaml")
    export = load_yaml((FIXTURES / "yaml" / "tenant.yaml").read_text())
    mappings = json.loads((FIXTURES / "configs" / "config.dev.json").read_text())["AUTH0_KEYWORD_REPLACE_MAPPINGS"]
    plan = shared_plan("yaml", "dev")
    by_name = {(r.type, r.inputs.get("name")): r for r in plan.resources}
    lost = []
    sections = {"clients": "auth0:index/client:Client",
                "resourceServers": "auth0:index/resourceServer:ResourceServer"}
    for section, type_token in sections.items():
        for obj in export[section]:
            record = by_name.get((type_token, obj["name"]))
            if record is None:
                lost.append(f"{section}.{obj['name']}: not planned")
                continue
            for field, value in obj.items():
                if field == "scopes":
                    continue  # ResourceServerScopes owns them
                planned = record.inputs.get(camel(field))
                if field == "token_endpoint_auth_method":  # ClientCredentials owns it
                    credentials = [r for r in plan.of_type("auth0:index/clientCredentials:ClientCredentials")
                                   if r.name == f"{record.name}-credentials"]
                    planned = credentials[0].inputs.get("authenticationMethod") if credentials else None
                expected = replace_keywords(value, mappings)
                if field == "express_configuration":  # references by name become the planned objects' ids
                    profile = by_name[("auth0:index/userAttributeProfile:UserAttributeProfile",
                                       expected["user_attribute_profile_id"])]
                    expected = {**expected, "user_attribute_profile_id": f"{profile.name}-id",
                                "linked_clients": [{"clientId": "[computed]"}] * len(expected["linked_clients"])}
                if isinstance(expected, dict):
                    planned = {k: v for k, v in (planned or {}).items()}
                    expected = {camel(k): v for k, v in expected.items()}
                if planned != expected and f".{field}`" not in report:
                    lost.append(f"{record.urn}: {field}: export {expected!r}, plan {planned!r}")
    assert not lost, "values lost or changed on the way into the plan:\n" + "\n".join(lost)


def test_refuses_to_overwrite_without_force(tmp_path):
    into, _ = imported(tmp_path, "yaml")
    before = (into / "tenant.yaml").read_text()
    with pytest.raises(ImportFailed) as caught:
        run(FIXTURES / "yaml", CONFIGS, into)
    assert "FORCE=1" in str(caught.value)
    run(FIXTURES / "yaml", CONFIGS, into, force=True)
    assert (into / "tenant.yaml").read_text() == before, "the same export must import byte-identically"


def bad_export(tmp_path: Path, edit) -> Path:
    export = tmp_path / "export"
    shutil.copytree(FIXTURES / "yaml", export)
    data = load_yaml((export / "tenant.yaml").read_text())
    edit(data)
    (export / "tenant.yaml").write_text(dump_yaml(data))
    return export


def assert_fails(tmp_path: Path, source: Path, configs: str, *expected: str) -> None:
    into = tmp_path / "out"
    with pytest.raises(ImportFailed) as caught:
        run(source, configs, into)
    message = str(caught.value)
    assert len(message.splitlines()) == 1, f"expected one line, got: {message}"
    for part in expected:
        assert part in message, f"{part!r} not in: {message}"
    assert not into.exists() or not any(into.iterdir()), "an error must write nothing"


def test_missing_export(tmp_path):
    assert_fails(tmp_path, tmp_path / "nowhere", CONFIGS, "nowhere", "file not found")


def test_missing_config(tmp_path):
    assert_fails(tmp_path, FIXTURES / "yaml", "dev=/nonexistent/config.json", "config.json", "file not found")


def test_invalid_yaml(tmp_path):
    export = tmp_path / "export"
    shutil.copytree(FIXTURES / "yaml", export)
    (export / "tenant.yaml").write_text("clients: [\n  - name: x\n")
    assert_fails(tmp_path, export, CONFIGS, "tenant.yaml", "invalid YAML")


def _repeat_line(text: str, pattern: str) -> tuple[str, int, str]:
    """The text with the first line matching `pattern` written twice; the repeat's line number and its key."""
    lines = text.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if re.match(pattern, line))
    key = lines[index].split(":")[0].strip(" -")
    return "".join([*lines[:index + 1], lines[index], *lines[index + 1:]]), index + 2, key


# auth0-deploy-cli's own reader (js-yaml) refuses a repeated key; plain YAML would silently keep the last value,
# a whole section or a setting dropped from the import without a word.
@pytest.mark.parametrize("pattern", [r"^\w+:\s*$", r"^    \w+: \S"], ids=["a section", "a nested setting"])
def test_a_repeated_key_in_a_yaml_export_is_refused_with_its_line(tmp_path, pattern):
    export = tmp_path / "export"
    shutil.copytree(FIXTURES / "yaml", export)
    text, line, key = _repeat_line((export / "tenant.yaml").read_text(), pattern)
    (export / "tenant.yaml").write_text(text)
    assert_fails(tmp_path, export, CONFIGS, "tenant.yaml", f"invalid YAML (line {line}): duplicate key '{key}'")


def test_invalid_json(tmp_path):
    export = tmp_path / "export"
    shutil.copytree(FIXTURES / "directory", export)
    (export / "clients" / "Shop Web.json").write_text("{ not json")
    assert_fails(tmp_path, export, CONFIGS, "Shop Web.json", "invalid JSON")


def test_unknown_section(tmp_path):
    export = bad_export(tmp_path, lambda d: d.update(clientz=[]))
    assert_fails(tmp_path, export, CONFIGS, "tenant.yaml", "clientz", "unknown a0deploy section",
                 "did you mean 'clients'?")


def test_a_key_thousands_of_characters_long_is_cut_short_in_the_one_line(tmp_path):
    export = bad_export(tmp_path, lambda d: d.update({"prompts" * 400: []}))
    assert_fails(tmp_path, export, CONFIGS, "tenant.yaml: promptsprompts", "unknown a0deploy section")
    with pytest.raises(ImportFailed) as caught:
        run(export, CONFIGS, tmp_path / "again")
    assert len(str(caught.value)) <= 300, f"a line of {len(str(caught.value))} characters"


def test_keyword_without_mapping_in_one_config(tmp_path):
    config = tmp_path / "config.qa.json"
    data = json.loads((FIXTURES / "configs" / "config.dev.json").read_text())
    del data["AUTH0_KEYWORD_REPLACE_MAPPINGS"]["APP_HOST"]
    config.write_text(json.dumps(data))
    assert_fails(tmp_path, FIXTURES / "yaml", f"{CONFIGS} qa={config}",
                 "config.qa.json", "AUTH0_KEYWORD_REPLACE_MAPPINGS.APP_HOST", "no mapping")


def test_two_names_with_the_same_key(tmp_path):
    export = bad_export(tmp_path, lambda d: d["clients"].append({"name": "shop web", "app_type": "spa"}))
    assert_fails(tmp_path, export, CONFIGS, "tenant.yaml", "'shop web'", "'Shop Web'", "shop-web")


def test_strict_makes_a_dangling_reference_an_error(tmp_path):
    with pytest.raises(ImportFailed) as caught:
        run(FIXTURES / "yaml", CONFIGS, tmp_path / "out", strict=True)
    assert "Deleted App" in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_a_keyword_in_html_with_one_value_everywhere_is_replaced():
    (template,) = shared_plan("directory", "prod").of_type("auth0:index/emailTemplate:EmailTemplate")
    assert "for Shop." in template.inputs["body"], f"{template.urn}: BRAND_NAME (the same in every config) kept"


def configs() -> dict[str, dict]:
    return {stack: json.loads((FIXTURES / "configs" / f"config.{stack}.json").read_text())[
        "AUTH0_KEYWORD_REPLACE_MAPPINGS"] for stack in ("dev", "prod")}


@pytest.mark.parametrize("export", ["yaml", "directory"])
def test_a_keyword_that_differs_per_stack_in_html_and_json_reaches_each_stacks_plan(export):
    into, report = shared_import(export)
    assert "inside the file differs per stack" not in report, report
    assert "{{ ciam.vars.support_email }}" in (into / "assets/pages/error.html").read_text()
    mappings = configs()
    assert mappings["dev"]["SUPPORT_EMAIL"] != mappings["prod"]["SUPPORT_EMAIL"]
    for stack, values in mappings.items():
        plan = shared_plan(export, stack)
        (tenant,) = plan.of_type("auth0:index/tenant:Tenant")
        html = tenant.inputs["errorPage"]["html"]
        assert f"Contact {values['SUPPORT_EMAIL']}." in html, f"{tenant.urn}: {html}"
        if export == "directory":
            (flow,) = plan.of_type("auth0:index/flow:Flow")
            url = f"https://crm.{values['APP_HOST']}/api/profiles"
            assert url in flow.inputs["actions"], f"{flow.urn}: {flow.inputs['actions']}"
            assert "ciam.vars" not in flow.inputs["actions"], flow.urn


def test_a_secret_keyword_in_html_stays_reported(tmp_path):
    export = tmp_path / "export"
    shutil.copytree(FIXTURES / "yaml", export)
    page = export / "pages/error_page.html"
    page.write_text(page.read_text().replace("##SUPPORT_EMAIL##", "##SENDGRID_API_KEY##"))
    report = run(export, CONFIGS, tmp_path / "project")
    assert "`pages.error_page.html`: keyword SENDGRID_API_KEY" in report, report
    written = (tmp_path / "project/assets/pages/error.html").read_text()
    assert "##SENDGRID_API_KEY##" in written and "ciam.vars" not in written, written


def test_round_trip_of_tenant_connections_grants_roles_and_templates():
    """The same walk for the sections whose shape changes on the way (options flattened, references by key)."""
    _, report = shared_import("yaml")
    export = load_yaml((FIXTURES / "yaml" / "tenant.yaml").read_text())
    mappings = json.loads((FIXTURES / "configs" / "config.dev.json").read_text())["AUTH0_KEYWORD_REPLACE_MAPPINGS"]
    plan = shared_plan("yaml", "dev")
    lost = []

    def reported(where: str) -> bool:
        parts = where.split(".")
        return any(f"`{'.'.join(parts[:n])}`" in report for n in range(1, len(parts) + 1))

    def compare(where: str, expected, planned) -> None:
        expected = replace_keywords(expected, mappings)
        if expected != planned and not reported(where):
            lost.append(f"{where}: export {expected!r}, plan {planned!r}")

    (tenant,) = plan.of_type("auth0:index/tenant:Tenant")
    for field, value in export["tenant"].items():
        if isinstance(value, dict):
            for inner, inner_value in value.items():
                compare(f"tenant.{field}.{inner}", inner_value, (tenant.inputs.get(camel(field)) or {}).get(
                    camel(inner)))
        else:
            compare(f"tenant.{field}", value, tenant.inputs.get(camel(field)))

    connections = {r.inputs["name"]: r for r in plan.of_type("auth0:index/connection:Connection")}
    for database in export["databases"]:
        options = connections[database["name"]].inputs["options"]
        for field, value in database["options"].items():
            key = f"connections.{database['name'].lower()}.options.{field}"
            if field in ("customScripts", "configuration", "enabledDatabaseCustomization", "import_mode"):
                continue  # scripts become files, configuration secrets; checked below
            planned = options.get(camel(field)) if field != "password_history" else options["passwordHistories"][0]
            if field == "password_dictionary":
                value = {"enable": value["enable"], "dictionaries": value["dictionary"]}
            if isinstance(value, dict):
                value = {camel(k): v for k, v in value.items()}
            compare(key, value, planned)
        for script, path in (database["options"].get("customScripts") or {}).items():
            compare(f"{database['name']}.customScripts.{script}", (FIXTURES / "yaml" / path).read_text(),
                    options["customScripts"].get(script))

    grants = {(g.inputs["audience"], tuple(g.inputs["scopes"])) for g in plan.of_type(
        "auth0:index/clientGrant:ClientGrant")}
    for index, grant in enumerate(export["clientGrants"]):
        if (grant["audience"], tuple(grant["scope"])) not in grants and f"clientGrants.{index}" not in report \
                and grant["client_id"] not in report:
            lost.append(f"clientGrants.{index}: {grant} not planned")

    (permissions,) = plan.of_type("auth0:index/rolePermissions:RolePermissions")
    for role in export["roles"]:
        compare(f"roles.{role['name']}.permissions",
                [{"name": p["permission_name"], "resourceServerIdentifier": p["resource_server_identifier"]}
                 for p in role["permissions"]], permissions.inputs["permissions"])

    templates = {t.inputs["template"]: t for t in plan.of_type("auth0:index/emailTemplate:EmailTemplate")}
    for template in export["emailTemplates"]:
        planned = templates[template["template"]].inputs
        for field, value in template.items():
            if field == "body":
                value = replace_keywords((FIXTURES / "yaml" / value).read_text(), mappings)
            compare(f"email_templates.{template['template']}.{field}", value, planned.get(field))
    assert not lost, "values lost or changed on the way into the plan:\n" + "\n".join(lost)


def test_a_rejected_identity_field_leaves_the_whole_object_out(tmp_path):
    """A connection whose name the model rejects must not be imported under another name (its users live there)."""
    def rename(data):
        data["databases"][0]["name"] = "Legacy_DB"  # Auth0 allowed '_' once; the model does not
    export = bad_export(tmp_path, rename)
    into = tmp_path / "project"
    report = run(export, CONFIGS, into)
    blueprint = load_yaml((into / "tenant.yaml").read_text())
    assert "legacy-db" not in blueprint["connections"], "connections.legacy-db: imported under a different name"
    assert "`connections.legacy-db`: the model rejects it" in report


def test_values_the_model_rejects_are_reported_and_the_rest_still_plans(tmp_path):
    into = tmp_path / "project"
    report = run(FIXTURES / "unusual", "", into)
    for name in ("Pulumi.yaml", "__main__.py"):
        shutil.copy(ROOT / name, into / name)
    (into / "Pulumi.import.yaml").write_text(dump_yaml({"config": {"ciam:stack": {
        "tenant_domain": "unusual.eu.auth0.com", "environment": "development"}}}))
    plan = run_program(into, "import")
    clients = {r.inputs["name"] for r in plan.of_type("auth0:index/client:Client")}
    assert clients == {"Default App", "Mobile"}, "an object-level rejection must take out one field, not the app"
    for path in ("applications.default-app.initiate_login_uri", "applications.mobile.token_endpoint_auth_method",
                 "applications.weird", "apis.api.token_lifetime", "connections.email"):
        assert f"`{path}`" in report, f"{path}: not in the report"


def test_a_keyword_used_in_a_secret_field_anywhere_is_never_written_into_a_file(tmp_path):
    """Files are translated before some sections with secret fields: their keywords are written in at the end."""
    export = tmp_path / "export"
    shutil.copytree(FIXTURES / "directory", export)
    captcha = export / "attack-protection" / "captcha.json"
    data = json.loads(captcha.read_text())
    data["recaptcha_v2"]["secret"] = "##BRAND_NAME##"
    captcha.write_text(json.dumps(data))
    into = tmp_path / "project"
    run(export, CONFIGS, into)
    page = (into / "assets" / "branding" / "universal-login.html").read_text()
    assert "<title>##BRAND_NAME##</title>" in page, f"branding page template: {page[:200]}"
    for path in (into / "assets").rglob("*"):
        if path.is_file():
            assert "ciam.vars.brand_name" not in path.read_text(), f"{path}: a secret keyword became a file variable"
    texts = "".join(p.read_text() for p in (into / "assets" / "prompts").rglob("*.json"))
    assert "Welcome to Shop" not in texts and "##BRAND_NAME##" in texts, "prompt texts: the secret was written in"
    assert "pulumi config set --secret brand_name" in (into / "import-report.md").read_text()


def test_every_value_the_model_rejects_comes_out_however_many_there_are(tmp_path):
    # More rejected values than the importer's 200 passes, one in each application, and two among the callbacks of
    # one list (the later index must go first, or removing the first shifts the second).
    export = tmp_path / "export"
    shutil.copytree(FIXTURES / "unusual", export)
    tenant = load_yaml((export / "tenant.yaml").read_text())
    tenant["clients"] += [{"name": f"Portal {index:03d}", "app_type": "regular_web",
                           "callbacks": [f"https://portal-{index:03d}.example/callback"],
                           "initiate_login_uri": f"http://portal-{index:03d}.example/login"} for index in range(250)]
    tenant["clients"].append({"name": "Kiosk", "app_type": "regular_web",
                              "callbacks": ["not a url", "https://kiosk.example/callback", "also not one"]})
    (export / "tenant.yaml").write_text(dump_yaml(tenant, sort_keys=False))
    report = run(export, "", tmp_path / "project")
    applications = load_yaml((tmp_path / "project" / "tenant.yaml").read_text())["applications"]
    portals = [key for key in applications if key.startswith("portal-")]
    assert len(portals) == 250, f"applications: {len(portals)} of the 250 portals imported"
    assert not [key for key in portals if "initiate_login_uri" in applications[key]], "an http:// login URI stayed"
    assert all(f"`applications.{key}.initiate_login_uri`: the model rejects it" in report for key in portals)
    assert applications["kiosk"]["callbacks"] == ["https://kiosk.example/callback"], applications["kiosk"]
    assert "`applications.kiosk.callbacks.0`" in report and "`applications.kiosk.callbacks.2`" in report, report


def test_a_value_the_model_rejects_under_a_key_that_is_not_a_name_is_reported_not_a_traceback(tmp_path):
    # An action module's dependency without its name becomes a mapping keyed by None.
    export = bad_export(tmp_path, lambda d: d["actionModules"][0]["dependencies"][0].pop("name"))
    report = run(export, CONFIGS, tmp_path / "project")
    assert re.search(r"`action_modules\.[a-z0-9-]+\.dependencies`: the model rejects it", report), report


def test_an_error_no_check_foresaw_is_one_line_and_writes_nothing(tmp_path, monkeypatch, capsys):
    import cli.import_tenant as import_tenant

    def unforeseen(*args, **kwargs):
        raise TypeError("unforeseen")

    monkeypatch.delenv("CIAM_DEBUG", raising=False)
    monkeypatch.setattr(import_tenant, "write_project", unforeseen)
    into = tmp_path / "out"
    code = import_tenant.main(["--from", str(FIXTURES / "yaml"), "--config", CONFIGS, "--into", str(into)])
    err = capsys.readouterr().err
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert "this export could not be imported: TypeError: 'unforeseen' (rerun with CIAM_DEBUG=1" in err, err
    assert not into.exists(), "nothing may be written"


@pytest.mark.parametrize("edit", [
    lambda d: d["prompts"]["customText"].update({"../../../escaped": d["prompts"]["customText"]["en"]}),
    lambda d: d["prompts"]["customText"].update({"en" * 400: d["prompts"]["customText"]["en"]}),
    lambda d: d["emailTemplates"][0].update(template="../../escaped"),
], ids=["a language that climbs out of assets/", "a language too long for a file name", "a template name with /"])
def test_an_export_value_that_names_a_file_can_never_write_outside_assets(tmp_path, edit):
    export = bad_export(tmp_path, edit)
    into = tmp_path / "deep" / "er" / "project"
    assert_fails(tmp_path, export, CONFIGS, "which cannot be written under assets/")
    with pytest.raises(ImportFailed):
        run(export, CONFIGS, into)
    assert not list(tmp_path.rglob("escaped*")), "a file was written outside assets/"
    assert not into.exists() or not any(into.iterdir()), "an error must write nothing"


@pytest.mark.parametrize(("body", "expected"), [("./" + "b" * 300 + ".html", "cannot be read (File name too long)"),
                                                (b"caf\xe9", "is not UTF-8 text: byte 0xe9")],
                         ids=["a name too long", "not UTF-8"])
def test_a_file_the_export_refers_to_that_cannot_be_read_is_one_line(tmp_path, body, expected):
    export = tmp_path / "export"
    shutil.copytree(FIXTURES / "directory", export)
    template = export / "emails" / "verify_email.json"
    data = json.loads(template.read_text())
    if isinstance(body, bytes):
        (export / "emails" / "verify_email.html").write_bytes(body)
    else:
        data["body"] = body
    template.write_text(json.dumps(data))
    assert_fails(tmp_path, export, CONFIGS, "verify_email.json", expected)
