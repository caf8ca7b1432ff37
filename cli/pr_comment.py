"""The pull-request comment of one stack: the change plan and the production checks first, then a picture of
the tenant, the stack diff, the real `pulumi preview` when it ran, and the full desired state folded away.
CI writes it to an artifact; a trusted workflow posts it (fork PRs included).

    python -m cli.pr_comment --stack <stack> --dir build/<stack> > build/comment/<stack>.md

`--dir` holds what the pull-request workflow's steps wrote: changes.md (with the tenant diagram), check.txt,
diff.txt, preview.txt, plan.md (each optional) and <name>.status files with the step's exit code.

Valid Markdown at any size: every fence and <details> closes, and a section too long for the comment is cut
only between blocks (Markdown blocks the renderers separate with BLOCK_MARK, or resources in command output)
with a note of what was left out. The whole comment stays under COMMENT_LIMIT.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

BLOCK_MARK = "<!-- ciam:block -->"  # invisible on GitHub; where a Markdown section may be cut
COMMENT_LIMIT = 60000  # GitHub's limit is 65536; the poster adds a marker line
_STUB = 400  # the least a section gets: its title and a note of what was left out


@dataclass(frozen=True)
class Section:
    title: str
    text: str | None  # None: the step did not run (e.g. no real preview for a fork)
    status: int | None
    as_code: bool = True
    folded: bool = True  # folded unless it failed
    in_table: bool = True
    share: float = 1.0  # at most this fraction of the comment, so one long section cannot crowd out the rest

    @property
    def verdict(self) -> str:
        if self.text is None:
            return "not run"
        return "ok" if self.status == 0 else f"failed (exit {self.status})"


def fence_for(text: str) -> str:
    # Longer than any run of backticks inside, so the text cannot close the block early.
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def fenced(text: str) -> str:
    fence = fence_for(text)
    return f"{fence}\n{text.rstrip()}\n{fence}"


def code_chunks(text: str) -> list[str]:
    """Command output split where a new item starts (a line indented by at most two spaces)."""
    chunks: list[list[str]] = []
    for line in text.rstrip().splitlines():
        starts = not line.startswith("   ") and line.strip() != ""
        if starts or not chunks:
            chunks.append([line])
        else:
            chunks[-1].append(line)
    return ["\n".join(chunk) for chunk in chunks]


def markdown_blocks(text: str) -> list[str]:
    return [block.strip("\n") for block in text.split(BLOCK_MARK) if block.strip()]


def _left_out(count: int, total: int, unit: str) -> str:
    return (f"> {count} of {total} {unit} left out to keep this comment within GitHub's size limit; "
            "the whole output is in the run's artifacts.")


def render_body(section: Section, budget: int) -> str:
    """The section's content within `budget` characters, cut only between blocks."""
    text = section.text.strip() or "(no output)"
    if section.as_code:
        chunks = code_chunks(text)
        fence = fence_for(text)
        kept: list[str] = []
        used = 2 * len(fence) + 4 + 200
        for chunk in chunks:
            if used + len(chunk) + 1 > budget:
                break
            kept.append(chunk)
            used += len(chunk) + 1
        body = f"{fence}\n" + "\n".join(kept) + f"\n{fence}" if kept else ""
        if len(kept) < len(chunks):
            body += ("\n\n" if body else "") + _left_out(len(chunks) - len(kept), len(chunks), "items")
        return body
    blocks = markdown_blocks(text)
    kept, used = [], 200
    for block in blocks:
        if used + len(block) + 2 > budget:
            break
        kept.append(block)
        used += len(block) + 2
    body = "\n\n".join(kept)
    if len(kept) < len(blocks):
        body += ("\n\n" if body else "") + _left_out(len(blocks) - len(kept), len(blocks), "blocks")
    return body


def render_section(section: Section, budget: int) -> str:
    header_open = " open" if (not section.folded or section.status) else ""
    head = f"<details{header_open}><summary><b>{section.title}</b></summary>\n\n"
    tail = "\n\n</details>"
    return head + render_body(section, budget - len(head) - len(tail)) + tail


def compose(stack: str, sections: list[Section], commit: str = "", limit: int = COMMENT_LIMIT) -> str:
    lines = [f"### Stack `{stack}`" + (f" at {commit[:12]}" if commit else ""), ""]
    lines += ["| step | result |", "|---|---|"]
    lines += [f"| {s.title} | {s.verdict} |" for s in sections if s.in_table]
    out = "\n".join(lines) + "\n"
    shown = [s for s in sections if s.text is not None]
    for section, budget in zip(shown, _budgets(shown, limit - len(out) - 2 * len(shown)), strict=True):
        out += "\n" + render_section(section, budget) + "\n"
    return out


def _budgets(sections: list[Section], total: int) -> list[int]:
    """Each section whole if everything fits. Else each gets the stub, then, in order (the change plan first),
    up to its share of the comment, then what is left goes to the sections still cut, in the same order. The
    budgets never add up to more than `total` (the shares add up to more than one)."""
    wanted = [len(render_section(s, 10**9)) + _STUB for s in sections]  # render_body keeps some slack
    if sum(wanted) <= total:
        return wanted
    budgets = [min(_STUB, size) for size in wanted]
    left = total - sum(budgets)
    caps = [min(size, max(_STUB, int(total * s.share))) for s, size in zip(sections, wanted, strict=True)]
    for limits in (caps, wanted):
        for index, cap in enumerate(limits):
            extra = max(0, min(left, cap - budgets[index]))
            budgets[index] += extra
            left -= extra
    return budgets


def read_section(directory: Path, name: str, title: str, as_code: bool = True, folded: bool = True,
                 in_table: bool = True, share: float = 1.0) -> Section:
    text_path, status_path = directory / name, directory / f"{Path(name).stem}.status"
    text = text_path.read_text(errors="replace") if text_path.is_file() else None
    status = int(status_path.read_text().strip() or 1) if status_path.is_file() else (None if text is None else 0)
    return Section(title, text, status, as_code, folded, in_table, share)


def sections_in(directory: Path) -> list[Section]:
    return [
        read_section(directory, "changes.md", "Change plan", as_code=False, folded=False, share=0.5),
        read_section(directory, "check.txt", "Production checks", folded=False, share=0.2),
        read_section(directory, "diff.txt", "Stack diff", share=0.1),
        read_section(directory, "preview.txt", "pulumi preview", share=0.25),
        read_section(directory, "plan.md", "Desired state (offline plan)", as_code=False),
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m cli.pr_comment", description=__doc__.splitlines()[0])
    parser.add_argument("--stack", required=True)
    parser.add_argument("--dir", required=True, type=Path)
    parser.add_argument("--commit", default="")
    args = parser.parse_args(argv)
    sys.stdout.write(compose(args.stack, sections_in(args.dir), args.commit))


if __name__ == "__main__":
    main()
