"""`make import` says which mandatory production rules an imported production stack fails, so a team sees
before its first deploy what the program will refuse, with the fix for each."""

from __future__ import annotations

import shutil

from cli.adopt.project import REPORT_FILE
from cli.import_tenant import run
from tests.conftest import PROJECT_DIR, load_yaml
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


def test_each_failing_rule_is_an_open_finding_of_its_stack_and_nothing_else(tmp_path):
    """The imported project's own tenant tests then describe the tenant as it is; the deploy gate still refuses."""
    into = tmp_path / "project"
    run(FIXTURES / "directory", CONFIGS, into)
    report = (into / REPORT_FILE).read_text()
    section = report.split("## Production checks to fix before the first deploy", 1)[1].split("\n## ", 1)[0]
    failing = sorted({line.split(": ", 1)[1].split(" on ", 1)[0] for line in section.splitlines()
                      if line.startswith("- `prod`: ")})
    prod = load_yaml((into / "Pulumi.prod.yaml").read_text())["config"]["ciam:stack"]
    assert prod.get("open_findings") == failing, f"Pulumi.prod.yaml ciam:stack.open_findings: {prod}"
    dev = load_yaml((into / "Pulumi.dev.yaml").read_text())["config"]["ciam:stack"]
    assert "open_findings" not in dev, "a development stack has no mandatory rules to acknowledge"
    from cli.check import check_plan, open_findings
    from cli.offline import run_program
    shutil.copy(PROJECT_DIR / "__main__.py", into / "__main__.py")
    shutil.copy(PROJECT_DIR / "Pulumi.yaml", into / "Pulumi.yaml")
    still_refused = {v.rule.name for v in check_plan(run_program(into, "prod"), "production").mandatory}
    assert still_refused == set(open_findings(into, "prod")), "make check still reports every open finding"
