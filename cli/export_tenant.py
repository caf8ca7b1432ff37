"""`make export STACK=<s> [INTO=.] [FORCE=1]`: the stack's live tenant -> tenant.yaml, assets/, import.json.

Reads the tenant named by `ciam:stack.tenant_domain` in Pulumi.<stack>.yaml through the Management API
(auth0-python), with the read scopes `make scopes` lists. Credentials: AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET,
or the stack's plain `auth0:clientId` / `auth0:clientSecret`. CIAM_AUTH0_BASE_URL replaces https://<domain>
(a test server). The stack file itself is kept (it may hold encrypted secrets); import.json lists every
resource the program registers with its Auth0 ID, for `pulumi import --file import.json`.
"""

from __future__ import annotations

if __name__ == "__main__":  # before the heavy imports (cli/lean_start.py)
    from cli import lean_start

    lean_start.for_a_plan()

import argparse
import json
import os
import sys
from pathlib import Path

import httpx

from cli.adopt.errors import ImportFailed, fail
from cli.adopt.import_file import import_document
from cli.adopt.keywords import Keywords, StackConfig
from cli.adopt.live import NOT_READ, connect, read_tenant
from cli.adopt.project import REPORT_FILE, translate, write_project
from cli.adopt.translate import Translation
from cli.offline import run_program
from components.config.errors import ConfigError
from components.config.stack_files import read_stack_mapping

IMPORT_FILE = "import.json"


def _stack_settings(into: Path, stack: str) -> tuple[str, dict]:
    file = into / f"Pulumi.{stack}.yaml"
    if not file.is_file():
        raise fail(file.name, "", "file not found; the stack file names the tenant (ciam:stack.tenant_domain)")
    try:
        config = read_stack_mapping(into, stack).data["config"]
    except ConfigError as error:
        raise ImportFailed(str(error).splitlines()) from None
    settings = config.get("ciam:stack") or {}
    if not isinstance(settings, dict) or not settings.get("tenant_domain"):
        raise fail(file.name, "config.ciam:stack.tenant_domain", "missing: the tenant to read")
    return file.name, {**settings, "_config": config}


def _credentials(config: dict, file: str) -> tuple[str, str]:
    client_id = os.environ.get("AUTH0_CLIENT_ID") or config.get("auth0:clientId")
    secret = os.environ.get("AUTH0_CLIENT_SECRET") or config.get("auth0:clientSecret")
    if not isinstance(client_id, str) or not client_id:
        raise fail(file, "auth0:clientId", "no client ID: set AUTH0_CLIENT_ID")
    if not isinstance(secret, str) or not secret:  # a `secure:` value can only be read by the Pulumi CLI
        raise fail(file, "auth0:clientSecret", "no readable client secret: set AUTH0_CLIENT_SECRET")
    return client_id, secret


def _token(base_url: str, domain: str, client_id: str, secret: str) -> str:
    response = httpx.post(f"{base_url}/oauth/token", data={
        "grant_type": "client_credentials", "client_id": client_id, "client_secret": secret,
        "audience": f"https://{domain}/api/v2/"}, timeout=30)
    if response.status_code != 200:
        raise fail(f"{base_url}/oauth/token", "", f"no token (HTTP {response.status_code}); check the credentials")
    return response.json()["access_token"]


def _read_live(into: Path, stack: str) -> tuple[str, dict, dict]:
    file, settings = _stack_settings(into, stack)
    domain = settings["tenant_domain"]
    client_id, secret = _credentials(settings["_config"], file)
    base_url = (os.environ.get("CIAM_AUTH0_BASE_URL") or f"https://{domain}").rstrip("/")
    api = connect(base_url, _token(base_url, domain, client_id, secret))
    return file, settings, read_tenant(api)


def write_import_file(into: Path, stack: str, ids: dict, report) -> None:
    """Plan the project and write import.json with the Auth0 IDs of the objects the tenant holds."""
    print("planning the written project to name every resource", file=sys.stderr)
    try:
        plan = run_program(into, stack)
    except ConfigError as error:
        raise ImportFailed([f"the written project does not plan for {stack}:", *str(error).splitlines()]) from None
    document, missing = import_document(plan, ids)
    (into / IMPORT_FILE).write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    for urn in missing:
        report.notes.append(f"{urn}: no object in the live tenant to import; `pulumi up` creates it")


def live_ids(into: Path, stack: str) -> dict:
    """The Auth0 IDs of the stack's live tenant by (section, key): names slug to the same keys as an import."""
    _file, _settings, export = _read_live(into, stack)
    translation = Translation(export, Keywords([]), None, False)
    translate(export, translation)
    return translation.ids


def run(stack: str, into: Path, *, force: bool = False) -> str:
    if (into / IMPORT_FILE).exists() and not force:
        raise fail(str(into / IMPORT_FILE), "", "exists; FORCE=1 overwrites it")
    file, settings, export = _read_live(into, stack)
    configs = [StackConfig(stack, file, settings["tenant_domain"], settings.get("environment"), {})]
    translation = translate(export, Translation(export, Keywords(configs), None, False))
    translation.report.skipped_sections += [(name, "not read by `make export` yet; check the dashboard")
                                            for name in NOT_READ]
    write_project(translation, into, force, stack_files=False)
    write_import_file(into, stack, translation.ids, translation.report)
    report = translation.report.markdown([stack])
    (into / REPORT_FILE).write_text(report, encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stack", required=True)
    parser.add_argument("--into", default=".")
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    try:
        report = run(args.stack, Path(args.into), force=args.force)
    except ImportFailed as error:
        print("\n".join(error.lines), file=sys.stderr)
        return 1
    print(report, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
