"""Config problems as one readable line each: file, line, dotted key path, what was expected."""


import re
from dataclasses import dataclass
from typing import Any

from pulumi.errors import RunError

EXCERPT_CHARS = 40
MAX_LINE_CHARS = 300
PATH_CHARS = 100  # a file name or key path in a message line, at most


def looks_like_secret(value: Any) -> bool:
    """A long token mixing character classes, without spaces, dots or slashes: an API key, a password, a JWT."""
    if not isinstance(value, str) or len(value) < 20 or re.search(r"[\s./]", value):
        return False
    classes = [r"[a-z]", r"[A-Z]", r"[0-9]", r"[^a-zA-Z0-9]"]
    return sum(bool(re.search(c, value)) for c in classes) >= 3


def excerpt(value: Any, limit: int = EXCERPT_CHARS) -> str:
    """A value as shown in a message: escaped (no raw control characters), cut short, never a secret-like one."""
    if looks_like_secret(value):
        return "<a value that looks like a secret, not shown>"
    shown = repr(value)
    return shown if len(shown) <= limit else f"{shown[:limit]}…({len(str(value))} chars)"


def _mask_secrets(text: str) -> str:
    """A safety net: whatever built the message, a secret-looking token in it is not printed."""
    return re.sub(r"[^\s'\"./,;()\[\]{}]{20,}",
                  lambda m: "<hidden: looks like a secret>" if looks_like_secret(m.group()) else m.group(), text)


def one_line(text: str, limit: int = MAX_LINE_CHARS) -> str:
    """A message line as the CLIs print it: control characters escaped, cut at `limit` characters."""
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return text if len(text) <= limit else f"{text[:limit - 1]}…"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        where = one_line(where, PATH_CHARS)
        path = one_line(self.path, PATH_CHARS)
        line = f"{where}: {path}: {self.message}" if self.path else f"{where}: {self.message}"
        return one_line(_mask_secrets(line))


class ConfigError(RunError):
    """Every problem found, so a user fixes them all in one round.

    A RunError, because Pulumi's language host prints those as a message without a Python traceback.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.path, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))
