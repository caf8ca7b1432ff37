"""Every CLI that imports pulumi starts lean (cli/lean_start.py) before its other imports, read off the code: a
CLI added later without it fails here. What the lean start does is tested by test_lean_auth0, test_lean_pulumi
and test_batch_gc on the plan CLI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

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
    return any(isinstance(call, ast.Call) and ast.unparse(call.func) == "lean_start.for_a_plan"
               for call in ast.walk(node))


CLIS = sorted(path.stem for path in (PROJECT_DIR / "cli").glob("*.py")
              if any(_is_main_guard(node) for node in ast.parse(path.read_text()).body))


def test_the_clis_are_found():
    assert {"plan", "check", "diff", "snapshot", "changes", "recorded", "replay"} <= set(CLIS), CLIS


@pytest.mark.parametrize("cli", [c for c in CLIS if c not in STOCK_ON_PURPOSE and c != "recorded"])
def test_a_cli_that_imports_pulumi_starts_lean_before_it(cli):
    body = ast.parse((PROJECT_DIR / "cli" / f"{cli}.py").read_text()).body
    first_sdk_import = next((i for i, node in enumerate(body) if isinstance(node, (ast.Import, ast.ImportFrom))
                             and _reaches_an_sdk(_imports_of(node, "cli"), set())), None)
    if first_sdk_import is None:  # imported only inside a function (the CLI's main): before that runs
        if not _reaches_an_sdk(_imported(f"cli.{cli}"), set()):
            pytest.skip(f"cli/{cli}.py imports no SDK")
        first_sdk_import = len(body) - 1
    guards = [node for node in body[:first_sdk_import] if _is_main_guard(node) and _calls_lean_start(node)]
    assert guards, (f"cli/{cli}.py imports pulumi (line {body[first_sdk_import].lineno}) without calling "
                    "lean_start.for_a_plan() before it, under `if __name__ == \"__main__\":`")


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
