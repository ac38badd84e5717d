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
