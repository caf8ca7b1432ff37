"""The auth0 SDK package a plan CLI imports lazily (cli/lean_auth0.py) is the stock one: every name gives the
same object, each resource module loads on its first use, and a fixture tenant's plan is byte-identical."""

from __future__ import annotations

import json
import subprocess
import sys

import pulumi_auth0
import pytest

from cli import lean_auth0
from tests.conftest import FULL, FULL_STACKS, PROJECT_DIR, fixture_copy

STOCK_NAMES = sorted(name for name in vars(pulumi_auth0) if not name.startswith("_"))


def _python(code: str, stdin: str = "") -> str:
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_DIR, capture_output=True, text=True,
                            input=stdin, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _identity(value) -> str:
    return f"{getattr(value, '__module__', None)}.{getattr(value, '__qualname__', getattr(value, '__name__', ''))}"


def test_the_lazy_package_applies_to_the_installed_sdk():
    from importlib.metadata import version
    assert version("pulumi-auth0") == lean_auth0.SDK_VERSION, (
        f"pulumi-auth0 is not {lean_auth0.SDK_VERSION}: plans import the stock package (correct, slower); check "
        "cli/lean_auth0.py against the new package's __init__ and update SDK_VERSION")


def test_every_resource_module_name_is_found_from_its_module_naming():
    wrong = {name: lean_auth0._module_for(name) for name in STOCK_NAMES
             if getattr(getattr(pulumi_auth0, name), "__module__", "").count(".") == 1
             and getattr(pulumi_auth0, name).__module__.split(".")[1] not in ("_inputs", "outputs", "config")
             and lean_auth0._module_for(name) != getattr(pulumi_auth0, name).__module__.split(".")[1]}
    assert not wrong, f"pulumi_auth0 names whose module is guessed wrong (the lazy package imports all): {wrong}"


def test_every_name_of_the_lazy_package_is_the_stock_object():
    lazy = json.loads(_python(
        "import json, sys\nfrom cli import lean_auth0\nassert lean_auth0.install()\nimport pulumi_auth0\n"
        "from tests.engine.test_lean_auth0 import _identity\nnames = json.load(sys.stdin)\n"
        "print(json.dumps({n: _identity(getattr(pulumi_auth0, n)) for n in names}))\n", json.dumps(STOCK_NAMES)))
    stock = {name: _identity(getattr(pulumi_auth0, name)) for name in STOCK_NAMES}
    assert lazy == stock, sorted(name for name in stock if lazy.get(name) != stock[name])


def test_a_resource_module_loads_on_its_first_use_only():
    loaded = _python(
        "import sys\nfrom cli import lean_auth0\nlean_auth0.install()\nimport pulumi_auth0\n"
        "before = 'pulumi_auth0.client_grant' in sys.modules\npulumi_auth0.ClientGrant\n"
        "print(before, 'pulumi_auth0.client_grant' in sys.modules, 'pulumi_auth0.role' in sys.modules)\n")
    assert loaded.split() == ["False", "True", "False"], loaded


@pytest.mark.parametrize("stack", FULL_STACKS[:1])
def test_a_plan_cli_run_is_byte_identical_with_the_stock_package(stack):
    project = fixture_copy(FULL).root
    args = f"['--stack', {stack!r}, '--format', 'json', '--project-dir', {str(project)!r}]"
    run = f"sys.argv = ['plan', *{args}]\nrunpy.run_module('cli.plan', run_name='__main__')"
    lazy = _python(f"import runpy, sys\n{run}")
    stock = _python(f"import runpy, sys\nimport pulumi_auth0  # imported first: the lazy package stands aside\n{run}")
    assert json.loads(lazy)["resources"], lazy[:200]
    assert lazy == stock, f"stack {stack}: the plan differs with the lazy auth0 package"
