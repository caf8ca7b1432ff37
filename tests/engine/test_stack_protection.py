"""A pull request cannot switch production off by editing the stack file: protection is compared with the base."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
from pathlib import Path

import pytest

from cli import deployed_commit, guard, stack_protection
from cli.stack_protection import OVERRIDE_VARIABLE, Protection, lowered
from tests.conftest import dump_yaml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "preview"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args], cwd=repo, check=True,
                   capture_output=True)


def write_stack(repo: Path, stack: str, **settings) -> None:
    body = {"config": {"ciam:stack": {"tenant_domain": f"acme-{stack}.eu.auth0.com", **settings}}}
    (repo / f"Pulumi.{stack}.yaml").write_text(dump_yaml(body))


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


def test_a_stack_file_that_is_not_yaml_at_the_base_or_in_the_change_is_an_error_not_a_pass(repo, capsys):
    (repo / "Pulumi.live.yaml").write_text("config:\n  ciam:stack: [production\n")
    git(repo, "commit", "-q", "-am", "broken at the base")
    write_stack(repo, "live", environment="staging")
    assert stack_protection.main(["--base", "main"], project_dir=repo) == 2
    assert capsys.readouterr().err.startswith("error: cannot read Pulumi.live.yaml at main:3: invalid YAML: ")
    (repo / "Pulumi.live.yaml").write_bytes(b"config: \xff\n")
    assert stack_protection.main(["--base", "HEAD~1"], project_dir=repo) == 2
    assert capsys.readouterr().err.startswith("Pulumi.live.yaml:1: is not UTF-8 text: byte 0xff at offset 8")


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
    (Protection("production", None), Protection("production", None, frozenset({"tenant-support-contacts"})), 1),
    (Protection("production", None, frozenset({"a", "b"})), Protection("production", None, frozenset({"a"})), 0),
    (Protection("qa", None), Protection("qa", None, frozenset({"tenant-support-contacts"})), 0),
])
def test_what_counts_as_lowering(base, head, expected):
    assert len(lowered(base, head)) == expected, (base, head)


def head(repo: Path, ref: str = "HEAD") -> str:
    found = subprocess.run(["git", "rev-parse", ref], cwd=repo, capture_output=True, text=True, check=True)
    return found.stdout.strip()


def update(commit: str, result: str = "succeeded", kind: str = "update") -> dict:
    return {"kind": kind, "result": result, "environment": {"git.head": commit, "git.dirty": "false"}}


def deployed_base(repo: Path, history: list, *fallbacks: str) -> tuple[int, str]:
    out = io.StringIO()
    argv = [arg for ref in fallbacks for arg in ("--fallback", ref)]
    with contextlib.redirect_stdout(out):
        code = deployed_commit.main(argv, project_dir=repo, stdin=io.StringIO(json.dumps(history)))
    return code, out.getvalue().strip()


def test_a_lowering_merged_after_an_undeployed_push_is_caught_against_the_last_deployment(repo, capsys):
    deployed = head(repo)
    write_stack(repo, "live", environment="staging")  # merged, but its deployment never ran (approval refused)
    git(repo, "commit", "-q", "-am", "lower live")
    (repo / "README").write_text("unrelated\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "next push")
    before = head(repo, "HEAD^")  # the next push's github.event.before already lowers live
    assert stack_protection.main(["--base", before, "--stack", "live"], project_dir=repo) == 0
    history = [update("f" * 40, result="failed"), update(head(repo, "HEAD^"), result="failed"),
               update(deployed, kind="preview"), update(deployed)]
    code, line = deployed_base(repo, history, before, "HEAD^")
    assert (code, line) == (0, f"commit={deployed}"), "the base must be the last succeeded update's commit"
    assert stack_protection.main(["--base", deployed, "--stack", "live"], project_dir=repo) == 1
    assert "Pulumi.live.yaml: ciam:stack.environment: production -> staging" in capsys.readouterr().err


def test_without_a_recorded_deployment_the_first_resolving_fallback_is_the_base(repo):
    git(repo, "commit", "-q", "--allow-empty", "-m", "second")
    unknown = update("e" * 40)  # deployed from a clone whose commit this checkout lacks
    assert deployed_base(repo, [unknown], "0" * 40, "HEAD^") == (0, f"commit={head(repo, 'HEAD^')}")
    assert deployed_base(repo, [], "", "no-such-ref") == (2, "")
