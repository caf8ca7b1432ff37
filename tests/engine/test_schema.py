"""The committed JSON Schemas match the model and accept valid files (the full fixture tenant), so editors check what
the program checks. That the shipped tenant's files validate is tests/tenant/test_tenant_files.py."""

from __future__ import annotations

import functools
import json

import jsonschema
import pytest

from cli.schema import SCHEMA_DIR
from tests.conftest import FIXTURE_TENANTS, FULL_STACKS, SCHEMA_RENDERED, load_yaml, rendered_schemas

FULL = FIXTURE_TENANTS / "full"
# Rendering the model's schemas (tests/conftest.py) and checking a committed schema against its metaschema (below)
# cost about 1.5 s each, cached per worker: the tests that need one share a group, so one worker does each once, and
# none at collection.
TENANT_SCHEMA = pytest.mark.xdist_group("schema-tenant")
STACK_SCHEMA = pytest.mark.xdist_group("schema-stack")
COMMITTED = sorted(path.name for path in SCHEMA_DIR.glob("*.json"))


def schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text())



@functools.cache
def validator_of(name: str) -> jsonschema.Draft202012Validator:
    """What `jsonschema.validate` checks: the schema against its metaschema, then a validator for the data."""
    document = schema(name)
    jsonschema.validators.validator_for(document).check_schema(document)
    return jsonschema.validators.validator_for(document)(document)


@SCHEMA_RENDERED
def test_every_schema_the_model_renders_is_committed_and_nothing_else():
    assert sorted(rendered_schemas()) == COMMITTED, "schema/ differs from what `make schema` writes: run `make schema`"


@SCHEMA_RENDERED
@pytest.mark.parametrize("name", COMMITTED)
def test_committed_schema_is_current(name):
    assert (SCHEMA_DIR / name).read_text() == rendered_schemas()[name], f"schema/{name} is stale: run `make schema`"


@TENANT_SCHEMA
def test_blueprint_validates_against_its_schema():
    data = load_yaml((FULL / "tenant.yaml").read_text())
    validator_of("tenant.schema.json").validate(data)


@STACK_SCHEMA
@pytest.mark.parametrize("stack", FULL_STACKS)
def test_stack_files_validate_against_their_schema(stack):
    data = load_yaml((FULL / f"Pulumi.{stack}.yaml").read_text())
    validator_of("stack.schema.json").validate(data)


@STACK_SCHEMA
def test_schema_flags_a_misspelled_overlay_key_and_a_plain_unknown_ciam_key():
    validator = validator_of("stack.schema.json")
    stack = {"config": {"ciam:stack": {"tenant_domain": "a.auth0.com", "environment": "qa"},
                        "ciam:tenant": {"friendly_nme": "x"}}}
    assert any("friendly_nme" in e.message for e in validator.iter_errors(stack))
    stack["config"] = {**stack["config"], "ciam:tenant": {}, "ciam:google_secret": "plain"}
    assert list(validator.iter_errors(stack)), "a plain-text ciam: key that is not a section must be flagged"
    stack["config"]["ciam:google_secret"] = {"secure": "v1:abc"}
    assert not list(validator.iter_errors(stack))


@TENANT_SCHEMA
def test_blueprint_schema_flags_what_the_loader_rejects_and_accepts_variables():
    validator = validator_of("tenant.schema.json")
    data = load_yaml((FULL / "tenant.yaml").read_text())
    data["tenant"]["suport_email"] = "x@acme.example"
    data["tenant"]["session_cookie"] = {"mode": "forever"}
    messages = " | ".join(e.message for e in validator.iter_errors(data))
    assert "suport_email" in messages and "forever" in messages, messages
    data = load_yaml((FULL / "tenant.yaml").read_text())
    data["tenant"]["session_lifetime"] = "${session_hours}"
    assert not list(validator.iter_errors(data)), "a ${var} in place of a number must be accepted"
