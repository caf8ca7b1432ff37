"""A read-only checkout: `make schema` writes nothing when the schema is current, and says why it cannot."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import cli.schema
from tests.conftest import SCHEMA_RENDERED, rendered_schemas

PROJECT_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def schema_dir(tmp_path, monkeypatch) -> Path:
    target = tmp_path / "schema"
    shutil.copytree(PROJECT_DIR / "schema", target)
    monkeypatch.setattr(cli.schema, "SCHEMA_DIR", target)
    # The model's rendering is deterministic: the session's (tests/conftest.py), so only the writing runs here.
    monkeypatch.setattr(cli.schema, "rendered", rendered_schemas)
    return target


def refuse_writes(monkeypatch):
    def read_only(self, *args, **kwargs):
        raise PermissionError(30, "Read-only file system")
    monkeypatch.setattr(Path, "write_text", read_only)


@SCHEMA_RENDERED
def test_a_current_schema_is_not_rewritten(schema_dir, monkeypatch):
    refuse_writes(monkeypatch)
    cli.schema.main(["--write"])


@SCHEMA_RENDERED
def test_a_stale_schema_in_a_read_only_checkout_is_one_line_not_a_traceback(schema_dir, monkeypatch):
    (schema_dir / "stack.schema.json").unlink()
    refuse_writes(monkeypatch)
    with pytest.raises(SystemExit) as stopped:
        cli.schema.main(["--write"])
    assert str(stopped.value).startswith("error: cannot write schema/stack.schema.json"), stopped.value


def test_lint_keeps_no_cache_in_the_checkout():
    makefile = (PROJECT_DIR / "Makefile").read_text()
    assert "ruff check --no-cache" in makefile, "ruff writes .ruff_cache into the checkout"
    assert "flock $(VENV).lock" in makefile, "two makes in a fresh clone race to create .venv"
