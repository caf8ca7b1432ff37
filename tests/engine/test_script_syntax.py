"""The JavaScript syntax check of Action and custom-database scripts: Node checks every script at once, and
each broken one is reported in file order with its line, as when the scripts were checked one by one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from components.config import script_syntax

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node checks the scripts")


def _scripts(root: Path, scripts: dict[str, str]) -> Path:
    for name, text in scripts.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_every_broken_script_is_reported_in_file_order_with_its_line(tmp_path):
    root = _scripts(tmp_path, {
        "assets/actions/a-ok.js": "exports.onExecutePostLogin = async () => {};\n",
        "assets/actions/b-broken.js": "exports.f = () => {\n  if (x {\n};\n",
        "assets/actions/b-broken.test.js": "this is not checked (\n",
        "assets/custom-database/login.js": "function login(email, password, callback) {\n\n  return (;\n}\n",
    })
    problems, notice = script_syntax.syntax_problems(root)
    assert notice is None
    assert [(p.file, p.line) for p in problems] == [
        ("assets/actions/b-broken.js", 2), ("assets/custom-database/login.js", 3)], problems
    assert all(p.message.startswith("JavaScript SyntaxError") for p in problems), problems


def test_the_outcome_is_waited_for_once(tmp_path):
    root = _scripts(tmp_path, {"assets/actions/broken.js": "exports.f = (;\n"})
    outcome = script_syntax.start_syntax_check(root)
    first = outcome()
    assert first == outcome() and [p.file for p in first[0]] == ["assets/actions/broken.js"], first


def test_without_node_the_check_is_skipped_with_one_notice(tmp_path, monkeypatch):
    root = _scripts(tmp_path, {"assets/actions/broken.js": "exports.f = (;\n"})
    monkeypatch.setattr(script_syntax.shutil, "which", lambda _name: None)
    problems, notice = script_syntax.syntax_problems(root)
    assert problems == [] and "node is not installed" in notice, notice
