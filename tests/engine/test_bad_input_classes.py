"""Each class of bad input named in issue 15 gives one clean line naming the file, and exits 2."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

import pytest

from cli import guard
from tests.engine.bad_input_properties import PLANTED_SECRET, run_plan, write_project

STACK_FILE = "Pulumi.dev.yaml"
ERRORS_BASE = Path(__file__).resolve().parents[1] / "fixtures" / "tenants" / "errors-base"
BASE_STACK = (ERRORS_BASE / STACK_FILE).read_text()


def plan_with(file: str, content: bytes | str) -> tuple[int, str]:
    with tempfile.TemporaryDirectory() as tmp:
        root = write_project(Path(tmp), "unused.yaml", {})
        target = root / file
        target.write_bytes(content if isinstance(content, bytes) else content.encode())
        code, output, seconds = run_plan(root)
    assert seconds < 10, f"{file}: took {seconds:.1f} s"
    assert "Traceback" not in output, output
    return code, output


CASES = {
    "latin-1 tenant": ("tenant.yaml", "tenant:\n  friendly_name: Caf\xe9\n".encode("latin-1"), "not UTF-8"),
    "NUL byte": ("tenant.yaml", b"tenant:\n  friendly_name: a\x00b\n", "control character"),
    "billion laughs": ("tenant.yaml", "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
        f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
        for i in range(8)), "expands to more than"),
    "deep nesting": ("tenant.yaml", "a: " + "[" * 3000 + "]" * 3000 + "\n", "nested"),
    # libyaml's composer ends the process with a segmentation fault on this, so it must be refused before
    "unclosed nesting deep enough to crash libyaml": ("tenant.yaml", "a: " + "[" * 100_000 + "\n", "nested"),
    "deep nesting in a stack file": (STACK_FILE, BASE_STACK + "  ciam:vars:\n    x: " + "{a: " * 100_000 + "\n",
                                     "nested"),
    "stack file a list": (STACK_FILE, "- a\n", "expected a stack file"),
    "config a string": (STACK_FILE, "config: hello\n", "config: expected a mapping"),
    "non-string key": (STACK_FILE, BASE_STACK + "  1: x\n", "a config key must be a name"),
    "broken JSON value": (STACK_FILE, BASE_STACK + "  ciam:roles: '{not json'\n", "starts like JSON"),
    "plain secure value": (STACK_FILE, BASE_STACK + f"  ciam:x:\n    secure: {PLANTED_SECRET}\n", "ciphertext"),
    "plain clientSecret": (STACK_FILE, BASE_STACK + f"  auth0:clientSecret: {PLANTED_SECRET}\n", "plain text"),
    "custom domain as tenant": (STACK_FILE, BASE_STACK.replace("errors-dev.eu.auth0.com", "login.errors.example"),
                                "Auth0 tenant's own domain"),
    "project renamed": ("Pulumi.yaml", "name: other\nruntime: python\n", "must be named 'ciam'"),
    "session lifetime": (STACK_FILE, BASE_STACK.replace("friendly_name: Errors (Dev)", "session_lifetime: 1e30"),
                         "8760"),
    "directory for an Action": ("assets/actions/add-claims.js", None, "is a directory"),
    "sender not an address": ("tenant.yaml", (Path(__file__).resolve().parents[1] / "fixtures" / "tenants"
                              / "errors-base" / "tenant.yaml").read_text() + "email_provider:\n  name: mandrill\n"
                              "  default_from_address: a@errors.example\n  credentials: {api_key: {secret: k}}\n"
                              "email_templates:\n  welcome_email:\n    body: assets/actions/add-claims.js\n"
                              "    subject: Hi\n    from: not an address\n", "expected an address"),
    "empty Action": ("assets/actions/add-claims.js", "", "is empty"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_is_one_line_naming_the_file(name):
    file, content, expected = CASES[name]
    if content is None:
        with tempfile.TemporaryDirectory() as tmp:
            root = write_project(Path(tmp), "unused.yaml", {})
            (root / file).unlink()
            (root / file).mkdir()
            code, output, _ = run_plan(root)
    else:
        code, output = plan_with(file, content)
    assert code == 2, f"{name} ({file}): exit {code}\n{output}"
    assert expected in output, f"{name} ({file}): expected {expected!r} in\n{output}"
    assert PLANTED_SECRET not in output, f"{name} ({file}): the secret is echoed"
    assert all(len(line) <= 300 for line in output.splitlines()), f"{name} ({file}): a long line"


def test_a_misspelt_vars_key_is_reported_once_not_per_variable():
    code, output = plan_with(STACK_FILE, BASE_STACK.replace("ciam:vars:", "ciam:var:"))
    assert code == 2 and "did you mean 'ciam:vars'" in output, output
    assert "unknown variable" not in output, f"ciam:var: the cascade is reported:\n{output}"


@pytest.mark.parametrize("stack", ["prod;id", "a::b", "../x", "", "Prod"])
def test_a_bad_stack_name_is_refused_before_anything_runs(stack, capsys):
    from cli.plan import plan_or_exit
    with pytest.raises(SystemExit) as exit_:
        plan_or_exit(stack)
    assert exit_.value.code == 2, stack
    assert "is not valid" in capsys.readouterr().err, stack


@pytest.mark.parametrize("preview", ["{}", "[]", '{"steps": [1]}', '{"steps": {}}', '{"steps": [{"op": 1}]}'])
def test_guard_refuses_json_that_is_not_a_preview(preview, capsys):
    assert guard.main(["--file", "-"], stdin=io.StringIO(preview)) == 2, preview
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "is not `pulumi preview --json` output" in err, err


def test_guard_still_reads_a_preview_without_changes(capsys):
    assert guard.main(["--file", "-"], stdin=io.StringIO(json.dumps({"steps": [], "changeSummary": {}}))) == 0


def test_a_trailing_dot_in_auth0_domain_is_the_same_tenant():
    from components.config.pinning import pinning_problems
    assert not pinning_problems("dev", "x.eu.auth0.com", {"AUTH0_DOMAIN": "X.eu.auth0.com."})


def test_a_javascript_syntax_error_in_an_action_names_file_and_line():
    broken = "exports.onExecutePostLogin = async () => {\n  if (x {\n};\n"
    code, output = plan_with("assets/actions/add-claims.js", broken)
    assert code == 2, output
    assert "assets/actions/add-claims.js:2: JavaScript SyntaxError" in output, output


def test_an_overlay_key_naming_no_entry_is_refused_unless_it_says_plus():
    typo = BASE_STACK + "  ciam:applications:\n    wbe:\n      name: Typo\n"
    code, output = plan_with(STACK_FILE, typo)
    assert code == 2 and "ciam:applications.wbe: no applications entry 'wbe'; did you mean 'web'?" in output, output
    added = BASE_STACK + ("  ciam:applications:\n    +extra:\n      name: Extra\n      app_type: spa\n"
                          "      callbacks: [https://app.errors.example/cb]\n")
    code, output = plan_with(STACK_FILE, added)
    assert code == 0, f"ciam:applications.+extra: {output}"


@pytest.mark.parametrize("path", ["assets/actions/" + "a" * 300 + ".js", "assets/" + "a/" * 3000 + "x.js"],
                         ids=["a file name too long", "a path too long"])
def test_an_asset_path_longer_than_the_file_system_allows_is_one_line(path):
    tenant = (ERRORS_BASE / "tenant.yaml").read_text().replace("code: assets/actions/add-claims.js", f"code: {path}")
    code, output = plan_with("tenant.yaml", tenant)
    assert code == 2, output
    assert "tenant.yaml:20: actions.add-claims.code: cannot be read (File name too long): assets/" in output, output


def test_an_oversized_action_is_refused_with_auth0s_limit():
    code, output = plan_with("assets/actions/add-claims.js", "/* ciam:config */ {}\n//" + "x" * 120_000 + "\n")
    assert code == 2 and "over Auth0's 100000 byte limit for code" in output, output


def test_a_liquid_error_names_the_line():
    from cli.preview import PreviewError, _render, liquid_environment
    with pytest.raises(PreviewError) as error:
        _render(liquid_environment(), "a\nb\n{% if x %}\nc", "assets/emails/x.html", {"x": True})
    assert "assets/emails/x.html at the end (line 4)" in str(error.value), str(error.value)
