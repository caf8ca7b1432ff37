"""`make preview-templates [STACK=<stack>]`: render every email and page template in the tenant's brand, offline.

Which files are templates, and of what kind, comes from tenant.yaml (email_templates bodies,
branding.page_template, pages, tenant.error_page). What Auth0 fills in from the tenant's settings (friendly
name, support email and URL, custom domain, logo and colours) comes from the stack's offline plan, so it is
what the blueprint deploys (default: the first production stack); only what a template receives at run time
(the user, the link, the application) comes from assets/preview/samples.yaml.
Output: build/preview/<kind>/<name>.html and build/preview/index.html, to open in a browser.
"""

from __future__ import annotations

if __name__ == "__main__":  # before the heavy imports (cli/lean_start.py)
    from cli import lean_start

    lean_start.for_a_plan()

import argparse
import html
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from liquid import Environment, StrictDefaultUndefined
from liquid.exceptions import LiquidError

from cli.liquid_auth0 import Auth0Tag
from cli.offline import Plan, run_program, stack_config
from components.config.errors import ConfigError
from components.config.merge import deep_merge
from components.config.sources import MAX_ASSET_BYTES, read_mapping, read_text, read_yaml
from components.config.stacks import stacks
from components.config.template_vars import template_values, with_vars
from components.config.types import Asset

PROJECT_DIR = Path(__file__).resolve().parent.parent
SAMPLES_FILE = "assets/preview/samples.yaml"


class PreviewError(Exception):
    """A template that does not render with the samples: one line naming the file, the problem and where."""


@dataclass(frozen=True)
class ShippedTemplate:
    kind: str  # "emails" or "pages"
    name: str  # Auth0's template name, or the page's role
    path: str  # as written in tenant.yaml
    subject: str | None = None


@dataclass(frozen=True)
class Rendered:
    template: ShippedTemplate
    html: str
    subject: str | None
    variables: dict[str, Any]


def shipped_templates(project_dir: Path = PROJECT_DIR) -> list[ShippedTemplate]:
    blueprint = read_mapping(project_dir / "tenant.yaml").data
    found = [
        ShippedTemplate("emails", name, settings["body"], settings.get("subject"))
        for name, settings in sorted((blueprint.get("email_templates") or {}).items())
    ]
    if (blueprint.get("branding") or {}).get("page_template"):
        found.append(ShippedTemplate("pages", "login", blueprint["branding"]["page_template"]))
    for page, settings in sorted((blueprint.get("pages") or {}).items()):
        found.append(ShippedTemplate("pages", page, settings["html"]))
    error_page = (blueprint.get("tenant") or {}).get("error_page") or {}
    if error_page.get("html"):
        found.append(ShippedTemplate("pages", "error", error_page["html"]))
    return found


def liquid_environment() -> Environment:
    """Liquid as Auth0 runs it, plus `{%- auth0:head -%}` / `{%- auth0:widget -%}` as placeholders.

    Undefined variables are errors (so every variable a template uses has a sample), except under `default`.
    """
    environment = Environment(undefined=StrictDefaultUndefined)
    environment.add_tag(Auth0Tag)
    return environment


def sample_variables(template: ShippedTemplate, samples: dict[str, Any]) -> dict[str, Any]:
    if template.kind == "emails":
        return deep_merge(samples.get("emails") or {}, (samples.get("email_extras") or {}).get(template.name) or {})
    return (samples.get("pages") or {}).get(template.name) or {}


def _inputs(plan: Plan, type_token: str) -> dict[str, Any]:
    found = plan.of_type(type_token)
    return found[0].inputs if found else {}


def tenant_variables(plan: Plan) -> dict[str, dict[str, Any]]:
    """Per kind of template, the variables Auth0 fills from the tenant's settings, as this plan deploys them.

    Emails: Auth0's common variables (tenant, friendly_name, support_email, support_url, custom_domain.domain)
    plus `branding.*`, which the deploy writes into the bodies. Pages: what Universal Login page templates
    (`branding`, `tenant`) and the classic change-password page (`tenant.picture_url`, `tenant.colors`) get.
    """
    tenant = _inputs(plan, "auth0:index/tenant:Tenant")
    branding = _inputs(plan, "auth0:index/branding:Branding")
    domain = _inputs(plan, "auth0:index/customDomain:CustomDomain").get("domain")
    tenant_domain = _inputs(plan, "pulumi:providers:auth0").get("domain") or ""
    colors = {key: value for key, value in {
        "primary": (branding.get("colors") or {}).get("primary"),
        "page_background": (branding.get("colors") or {}).get("pageBackground"),
    }.items() if value}
    brand = {"colors": colors}
    if branding.get("logoUrl") or tenant.get("pictureUrl"):
        brand["logo_url"] = branding.get("logoUrl") or tenant.get("pictureUrl")
    contacts = {key: tenant[source] for key, source in (
        ("friendly_name", "friendlyName"), ("support_email", "supportEmail"), ("support_url", "supportUrl"),
    ) if tenant.get(source)}
    common = {**contacts, "tenant": tenant_domain.split(".")[0], "branding": brand}
    if domain:
        common["custom_domain"] = {"domain": domain}
    page_tenant = {**contacts, "name": tenant_domain.split(".")[0]}
    classic_tenant = {**page_tenant, "colors": colors}
    if brand.get("logo_url"):
        classic_tenant["picture_url"] = tenant.get("pictureUrl") or brand["logo_url"]
    pages = {"branding": brand, "tenant": page_tenant, **({"custom_domain": common["custom_domain"]} if domain else {})}
    return {"emails": common, "login": pages, "change_password": {"tenant": classic_tenant}, "error": {}}


def preview_stack(project_dir: Path) -> str:
    """The stack whose brand the preview shows by default: the first production stack (or the last one)."""
    infos = stacks(project_dir)
    return next((info.name for info in infos if info.is_production), infos[-1].name if infos else "")


_plans: dict[tuple[Path, str], Plan] = {}


def stack_plan(project_dir: Path, stack: str | None) -> Plan:
    stack = stack or preview_stack(project_dir)
    if (project_dir, stack) not in _plans:
        try:
            _plans[project_dir, stack] = run_program(project_dir, stack)
        except ConfigError as error:
            raise PreviewError(f"stack {stack} does not plan:\n{error}") from None
    return _plans[project_dir, stack]


def file_vars(project_dir: Path, stack: str | None) -> dict[str, str]:
    """The stack's `ciam:vars` that `{{ ciam.vars.<name> }}` writes into files (the plan has checked every use)."""
    values, _ = stack_config(project_dir, stack or preview_stack(project_dir))
    try:
        variables = json.loads(values.get("ciam:vars") or "{}")
    except ValueError:  # a stack that holds all its vars as one secret: nothing a file may show
        variables = {}
    return template_values(variables if isinstance(variables, dict) else {})


def render(template: ShippedTemplate, project_dir: Path = PROJECT_DIR,
           environment: Environment | None = None, stack: str | None = None) -> Rendered:
    """Render one template; a `PreviewError` names the file and the problem (an unknown variable, bad syntax)."""
    environment = environment or liquid_environment()
    samples = read_yaml(project_dir / SAMPLES_FILE, SAMPLES_FILE).data or {}
    from_tenant = tenant_variables(stack_plan(project_dir, stack))
    variables = deep_merge(sample_variables(template, samples),
                           from_tenant["emails"] if template.kind == "emails" else from_tenant.get(template.name, {}))
    source = read_text(project_dir / template.path, template.path, MAX_ASSET_BYTES)
    source = with_vars(Asset(template.path, source), file_vars(project_dir, stack))  # as the deploy does
    body = _render(environment, source, template.path, variables)
    subject = None
    if template.subject:
        label = f"tenant.yaml email_templates.{template.name}.subject"
        subject = _render(environment, template.subject, label, variables)
    return Rendered(template, body, subject, variables)


def _render(environment: Environment, source: str, label: str, variables: dict[str, Any]) -> str:
    try:
        return environment.from_string(source, name=label).render(**variables)
    except LiquidError as error:
        problem, _, context = str(error).partition("\n")
        position = re.search(r" (\d+):(\d+)$", context.strip().splitlines()[0]) if context.strip() else None
        token = getattr(error, "token", None)
        start = getattr(token, "start_index", -1) if token is not None else -1
        if position:
            where = f" at line {position[1]}"
        elif start >= 0:
            where = f" at line {source.count(chr(10), 0, start) + 1}"
        else:
            where = f" at the end (line {source.count(chr(10)) + 1}): a tag is not closed"
        raise PreviewError(f"{label}{where}: {problem}; sample values live in {SAMPLES_FILE}") from None


def index_page(previews: list[Rendered]) -> str:
    rows = "\n".join(
        f'    <li><a href="{p.template.kind}/{p.template.name}.html">{p.template.kind}/{p.template.name}</a>'
        f" <small>{html.escape(p.template.path)}</small>"
        + (f"<br>subject: <b>{html.escape(p.subject)}</b>" if p.subject else "") + "</li>"
        for p in previews
    )
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Template previews</title></head>\n'
            f"<body style=\"font-family:system-ui,sans-serif\">\n"
            f"  <h1>Template previews (the tenant's settings, sample users)</h1>\n"
            f"  <ul>\n{rows}\n  </ul>\n</body>\n</html>\n")


def write_previews(out_dir: Path, project_dir: Path = PROJECT_DIR, stack: str | None = None) -> list[Path]:
    environment = liquid_environment()
    previews = [render(template, project_dir, environment, stack) for template in shipped_templates(project_dir)]
    written = []
    for preview in previews:
        path = out_dir / preview.template.kind / f"{preview.template.name}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(preview.html, encoding="utf-8")
        written.append(path)
    (out_dir / "index.html").write_text(index_page(previews), encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="make preview-templates", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PROJECT_DIR / "build" / "preview")
    parser.add_argument("--stack", help="whose brand and settings to show (default: the first production stack)")
    args = parser.parse_args(argv)
    if args.stack and not (PROJECT_DIR / f"Pulumi.{args.stack}.yaml").is_file():
        print(f"error: no stack file Pulumi.{args.stack}.yaml", file=sys.stderr)
        sys.exit(2)
    try:
        written = write_previews(args.out, stack=args.stack)
    except (PreviewError, OSError) as error:
        sys.exit(f"error: {error}")
    except ConfigError as error:
        sys.exit("\n".join(str(p) for p in error.problems))
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    print(f"open {args.out / 'index.html'}", file=sys.stderr)


if __name__ == "__main__":
    main()
