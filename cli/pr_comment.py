"""The pull-request comment of one stack: offline plan, production checks, stack diff and, when there is one,
the real `pulumi preview`. CI writes it to an artifact; a trusted workflow posts it (fork PRs included).

    python -m cli.pr_comment --stack <stack> --dir build/<stack> > build/comment/<stack>.md

`--dir` holds what the pull-request workflow's steps wrote: plan.md, check.txt, diff.txt, preview.txt (each
optional) and <name>.status files with the step's exit code.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

SECTION_LIMIT = 18000  # four sections stay under GitHub's 65536-character comment limit


@dataclass(frozen=True)
class Section:
    title: str
    text: str | None  # None: the step did not run (e.g. no real preview for a fork)
    status: int | None
    as_code: bool = True

    @property
    def verdict(self) -> str:
        if self.text is None:
            return "not run"
        return "ok" if self.status == 0 else f"failed (exit {self.status})"


def fenced(text: str) -> str:
    # A longer fence than any run of backticks inside, so plan text cannot close the block early.
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{text.rstrip()}\n{fence}"


def clipped(text: str, limit: int = SECTION_LIMIT) -> str:
    if len(text) <= limit:
        return text
    return text[:limit] + f"\n… {len(text) - limit} more characters in the run's artifacts"


def compose(stack: str, sections: list[Section], commit: str = "") -> str:
    lines = [f"### Stack `{stack}`" + (f" at {commit[:12]}" if commit else ""), ""]
    lines += ["| step | result |", "|---|---|"]
    lines += [f"| {s.title} | {s.verdict} |" for s in sections]
    for section in sections:
        if section.text is None:
            continue
        body = clipped(section.text.strip() or "(no output)")
        lines += ["", f"<details{' open' if section.status else ''}><summary>{section.title}</summary>", ""]
        lines += [fenced(body) if section.as_code else body, "", "</details>"]
    return "\n".join(lines) + "\n"


def read_section(directory: Path, name: str, title: str, as_code: bool = True) -> Section:
    text_path, status_path = directory / name, directory / f"{Path(name).stem}.status"
    text = text_path.read_text(errors="replace") if text_path.is_file() else None
    status = int(status_path.read_text().strip() or 1) if status_path.is_file() else (None if text is None else 0)
    return Section(title, text, status, as_code)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m cli.pr_comment", description=__doc__.splitlines()[0])
    parser.add_argument("--stack", required=True)
    parser.add_argument("--dir", required=True, type=Path)
    parser.add_argument("--commit", default="")
    args = parser.parse_args(argv)
    sections = [
        read_section(args.dir, "plan.md", "Offline plan", as_code=False),
        read_section(args.dir, "check.txt", "Production checks"),
        read_section(args.dir, "diff.txt", "Stack diff"),
        read_section(args.dir, "preview.txt", "pulumi preview"),
    ]
    sys.stdout.write(compose(args.stack, sections, args.commit))


if __name__ == "__main__":
    main()
