"""Every Auth0 email template plans with its link settings, and link settings Auth0 never uses are refused
(the full fixture tenant)."""

from __future__ import annotations

from tests.conftest import fixture_plan

EMAIL_TEMPLATE = "auth0:index/emailTemplate:EmailTemplate"


def _templates(stack: str) -> dict[str, dict]:
    return {r.inputs["template"]: r.inputs for r in fixture_plan("full", stack).of_type(EMAIL_TEMPLATE)}


def test_notification_and_code_templates_plan_with_their_settings():
    templates = _templates("live")
    for name in ("stolen_credentials", "mfa_oob_code", "enrollment_email", "reset_email_by_code"):
        assert name in templates, f"no auth0:index/emailTemplate:EmailTemplate for {name}"
    assert "resultUrl" not in templates["stolen_credentials"], templates["stolen_credentials"]
    assert templates["enrollment_email"]["urlLifetimeInSeconds"] == 432000, templates["enrollment_email"]
    assert templates["reset_email_by_code"]["resultUrl"] == "https://www.globex.example/signin"
    assert templates["verify_email"]["includeEmailInRedirect"] is False, templates["verify_email"]
    assert "{{ code }}" in templates["mfa_oob_code"]["body"], "the MFA email shows no code"


def test_a_redirect_on_a_template_without_a_link_is_refused(project):
    data = project.blueprint()
    data["email_templates"]["mfa_oob_code"]["result_url"] = "https://www.globex.example/"
    data["email_templates"]["stolen_credentials"]["url_lifetime_in_seconds"] = 3600
    project.write_blueprint(data)
    problems = "\n".join(project.problems())
    assert "email_templates.mfa_oob_code.result_url: mfa_oob_code carries an MFA code and no link, so Auth0 " \
           "never uses result_url" in problems, problems
    assert "email_templates.stolen_credentials.url_lifetime_in_seconds: stolen_credentials carries " \
           "informational content" in problems, problems


def test_email_in_redirect_only_on_verify_and_reset(project):
    data = project.blueprint()
    data["email_templates"]["blocked_account"]["include_email_in_redirect"] = True
    project.write_blueprint(data)
    problems = "\n".join(project.problems())
    assert "email_templates.blocked_account.include_email_in_redirect: Auth0 adds the email to the redirect " \
           "only for verify_email and reset_email" in problems, problems
