"""The JavaScript syntax check of Action and custom-database scripts: one Node process checks every script, and
each broken one is reported in file order with its line, as when the scripts were checked one by one."""

from __future__ import annotations

import shutil
import subprocess
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


def _node_check_rejects(path: Path) -> bool:
    return subprocess.run([shutil.which("node"), "--check", str(path)], capture_output=True).returncode != 0


def test_each_script_gets_the_verdict_node_check_gives_it(tmp_path):
    # A hashbang line, and ES-module syntax that this Node accepts in a .js file or not: whatever
    # `node --check` says of a file is what the plan reports, though most files never reach it.
    root = _scripts(tmp_path, {
        "assets/actions/hashbang.js": "#!/usr/bin/env node\nexports.f = () => 1;\n",
        "assets/actions/module-syntax.js": "import { x } from './y.js';\nexport const f = () => x;\n",
        "assets/actions/top-level-return.js": "return 1;\n",
        "assets/custom-database/broken.js": "function login() {\n  return )\n}\n",
    })
    problems, notice = script_syntax.syntax_problems(root)
    assert notice is None
    expected = sorted(file.relative_to(root).as_posix() for file in script_syntax.script_files(root)
                      if _node_check_rejects(file))
    assert sorted(p.file for p in problems) == expected, problems
    assert "assets/custom-database/broken.js" in expected


def test_valid_scripts_cost_one_node_process(tmp_path, monkeypatch):
    root = _scripts(tmp_path, {f"assets/actions/ok-{index}.js": "exports.f = () => 1;\n" for index in range(6)})
    started = []
    real_popen = subprocess.Popen

    def counting_popen(command, *args, **kwargs):
        started.append(command)
        return real_popen(command, *args, **kwargs)

    monkeypatch.setattr(script_syntax.subprocess, "Popen", counting_popen)
    assert script_syntax.syntax_problems(root) == ([], None)
    assert len(started) == 1, started
