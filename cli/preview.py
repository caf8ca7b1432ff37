"""`make preview-templates`: render every shipped email and page template with sample values, offline.

Which files are templates, and of what kind, comes from tenant.yaml (email_templates bodies,
branding.page_template, pages, tenant.error_page); the sample values come from assets/preview/samples.yaml.
Output: build/preview/<kind>/<name>.html and build/preview/index.html, to open in a browser.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from liquid import Environment, StrictDefaultUndefined
from liquid.exceptions import LiquidError

from cli.liquid_auth0 import Auth0Tag
from components.config.errors import ConfigError
from components.config.merge import deep_merge
from components.config.sources import MAX_ASSET_BYTES, read_mapping, read_text, read_yaml

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


def render(template: ShippedTemplate, project_dir: Path = PROJECT_DIR,
           environment: Environment | None = None) -> Rendered:
    """Render one template; a `PreviewError` names the file and the problem (an unknown variable, bad syntax)."""
    environment = environment or liquid_environment()
    samples = read_yaml(project_dir / SAMPLES_FILE, SAMPLES_FILE).data or {}
    variables = sample_variables(template, samples)
    source = read_text(project_dir / template.path, template.path, MAX_ASSET_BYTES)
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
            f"<body style=\"font-family:system-ui,sans-serif\">\n  <h1>Template previews (sample values)</h1>\n"
            f"  <ul>\n{rows}\n  </ul>\n</body>\n</html>\n")


def write_previews(out_dir: Path, project_dir: Path = PROJECT_DIR) -> list[Path]:
    environment = liquid_environment()
    previews = [render(template, project_dir, environment) for template in shipped_templates(project_dir)]
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
    args = parser.parse_args(argv)
    try:
        written = write_previews(args.out)
    except (PreviewError, OSError) as error:
        sys.exit(f"error: {error}")
    except ConfigError as error:
        sys.exit("\n".join(str(p) for p in error.problems))
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    print(f"open {args.out / 'index.html'}", file=sys.stderr)


if __name__ == "__main__":
    main()
