"""Errors and problems located in a file, printed as `path:line: message` for editors and CI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def located(path: str | Path, line: int, message: str) -> str:
    """The one format for a located message: editors' terminals and CI logs link it."""
    return f"{path}:{line}: {message}"


class LocatedError(ValueError):
    """Something unusable in a file, at `path:line`, with what to do about it."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(located(path, line, message))
        self.path = path
        self.line = line
        self.message = message


@dataclass(order=True, frozen=True)
class Problem:
    """One thing to fix in the docs, shown as `path:line: message`."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return located(self.path, self.line, self.message)

    def annotation(self) -> str:
        """The problem as a GitHub Actions error annotation, shown on the line in a review."""

        def escape(text: str, *more: str) -> str:
            text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            for char in more:
                text = text.replace(char, f"%{ord(char):02X}")
            return text

        path = escape(self.path, ":", ",")
        return f"::error file={path},line={self.line}::{escape(self.message)}"
