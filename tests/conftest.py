"""Shared fixtures: fixture tenants (tests/fixtures/tenants/<name>/) and their plans, the shipped stacks' plans,
and throwaway project copies for bad-config cases.

A fixture tenant is a directory `tests/fixtures/tenants/<name>/` holding `tenant.yaml`, one or more
`Pulumi.<stack>.yaml` and `assets/`. Its project is the repository's `__main__.py` and `Pulumi.yaml` with those
files beside them, in a temp dir: `fixture_project("full", tmp_path)`. Engine tests use fixture tenants only;
tests/tenant/ tests whatever tenant the repository holds.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import gc
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from pulumi.runtime.sync_await import _sync_await

import cli.offline
import cli.schema
from cli.offline import Plan, run_program
from components.config.errors import ConfigError
from components.config.stacks import stack_names, stacks

try:
    from _pytest.nodeid import NodeId
except ImportError:  # pytest before 9.2: xdist's own suffix works
    NodeId = None

PROJECT_DIR = Path(__file__).resolve().parent.parent
FIXTURE_TENANTS = PROJECT_DIR / "tests" / "fixtures" / "tenants"
ENGINE_FILES = ("Pulumi.yaml", "__main__.py")
# What the CLIs and `make` need besides: they resolve the project from their own location, so they are copied.
ENGINE_TOOLS = ("Makefile", "pyproject.toml", "requirements.txt", "requirements-dev.txt", "cli", "components",
                "policies", "schema", "tests", ".github")
TENANT_FILES = ("tenant.yaml", "Pulumi.*.yaml", "assets")
STACKS = tuple(stack_names(PROJECT_DIR))
_plans: dict[str, Plan] = {}
# libyaml where PyYAML has it: the same data, several times faster to read and write than the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def load_yaml(text: str):
    """yaml.safe_load with libyaml: the tests read and edit tenant files hundreds of times per run."""
    return yaml.load(text, Loader=_LOADER)


def dump_yaml(data, **options) -> str:
    """yaml.safe_dump with libyaml (same options); what the engine reads back is the same data."""
    return yaml.dump(data, Dumper=_DUMPER, **options)


@contextlib.contextmanager
def _session_gc():
    yield


# The offline runner tunes the collector for a CLI that makes one plan: a full collection, then freeze, before it.
# In this session, hundreds of in-process plans over a heap holding every cached plan, that full collection costs
# more than a plan itself; the interpreter's own collector runs instead. The CLIs, run as processes by the tests
# of exit codes and of `make`, keep the tuning; the plans are the same either way.
cli.offline.batch_gc = _session_gc
# Young collections every 700 allocations cost a tenth to a fifth of the in-process plans' time (a plan allocates
# millions of short-lived objects); every 20,000 they cost little, and full collections keep their usual ratio, so
# a worker's memory stays within some 15 MB of the default's. Only this test process; the plans are the same.
gc.set_threshold(20_000, 10, 10)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items) -> None:
    """`--dist loadgroup` keeps an `xdist_group` on one worker. pytest-xdist 3.8 marks a grouped test by appending
    `@<group>` to `item._nodeid`, which pytest 9.2 no longer reads (the node id comes from `item._id`; upstream
    pytest-xdist#1386), so the groups were silently spread over the workers and their shared fixtures set up on
    each. This appends the same suffix where pytest reads it; where xdist's own took, it does nothing."""
    if not getattr(config.option, "loadgroup", False):
        return
    for item in items:
        # The tenant's tests (a team's own among them) share each stack's plan, made once per worker: on one
        # worker, every stack is planned once, not once on each (for a tenant of thousands of applications,
        # seconds per stack), while the other worker runs the engine's tests.
        if item.nodeid.startswith("tests/tenant/"):
            item.add_marker(pytest.mark.xdist_group("tenant-plans"))
    for item in items:
        groups = sorted({str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                         for mark in item.iter_markers("xdist_group")})
        suffix = "@" + "_".join(groups)
        if groups and not item.nodeid.endswith(suffix) and NodeId and isinstance(getattr(item, "_id", None), NodeId):
            item._id = NodeId.parse(item.nodeid + suffix)


@pytest.hookimpl(tryfirst=True)
def pytest_unconfigure(config) -> None:
    """A pytest-xdist worker ends here, as the CLIs do: its session is over and its last report sent (xdist sends
    it as the session finishes, and takes the worker's end after it as normal), so what is left of a normal exit
    is a full collection (pytest's check for unraisable exceptions, which a worker could no longer report) and
    the interpreter freeing a heap of cached plans, about a second of the run's end. The exit functions (the
    session's temporary projects removed) still run. The controlling process, and a run without xdist, end as
    usual."""
    if not hasattr(config, "workerinput"):
        return
    sys.stdout.flush()
    sys.stderr.flush()
    atexit._run_exitfuncs()
    os._exit(0)


def shipped_plan(stack: str) -> Plan:
    """The plan of a shipped stack, run once per test session (the program is deterministic)."""
    if stack not in _plans:
        plan = run_program(PROJECT_DIR, stack)
        # The tenant's tests read a plan's resources and unset secrets, never its stack outputs, whose Outputs keep
        # the program's whole object graph alive (some 60% of a plan's tracked objects), for every full collection
        # to walk again and the process to free at its end: kept without them, the graph is collected.
        _plans[stack] = Plan(stack, plan.resources, {}, plan.unset_secrets)
    return _plans[stack]




# What `make schema` renders from the model (about 1.5 s, deterministic): once per worker, for the tests of the
# committed schemas and of `make schema` itself. Their tests share the xdist group SCHEMA_RENDERED.
rendered_schemas = functools.cache(cli.schema.rendered)
SCHEMA_RENDERED = pytest.mark.xdist_group("schema-rendered")


def copy_tenant(source: Path, root: Path) -> None:
    """Put the tenant files of `source` (a project or a fixture tenant directory) into `root`."""
    shutil.copy(source / "tenant.yaml", root / "tenant.yaml")
    for stack_file in source.glob("Pulumi.*.yaml"):
        shutil.copy(stack_file, root / stack_file.name)
    shutil.copytree(source / "assets", root / "assets")


class ProjectCopy:
    """A project in a temp dir (the engine's entry point, a tenant's files), edited per test.

    Without `tenant`, the shipped tenant (for tests/tenant/); with one, that fixture tenant.
    """

    def __init__(self, root: Path, tenant: str | None = None, engine: bool = False):
        self.root = root
        for name in ENGINE_FILES:
            shutil.copy(PROJECT_DIR / name, root / name)
        copy_tenant(FIXTURE_TENANTS / tenant if tenant else PROJECT_DIR, root)
        if engine:
            self.copy_engine()

    def copy_engine(self) -> None:
        """The whole engine too (cli/, components/, Makefile, tests/ ...), so `make` and the CLIs run here.

        With the bytecode beside it: copied with their sources' times, the .pyc stay valid, so the first CLI run
        in the copy does not compile the engine's modules again (about 0.15 s of CPU on 2 cores)."""
        ignore = shutil.ignore_patterns(".pytest_cache", "snapshots")
        for name in ENGINE_TOOLS:
            source = PROJECT_DIR / name
            if source.is_dir():
                shutil.copytree(source, self.root / name, ignore=ignore)
            elif source.is_file():
                shutil.copy2(source, self.root / name)
        (self.root / ".venv").symlink_to((PROJECT_DIR / ".venv").resolve())

    def run(self, *command: str, check: bool = False) -> subprocess.CompletedProcess:
        """Run a command (e.g. `make snapshots`) in the copy; needs `engine=True`."""
        return subprocess.run(list(command), cwd=self.root, capture_output=True, text=True, check=check)

    def stacks(self) -> list[str]:
        return stack_names(self.root)

    @property
    def production_stack(self) -> str:
        """The first production stack: what plan() and problems() run when no stack is named."""
        return next(info.name for info in stacks(self.root) if info.is_production)

    def blueprint(self) -> dict:
        return load_yaml((self.root / "tenant.yaml").read_text())

    def write_blueprint(self, data: dict) -> None:
        (self.root / "tenant.yaml").write_text(dump_yaml(data, sort_keys=False))

    def stack_file(self, stack: str) -> dict:
        return load_yaml((self.root / f"Pulumi.{stack}.yaml").read_text())

    def write_stack_file(self, stack: str, data: dict) -> None:
        (self.root / f"Pulumi.{stack}.yaml").write_text(dump_yaml(data, sort_keys=False))

    def set_stack_config(self, stack: str, key: str, value) -> None:
        data = self.stack_file(stack)
        data["config"][key] = value
        self.write_stack_file(stack, data)

    def plan(self, stack: str | None = None) -> Plan:
        return run_program(self.root, stack or self.production_stack)

    def problems(self, stack: str | None = None) -> list[str]:
        """The config error lines that planning this copy gives; the test fails if it plans."""
        with pytest.raises(ConfigError) as caught:
            self.plan(stack)
        return str(caught.value).splitlines()


def fixture_project(tenant: str, root: Path, engine: bool = False) -> ProjectCopy:
    """A throwaway project of the fixture tenant `tests/fixtures/tenants/<tenant>/`, to edit and plan
    (`engine=True`: with the engine's tools, to run `make` and the CLIs on it)."""
    return ProjectCopy(root, tenant, engine)


_fixture_plans: dict[tuple[str, str], Plan] = {}
_fixture_copies: dict[str, ProjectCopy] = {}


def fixture_copy(tenant: str) -> ProjectCopy:
    """One unedited project of a fixture tenant per test session: read it, never edit it."""
    if tenant not in _fixture_copies:
        root = Path(tempfile.mkdtemp(prefix=f"ciam-fixture-{tenant}-"))
        atexit.register(shutil.rmtree, root, ignore_errors=True)
        _fixture_copies[tenant] = ProjectCopy(root, tenant)
    return _fixture_copies[tenant]


def fixture_plan(tenant: str, stack: str) -> Plan:
    """The plan of a fixture tenant's stack, run once per test session."""
    if (tenant, stack) not in _fixture_plans:
        _fixture_plans[tenant, stack] = fixture_copy(tenant).plan(stack)
    return _fixture_plans[tenant, stack]


def fixture_stacks(tenant: str) -> list[str]:
    return stack_names(FIXTURE_TENANTS / tenant)


def output_state(output) -> tuple:
    """A stack output as a comparable value: its value (unknowns kept), known-ness, secretness and resources."""
    if not hasattr(output, "future"):
        return ("plain", output)
    resources = sorted(resource._name for resource in _sync_await(output.resources()))
    return (_sync_await(output.future(with_unknowns=True)), _sync_await(output.is_known()),
            _sync_await(output.is_secret()), resources)


def assert_same_plan(plan: Plan, expected: Plan, expected_by: str) -> None:
    """Every record (in URN order), unset secret and stack output of `plan` is `expected`'s."""
    by_urn = {record.urn: record for record in expected.resources}
    assert [r.urn for r in plan.resources] == [r.urn for r in expected.resources], f"{plan.stack}: URNs"
    differing = [r.urn for r in plan.resources if r != by_urn[r.urn]]
    assert differing == [], f"{plan.stack}: records that differ from {expected_by}: {differing[:3]}"
    assert plan.unset_secrets == expected.unset_secrets, f"{plan.stack}: unset secrets"
    assert sorted(plan.outputs) == sorted(expected.outputs), f"{plan.stack}: stack outputs"
    for name in expected.outputs:
        assert output_state(plan.outputs[name]) == output_state(expected.outputs[name]), \
            f"{plan.stack}: stack output {name}"


FULL = "full"
FULL_STACKS = tuple(stack_names(FIXTURE_TENANTS / FULL))


@pytest.fixture(params=FULL_STACKS)
def stack_plan(request) -> Plan:
    """Each stack of the full fixture tenant."""
    return fixture_plan(FULL, request.param)


@pytest.fixture
def prod_plan() -> Plan:
    """The production stack (`live`) of the full fixture tenant."""
    return fixture_plan(FULL, "live")


@pytest.fixture
def project(tmp_path) -> ProjectCopy:
    """A copy of the full fixture tenant (every section, three stacks: sandbox, preprod, live)."""
    return fixture_project("full", tmp_path)


@pytest.fixture
def shipped_project(tmp_path) -> ProjectCopy:
    """A copy of the shipped tenant, for tests/tenant/."""
    return ProjectCopy(tmp_path)
