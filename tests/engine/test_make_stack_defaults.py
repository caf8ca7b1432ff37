"""make's STACK, FROM and TO default to the tenant's own stacks, discovered from its Pulumi.<stack>.yaml files:
STACK and FROM to the first in promotion order, TO to the last. The full fixture's order (sandbox -> preprod
-> live) is not its alphabetical order, and none of its stacks has a name the engine could have guessed."""

from __future__ import annotations

import pytest

from tests.conftest import ProjectCopy, fixture_project, fixture_stacks

# One worker runs the whole module, so the module's engine copy is set up once, not once per worker.
pytestmark = pytest.mark.xdist_group("make_stack_defaults")

# `-o` keeps make from re-installing the shared virtualenv in the copy; `-n` prints the commands instead.
MAKE = ("make", "--no-print-directory", "-o", ".venv/bin/.installed")


@pytest.fixture(scope="module")
def tenant(tmp_path_factory) -> ProjectCopy:
    return fixture_project("full", tmp_path_factory.mktemp("defaults"), engine=True)


def commands(project: ProjectCopy, *args: str) -> str:
    result = project.run(*MAKE, "-n", *args)
    assert result.returncode == 0, f"make -n {' '.join(args)}:\n{result.stdout}{result.stderr}"
    return result.stdout


def test_the_fixture_order_differs_from_the_sorted_names():
    assert fixture_stacks("full") == ["live", "preprod", "sandbox"], "the tests below rely on this fixture"


@pytest.mark.parametrize("target,expected", [
    ("plan", "--stack 'sandbox'"),
    ("check", "--stack 'sandbox'"),
    ("export", "--stack 'sandbox'"),
    ("diff", "--from 'sandbox' --to 'live'"),
])
def test_a_target_without_a_stack_takes_the_first_in_promotion_order(tenant, target, expected):
    printed = commands(tenant, target)
    assert expected in printed, f"make {target}: {printed}"
    assert "not given: sandbox (the first in promotion order" in printed, f"make {target} names its default"


def test_a_given_stack_wins_and_is_not_announced(tenant):
    printed = commands(tenant, "check", "STACK=live")
    assert "--stack 'live'" in printed and "not given" not in printed, printed
    assert "--from 'preprod' --to 'sandbox'" in commands(tenant, "diff", "FROM=preprod", "TO=sandbox")


def test_targets_that_mean_every_stack_stay_so(tenant):
    assert "--stack" not in commands(tenant, "changes") and "--stack" not in commands(tenant, "protection")
    assert "--stack 'live'" in commands(tenant, "protection", "STACK=live")


def test_the_default_diff_runs_first_against_last(tenant):
    result = tenant.run(*MAKE, "diff")
    assert result.returncode == 0, result.stderr
    assert "sandbox -> live" in result.stdout, result.stdout[:500]
    assert "FROM not given: sandbox" in result.stderr and "TO not given: live" in result.stderr, result.stderr


def test_without_stack_files_make_asks_for_a_stack(tmp_path):
    project = fixture_project("full", tmp_path, engine=True)
    for path in project.root.glob("Pulumi.*.yaml"):
        path.unlink()
    result = project.run(*MAKE, "check")
    assert result.returncode == 2 and "no first stack in promotion order" in result.stderr, result.stderr
    assert "name the stack, e.g. STACK=<stack> or FROM=<stack>" in result.stderr, result.stderr
    assert "needs FROM=<a0deploy export>" in project.run(*MAKE, "import").stderr
    (project.root / "Pulumi.live.yaml").write_text("config: [\n")
    result = project.run(*MAKE, "diff")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("Pulumi.live.yaml:2: invalid YAML: "), "the stack file's problem comes first"
    assert "no first stack in promotion order" in result.stderr, result.stderr
