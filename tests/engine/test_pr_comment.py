"""The pull-request comment of a stack: a summary table, then each step's output, readable whatever it holds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cli.pr_comment import BLOCK_MARK, Section, compose, main


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


_SHARES = {"Change plan": 0.5, "Production checks": 0.2, "Stack diff": 0.1, "pulumi preview": 0.25,
           "Desired state (offline plan)": 1.0}  # as cli.pr_comment.sections_in gives them (they add up to > 1)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(sizes=st.lists(st.integers(0, 3000), min_size=len(_SHARES), max_size=len(_SHARES)),
       item_length=st.integers(1, 400), limit=st.integers(3000, 60000))
def test_the_comment_never_passes_its_limit_however_the_sections_grow(sizes, item_length, limit):
    sections = []
    for (title, share), count in zip(_SHARES.items(), sizes, strict=True):
        markdown = title in ("Change plan", "Desired state (offline plan)")
        items = [f"item {index} " + "x" * item_length for index in range(count)]
        text = f"\n{BLOCK_MARK}\n".join(items) if markdown else "\n".join(items)
        sections.append(Section(title, text, 0, as_code=not markdown, share=share))
    text = compose("live", sections, limit=limit)
    assert len(text) <= limit, f"{len(text)} characters for a limit of {limit} (items per section {sizes})"
