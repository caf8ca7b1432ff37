"""Progress lines of a long `make import` (an export of thousands of applications takes tens of seconds) on stderr.

Shown on a terminal, or wherever CIAM_PROGRESS=1 asks for them (CIAM_PROGRESS=0 hides them on a terminal too): a
pipe or a CI log keeps only the report on stdout and, when something is wrong, the one line per problem.
"""

from __future__ import annotations

import os
import sys
import time

_STARTED = time.monotonic()


def shown() -> bool:
    asked = os.environ.get("CIAM_PROGRESS", "").strip().lower()
    if asked in ("0", "false", "no"):
        return False
    return asked in ("1", "true", "yes") or sys.stderr.isatty()


def say(message: str) -> None:
    if shown():
        print(f"[{time.monotonic() - _STARTED:5.1f} s] {message}", file=sys.stderr, flush=True)


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"
