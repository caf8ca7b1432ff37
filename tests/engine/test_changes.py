"""`make changes`: the offline change plan between a base commit and the working tree, in a scratch git repository
of the project (the engine files plus the fixture tenant tests/fixtures/tenants/changes).

Most tests call the CLI's main in this process, with the recorder (cli/recorded.py, a subprocess per checkout in
`make changes`) run here too and its plans kept per content: the base checkout is the same tenant in almost every
test. The exit codes, the worktree clean-up and the interrupts run the real CLI, subprocesses and all.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import io
import json
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import cli.changes
import cli.offline
from cli import recorded

PROJECT_DIR = Path(__file__).resolve().parents[2]
FIXTURE = PROJECT_DIR / "tests" / "fixtures" / "tenants" / "changes"
ENGINE = ("__main__.py", "Pulumi.yaml", "components", "cli", "policies")
CLIENT = "auth0:index/client:Client"
ACTION = "auth0:index/action:Action"


class ScratchRepo:
    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True)
        for name in ENGINE:
            source = PROJECT_DIR / name
            if source.is_dir():
                shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy(source, root / name)
        shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
        self.git("init", "--quiet", "--initial-branch=main")
        self.commit("the tenant")

    def git(self, *args: str) -> str:
        return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.test", *args], cwd=self.root,
                              check=True, capture_output=True, text=True).stdout

    def commit(self, message: str) -> None:
        self.git("add", "-A")
        self.git("commit", "--quiet", "-m", message)

    def edit(self, path: str, old: str, new: str) -> None:
        file = self.root / path
        text = file.read_text()
        assert text.count(old) == 1, f"{path}: expected exactly one {old!r}"
        file.write_text(text.replace(old, new))

    def changes(self, *args: str) -> subprocess.CompletedProcess:
        """`python -m cli.changes ARGS` in the repository, run in this process (see the module docstring)."""
        stdout, stderr = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                code = cli.changes.main(list(args), project_dir=self.root)
            except SystemExit as exit_:  # argparse
                code = exit_.code
        return subprocess.CompletedProcess(args, code, stdout.getvalue(), stderr.getvalue())

    def changes_process(self, *args: str) -> subprocess.CompletedProcess:
        """The real CLI: its own process, its recorder subprocesses, its exit status."""
        return subprocess.run([sys.executable, "-m", "cli.changes", *args], cwd=self.root, capture_output=True,
                              text=True, timeout=120)

    def json_changes(self, *args: str) -> dict:
        result = self.changes("--format", "json", *args)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)


def _digest(root: Path, names) -> str:
    digest = hashlib.sha256()
    for name in names:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) \
            if path.is_dir() else [path] if path.is_file() else []
        for file in files:
            digest.update(str(file.relative_to(root)).encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


_ENGINE_DIGEST = _digest(PROJECT_DIR, ENGINE)
_recorded: dict[tuple[str, tuple[str, ...]], str] = {}
_record_plans = cli.changes.record_plans
_one_plan_at_a_time = threading.Lock()  # the offline runtime is process-wide; changes records two checkouts at once


def _record_plans_here(project_dir: Path, stacks: list[str]) -> dict[str, dict]:
    """cli.changes.record_plans without its subprocess, for a checkout whose engine is this one; kept per content
    (the recorded JSON has no path in it). Another engine (none of these tests edits it) gets the real recorder."""
    if _digest(project_dir, ENGINE) != _ENGINE_DIGEST:
        return _record_plans(project_dir, stacks)
    key = (_digest(project_dir, sorted(p.name for p in project_dir.iterdir() if p.name != ".git")), tuple(stacks))
    with _one_plan_at_a_time:
        if key not in _recorded:
            loop = asyncio.new_event_loop()  # changes calls this on a worker thread, which has none
            asyncio.set_event_loop(loop)
            try:
                _recorded[key] = json.dumps([recorded.record(project_dir, stack, cli.offline) for stack in stacks],
                                            sort_keys=True)
            finally:
                asyncio.set_event_loop(None)
                loop.close()
    return {entry["stack"]: entry for entry in json.loads(_recorded[key])}


@pytest.fixture
def repo(tmp_path, monkeypatch) -> ScratchRepo:
    monkeypatch.setattr(cli.changes, "record_plans", _record_plans_here)
    return ScratchRepo(tmp_path / "project")


def _only_stack(data: dict, stack: str = "alpha") -> dict:
    (entry,) = [s for s in data["stacks"] if s["stack"] == stack]
    return entry


def test_a_callback_and_one_action_line_name_exactly_that_client_and_that_action(repo):
    repo.edit("tenant.yaml", '"${base_url}/callback"', '"${base_url}/auth/callback"')
    repo.edit("assets/actions/stamp-login.js", "const stamp = new Date().toISOString();",
              "const stamp = new Date().toUTCString();")
    repo.commit("callback and action")
    stack = _only_stack(repo.json_changes("--base", "HEAD~1", "--stack", "alpha"))
    changed = {(c["type"], c["name"]): c for c in stack["resources"]}
    assert set(changed) == {(CLIENT, "ciam-applications-web"), (ACTION, "ciam-actions-stamp-login")}, changed.keys()
    assert stack["summary"] == {"add": 0, "update": 2, "replace": 0, "delete": 0}
    assert stack["stack_settings"] == []

    client = changed[(CLIENT, "ciam-applications-web")]
    assert client["action"] == "update"
    assert client["properties"] == [{"path": "callbacks", "old": ["https://alpha.example.test/callback"],
                                     "new": ["https://alpha.example.test/auth/callback"]}], client["urn"]

    action = changed[(ACTION, "ciam-actions-stamp-login")]
    (code,) = action["properties"]
    assert code["path"] == "code", action["urn"]
    removed = [line for line in code["diff"] if line.startswith("-")]
    added = [line for line in code["diff"] if line.startswith("+")]
    assert removed == ["-  const stamp = new Date().toISOString();"], action["urn"]
    assert added == ["+  const stamp = new Date().toUTCString();"], action["urn"]


def test_the_tree_names_the_changes_and_ends_with_the_summary_line(repo):
    repo.edit("tenant.yaml", '"${base_url}/callback"', '"${base_url}/auth/callback"')
    repo.commit("callback")
    result = repo.changes("--base", "HEAD~1")
    assert result.returncode == 0, result.stderr
    assert "~ Client ciam-applications-web" in result.stdout
    assert ('callbacks: ["https://beta.example.test/callback"] -> ["https://beta.example.test/auth/callback"]'
            in result.stdout)
    for stack in ("alpha", "beta"):  # every stack by default
        assert f"{stack}: 0 to add, 1 to change, 0 to replace, 0 to delete" in result.stdout
    assert "\033[" not in result.stdout, "colour only on a terminal"


def test_renaming_an_application_key_without_an_alias_is_a_replace_with_the_reason(repo):
    tenant = repo.root / "tenant.yaml"
    tenant.write_text(tenant.read_text().replace("  console:\n", "  portal:\n").replace("[ web, console ]",
                                                                                         "[ web, portal ]"))
    repo.commit("rename console to portal")
    stack = _only_stack(repo.json_changes("--base", "HEAD~1", "--stack", "alpha"))
    clients = [c for c in stack["resources"] if c["type"] == CLIENT]
    assert [(c["action"], c["name"]) for c in clients] == [("replace", "ciam-applications-portal")], clients
    (client,) = clients
    assert client["old_urn"].endswith("::ciam-applications-console"), client
    assert "URN changed" in client["reason"] and "without an Alias" in client["reason"], client["reason"]
    assert "ciam-applications-console -> ciam-applications-portal" in client["reason"], client["reason"]
    assert stack["summary"]["delete"] == 0 and stack["summary"]["add"] == 0, stack["summary"]

    tree = repo.changes("--base", "HEAD~1", "--stack", "alpha").stdout
    assert "-/+ Client ciam-applications-portal" in tree
    assert "alpha: 0 to add, 0 to change, 2 to replace, 0 to delete" in tree, tree  # the client and its credentials


def test_a_replace_forcing_property_is_named_as_the_reason(repo):
    repo.edit("tenant.yaml", "identifier: https://api.example.test/records",
              "identifier: https://api.example.test/records/v2")
    repo.commit("new API identifier")
    stack = _only_stack(repo.json_changes("--base", "HEAD~1", "--stack", "alpha"))
    (server,) = [c for c in stack["resources"] if c["type"] == "auth0:index/resourceServer:ResourceServer"]
    assert server["action"] == "replace", server
    assert server["reason"] == "identifier changed, which forces replacement", server["urn"]


def test_stack_settings_changes_are_listed(repo):
    repo.edit("Pulumi.alpha.yaml", "environment: development", "environment: staging")
    repo.commit("alpha is staging now")
    stack = _only_stack(repo.json_changes("--base", "HEAD~1", "--stack", "alpha"))
    assert {"path": "ciam:stack.environment", "old": "development", "new": "staging"} in stack["stack_settings"]


def test_the_json_is_byte_identical_across_runs(repo):
    repo.edit("tenant.yaml", '"${base_url}/callback"', '"${base_url}/auth/callback"')
    repo.commit("callback")
    first, second = repo.changes("--base", "HEAD~1", "--format", "json"), repo.changes("--base", "HEAD~1",
                                                                                       "--format", "json")
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert first.stdout == second.stdout


def test_exit_codes_and_bad_input(repo):
    assert repo.changes("--base", "HEAD", "--detailed-exitcode").returncode == 0, "no changes: exit 0"
    repo.edit("tenant.yaml", '"${base_url}/callback"', '"${base_url}/auth/callback"')
    assert repo.changes("--base", "HEAD").returncode == 0, "changes without --detailed-exitcode: exit 0"
    detailed = repo.changes_process("--base", "HEAD", "--detailed-exitcode")
    assert detailed.returncode == 2, "the working tree is compared: " + detailed.stderr

    unknown = repo.changes("--base", "no-such-ref")  # the real process's exit status is the one above
    assert unknown.returncode == 2
    assert unknown.stderr.strip().count("\n") == 0 and "no-such-ref" in unknown.stderr, unknown.stderr
    bad_stack = repo.changes("--base", "HEAD", "--stack", "nope")
    assert bad_stack.returncode == 2 and "nope" in bad_stack.stderr, bad_stack.stderr


def test_the_temporary_worktree_is_always_removed(repo):
    repo.changes("--base", "HEAD")
    repo.changes("--base", "no-such-ref")
    worktrees = [line for line in repo.git("worktree", "list", "--porcelain").splitlines()
                 if line.startswith("worktree ")]
    assert len(worktrees) == 1, worktrees


def test_the_default_base_is_the_merge_base_with_main(repo):
    repo.git("checkout", "--quiet", "-b", "feature")
    repo.edit("tenant.yaml", '"${base_url}/callback"', '"${base_url}/auth/callback"')
    repo.commit("callback")
    stack = _only_stack(repo.json_changes("--stack", "alpha"))
    assert [c["name"] for c in stack["resources"]] == ["ciam-applications-web"]


def test_no_mock_id_is_printed(repo):
    tenant = repo.root / "tenant.yaml"
    viewer = ('  viewer:\n    name: Viewer\n    description: Reads\n'
              '    permissions:\n      records-api: [ "read:records" ]\n')
    tenant.write_text(tenant.read_text().replace("roles:\n", "roles:\n" + viewer, 1))
    repo.commit("a viewer role")
    result = repo.changes("--base", "HEAD~1", "--stack", "alpha")
    assert "+ RolePermissions ciam-roles-viewer-permissions" in result.stdout, result.stdout
    assert not re.search(r"ciam-[a-z-]+-id\b", result.stdout), result.stdout
    assert "roleId: \"<Role ciam-roles-viewer>\"" in result.stdout, result.stdout


@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_an_interrupted_run_removes_its_worktree(repo, signal_number):
    process = subprocess.Popen([sys.executable, "-m", "cli.changes", "--base", "HEAD"], cwd=repo.root,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        if repo.git("worktree", "list").count("\n") > 1:
            break
        time.sleep(0.02)
    process.send_signal(signal_number)
    process.wait(timeout=60)
    assert repo.git("worktree", "list").count("\n") == 1, repo.git("worktree", "list")
