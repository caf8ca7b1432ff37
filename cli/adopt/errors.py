"""Bad input for an import: one line per problem (file, key, what was expected); nothing is written."""

from __future__ import annotations

from components.config.errors import PATH_CHARS, one_line


class ImportFailed(Exception):
    def __init__(self, lines: list[str]):
        self.lines = [one_line(line) for line in lines]  # an export's own keys may be anything: one short line each
        super().__init__("\n".join(self.lines))


def fail(file: str, key: str, message: str) -> ImportFailed:
    """`file: key: message`; a long key is cut short, so that the message still shows (the file's path is not: its
    end names the file)."""
    key = one_line(key, PATH_CHARS)
    return ImportFailed([f"{file}: {key}: {message}" if key else f"{file}: {message}"])
