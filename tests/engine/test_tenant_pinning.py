"""A stack deploys only to the tenant it pins; credentials pointing elsewhere stop the program."""

from __future__ import annotations

import pytest

from components.config.errors import ConfigError
from components.config.pinning import pinning_problems


def test_pinned_domain_is_the_provider_domain(stack_plan):
    [provider] = stack_plan.of_type("pulumi:providers:auth0")
    domains = {"sandbox": "globex-sandbox.eu.auth0.com", "preprod": "globex-preprod.eu.auth0.com",
               "live": "globex.eu.auth0.com"}
    assert provider.inputs["domain"] == domains[stack_plan.stack], provider.urn


def test_auth0_domain_in_environment_for_another_tenant_is_refused(project, monkeypatch):
    monkeypatch.setenv("AUTH0_DOMAIN", "globex-sandbox.eu.auth0.com")
    with pytest.raises(ConfigError) as caught:
        project.plan("live")
    message = str(caught.value)
    assert "Pulumi.live.yaml: AUTH0_DOMAIN: AUTH0_DOMAIN is 'globex-sandbox.eu.auth0.com'" in message
    assert "pinned to 'globex.eu.auth0.com'" in message


def test_auth0_domain_stack_config_for_another_tenant_is_refused(project):
    project.set_stack_config("live", "auth0:domain", "someone-else.us.auth0.com")
    with pytest.raises(ConfigError, match="auth0:domain is 'someone-else.us.auth0.com'"):
        project.plan("live")


def test_matching_credentials_are_accepted(project, monkeypatch):
    monkeypatch.setenv("AUTH0_DOMAIN", "GLOBEX.eu.auth0.com")
    assert project.plan("live").of_type("pulumi:providers:auth0")


def test_pinning_is_pure_and_reports_each_source():
    problems = pinning_problems("preprod", "globex-preprod.eu.auth0.com", {
        "auth0:domain": "globex.eu.auth0.com", "AUTH0_DOMAIN": "globex-sandbox.eu.auth0.com", "unset": None})
    assert len(problems) == 2 and problems[0].startswith("AUTH0_DOMAIN") and problems[1].startswith("auth0:domain")
