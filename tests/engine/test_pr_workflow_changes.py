"""The pull-request workflow posts the offline change plan for every pull request, forks included: the job
that computes it has no condition on the PR's origin and no secrets; the real preview stays same-repository."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import dump_yaml, load_yaml

WORKFLOW = Path(__file__).resolve().parents[2] / ".github" / "workflows" / "pull-request.yml"


def _jobs() -> dict:
    return load_yaml(WORKFLOW.read_text())["jobs"]


def _job_running(command: str) -> tuple[str, dict]:
    found = [(job_id, job) for job_id, job in _jobs().items()
             if any(command in (step.get("run") or "") for step in job.get("steps", []))]
    assert len(found) == 1, f"pull-request.yml: expected one job running {command!r}, found {[j for j, _ in found]}"
    return found[0]


def test_the_change_plan_runs_for_fork_pull_requests_without_secrets():
    job_id, job = _job_running("make changes")
    assert "if" not in job, f"pull-request.yml: job {job_id} must run for fork pull requests too"
    text = dump_yaml(job)
    assert "secrets." not in text, f"pull-request.yml: job {job_id} must not need secrets"
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"].get("fetch-depth") == 0, f"job {job_id}: the base commit must be fetched"
    assert job["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    run = next(s["run"] for s in job["steps"] if "make changes" in (s.get("run") or ""))
    assert 'BASE="$BASE_SHA"' in run and "changes.md" in run, run


def test_the_real_preview_still_runs_for_same_repository_pull_requests_only():
    preview = _jobs()["preview"]
    assert preview["if"] == "github.event.pull_request.head.repo.full_name == github.repository"
