"""A pull request cannot switch production off by editing the stack file: protection is compared with the base."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest
import yaml

from cli import guard, stack_protection
from cli.stack_protection import OVERRIDE_VARIABLE, Protection, lowered

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "preview"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args], cwd=repo, check=True,
                   capture_output=True)


def write_stack(repo: Path, stack: str, **settings) -> None:
    body = {"config": {"ciam:stack": {"tenant_domain": f"acme-{stack}.eu.auth0.com", **settings}}}
    (repo / f"Pulumi.{stack}.yaml").write_text(yaml.safe_dump(body))


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    monkeypatch.delenv(OVERRIDE_VARIABLE, raising=False)
    monkeypatch.delenv(guard.ALLOW_VARIABLE, raising=False)
    git(tmp_path, "init", "-q", "-b", "main")
    write_stack(tmp_path, "live", environment="production")
    write_stack(tmp_path, "sandbox", environment="development")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "base")
    return tmp_path


def test_leaving_production_in_the_stack_file_is_refused(repo, capsys):
    write_stack(repo, "live", environment="staging")
    assert stack_protection.main(["--base", "main"], project_dir=repo) == 1
    assert "Pulumi.live.yaml: ciam:stack.environment: production -> staging" in capsys.readouterr().err


def test_turning_data_protection_off_is_refused(repo):
    write_stack(repo, "live", environment="production", protect_data=False)
    assert stack_protection.main(["--base", "main"], project_dir=repo) == 1


def test_raising_protection_or_a_new_stack_passes(repo):
    write_stack(repo, "sandbox", environment="production")
    write_stack(repo, "fresh", environment="development")
    assert stack_protection.main(["--base", "main"], project_dir=repo) == 0


def test_a_reviewed_override_lets_it_through(repo, monkeypatch):
    write_stack(repo, "live", environment="staging")
    monkeypatch.setenv(OVERRIDE_VARIABLE, "1")
    assert stack_protection.main(["--base", "main"], project_dir=repo) == 0


def test_an_unreadable_base_is_an_error_not_a_pass(repo):
    assert stack_protection.main(["--base", "no-such-ref"], project_dir=repo) == 2


def test_the_guard_keeps_a_downgraded_stack_production_against_the_base(repo):
    write_stack(repo, "live", environment="staging")
    preview = json.loads((FIXTURES / "prod-replace-role.json").read_text())
    preview["config"]["ciam:stack"] = json.dumps({"environment": "staging", "tenant_domain": "acme-live.eu.auth0.com"})
    text = json.dumps(preview).replace("urn:pulumi:prod::", "urn:pulumi:live::")
    assert guard.main(["--file", "-"], project_dir=repo, stdin=io.StringIO(text)) == 0
    assert guard.main(["--file", "-", "--base", "main"], project_dir=repo, stdin=io.StringIO(text)) == 1


@pytest.mark.parametrize("base,head,expected", [
    (Protection("production", None), Protection("qa", None), 2),
    (Protection("production", None), Protection("production", True), 0),
    (Protection("staging", True), Protection("staging", None), 1),
    (None, Protection("development", None), 0),
])
def test_what_counts_as_lowering(base, head, expected):
    assert len(lowered(base, head)) == expected, (base, head)
