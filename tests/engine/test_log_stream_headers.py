"""Log-stream HTTP headers can hold secrets, and a credential header must: never plain text in state."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from components.config.log_streams import HttpHeader
from components.config.types import SecretRef


def test_a_header_value_can_be_a_secret_reference():
    assert HttpHeader.model_validate({"header": "X-Api-Key", "value": {"secret": "siem_key"}}).value == \
        SecretRef(secret="siem_key")


@pytest.mark.parametrize("header", ["Authorization", "X-Api-Key", "X-Auth-Token", "Cookie", "X-Signature"])
def test_a_credential_header_in_plain_text_is_refused(header):
    with pytest.raises(ValidationError) as refused:
        HttpHeader.model_validate({"header": header, "value": "Bearer abc"})
    assert "carries a credential" in str(refused.value), header
    assert "Bearer abc" not in str(refused.value).split("input_value")[0]


def test_an_ordinary_header_may_stay_plain():
    assert HttpHeader.model_validate({"header": "X-Source", "value": "auth0"}).value == "auth0"


def test_the_secret_header_reaches_the_resource_as_a_secret(project):
    blueprint = project.blueprint()
    blueprint.setdefault("log_streams", {})["siem-headers"] = {
        "type": "http",
        "sink": {"http_endpoint": {"secret": "siem_url"},
                 "http_custom_headers": [{"header": "Authorization", "value": {"secret": "siem_token"}},
                                         {"header": "X-Source", "value": "auth0"}]},
    }
    project.write_blueprint(blueprint)
    stack = project.stacks()[0]
    plan = project.plan(stack)
    [stream] = [r for r in plan.resources if r.urn.endswith("-siem-headers")]
    headers = stream.inputs["sink"]["httpCustomHeaders"]
    assert "[secret]" in str(headers), f"{stream.urn}: httpCustomHeaders {headers}"
