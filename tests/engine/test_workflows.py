"""The GitHub Actions workflows: valid for GitHub (vendored schema), and the properties the pipeline's safety
rests on: least privilege, no secrets for pull-request code, one deployment per stack at a time, pinned actions,
no untrusted text spliced into shell scripts, and the promotion order."""

from __future__ import annotations

import re
from pathlib import Path

import check_jsonschema
import pytest
from click.testing import CliRunner

from cli.stacks import matrix
from components.config.stacks import stacks
from tests.conftest import dump_yaml, load_yaml

PROJECT_DIR = Path(__file__).resolve().parents[2]
WORKFLOW_DIR = PROJECT_DIR / ".github" / "workflows"
WORKFLOWS = sorted(WORKFLOW_DIR.glob("*.yml"))
ACTIONS = sorted((PROJECT_DIR / ".github" / "actions").glob("*/action.yml"))
PIN = re.compile(r"^\s*-?\s*uses:\s*(?P<ref>[^\s#]+)\s*(?:#\s*(?P<comment>.*))?$")


def load(path: Path) -> dict:
    data = load_yaml(path.read_text())
    if True in data:  # YAML 1.1 reads the key `on` as a boolean
        data["on"] = data.pop(True)
    return data


def workflow(name: str) -> dict:
    return load(WORKFLOW_DIR / name)


def jobs_using(data: dict, action: str):
    for job_id, job in data["jobs"].items():
        if any(step.get("uses", "").startswith(action) for step in job.get("steps", [])):
            yield job_id, job


def test_the_pipeline_workflows_exist():
    names = {p.name for p in WORKFLOWS}
    assert {"pull-request.yml", "pull-request-comment.yml", "deploy.yml", "deploy-stack.yml", "drift.yml"} <= names


@pytest.mark.parametrize("path", WORKFLOWS + ACTIONS, ids=lambda p: p.name)
def test_workflow_files_pass_githubs_schema(path):
    """`check-jsonschema --builtin-schema vendor.github-...` on the file: its own command, through click's runner
    in this process (a process per file only added an interpreter start)."""
    schema = "vendor.github-actions" if path.name == "action.yml" else "vendor.github-workflows"
    result = CliRunner().invoke(check_jsonschema.main, ["--builtin-schema", schema, str(path)])
    assert result.exit_code == 0, f"{path.relative_to(PROJECT_DIR)}:\n{result.output}{result.exception or ''}"


@pytest.mark.parametrize("path", WORKFLOWS + ACTIONS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    for number, line in enumerate(path.read_text().splitlines(), 1):
        match = PIN.match(line)
        if not match or match["ref"].startswith("./"):
            continue
        ref = match["ref"]
        assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), f"{path.name}:{number}: {ref} is not a commit SHA"
        assert re.fullmatch(r"v\d+\.\d+\.\d+", match["comment"] or ""), f"{path.name}:{number}: no # vX.Y.Z comment"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_permissions_are_read_only_at_the_top_and_writes_are_granted_per_job(path):
    data = load(path)
    assert "permissions" in data, f"{path.name}: no top-level permissions (the default token can write)"
    top = data["permissions"] or {}
    assert all(v in ("read", "none") for v in top.values()), f"{path.name}: top-level {top}"
    exchanging = {job_id for job_id, _ in jobs_using(data, "pulumi/auth-actions")}
    for job_id, job in data["jobs"].items():
        if (job.get("permissions") or {}).get("id-token") == "write" and "steps" in job:
            assert job_id in exchanging, f"{path.name}: job {job_id} asks for an OIDC token it never exchanges"


def test_pull_request_code_gets_no_secrets_except_in_same_repository_previews():
    text = (WORKFLOW_DIR / "pull-request.yml").read_text()
    for path in WORKFLOWS:
        assert "pull_request_target" not in load(path)["on"], f"{path.name}: runs fork code with a write token"
    data = workflow("pull-request.yml")
    assert list(data["on"]) == ["pull_request"]
    for job_id, job in data["jobs"].items():
        uses_secrets = "secrets." in dump_yaml(job)
        same_repo_only = job.get("if") == "github.event.pull_request.head.repo.full_name == github.repository"
        assert not uses_secrets or same_repo_only, f"pull-request.yml: job {job_id} reads secrets for fork code"
        writes = {k for k, v in (job.get("permissions") or {}).items() if v == "write"}
        assert writes <= {"id-token"}, f"pull-request.yml: job {job_id} can write {writes}"
    assert "secrets." in text, "the same-repository preview should use the preview environment's credentials"


def test_fork_comments_are_posted_by_a_trusted_workflow_run_that_never_runs_pr_code():
    data = workflow("pull-request-comment.yml")
    assert data["on"]["workflow_run"]["workflows"] == ["Pull request"]
    job = data["jobs"]["comment"]
    assert job["permissions"]["pull-requests"] == "write"
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert "ref" not in checkout.get("with", {}), "the PR's ref would run untrusted code with a write token"
    script = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/github-script"))["with"]["script"]
    assert "upsertPlanComments" in script and "parsePullNumber" in script


@pytest.mark.parametrize("name", ["pull-request.yml", "deploy-stack.yml", "drift.yml"])
def test_jobs_that_touch_a_stack_hold_a_concurrency_group_per_stack(name):
    data = workflow(name)
    for job_id, job in data["jobs"].items():
        if "strategy" not in job and "stack" not in str(job.get("environment", "")):
            continue
        group = job.get("concurrency", {}).get("group", "")
        assert "matrix.stack" in group or "inputs.stack" in group, f"{name}: job {job_id} group {group!r}"


def test_a_running_deployment_is_never_cancelled():
    job = workflow("deploy-stack.yml")["jobs"]["deploy"]
    assert job["concurrency"] == {"group": "ciam-deploy-${{ inputs.stack }}", "cancel-in-progress": False}
    assert job["environment"] == "${{ inputs.stack }}", "per-environment secrets and the prod approval live there"


@pytest.mark.parametrize("path", WORKFLOWS + ACTIONS, ids=lambda p: p.name)
def test_no_untrusted_text_is_spliced_into_a_shell_script(path):
    def runs(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "run":
                    yield value
                else:
                    yield from runs(value)
        elif isinstance(node, list):
            for item in node:
                yield from runs(item)

    for script in runs(load(path)):
        assert "${{" not in script, f"{path.name}: pass values through env:, not ${{{{ }}}} in run:\n{script}"


STACK_MATRIX = "${{ fromJSON(needs.stacks.outputs.matrix) }}"


def test_the_stack_matrix_is_computed_from_the_stack_files_by_a_first_job():
    for name in ("pull-request.yml", "drift.yml", "deploy.yml"):
        jobs = workflow(name)["jobs"]
        step = next(s for s in jobs["stacks"]["steps"] if s.get("id") == "stacks")
        assert "python -m cli.stacks --matrix" in step["run"], f"{name}: job stacks does not run cli.stacks"
        for job_id, job in jobs.items():
            if "strategy" in job:
                assert job["strategy"]["matrix"] == STACK_MATRIX, f"{name}: job {job_id} lists its own stacks"
                assert job["needs"] == "stacks", f"{name}: job {job_id} runs before the matrix is known"


def test_the_matrix_follows_the_promotion_order_guarding_production_and_testing_the_rest(tmp_path):
    for name, settings in {"alpha": "promotes_to: beta", "beta": "promotes_to: live", "live": ""}.items():
        environment = "production" if name == "live" else "development"
        (tmp_path / f"Pulumi.{name}.yaml").write_text(
            f"config:\n  ciam:stack:\n    environment: {environment}\n    {settings}\n")
    include = matrix(stacks(tmp_path))["include"]
    assert [(e["stack"], e["diff_from"], e["diff_to"]) for e in include] == [
        ("alpha", "alpha", "beta"), ("beta", "beta", "live"), ("live", "beta", "live")]
    assert [(e["production"], e["integration_tests"]) for e in include] == [(False, True), (False, True), (True, False)]


def test_promotion_runs_one_stack_at_a_time_in_order_with_the_guard_where_production():
    job = workflow("deploy.yml")["jobs"]["deploy"]
    assert job["strategy"]["max-parallel"] == 1 and job["strategy"]["fail-fast"] is True
    assert job["with"]["stack"] == "${{ matrix.stack }}"
    assert job["with"]["deletion-guard"] == "${{ matrix.production }}"
    assert job["with"]["integration-tests"] == "${{ matrix.integration_tests }}"
    steps = workflow("deploy-stack.yml")["jobs"]["deploy"]["steps"]
    names = [s.get("name") for s in steps]
    assert names.index("Deletion guard") < names.index("pulumi up") < names.index("Integration tests")
    guard = steps[names.index("Deletion guard")]
    saved = steps[names.index("Preview and save the plan")]
    assert "make guard FILE=build/preview.json" in guard["run"] and "--json" in saved["run"]
    assert "--save-plan build/plan.json" in saved["run"]
    assert "--plan build/plan.json" in steps[names.index("pulumi up")]["run"], "up must apply the guarded plan"
    assert steps[names.index("Integration tests")]["env"]["CIAM_IT_REQUIRED"] == "1"


def test_nightly_drift_previews_every_stack_with_refresh_and_expects_no_changes():
    data = workflow("drift.yml")
    assert data["on"]["schedule"], "drift must run on a schedule"
    job = data["jobs"]["preview"]
    assert job["strategy"]["matrix"] == STACK_MATRIX
    preview = next(s for s in job["steps"] if s.get("id") == "drift")
    assert "pulumi preview" in preview["run"] and "--refresh" in preview["run"]
    assert "drifted: ($changes > 0), error: false" in preview["run"], "an error must not count as drift"
    assert data["jobs"]["report"]["permissions"]["issues"] == "write"


def test_the_pulumi_cli_version_matches_the_pinned_sdk():
    sdk = re.search(r"^pulumi==(\S+)$", (PROJECT_DIR / "requirements.txt").read_text(), re.M)[1]
    for path in WORKFLOWS:
        for version in re.findall(r"pulumi-version:\s*(\S+)", path.read_text()):
            assert version == sdk, f"{path.name}: CLI {version}, SDK {sdk}"


def test_every_stack_is_planned_checked_and_diffed_on_pull_requests():
    job = workflow("pull-request.yml")["jobs"]["offline"]
    assert job["strategy"]["matrix"] == STACK_MATRIX
    script = next(s["run"] for s in job["steps"] if "run" in s and "make plan" in s["run"])
    for command in ('make plan STACK="$STACK" FORMAT=markdown', 'make check STACK="$STACK"', "make diff FROM="):
        assert command in script


def pulumi_up_jobs():
    """Every job of every workflow with a step that runs `pulumi up`: the deploy jobs."""
    for path in WORKFLOWS:
        for job_id, job in load(path).get("jobs", {}).items():
            steps = job.get("steps", [])
            ups = [i for i, s in enumerate(steps) if re.search(r"\bpulumi up\b", s.get("run", ""))]
            if ups:
                yield path.name, job_id, steps, ups[0]


DEPLOY_JOBS = list(pulumi_up_jobs())


def test_some_job_deploys():
    assert DEPLOY_JOBS, "no job runs `pulumi up`: the deploy tests below would check nothing"


@pytest.mark.parametrize("name,job_id,steps,up", DEPLOY_JOBS, ids=[f"{d[0]}:{d[1]}" for d in DEPLOY_JOBS])
def test_every_deploy_compares_the_stacks_protection_with_its_last_deployment_before_pulumi_up(
        name, job_id, steps, up):
    where = f"{name}: job {job_id}"
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout.get("with", {}).get("fetch-depth") == 0, f"{where}: a shallow checkout has no base commit"
    compare = [i for i, s in enumerate(steps) if "make protection" in s.get("run", "")]
    assert compare and compare[0] < up, f"{where}: no `make protection` step before `pulumi up`"
    step = steps[compare[0]]
    assert 'BASE="$BASE"' in step["run"] and 'STACK="$STACK"' in step["run"], f"{where}: {step['run']!r}"
    assert step["env"]["STACK"] == "${{ inputs.stack }}", f"{where}: compares another stack"
    assert "if" not in step, f"{where}: the comparison must run for every stack, production or not"
    base_id = re.fullmatch(r"\$\{\{ steps\.(?P<id>[\w-]+)\.outputs\.commit \}\}", step["env"]["BASE"])
    assert base_id, f"{where}: BASE must be the recorded deployed commit, not {step['env']['BASE']!r}"
    source = next(i for i, s in enumerate(steps) if s.get("id") == base_id["id"])
    assert source < compare[0] and "python -m cli.deployed_commit" in steps[source]["run"], where
    assert "pulumi stack history" in steps[source]["run"], f"{where}: the deployed commit comes from the history"
    assert "||" not in steps[source]["run"], f"{where}: a failed history read must fail the job, not pass for " \
                                             "a first deployment"
    assert steps[source]["env"]["BEFORE"] == "${{ github.event.before }}" and '--fallback "$BEFORE"' in \
        steps[source]["run"], f"{where}: without a recorded deployment, the pre-push commit is the base"
    assert step["env"]["CIAM_ALLOW_PROTECTION_CHANGE"] == "${{ inputs.allow-protection-change && '1' || '' }}", \
        f"{where}: the override comes only from the reviewed dispatch input"


def test_only_a_dispatch_on_main_can_allow_a_protection_change():
    deploy = workflow("deploy.yml")
    assert deploy["on"]["workflow_dispatch"]["inputs"]["allow-protection-change"]["default"] is False
    assert deploy["jobs"]["deploy"]["with"]["allow-protection-change"] == \
        "${{ github.event_name == 'workflow_dispatch' && inputs.allow-protection-change }}"
    for path in WORKFLOWS:
        on = load(path)["on"]
        if {"pull_request", "pull_request_target"} & ({on} if isinstance(on, str) else set(on)):
            text = path.read_text()
            assert "CIAM_ALLOW_PROTECTION_CHANGE" not in text and "allow-protection-change" not in text, path.name
