"""A long `make import` says what it is doing on stderr where someone watches (a terminal, or CIAM_PROGRESS=1), and
nothing of it in a pipe or a CI log, where stderr keeps only the problems and where the report went."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from cli import import_tenant
from cli.adopt import progress

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "a0deploy"
CONFIGS = f"dev={FIXTURES}/configs/config.dev.json prod={FIXTURES}/configs/config.prod.json"
STAMP = re.compile(r"^\[ *\d+\.\d s\] ")


def _import(into: Path) -> int:
    return import_tenant.main(["--from", str(FIXTURES / "yaml" / "tenant.yaml"), "--config", CONFIGS,
                               "--into", str(into)])


def test_asked_for_an_import_says_each_phase_in_order(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CIAM_PROGRESS", "1")
    into = tmp_path / "out"
    assert _import(into) == 0
    *progress, last = capsys.readouterr().err.splitlines()
    assert last == f"(written to {into / 'import-report.md'})"
    assert all(STAMP.match(line) for line in progress), progress
    phases = [STAMP.sub("", line) for line in progress]
    assert re.fullmatch(r"read \d+ items in \d+ sections from .*tenant\.yaml", phases[0]), phases
    assert phases[1] == "validating tenant.yaml with the model for 2 stacks (pass 1)", phases
    passes = [p for p in phases if p.startswith("validating ")]
    rejected = [p for p in phases if re.fullmatch(r"pass \d+: the model rejects \d+ values?; left out and reported", p)]
    assert len(rejected) == len(passes) - 1, "every pass but the last one that loads took something out"
    assert "planning prod for the production checks" in phases, phases
    written = sum(1 for path in into.rglob("*") if path.is_file())
    assert phases[-1] == f"writing {written} files into {into}", phases


def test_in_a_pipe_an_import_prints_only_where_the_report_went(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("CIAM_PROGRESS", raising=False)
    assert not sys.stderr.isatty()
    assert _import(tmp_path / "piped") == 0
    assert capsys.readouterr().err == f"(written to {tmp_path / 'piped' / 'import-report.md'})\n"


@pytest.mark.parametrize(("terminal", "asked", "expected"), [
    (True, None, True), (False, None, False), (False, "1", True), (False, "yes", True), (True, "0", False),
    (True, "no", False), (True, "", True),
])
def test_progress_shows_on_a_terminal_unless_switched_off_and_elsewhere_when_asked(monkeypatch, terminal, asked,
                                                                                   expected):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: terminal)
    if asked is None:
        monkeypatch.delenv("CIAM_PROGRESS", raising=False)
    else:
        monkeypatch.setenv("CIAM_PROGRESS", asked)
    assert progress.shown() is expected
