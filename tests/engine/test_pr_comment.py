"""The pull-request comment of a stack: a summary table, then each step's output, readable whatever it holds."""

from __future__ import annotations

from cli.pr_comment import Section, compose, main


def test_the_summary_says_which_steps_passed_failed_or_did_not_run():
    text = compose("live", [
        Section("Offline plan", "## plan", 0, as_code=False),
        Section("Production checks", "rule brute-force: off", 1),
        Section("pulumi preview", None, None),
    ], commit="0123456789abcdef")
    assert text.startswith("### Stack `live` at 0123456789ab")
    assert "| Offline plan | ok |" in text
    assert "| Production checks | failed (exit 1) |" in text
    assert "| pulumi preview | not run |" in text
    assert "<details open><summary><b>Production checks</b></summary>" in text, "a failure is shown unfolded"


def test_output_with_backticks_cannot_close_its_code_block():
    text = compose("sandbox", [Section("Stack diff", "a\n```\nb ````", 0)])
    assert "`````\na\n```\nb ````\n`````" in text


def test_a_huge_section_is_cut_between_blocks_with_a_pointer_to_the_artifacts():
    text = compose("preprod", [Section("Stack diff", "\n".join(f"item {i}\n    detail" for i in range(50)), 0)],
                   limit=1000)
    assert "left out to keep this comment within GitHub's size limit" in text
    assert "the whole output is in the run's artifacts" in text
    assert len(text) < 1000


def test_the_comment_is_built_from_the_files_the_workflow_wrote(tmp_path, capsys):
    (tmp_path / "changes.md").write_text("## 6 resources")
    (tmp_path / "check.txt").write_text("$ make check STACK=prod\nall checks pass")
    (tmp_path / "check.status").write_text("0\n")
    (tmp_path / "diff.txt").write_text("make: *** No rule to make target 'diff'")
    (tmp_path / "diff.status").write_text("2\n")
    main(["--stack", "live", "--dir", str(tmp_path)])
    text = capsys.readouterr().out
    assert "| Change plan | ok |" in text and "## 6 resources" in text
    assert "| Stack diff | failed (exit 2) |" in text
    assert "| pulumi preview | not run |" in text
