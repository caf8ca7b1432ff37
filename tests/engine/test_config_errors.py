"""Bad config fails before anything is registered, one line per problem: file, key path, what was expected."""

from __future__ import annotations

import subprocess
import sys

from cli import offline
from tests.conftest import PROJECT_DIR


def edit_tenant(project, **changes) -> None:
    data = project.blueprint()
    data["tenant"].update(changes)
    project.write_blueprint(data)


def test_unknown_key_in_blueprint_names_file_line_and_closest_key(project):
    data = project.blueprint()
    data["tenant"]["suport_email"] = data["tenant"].pop("support_email")
    project.write_blueprint(data)
    [line] = project.problems()
    assert line.startswith("tenant.yaml:"), line
    assert "tenant.suport_email: unknown key 'suport_email'; did you mean 'support_email'?" in line


def test_misspelled_key_in_stack_overlay_names_the_stack_file(project):
    project.set_stack_config("live", "ciam:tenant", {"friendly_nme": "Acme"})
    [line] = project.problems()
    assert line.startswith("Pulumi.live.yaml:"), line
    assert "ciam:tenant.friendly_nme: unknown key 'friendly_nme'; did you mean 'friendly_name'?" in line


def test_misspelled_section_in_stack_file_suggests_the_section(project):
    project.set_stack_config("live", "ciam:tenat", {"friendly_name": "Acme"})
    [line] = project.problems()
    assert "ciam:tenat: unknown key 'ciam:tenat'; did you mean 'ciam:tenant'?" in line


def test_wrong_type(project):
    edit_tenant(project, session_lifetime="a week")
    [line] = project.problems()
    assert "tenant.session_lifetime: expected a valid number" in line and "got 'a week'" in line


def test_bad_enum_value_lists_the_allowed_values(project):
    edit_tenant(project, sandbox_version="16")
    [line] = project.problems()
    assert "tenant.sandbox_version: expected one of '18' or '22'; got '16'" in line


def test_malformed_url(project):
    edit_tenant(project, support_url="acme.example/help")
    [line] = project.problems()
    assert "tenant.support_url: expected an absolute URL" in line and "'acme.example/help'" in line


def test_unknown_variable_names_the_variable_and_the_known_ones(project):
    edit_tenant(project, support_url="${help_url}")
    [line] = project.problems()
    assert "tenant.support_url: unknown variable ${help_url}" in line
    assert "portal_url" in line, f"the message should list the stack's variables: {line}"


def test_missing_required_value(project):
    data = project.blueprint()
    del data["tenant"]["friendly_name"]
    project.write_blueprint(data)
    [line] = project.problems()
    assert "tenant.friendly_name: required but missing" in line


def test_stack_without_tenant_pin_is_refused(project):
    data = project.stack_file("preprod")
    del data["config"]["ciam:stack"]
    project.write_stack_file("preprod", data)
    [line] = project.problems("preprod")
    assert line.startswith("Pulumi.preprod.yaml: ciam:stack: missing"), line


def test_yaml_syntax_error_reports_its_line(project):
    text = (project.root / "tenant.yaml").read_text()
    text = text.replace("  friendly_name: Globex Travel", "  friendly_name: [Globex Travel")
    (project.root / "tenant.yaml").write_text(text)
    [line] = project.problems()
    assert line.startswith("tenant.yaml:") and "invalid YAML" in line, line
    assert line.split(":")[1].isdigit(), f"no line number in {line!r}"


def test_duplicate_yaml_key_is_an_error(project):
    text = (project.root / "tenant.yaml").read_text().replace(
        "  friendly_name: Globex Travel", "  friendly_name: Globex Travel\n  friendly_name: Other")
    (project.root / "tenant.yaml").write_text(text)
    [line] = project.problems()
    assert "duplicate key 'friendly_name'" in line


def test_every_problem_is_reported_at_once(project):
    edit_tenant(project, sandbox_version="16", support_url="nope", extra_thing=1)
    assert len(project.problems()) == 3


def test_nothing_is_registered_when_config_is_bad(project, monkeypatch):
    registered = []
    original = offline._RecordingMonitor.RegisterResource

    def counting(self, request):
        registered.append(request.type)
        return original(self, request)

    monkeypatch.setattr(offline._RecordingMonitor, "RegisterResource", counting)
    edit_tenant(project, sandbox_version="16")
    project.problems()
    assert [t for t in registered if t != "pulumi:pulumi:Stack"] == [], f"registered despite bad config: {registered}"


def test_cli_prints_one_line_per_problem_without_traceback(project):
    project.set_stack_config("live", "ciam:tenant", {"friendly_nme": "Acme"})
    script = f"from pathlib import Path; import cli.plan; cli.plan.plan_or_exit('live', Path({str(project.root)!r}))"
    result = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_DIR, capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("Pulumi.live.yaml:") and "friendly_nme" in lines[0]
    assert lines[1] == "1 problem in the configuration of stack live; nothing was planned."
