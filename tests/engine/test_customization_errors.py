"""Bad customization and email config fails before anything is registered, one line naming file and key."""

from __future__ import annotations

from components.config.branding import missing_page_tags


def plan_error(project, stack: str = "live") -> str:
    return "\n".join(project.problems(stack))


def edit_login_template(project, old: str, new: str) -> None:
    template = project.root / "assets/pages/login.html"
    template.write_text(template.read_text().replace(old, new))


def test_a_page_template_without_auth0_widget_names_the_file(project):
    edit_login_template(project, "{%- auth0:widget -%}", "<div>login here</div>")
    message = plan_error(project)
    assert "tenant.yaml" in message and "branding.page_template" in message, message
    assert "assets/pages/login.html" in message and "{%- auth0:widget -%}" in message, message
    assert "auth0:head" not in message.split("must contain")[1], message


def test_a_page_template_without_auth0_head_names_the_file(project):
    edit_login_template(project, "{%- auth0:head -%}", "<title>Acme</title>")
    message = plan_error(project)
    assert "assets/pages/login.html" in message and "{%- auth0:head -%}" in message, message


def test_mentioning_a_tag_in_a_comment_is_not_having_it():
    assert missing_page_tags("<!-- put auth0:widget here --> {%- auth0:head -%}") == ["auth0:widget"]
    assert missing_page_tags("{% auth0:head %}{%auth0:widget%}") == []


def test_a_page_template_needs_a_custom_domain(project):
    data = project.blueprint()
    del data["custom_domain"], data["custom_domains"]
    project.write_blueprint(data)
    message = plan_error(project)
    assert "branding.page_template" in message and "assets/pages/login.html" in message, message
    assert "custom domain" in message, message


def test_prompt_texts_in_a_language_the_tenant_does_not_enable(project):
    data = project.blueprint()
    data["prompt_texts"]["login"]["es"] = "assets/prompts/login/en.json"
    project.write_blueprint(data)
    message = plan_error(project)
    assert "prompt_texts.login.es" in message and "tenant.enabled_locales (en, fr)" in message, message


def test_a_prompt_text_file_that_is_not_json_names_the_file(project):
    (project.root / "assets/prompts/login/fr.json").write_text('{"login": {"title": "Willkommen",}}')
    message = plan_error(project)
    assert "prompt_texts.login.fr" in message and "assets/prompts/login/fr.json: not valid JSON" in message, message


def test_an_unknown_prompt_is_an_error(project):
    data = project.blueprint()
    data["prompt_texts"]["sign-in"] = {"en": "assets/prompts/login/en.json"}
    project.write_blueprint(data)
    assert "prompt_texts.sign-in" in plan_error(project)


def test_a_plain_text_email_provider_key_is_refused(project):
    data = project.blueprint()
    data["email_provider"]["credentials"]["api_key"] = "SG.not-a-real-key"
    project.write_blueprint(data)
    message = plan_error(project)
    assert "email_provider.credentials.api_key" in message and "plain-text value is not allowed" in message, message


def test_every_provider_takes_its_password_as_a_secret_reference(project):
    data = project.blueprint()
    data["email_provider"] = {
        "name": "smtp", "default_from_address": "noreply@globex.example",
        "credentials": {"smtp_host": "smtp.acme.example", "smtp_user": {"secret": "smtp_user"},
                        "smtp_pass": "hunter2"},
    }
    project.write_blueprint(data)
    message = plan_error(project)
    assert "email_provider.credentials.smtp_pass" in message and "plain-text" in message, message


def test_an_email_provider_needs_a_default_from_address(project):
    data = project.blueprint()
    del data["email_provider"]["default_from_address"]
    project.write_blueprint(data)
    assert "email_provider.default_from_address: required but missing" in plan_error(project)


def test_an_unknown_email_provider_lists_the_supported_ones(project):
    data = project.blueprint()
    data["email_provider"]["name"] = "postmark"
    project.write_blueprint(data)
    message = plan_error(project)
    assert "email_provider" in message and "'sendgrid'" in message and "'postmark'" in message, message


def test_email_templates_need_an_email_provider(project):
    data = project.blueprint()
    del data["email_provider"]
    project.write_blueprint(data)
    assert "email_templates: Auth0 customises email templates only with an email_provider" in plan_error(project)


def test_an_unknown_email_template_name_is_an_error(project):
    data = project.blueprint()
    data["email_templates"]["verify"] = data["email_templates"]["verify_email"]
    project.write_blueprint(data)
    message = plan_error(project)
    assert "email_templates.verify" in message and "'verify_email'" in message, message


def test_a_missing_email_body_file_names_it(project):
    (project.root / "assets/emails/reset_email.html").unlink()
    message = plan_error(project)
    assert "email_templates.reset_email.body: file not found: assets/emails/reset_email.html" in message, message


def test_the_error_page_is_configured_on_the_tenant_not_in_pages(project):
    data = project.blueprint()
    data["pages"]["error"] = {"html": "assets/pages/error.html"}
    project.write_blueprint(data)
    assert "tenant.error_page" in plan_error(project)


def test_a_branding_colour_must_be_hex(project):
    data = project.blueprint()
    data["branding"]["theme"]["colors"]["primary_button"] = "blue"
    project.write_blueprint(data)
    message = plan_error(project)
    assert "branding.theme.colors.primary_button: expected a hex colour such as #3b4cca; got 'blue'" in message
