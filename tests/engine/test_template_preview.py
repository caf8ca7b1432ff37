"""`make preview-templates`: every email and page template renders in the tenant's brand (from the blueprint,
through the offline plan) with sample values for what Auth0 hands it at run time. On the full fixture tenant."""

from __future__ import annotations

import re

import pytest
from liquid.exceptions import LiquidSyntaxError

from cli.liquid_auth0 import PLACEHOLDERS
from cli.preview import PreviewError, ShippedTemplate, liquid_environment, render, shipped_templates, write_previews
from components.config.merge import lookup
from tests.conftest import fixture_copy, fixture_plan, fixture_project

FULL = fixture_copy("full").root
SHIPPED = shipped_templates(FULL)
# The first variable of every `{{ ... }}`: what the template prints.
PRINTED = re.compile(r"\{\{-?\s*([A-Za-z_][\w.]*)")


def template_id(template: ShippedTemplate) -> str:
    return f"{template.kind}/{template.name}"


def test_every_template_tenant_yaml_uses_is_previewed():
    names = {template_id(t) for t in SHIPPED}
    assert {"emails/verify_email", "emails/reset_email", "emails/welcome_email", "emails/blocked_account"} <= names
    assert {"pages/login", "pages/error"} <= names


def test_every_html_file_under_assets_emails_and_pages_is_a_shipped_template():
    used = {t.path for t in SHIPPED}
    files = {
        path.relative_to(FULL).as_posix()
        for folder in ("emails", "pages")
        for path in (FULL / "assets" / folder).glob("*.html")
    }
    assert files - used == set(), "HTML files that tenant.yaml does not use (so nothing previews or deploys them)"


@pytest.mark.parametrize("template", SHIPPED, ids=template_id)
def test_each_template_shows_its_tenant_and_sample_values(template):
    preview = render(template, FULL)
    source = (FULL / template.path).read_text(encoding="utf-8")
    printed = set(PRINTED.findall(source))
    assert printed, f"{template.path} prints no variable"
    for path in sorted(printed):
        found, value = lookup(preview.variables, tuple(path.split(".")))
        assert found, f"{template.path}: no value for {path}"
        assert str(value) in preview.html, f"{template.path}: sample {path}={value!r} missing from the output"
    assert "{{" not in preview.html and "{%" not in preview.html, f"{template.path}: Liquid left unrendered"


@pytest.mark.parametrize("template", [t for t in SHIPPED if t.subject], ids=template_id)
def test_email_subjects_render_with_the_samples(template):
    preview = render(template, FULL)
    assert preview.subject and "{{" not in preview.subject, f"email_templates.{template.name}.subject"
    assert preview.variables["application"]["name"] in preview.subject or "application" not in template.subject


def test_the_auth0_tags_render_placeholders_and_keep_what_follows():
    template = liquid_environment().from_string(
        "<head>{%- auth0:head -%}<style>x</style></head><body>{% auth0:widget %}<footer>{{ a }}</footer></body>"
    )
    out = template.render(a="after")
    assert out == f"<head>{PLACEHOLDERS[':head']}<style>x</style></head><body>{PLACEHOLDERS[':widget']}" \
                  "<footer>after</footer></body>"


def test_the_shipped_login_page_shows_the_widget_placeholder():
    login = next(t for t in SHIPPED if template_id(t) == "pages/login")
    output = render(login, FULL).html
    assert PLACEHOLDERS[":widget"] in output and PLACEHOLDERS[":head"] in output
    assert "auth0:widget -%}" not in output


def test_an_unknown_auth0_tag_is_a_syntax_error():
    with pytest.raises(LiquidSyntaxError, match="expected auth0:head or auth0:widget"):
        liquid_environment().from_string("{%- auth0:footer -%}")


def test_a_variable_without_a_sample_names_the_file_and_line(project, tmp_path):
    welcome = project.root / "assets/emails/welcome_email.html"
    welcome.write_text(welcome.read_text() + "\n{{ user.shoe_size }}\n")
    expected = r"assets/emails/welcome_email.html at line \d+: user.shoe_size is undefined"
    with pytest.raises(PreviewError, match=expected):
        write_previews(tmp_path / "out", project.root)


def test_the_preview_writes_one_file_per_template_and_an_index(tmp_path):
    written = write_previews(tmp_path, FULL)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == sorted(
        f"{template_id(t)}.html" for t in SHIPPED
    )
    index = (tmp_path / "index.html").read_text()
    assert all(f'href="{template_id(t)}.html"' in index for t in SHIPPED)
    assert "Confirm your address for Globex Booking" in index


def test_a_change_of_brand_in_tenant_yaml_shows_in_every_preview(tmp_path):
    (tmp_path / "project").mkdir()
    project = fixture_project("full", tmp_path / "project")
    data = project.blueprint()
    data["branding"]["colors"]["primary"] = "#c0ffee"
    data["branding"]["logo_url"] = "https://cdn.globex.example/brand/rebrand.png"
    data["tenant"]["friendly_name"] = "Globex Voyages"
    project.write_blueprint(data)
    write_previews(tmp_path / "out", project.root)
    for name in ("emails/verify_email", "emails/reset_email", "pages/login"):
        page = (tmp_path / "out" / f"{name}.html").read_text()
        assert "#c0ffee" in page and "rebrand.png" in page, f"{name}: the new primary colour or logo is missing"
        assert "#0a7d5a" not in page and "wordmark.png" not in page, f"{name}: the old brand is still there"
    assert "Globex Voyages" in (tmp_path / "out" / "emails/verify_email.html").read_text()


def test_the_preview_shows_the_chosen_stacks_settings(tmp_path):
    write_previews(tmp_path, FULL, stack="sandbox")
    assert "Globex Travel (Sandbox)" in (tmp_path / "emails/verify_email.html").read_text()


def test_the_deployed_email_bodies_carry_the_blueprints_brand():
    for record in fixture_plan("full", "live").of_type("auth0:index/emailTemplate:EmailTemplate"):
        body = record.inputs["body"]
        assert "{{ branding." not in body, f"{record.urn}: Auth0 gives emails no branding variables"
        assert "https://cdn.globex.example/brand/wordmark.png" in body and "#0a7d5a" in body, record.urn
        assert "{{ user." in body or "{{ url }}" in body, f"{record.urn}: run-time variables must stay for Auth0"
