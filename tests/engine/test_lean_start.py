"""Every CLI that imports pulumi starts lean (cli/lean_start.py) before its other imports, read off the code (a
CLI added later without it fails here), and a fixture tenant's plan is byte-identical with the lean start and
with the stock one; `make stacks` imports nothing of pulumi but its errors, and RunError stays one class when
pulumi is imported after. Each part of the lean start is tested on its own by test_lean_auth0, test_lean_pulumi
and test_batch_gc."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from components.config.stacks import stacks
from tests.conftest import FIXTURE_TENANTS, FULL, FULL_STACKS, fixture_copy
from tests.engine.test_lean_auth0 import _WRITING_BYTECODE  # the subprocesses may write the lazy-class cache

PROJECT_DIR = Path(__file__).resolve().parents[2]
SDKS = ("pulumi", "pulumi_auth0", "pulumi_policy")
# The raw replay is the stock baseline make bench compares the plan with; bench only starts the others;
# provider_inputs resolves every SDK input class's annotations as typing does, in the module's namespace, which
# the lazy package narrows to what the runtime reads.
STOCK_ON_PURPOSE = {"replay", "bench", "provider_inputs"}


def _module_file(name: str) -> Path | None:
    path = PROJECT_DIR.joinpath(*name.split("."))
    for candidate in (path / "__init__.py", path.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def _imports_of(node: ast.AST, package: str) -> set[str]:
    """The modules an import statement (or every one inside `node`) names, relative ones made absolute."""
    found = set()
    for each in ast.walk(node):
        if isinstance(each, ast.Import):
            found.update(alias.name for alias in each.names)
        elif isinstance(each, ast.ImportFrom):
            base = each.module or ""
            if each.level:
                parts = package.split(".")[:len(package.split(".")) - each.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in each.names if _module_file(f"{base}.{alias.name}"))
    return found


def _imported(name: str) -> set[str]:
    path = _module_file(name)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return _imports_of(ast.parse(path.read_text()), package)


def _reaches_an_sdk(names: set[str], seen: set[str]) -> bool:
    for name in names - seen:
        seen.add(name)
        if name.split(".")[0] in SDKS or (_module_file(name) and _reaches_an_sdk(_imported(name), seen)):
            return True
    return False


def _is_main_guard(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and ast.unparse(node.test) == "__name__ == '__main__'"


def _calls_lean_start(node: ast.AST) -> bool:
    return any(isinstance(call, ast.Call) and ast.unparse(call.func) in ("lean_start.for_a_plan",
                                                                       "lean_start.without_pulumi")
               for call in ast.walk(node))


CLIS = sorted(path.stem for path in (PROJECT_DIR / "cli").glob("*.py")
              if any(_is_main_guard(node) for node in ast.parse(path.read_text()).body))
# recorded.py, a script run with another checkout's code on its path, starts lean in its main (tested below).
LEAN_CLIS = [cli for cli in CLIS if cli not in STOCK_ON_PURPOSE and cli != "recorded"
             and _reaches_an_sdk(_imported(f"cli.{cli}"), set())]


def test_the_clis_are_found():
    assert {"plan", "check", "diff", "snapshot", "changes", "gate"} <= set(LEAN_CLIS), LEAN_CLIS
    assert {"recorded", *STOCK_ON_PURPOSE} <= set(CLIS), CLIS


@pytest.mark.parametrize("cli", LEAN_CLIS)
def test_a_cli_that_imports_pulumi_starts_lean_before_it(cli):
    body = ast.parse((PROJECT_DIR / "cli" / f"{cli}.py").read_text()).body
    first_sdk_import = next((i for i, node in enumerate(body) if isinstance(node, (ast.Import, ast.ImportFrom))
                             and _reaches_an_sdk(_imports_of(node, "cli"), set())), None)
    if first_sdk_import is None:  # imported only inside a function (the CLI's main): before that runs
        first_sdk_import = len(body) - 1
    guards = [node for node in body[:first_sdk_import] if _is_main_guard(node) and _calls_lean_start(node)]
    assert guards, (f"cli/{cli}.py imports pulumi (line {body[first_sdk_import].lineno}) without calling "
                    "lean_start.for_a_plan() (or without_pulumi()) before it, under `if __name__ == \"__main__\":`")


def test_the_change_recorder_starts_lean_before_it_loads_the_recorder():
    tree = ast.parse((PROJECT_DIR / "cli" / "recorded.py").read_text())
    main = next(node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "main")
    lines = {ast.unparse(node.func): node.lineno for node in ast.walk(main) if isinstance(node, ast.Call)}
    assert "lean_start.for_a_plan" in lines, "cli/recorded.py main() does not start lean"
    assert lines["lean_start.for_a_plan"] < lines["_load_recorder"], \
        "cli/recorded.py starts lean after it loads the recorder (which imports pulumi)"


@pytest.mark.parametrize("cli", sorted(STOCK_ON_PURPOSE))
def test_a_cli_that_must_stay_stock_does_not_start_lean(cli):
    assert not _calls_lean_start(ast.parse((PROJECT_DIR / "cli" / f"{cli}.py").read_text())), \
        f"cli/{cli}.py starts lean, but it must run the stock SDK (STOCK_ON_PURPOSE says why)"


# Reports, as the plan CLI ends, how many of the SDK's shared input and output classes the plan created.
_REPORT_CREATED = """
import os, sys
exit_now = os._exit
def report(status):
    shared = [sys.modules[f"pulumi_auth0.{name}"] for name in ("_inputs", "outputs")]
    sys.stderr.write("created " + " ".join(f"{sum(n in vars(m) for n in m.__all__)}/{len(m.__all__)}"
                                           for m in shared) + "\\n")
    exit_now(status)
os._exit = report
"""


def _plan_cli(stack: str, before: str) -> subprocess.CompletedProcess:
    """`python -m cli.plan --stack STACK --format json` of the full fixture tenant, with `before` run first."""
    argv = ["plan", "--stack", stack, "--format", "json", "--project-dir", str(fixture_copy(FULL).root)]
    code = f"import runpy, sys\n{before}\nsys.argv = {argv!r}\nrunpy.run_module('cli.plan', run_name='__main__')"
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_DIR, capture_output=True, text=True,
                            timeout=120, env=_WRITING_BYTECODE)
    assert result.returncode == 0, f"stack {stack}: {result.stderr}"
    return result


@pytest.mark.parametrize("stack", FULL_STACKS[:1])
def test_a_plan_cli_run_is_byte_identical_with_the_lean_start_and_the_stock_one(stack):
    lean = _plan_cli(stack, _REPORT_CREATED)
    # pulumi and pulumi-auth0 imported first: each part of the lean start stands aside.
    stock = _plan_cli(stack, "import pulumi, pulumi_auth0")
    assert json.loads(lean.stdout)["resources"], lean.stdout[:200]
    assert lean.stdout == stock.stdout, f"stack {stack}: the plan differs with the lean start"
    for counts in lean.stderr.rpartition("created ")[2].split():
        used, every = map(int, counts.split("/"))
        assert 0 < used < every, f"stack {stack}: the lean plan created {counts} of the input or output classes"


def _pulumi_modules_at_exit(code: str) -> tuple[str, list[str]]:
    """Run `code` in a fresh process; its stdout, and the pulumi modules it had imported when it exited."""
    report = ("import atexit, json, sys\natexit.register(lambda: sys.stderr.write('\\nimported ' + json.dumps(sorted("
              "name for name in sys.modules if name.split('.')[0] == 'pulumi'))))\n")
    result = subprocess.run([sys.executable, "-c", report + code], cwd=PROJECT_DIR, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout, json.loads(result.stderr.rpartition("\nimported ")[2])


def test_make_stacks_reads_the_stack_files_without_importing_pulumi():
    tenant = FIXTURE_TENANTS / FULL
    run = (f"sys.argv = ['stacks', '--first', '--dir', {str(tenant)!r}]\n"
           "import runpy\nrunpy.run_module('cli.stacks', run_name='__main__')")
    printed, imported = _pulumi_modules_at_exit(run)
    assert printed.strip() == stacks(tenant)[0].name, printed
    assert imported == ["pulumi.errors"], f"make stacks imported {imported}"


def test_a_config_error_is_pulumis_run_error_when_pulumi_is_imported_after_its_errors_alone():
    printed, imported = _pulumi_modules_at_exit(
        "from cli import lean_start\nassert lean_start.without_pulumi()\n"
        "from components.config.errors import ConfigError\nimport pulumi, pulumi.errors\n"
        "print(issubclass(ConfigError, pulumi.RunError), pulumi.errors is sys.modules['pulumi.errors'],\n"
        "      pulumi.errors.RunError is pulumi.RunError)\n")
    assert printed.split() == ["True", "True", "True"], printed
    assert "pulumi.runtime" in imported, "pulumi itself did not load after its errors"
