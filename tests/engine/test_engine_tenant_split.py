"""The engine works for any tenant: a copy of the project whose tenant files are replaced by the full fixture
tenant plus a fourth stack gets a snapshot per stack from `make snapshots`, and after a team's normal edit (an
application, a stack, a claim) and `make snapshots` it passes its tenant tests."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import ProjectCopy, fixture_project, load_yaml

# One project copy for the module: its tests stay on one `make test` worker, in file order (the second edits the
# copy the first checked).
pytestmark = pytest.mark.xdist_group("engine-tenant-split")

# `-o` keeps make from re-installing the shared virtualenv in the copy.
MAKE = ("make", "--no-print-directory", "-o", ".venv/bin/.installed")


# The tenant tests use none of these plugins; not loading them saves a few tenths of a second per run.
UNUSED_PLUGINS = ("-p", "no:cacheprovider", "-p", "no:xdist", "-p", "no:hypothesispytest", "-p", "no:anyio")


def _tenant_tests(project: ProjectCopy) -> None:
    # Its temporary directories inside the copy: under the shared default, pytest's clean-up at the end of this
    # inner run would delete the oldest earlier runs' (thousands of files, seconds).
    result = project.run(sys.executable, "-m", "pytest", "tests/tenant", "-q", *UNUSED_PLUGINS,
                         "--basetemp", str(project.root / ".pytest-tmp"))
    assert result.returncode == 0, f"tenant tests in {project.root}:\n{result.stdout[-3000:]}{result.stderr[-2000:]}"


def _make(project: ProjectCopy, *args: str) -> str:
    result = project.run(*MAKE, *args)
    assert result.returncode == 0, f"make {' '.join(args)} in {project.root}:\n{result.stdout}{result.stderr}"
    return result.stdout + result.stderr


def _add_stack(project: ProjectCopy, name: str, like: str, environment: str, after: str) -> None:
    """A new stack `name`, promoted to from `after`, on a tenant of its own."""
    data = project.stack_file(like)
    settings = data["config"]["ciam:stack"]
    next_stack = project.stack_file(after)["config"]["ciam:stack"].get("promotes_to")
    settings.update(tenant_domain=f"globex-{name}.eu.auth0.com", environment=environment)
    settings.pop("promotes_to", None)
    if next_stack:
        settings["promotes_to"] = next_stack
    project.write_stack_file(name, data)
    previous = project.stack_file(after)
    previous["config"]["ciam:stack"]["promotes_to"] = name
    project.write_stack_file(after, previous)


@pytest.fixture(scope="session")
def adopted(tmp_path_factory) -> ProjectCopy:
    """The engine with the full fixture tenant and a fourth stack, snapshots written. Session-scoped: a module
    fixture is set up again whenever the worker's next test is in another module, and this one costs a copy and
    a `make snapshots`."""
    project = fixture_project("full", tmp_path_factory.mktemp("adopted"), engine=True)
    _add_stack(project, "uat", like="preprod", environment="staging", after="preprod")
    _make(project, "snapshots")
    return project


def test_a_replaced_tenant_with_a_fourth_stack_has_a_snapshot_per_stack_in_promotion_order(adopted):
    snapshots = sorted(p.stem for p in (adopted.root / "tests" / "tenant" / "snapshots").glob("*.urns"))
    assert snapshots == ["live", "preprod", "sandbox", "uat"], snapshots
    order = [line.split()[0] for line in _make(adopted, "stacks").splitlines()]
    assert order == ["sandbox", "preprod", "uat", "live"], "promotion order from ciam:stack.promotes_to"


# The tenant tests run once, on the replaced tenant after the edit: it holds everything the unedited one does
# (the fourth stack among them) and more, and each run of them is a fresh pytest process of some 2 s of CPU.
def test_adding_an_application_a_stack_and_a_claim_then_make_snapshots_keeps_the_tenant_tests_green(adopted):
    data = adopted.blueprint()
    data["applications"]["lounge-kiosk"] = {"app_type": "spa", "callbacks": ["${portal_url}/kiosk/callback"]}
    for connection in data["connections"].values():
        connection["enabled_applications"].append("lounge-kiosk")
    data["actions"]["token-claims"]["claims"]["user_metadata"].append("seat_preference")
    adopted.write_blueprint(data)
    _add_stack(adopted, "staging", like="preprod", environment="staging", after="uat")
    _make(adopted, "snapshots")
    _make(adopted, "plan", "STACK=staging")
    _make(adopted, "check", "STACK=staging")
    _tenant_tests(adopted)
    stacks = load_yaml((adopted.root / "Pulumi.uat.yaml").read_text())["config"]["ciam:stack"]
    assert stacks["promotes_to"] == "staging"
