"""The tenant's own files: every one validates against the committed schema (what editors check as you type)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from cli.schema import SCHEMA_DIR
from tests.conftest import PROJECT_DIR, STACKS, load_yaml

FILES = [("tenant.yaml", "tenant.schema.json"), *((f"Pulumi.{s}.yaml", "stack.schema.json") for s in STACKS)]


@pytest.mark.parametrize("file, schema_name", FILES)
def test_every_tenant_file_validates_against_its_schema(file, schema_name):
    schema = json.loads((SCHEMA_DIR / schema_name).read_text())
    errors = jsonschema.Draft202012Validator(schema).iter_errors(load_yaml((PROJECT_DIR / file).read_text()))
    messages = [f"{file}: {'.'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]
    assert not messages, "\n".join(messages)

