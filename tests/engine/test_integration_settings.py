"""When the integration suite runs, against which stack and tenant, and the reason it gives when it cannot."""

from __future__ import annotations

from tests.integration.settings import Settings, ephemeral_config, ephemeral_stack_name, resolve, secret_env_name

TENANTS = {"sandbox": "acme-dev.eu.auth0.com", "preprod": "acme-qa.eu.auth0.com", "live": "acme.eu.auth0.com"}
CREDS = {"AUTH0_DOMAIN": "acme-dev.eu.auth0.com", "AUTH0_CLIENT_ID": "id", "AUTH0_CLIENT_SECRET": "s"}


def test_without_the_pulumi_cli_the_reason_says_so():
    assert "Pulumi CLI is not on PATH" in resolve(CREDS, None, TENANTS, [])


def test_without_credentials_the_reason_names_the_variables():
    reason = resolve({"AUTH0_DOMAIN": "x"}, "/usr/bin/pulumi", TENANTS, [])
    assert reason.startswith("AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET not set")


def test_an_existing_stack_is_checked_on_its_own_tenant_only():
    settings = resolve({**CREDS, "CIAM_IT_STACK": "acme/ciam/sandbox"}, "/bin/pulumi", TENANTS, [])
    assert settings == Settings("acme/ciam/sandbox", "sandbox", False, "acme-dev.eu.auth0.com")
    reason = resolve({**CREDS, "CIAM_IT_STACK": "acme/ciam/live"}, "/bin/pulumi", TENANTS, [])
    assert "pinned to acme.eu.auth0.com" in reason


def test_an_ephemeral_stack_refuses_a_shipped_stacks_tenant():
    reason = resolve(CREDS, "/bin/pulumi", TENANTS, [])
    assert "stack sandbox's tenant" in reason and "CIAM_IT_STACK=sandbox" in reason


def test_an_ephemeral_stack_needs_a_login_domain_and_every_referenced_secret():
    env = {**CREDS, "AUTH0_DOMAIN": "acme-it.eu.auth0.com"}
    assert "CIAM_IT_LOGIN_DOMAIN not set" in resolve(env, "/bin/pulumi", TENANTS, [])
    env["CIAM_IT_LOGIN_DOMAIN"] = "login.it.acme.example"
    assert resolve(env, "/bin/pulumi", TENANTS, ["smtp-password"]).startswith("CIAM_IT_SECRET_SMTP_PASSWORD not set")
    env.update({"CIAM_IT_SECRET_SMTP_PASSWORD": "pw", "GITHUB_RUN_ID": "42", "CIAM_IT_PULUMI_ORG": "acme"})
    settings = resolve(env, "/bin/pulumi", TENANTS, ["smtp-password"])
    assert (settings.stack_name, settings.ephemeral, settings.secrets) == ("acme/ciam/it-42-1", True,
                                                                           {"smtp-password": "pw"})


def test_ephemeral_stack_names_are_unique_per_run_and_attempt():
    assert ephemeral_stack_name({"GITHUB_RUN_ID": "7", "GITHUB_RUN_ATTEMPT": "2"}) == "it-7-2"
    assert ephemeral_stack_name({}) != ephemeral_stack_name({})
    assert secret_env_name("legacy.api-key") == "CIAM_IT_SECRET_LEGACY_API_KEY"


def test_ephemeral_config_moves_the_stack_to_its_tenant_unprotected_and_drops_encrypted_values():
    source = {
        "ciam:stack": {"tenant_domain": "acme-dev.eu.auth0.com", "environment": "development"},
        "ciam:vars": {"app_base_url": "https://dev.acme.example", "login_domain": "login.dev.acme.example"},
        "ciam:smtp-password": {"secure": "v1:abc"},
    }
    settings = Settings("it-1", "sandbox", True, "acme-it.eu.auth0.com", login_domain="login.it.acme.example")
    config = ephemeral_config(source, settings)
    assert config["ciam:stack"] == {"tenant_domain": "acme-it.eu.auth0.com", "environment": "development",
                                    "protect_data": False}
    assert config["ciam:vars"]["login_domain"] == "login.it.acme.example"
    assert config["ciam:vars"]["app_base_url"] == "https://dev.acme.example"
    assert "ciam:smtp-password" not in config
