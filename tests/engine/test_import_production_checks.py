"""`make import` says which mandatory production rules an imported production stack fails, so a team sees
before its first deploy what the program will refuse, with the fix for each."""

from __future__ import annotations

import shutil

from cli.adopt.project import REPORT_FILE
from cli.import_tenant import run
from tests.engine.test_import_a0deploy import CONFIGS, FIXTURES


def test_the_report_lists_the_mandatory_rules_a_production_stack_fails(tmp_path):
    into = tmp_path / "project"
    run(FIXTURES / "directory", CONFIGS, into)
    report = (into / REPORT_FILE).read_text()
    assert "## Production checks to fix before the first deploy" in report, report
    section = report.split("## Production checks to fix before the first deploy", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("- ")]
    assert lines and all(line.startswith("- `prod`: ") and "Fix: " in line for line in lines), section
    assert not any("`dev`" in line for line in lines), "a development stack is not held to production rules"
    assert not (into / "__main__.py").exists(), "planning the staged files must not write the engine's program"


def test_a_project_with_no_production_stack_has_no_such_section(tmp_path):
    dev_only = tmp_path / "config.dev.json"
    shutil.copy(FIXTURES / "configs" / "config.dev.json", dev_only)
    into = tmp_path / "project"
    run(FIXTURES / "directory", f"dev={dev_only}", into)
    assert "Production checks to fix" not in (into / REPORT_FILE).read_text()
