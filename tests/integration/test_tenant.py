"""The real tenant after `pulumi up`: what users and applications rely on answers as the blueprint says."""

from __future__ import annotations

import pytest

from tests.integration.tenant_probe import (
    discovery_url,
    expected_issuer,
    issuer_problem,
    jwt_claims,
    management_url,
    missing,
)


def test_oidc_discovery_answers_on_the_custom_domain_with_its_issuer(deployment, http):
    if deployment.settings.ephemeral:
        pytest.skip("a new custom domain answers only after its DNS record and verification; "
                    "run with CIAM_IT_STACK to check a deployed stack's domain")
    document = http.request("GET", discovery_url(deployment.login_domain))
    problem = issuer_problem(document, deployment.login_domain)
    assert problem is None, f"{discovery_url(deployment.login_domain)}: {problem}"


def test_management_api_shows_the_planned_applications_and_connections(deployment, http, management_token,
                                                                        expected, settings):
    clients = http.management_list(settings.tenant_domain, management_token, "clients", "clients", "name,client_id")
    connections = http.management_list(settings.tenant_domain, management_token, "connections", "connections",
                                       "name,strategy")
    absent = {
        "applications": missing(expected.applications, (c["name"] for c in clients)),
        "connections": missing(expected.connections, (c["name"] for c in connections)),
    }
    assert absent == {"applications": [], "connections": []}, f"stack {deployment.stack.name}: missing {absent}"


def test_client_credentials_token_is_issued_for_the_test_application(deployment, http, management_token,
                                                                     expected, settings):
    if expected.m2m is None:
        pytest.skip("the blueprint has no non_interactive application with a client grant to request a token for")
    name, audience = expected.m2m
    clients = http.management_list(settings.tenant_domain, management_token, "clients", "clients", "name,client_id")
    client_id = next(c["client_id"] for c in clients if c["name"] == name)
    secret = http.request("GET", management_url(settings.tenant_domain, f"clients/{client_id}",
                                                fields="client_secret", include_fields=True),
                          headers={"Authorization": f"Bearer {management_token}"})["client_secret"]
    domain = settings.tenant_domain if settings.ephemeral else deployment.login_domain
    token = http.token(domain, client_id, secret, audience)
    claims = jwt_claims(token["access_token"])
    assert token.get("token_type") == "Bearer", f"application {name}: {token.get('token_type')!r}"
    assert claims["iss"] == expected_issuer(domain), f"application {name}: issuer {claims['iss']!r}"
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    assert audience in audiences, f"application {name}: token audience {audiences}, expected {audience}"
    assert claims["sub"] == f"{client_id}@clients", f"application {name}: subject {claims['sub']!r}"


def test_deployed_stack_has_no_pending_changes(deployment):
    # A perpetual diff (a value Auth0 normalises differently) would make every deploy and drift check noisy.
    deployment.stack.preview(expect_no_changes=True, on_output=print)
