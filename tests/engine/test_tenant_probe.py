"""The integration suite's helpers, without network: the HTTP opener is a stub that records requests."""

from __future__ import annotations

import base64
import io
import json
import urllib.error
import urllib.parse

import pytest

from cli.offline import Plan, Record
from tests.integration.tenant_probe import (
    CLIENT,
    CLIENT_GRANT,
    CONNECTION,
    Http,
    HttpError,
    discovery_url,
    expected_resources,
    issuer_problem,
    jwt_claims,
    management_url,
    token_request,
)


class _Response(io.BytesIO):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class StubOpener:
    """Answers queued (status, body) pairs in order and keeps the requests it got."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.requests = []

    def __call__(self, request, timeout):
        self.requests.append(request)
        status, body, headers = (*self.answers.pop(0), {})[:3]
        payload = json.dumps(body).encode()
        if status >= 400:
            raise urllib.error.HTTPError(request.full_url, status, "error", headers, io.BytesIO(payload))
        return _Response(payload)


def _record(type_, name, inputs, deps=()):
    return Record(f"urn:pulumi:dev::ciam::x${type_}::{name}", type_, name, None, False, tuple(deps), inputs)


def _plan():
    web = _record(CLIENT, "ciam-apps-web", {"name": "web", "appType": "spa"})
    m2m = _record(CLIENT, "ciam-apps-reports", {"name": "reports", "appType": "non_interactive"})
    grant = _record(CLIENT_GRANT, "ciam-apps-reports-grant", {"audience": "https://api.acme.example"}, [m2m.urn])
    db = _record(CONNECTION, "ciam-connections-users", {"name": "users"})
    return Plan("sandbox", [web, m2m, grant, db])


def test_discovery_url_and_issuer_are_built_from_the_custom_domain():
    assert discovery_url("Login.Acme.example ") == "https://login.acme.example/.well-known/openid-configuration"
    good = {"issuer": "https://login.acme.example/", "token_endpoint": "https://login.acme.example/oauth/token"}
    assert issuer_problem(good, "login.acme.example") is None


@pytest.mark.parametrize("document, fragment", [
    ({"issuer": "https://acme.eu.auth0.com/", "token_endpoint": "https://acme.eu.auth0.com/oauth/token"},
     "expected 'https://login.acme.example/'"),
    ({"issuer": "https://login.acme.example", "token_endpoint": "https://login.acme.example/oauth/token"},
     "issuer is 'https://login.acme.example'"),
    ({"issuer": "https://login.acme.example/", "token_endpoint": "https://acme.eu.auth0.com/oauth/token"},
     "token_endpoint"),
])
def test_an_issuer_of_another_domain_or_without_trailing_slash_is_a_problem(document, fragment):
    assert fragment in issuer_problem(document, "login.acme.example")


def test_token_request_is_a_client_credentials_form_post_to_the_domain():
    url, body = token_request("login.acme.example", "cid", "s3cr&t", "https://api.acme.example")
    assert url == "https://login.acme.example/oauth/token"
    assert urllib.parse.parse_qs(body.decode()) == {
        "grant_type": ["client_credentials"], "client_id": ["cid"], "client_secret": ["s3cr&t"],
        "audience": ["https://api.acme.example"]}


def test_management_url_encodes_query_and_lowercases_booleans():
    url = management_url("acme-dev.eu.auth0.com", "/clients", fields="name,client_id", include_fields=True)
    assert url == "https://acme-dev.eu.auth0.com/api/v2/clients?fields=name%2Cclient_id&include_fields=true"


def test_expected_resources_come_from_the_offline_plan():
    expected = expected_resources(_plan())
    assert expected.applications == {"web", "reports"}
    assert expected.connections == {"users"}
    assert expected.m2m == ("reports", "https://api.acme.example")


def test_a_named_test_application_must_be_a_machine_to_machine_app_with_a_grant():
    assert expected_resources(_plan(), "reports").m2m == ("reports", "https://api.acme.example")
    with pytest.raises(LookupError, match="'web'"):
        expected_resources(_plan(), "web")


def test_jwt_claims_are_read_from_the_payload():
    payload = base64.urlsafe_b64encode(json.dumps({"iss": "https://x/", "aud": "a"}).encode()).rstrip(b"=")
    assert jwt_claims(f"h.{payload.decode()}.s") == {"iss": "https://x/", "aud": "a"}
    with pytest.raises(ValueError, match="not a JWT"):
        jwt_claims("opaque-token")


def test_http_waits_and_retries_when_auth0_rate_limits():
    opener = StubOpener((429, {"error": "too_many_requests"}, {"Retry-After": "1"}), (200, {"ok": True}))
    waits = []
    http = Http(opener=opener, sleep=waits.append)
    assert http.request("GET", "https://t/api/v2/clients") == {"ok": True}
    assert waits == [1.0] and len(opener.requests) == 2


def test_http_error_names_the_request_and_status():
    http = Http(opener=StubOpener((403, {"message": "Insufficient scope, expected: read:client_keys"})))
    with pytest.raises(HttpError, match=r"GET https://t/x answered 403: .*read:client_keys"):
        http.request("GET", "https://t/x")


def test_token_posts_the_form_and_management_list_reads_every_page():
    opener = StubOpener(
        (200, {"access_token": "tok", "token_type": "Bearer"}),
        (200, {"clients": [{"name": f"app{i}"} for i in range(100)], "total": 101}),
        (200, {"clients": [{"name": "app100"}], "total": 101}),
    )
    http = Http(opener=opener)
    assert http.token("t.auth0.com", "id", "secret", "aud")["access_token"] == "tok"
    names = [c["name"] for c in http.management_list("t.auth0.com", "tok", "clients", "clients", "name")]
    assert len(names) == 101 and names[-1] == "app100"
    token_call, first_page, second_page = opener.requests
    assert token_call.get_method() == "POST"
    assert token_call.get_header("Content-type") == "application/x-www-form-urlencoded"
    assert "page=0" in first_page.full_url and "page=1" in second_page.full_url
    assert second_page.get_header("Authorization") == "Bearer tok"
