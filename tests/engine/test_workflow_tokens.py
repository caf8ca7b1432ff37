"""No job that runs unmerged code can obtain a token that writes state or administers Pulumi Cloud.

Unmerged code runs in jobs triggered by `pull_request` (same-repository branches reach the preview job's
OIDC token). Those jobs may exchange GitHub's OIDC token only for a Pulumi *team* token of the preview
team (read on the stacks), never an organization token (admin) or the deploy team's token (write).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import load_yaml

WORKFLOW_DIR = Path(__file__).resolve().parents[2] / ".github" / "workflows"
TEAM_TOKEN = "urn:pulumi:token-type:access_token:team"
PREVIEW_SCOPE = "team:${{ vars.PULUMI_PREVIEW_TEAM }}"
DEPLOY_SCOPE = "team:${{ vars.PULUMI_DEPLOY_TEAM }}"


def load(path: Path) -> dict:
    data = load_yaml(path.read_text())
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def triggers(data: dict) -> set[str]:
    on = data["on"]
    return {on} if isinstance(on, str) else set(on)


def token_requests(job: dict) -> list[dict]:
    steps = job.get("steps", [])
    return [step.get("with", {}) for step in steps if step.get("uses", "").startswith("pulumi/auth-actions")]


WORKFLOWS = {path.name: load(path) for path in sorted(WORKFLOW_DIR.glob("*.yml"))}
UNMERGED = sorted(name for name, data in WORKFLOWS.items() if triggers(data) & {"pull_request", "pull_request_target"})


def test_some_workflow_runs_pull_request_code():
    assert UNMERGED, "no pull_request workflow found: this test would check nothing"


@pytest.mark.parametrize("name", UNMERGED)
def test_pull_request_jobs_get_only_a_read_only_team_token(name):
    for job_id, job in WORKFLOWS[name]["jobs"].items():
        permissions = job.get("permissions", WORKFLOWS[name].get("permissions", {})) or {}
        writes = {k for k, v in permissions.items() if v == "write"} if isinstance(permissions, dict) else {"all"}
        assert writes <= {"id-token"}, f"{name}: job {job_id} can write {writes}"
        for request in token_requests(job):
            assert request.get("requested-token-type") == TEAM_TOKEN, f"{name}: job {job_id} asks for {request}"
            assert request.get("scope") == PREVIEW_SCOPE, f"{name}: job {job_id} scope {request.get('scope')!r}"
        if token_requests(job):
            assert str(job.get("environment", "")).endswith("-preview"), \
                f"{name}: job {job_id} must use a -preview environment (read-only Auth0 credentials)"


def test_no_workflow_asks_for_an_organization_token():
    for name, data in WORKFLOWS.items():
        for job_id, job in data["jobs"].items():
            for request in token_requests(job):
                assert "organization" not in request.get("requested-token-type", ""), f"{name}: job {job_id}"
                assert request.get("scope") in (PREVIEW_SCOPE, DEPLOY_SCOPE), f"{name}: job {job_id}: {request}"


def test_only_the_deployment_asks_for_the_write_token_and_only_from_a_stack_environment():
    for name, data in WORKFLOWS.items():
        for job_id, job in data["jobs"].items():
            if any(r.get("scope") == DEPLOY_SCOPE for r in token_requests(job)):
                assert name == "deploy-stack.yml" and triggers(data) == {"workflow_call"}, f"{name}: {job_id}"
                assert job["environment"] == "${{ inputs.stack }}", f"{name}: {job_id} outside the stack environment"


def test_the_deployment_is_only_called_from_the_default_branch_push_or_dispatch():
    assert triggers(WORKFLOWS["deploy.yml"]) <= {"push", "workflow_dispatch"}
    assert WORKFLOWS["deploy.yml"]["on"]["push"]["branches"] == ["main"]


@pytest.mark.parametrize("name,job_id", [("pull-request.yml", "preview"), ("drift.yml", "preview")])
def test_previews_and_drift_wait_for_a_running_deployment_of_their_stack(name, job_id):
    concurrency = WORKFLOWS[name]["jobs"][job_id]["concurrency"]
    assert concurrency == {"group": "ciam-deploy-${{ matrix.stack }}", "cancel-in-progress": False}, name


def test_a_failed_drift_preview_neither_opens_nor_closes_a_drift_issue():
    steps = WORKFLOWS["drift.yml"]["jobs"]["preview"]["steps"]
    preview = next(s for s in steps if s.get("id") == "drift")["run"]
    assert "error: true" in preview and "drifted: false, error: true" in preview
    assert any(s.get("if") == "steps.drift.outputs.error == 'true'" and s.get("run") == "exit 1" for s in steps)
    report = next(s for s in WORKFLOWS["drift.yml"]["jobs"]["report"]["steps"] if "script" in s.get("with", {}))
    assert ".filter((result) => !result.error)" in report["with"]["script"]
