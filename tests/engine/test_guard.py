"""The deletion guard on `pulumi preview --json` output (fixtures follow Pulumi's PreviewDigest format)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cli.guard import ALLOW_VARIABLE, destructions, main
from tests.conftest import fixture_copy

# Recorded `pulumi preview --json` output of the full fixture tenant's stacks (live: production).
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "preview"
CONNECTION_URN = ("urn:pulumi:live::ciam::ciam:index:CiamTenant$ciam:provisioning:DatabaseConnections"
                  "$auth0:index/connection:Connection::ciam-connections-travellers")


@pytest.fixture(autouse=True)
def _no_allowance(monkeypatch):
    monkeypatch.delenv(ALLOW_VARIABLE, raising=False)


def guard(preview: dict | str, *args: str) -> int:
    text = preview if isinstance(preview, str) else json.dumps(preview)
    return main(["--file", "-", *args], project_dir=fixture_copy("full").root, stdin=io.StringIO(text))


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text())


def test_a_production_preview_that_only_updates_passes():
    assert guard(fixture("live-update-only.json")) == 0


@pytest.mark.parametrize("name", ["live-replace-connection.json", "live-replace-custom-domain.json",
                                  "live-delete-client.json"])
def test_a_production_preview_that_destroys_data_is_blocked(name, capsys):
    assert guard(fixture(name)) == 1, name
    assert f"rerun with {ALLOW_VARIABLE}=1" in capsys.readouterr().err


def test_the_blocked_resource_is_named_once_with_why(capsys):
    guard(fixture("live-replace-connection.json"))
    err = capsys.readouterr().err
    assert err.count(CONNECTION_URN) == 1
    assert f"replace {CONNECTION_URN} (replaced because of: name)" in err


def test_each_replacement_step_order_counts_as_one_replacement():
    for name in ("live-replace-connection.json", "live-replace-custom-domain.json"):
        [found] = destructions(fixture(name))
        assert found.action in ("replace", "delete-before-replace") and len(found.ops) == 3, (name, found.ops)


def test_an_explicit_allowance_lets_a_reviewed_deletion_through(monkeypatch, capsys):
    monkeypatch.setenv(ALLOW_VARIABLE, "1")
    assert guard(fixture("live-delete-client.json")) == 0
    assert f"allowed by {ALLOW_VARIABLE}=1" in capsys.readouterr().out


def test_outside_production_a_replacement_is_reported_not_blocked(capsys):
    assert guard(fixture("sandbox-replace-connection.json")) == 0
    assert "allowed outside production (environment: development)" in capsys.readouterr().out


def test_without_config_in_the_preview_the_stack_file_decides():
    preview = fixture("live-replace-connection.json")
    del preview["config"]
    assert guard(preview) == 1
    dev = fixture("sandbox-replace-connection.json")
    del dev["config"]
    assert guard(dev) == 0


def test_an_unknown_environment_fails_closed():
    preview = fixture("live-replace-connection.json")
    del preview["config"]
    text = json.dumps(preview).replace("urn:pulumi:live::", "urn:pulumi:no-such-stack-x9::")
    assert guard(text) == 1


def test_types_recreated_from_code_at_no_cost_are_not_guarded():
    preview = fixture("live-replace-connection.json")
    for step in preview["steps"]:
        for state in ("oldState", "newState"):
            if step.get(state, {}).get("type") == "auth0:index/connection:Connection":
                step[state]["type"] = "auth0:index/emailTemplate:EmailTemplate"
        step["urn"] = step["urn"].replace("connection:Connection", "emailTemplate:EmailTemplate")
    assert guard(preview) == 0


def test_input_that_is_not_a_preview_is_an_error(capsys):
    assert guard("Previewing update (prod):") == 2
    assert "is not `pulumi preview --json` output" in capsys.readouterr().err


def test_a_production_preview_of_tens_of_megabytes_is_read():
    # A tenant of thousands of applications previews to some 100 MB (each resource's old and new state).
    preview = fixture("live-update-only.json")
    preview["steps"][-1]["newState"]["outputs"] = {"padding": "x" * 60_000_000}
    assert guard(preview) == 0


def test_a_preview_file_over_the_limit_is_refused_by_its_size_without_being_read(tmp_path, monkeypatch, capsys):
    from components.config.sources import MAX_JSON_BYTES
    preview = tmp_path / "preview.json"
    with preview.open("wb") as file:
        file.truncate(MAX_JSON_BYTES + 1)  # sparse: nothing written
    monkeypatch.setattr(type(preview), "read_bytes", lambda self: pytest.fail(f"{self} was read"))
    assert main(["--file", str(preview)], project_dir=fixture_copy("full").root) == 2
    assert f"is not `pulumi preview --json` output: is over {MAX_JSON_BYTES} bytes" in capsys.readouterr().err
