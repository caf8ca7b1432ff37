"""Bad input for an import: one line per problem (file, key, what was expected); nothing is written."""

from __future__ import annotations


class ImportFailed(Exception):
    def __init__(self, lines: list[str]):
        self.lines = lines
        super().__init__("\n".join(lines))


def fail(file: str, key: str, message: str) -> ImportFailed:
    return ImportFailed([f"{file}: {key}: {message}" if key else f"{file}: {message}"])
