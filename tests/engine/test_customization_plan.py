"""What each stack's plan holds for branding, prompt texts, pages, the email provider and email templates."""

from __future__ import annotations

import json

from cli.offline import SECRET
from components.config.prompt_texts import text_file_problem
from components.customization.brand_values import with_brand
from components.customization.prompt_texts import custom_text_body
from tests.conftest import FIXTURE_TENANTS

BRANDING = "auth0:index/branding:Branding"
THEME = "auth0:index/brandingTheme:BrandingTheme"
PROMPT_TEXT = "auth0:index/promptCustomText:PromptCustomText"
PAGES = "auth0:index/pages:Pages"
EMAIL_PROVIDER = "auth0:index/emailProvider:EmailProvider"
EMAIL_TEMPLATE = "auth0:index/emailTemplate:EmailTemplate"
TENANT = "auth0:index/tenant:Tenant"
CUSTOM_DOMAIN = "auth0:index/customDomain:CustomDomain"


def asset(path: str) -> str:
    return (FIXTURE_TENANTS / "full" / path).read_text(encoding="utf-8")


def test_every_stack_plans_branding_texts_pages_and_email(stack_plan):
    for type_token in (BRANDING, THEME, PROMPT_TEXT, PAGES, EMAIL_PROVIDER, EMAIL_TEMPLATE):
        assert stack_plan.of_type(type_token), f"stack {stack_plan.stack}: no {type_token} planned"


def test_email_provider_credentials_are_secret_in_the_plan(stack_plan):
    (provider,) = stack_plan.of_type(EMAIL_PROVIDER)
    credentials = provider.inputs["credentials"]
    assert credentials, provider.urn
    assert all(value == SECRET for value in credentials.values()), f"{provider.urn}: {credentials}"
    assert provider.inputs["defaultFromAddress"] == "noreply@globex.example", provider.urn


def test_email_provider_is_protected_only_in_production(stack_plan):
    (provider,) = stack_plan.of_type(EMAIL_PROVIDER)
    assert provider.protect == (stack_plan.stack == "live"), provider.urn


def test_email_templates_wait_for_the_email_provider_and_use_the_files(stack_plan):
    (provider,) = stack_plan.of_type(EMAIL_PROVIDER)
    templates = {r.inputs["template"]: r for r in stack_plan.of_type(EMAIL_TEMPLATE)}
    assert set(templates) >= {"verify_email", "reset_email", "welcome_email", "blocked_account"}
    for name, record in templates.items():
        assert provider.urn in record.dependencies, f"{record.urn} does not wait for {provider.urn}"
        brand = {"branding.logo_url": "https://cdn.globex.example/brand/wordmark.png",
                 "branding.colors.primary": "#0a7d5a", "branding.colors.page_background": "#eef4f1"}
        assert record.inputs["body"] == with_brand(asset(f"assets/emails/{name}.html"), brand), record.urn
        assert record.inputs["syntax"] == "liquid", record.urn


def test_an_email_template_without_from_sends_from_the_provider_default(prod_plan):
    welcome = next(r for r in prod_plan.of_type(EMAIL_TEMPLATE) if r.inputs["template"] == "welcome_email")
    assert welcome.inputs["from"] == "noreply@globex.example", welcome.urn


def test_email_links_return_to_each_stacks_app(stack_plan):
    base = {"sandbox": "https://sandbox.globex.example", "preprod": "https://preprod.globex.example", "live": "https://www.globex.example"}
    verify = next(r for r in stack_plan.of_type(EMAIL_TEMPLATE) if r.inputs["template"] == "verify_email")
    assert verify.inputs["resultUrl"] == f"{base[stack_plan.stack]}/welcome", verify.urn


def test_the_page_template_is_the_file_and_waits_for_the_custom_domain(stack_plan):
    (branding,) = stack_plan.of_type(BRANDING)
    domain = next(r for r in stack_plan.of_type(CUSTOM_DOMAIN) if r.name == "ciam-custom-domain-domain")
    assert branding.inputs["universalLogin"]["body"] == asset("assets/pages/login.html"), branding.urn
    assert domain.urn in branding.dependencies, f"{branding.urn} does not wait for {domain.urn}"


def test_the_theme_sends_every_block_auth0_requires(stack_plan):
    (theme,) = stack_plan.of_type(THEME)
    for block in ("borders", "colors", "fonts", "pageBackground", "widget"):
        assert block in theme.inputs, f"{theme.urn}: no {block}"
    for text in ("title", "subtitle", "bodyText", "buttonsText", "inputLabels", "links"):
        assert text in theme.inputs["fonts"], f"{theme.urn}: no fonts.{text}"


def test_pages_set_change_password_and_leave_the_error_page_to_the_tenant(stack_plan):
    (pages,) = stack_plan.of_type(PAGES)
    (tenant,) = stack_plan.of_type(TENANT)
    assert pages.inputs["changePassword"] == {"enabled": True, "html": asset("assets/pages/change-password.html")}
    assert "error" not in pages.inputs, f"{pages.urn} would fight {tenant.urn} over the error page"
    assert tenant.inputs["errorPage"]["html"] == asset("assets/pages/error.html"), tenant.urn


def test_prompt_texts_one_resource_per_prompt_and_language(stack_plan):
    texts = {(r.inputs["prompt"], r.inputs["language"]): r for r in stack_plan.of_type(PROMPT_TEXT)}
    assert set(texts) == {("login", "en"), ("login", "fr"), ("signup", "en")}
    login_fr = texts[("login", "fr")]
    assert json.loads(login_fr.inputs["body"]) == json.loads(asset("assets/prompts/login/fr.json")), login_fr.urn
    assert login_fr.name == "ciam-prompt-texts-login-fr"


def test_reformatting_a_prompt_text_file_changes_nothing():
    compact = '{"login":{"title":"Welcome","description":"Hi"}}'
    pretty = '{\n  "login": {\n    "description": "Hi",\n    "title": "Welcome"\n  }\n}\n'
    assert custom_text_body(compact) == custom_text_body(pretty)


def test_prompt_text_files_must_be_screens_of_texts():
    assert text_file_problem('{"login": {"title": "Welcome"}}') is None
    assert "not valid JSON" in text_file_problem('{"login": ')
    assert "screen 'login'" in text_file_problem('{"login": "Welcome"}')
    assert "'login.title' must be a string" in text_file_problem('{"login": {"title": 3}}')
