"""The a0deploy fixture exports (tests/fixtures/a0deploy/{yaml,directory}) imported with the fixture configs, and
their stacks' plans, once per test session: for tests that only read them (an edit would leak into the others)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from cli.import_tenant import run
from cli.offline import Plan, run_program

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "a0deploy"
CONFIGS = f"dev={FIXTURES}/configs/config.dev.json prod={FIXTURES}/configs/config.prod.json"
_imports: dict[str, tuple[Path, str]] = {}
_plans: dict[tuple[str, str], Plan] = {}


def shared_import(export: str) -> tuple[Path, str]:
    """(project directory, import report) of `make import FROM=<fixture export> CONFIG=<fixture configs>`."""
    if export not in _imports:
        root = Path(tempfile.mkdtemp(prefix=f"ciam-import-{export}-"))
        atexit.register(shutil.rmtree, root, ignore_errors=True)
        into = root / "project"
        report = run(FIXTURES / export, CONFIGS, into)
        for name in ("Pulumi.yaml", "__main__.py"):
            shutil.copy(ROOT / name, into / name)
        _imports[export] = into, report
    return _imports[export]


def shared_plan(export: str, stack: str) -> Plan:
    if (export, stack) not in _plans:
        _plans[export, stack] = run_program(shared_import(export)[0], stack)
    return _plans[export, stack]
