"""`{{ ciam.vars.<name> }}` in HTML and JSON files reaches each stack's plan with that stack's value."""

from __future__ import annotations

import json

import pytest

from cli.preview import write_previews
from components.config.template_vars import with_vars
from components.config.types import Asset
from tests.conftest import fixture_project

EMAIL_TEMPLATE = "auth0:index/emailTemplate:EmailTemplate"
TENANT = "auth0:index/tenant:Tenant"
PARTIALS = "auth0:index/promptScreenPartials:PromptScreenPartials"
BRANDING = "auth0:index/branding:Branding"
PROMPT_TEXT = "auth0:index/promptCustomText:PromptCustomText"


def append(project, path: str, text: str) -> None:
    file = project.root / path
    file.write_text(file.read_text() + text)


def with_support_var(project) -> dict[str, str]:
    """Every stack gets its own `support_url`; the email, the error page and a new partial use it."""
    values = {}
    for stack in project.stacks():
        data = project.stack_file(stack)
        values[stack] = f"https://help.{stack}.example/contact?a=1&b=2"
        data["config"]["ciam:vars"]["support_url"] = values[stack]
        project.write_stack_file(stack, data)
    append(project, "assets/emails/welcome_email.html", '<a href="{{ ciam.vars.support_url }}">help</a>\n')
    append(project, "assets/pages/error.html", "<p>{{ciam.vars.support_url}}</p>\n")
    partial = project.root / "assets/partials/help.html"
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_text('<a href="{{  ciam.vars.support_url  }}">Need help?</a>\n')
    data = project.blueprint()
    data["prompt_partials"] = {"login-id": {"login-id": {"form_content_end": "assets/partials/help.html"}}}
    project.write_blueprint(data)
    return values


def test_a_var_in_an_email_the_error_page_and_a_partial_gets_each_stacks_value(project):
    values = with_support_var(project)
    assert len(set(values.values())) > 1
    for stack, value in values.items():
        plan = project.plan(stack)
        welcome = next(r for r in plan.of_type(EMAIL_TEMPLATE) if r.inputs["template"] == "welcome_email")
        assert f'<a href="{value}">help</a>' in welcome.inputs["body"], welcome.urn
        assert "ciam.vars" not in welcome.inputs["body"], welcome.urn
        tenant = plan.of_type(TENANT)[0]
        assert f"<p>{value}</p>" in tenant.inputs["errorPage"]["html"], tenant.urn
        partials = plan.of_type(PARTIALS)[0]
        points = partials.inputs["screenPartials"][0]["insertionPoints"]
        assert points["formContentEnd"] == f'<a href="{value}">Need help?</a>\n', partials.urn


def test_a_var_in_a_json_file_is_escaped_as_json(project):
    for stack in project.stacks():
        data = project.stack_file(stack)
        data["config"]["ciam:vars"]["greeting"] = f'Say "hi" to {stack}'
        project.write_stack_file(stack, data)
    file = project.root / "assets/prompts/login/fr.json"
    texts = json.loads(file.read_text())
    screen = next(iter(texts))
    texts[screen]["description"] = "{{ ciam.vars.greeting }}"
    file.write_text(json.dumps(texts))
    stack = project.production_stack
    plan = project.plan(stack)
    body = next(r for r in plan.of_type(PROMPT_TEXT) if r.inputs["language"] == "fr").inputs["body"]
    assert json.loads(body)[screen]["description"] == f'Say "hi" to {stack}', body


def test_an_unknown_var_in_a_file_names_the_file_the_key_and_a_close_name(project):
    with_support_var(project)
    append(project, "assets/emails/welcome_email.html", "{{ ciam.vars.suport_url }}\n")
    lines = [line for line in project.problems() if "suport_url" in line]
    assert len(lines) == 1, lines
    assert lines[0].startswith("assets/emails/welcome_email.html:"), lines
    assert "email_templates.welcome_email.body" in lines[0], lines
    assert "unknown variable {{ ciam.vars.suport_url }}; did you mean 'support_url'?" in lines[0], lines


def test_a_secret_var_is_not_written_into_a_file(project):
    stack = project.production_stack
    data = project.stack_file(stack)
    data["config"]["ciam:vars"]["api_token"] = {"secret": "api_token"}
    project.write_stack_file(stack, data)
    append(project, "assets/pages/error.html", "{{ ciam.vars.api_token }}\n")
    lines = [line for line in project.problems(stack) if "api_token" in line]
    assert len(lines) == 1 and lines[0].startswith("assets/pages/error.html:"), lines
    assert "tenant.error_page.html" in lines[0] and "is a secret" in lines[0], lines


@pytest.mark.parametrize("path, expected", [
    ("page.html", 'x "a&b" y'),
    ("form.json", 'x \\"a&b\\" y'),
])
def test_with_vars_writes_text_into_html_and_escapes_it_in_json(path, expected):
    asset = Asset(path, "x {{ciam.vars.v}} y {{ ciam.vars.other }}")
    assert with_vars(asset, {"v": '"a&b"'}) == f"{expected} {{{{ ciam.vars.other }}}}"


def test_the_template_preview_writes_in_the_chosen_stacks_value(project, tmp_path):
    values = with_support_var(project)
    for stack, value in values.items():
        out = tmp_path / f"preview-{stack}"
        write_previews(out, project.root, stack=stack)
        page = (out / "emails/welcome_email.html").read_text()
        assert f'<a href="{value}">help</a>' in page.replace("&amp;", "&"), f"{stack}: {page[-300:]}"
        assert "ciam.vars" not in page, stack


def test_a_var_in_a_file_no_component_fills_in_is_refused(project):
    """A passwordless connection's email goes to Auth0 as it is: a variable there would arrive as literal text."""
    with_support_var(project)
    template = project.root / "assets/emails/passwordless.html"
    template.write_text("<p>{{ code }} {{ ciam.vars.support_url }}</p>\n")
    data = project.blueprint()
    data["connections"]["magic-link"] = {"strategy": "email", "from": "Login <login@example.com>",
                                         "subject": "Your code", "template": "assets/emails/passwordless.html"}
    project.write_blueprint(data)
    lines = [line for line in project.problems() if "passwordless.html" in line]
    assert len(lines) == 1 and "connections.magic-link.template" in lines[0], lines
    assert "is not filled in here: this file goes to Auth0 as it is" in lines[0], lines


def test_a_text_var_outside_a_json_string_is_refused_with_the_file(tmp_path):
    project = fixture_project("b2b-complete", tmp_path)
    for stack in project.stacks():
        data = project.stack_file(stack)
        data["config"].setdefault("ciam:vars", {})["greeting"] = f"hello {stack}"
        project.write_stack_file(stack, data)
    file = project.root / "assets/flows/sync-company.json"
    file.write_text(file.read_text().replace("[", "[{{ ciam.vars.greeting }}, ", 1))
    lines = [line for line in project.problems(project.production_stack) if "sync-company.json" in line]
    assert len(lines) == 1 and "a text variable belongs inside a JSON string" in lines[0], lines
    assert "flows.sync-company.actions" in lines[0], lines


def test_a_null_var_is_named_as_null(project):
    stack = project.production_stack
    data = project.stack_file(stack)
    data["config"]["ciam:vars"]["nothing"] = None
    project.write_stack_file(stack, data)
    append(project, "assets/pages/error.html", "{{ ciam.vars.nothing }}\n")
    lines = [line for line in project.problems(stack) if "nothing" in line]
    assert lines and "is null in this stack's ciam:vars" in lines[0], lines
