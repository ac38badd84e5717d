"""Pages and translation records read before, kept between commands, so that a file is read
again only when it changed.

Reading a page costs about 3 ms (Python-Markdown renders it, markdown-it reads its blocks); a
site of 100 practices in 5 languages has 500 pages, and translation records that hold the
English of every section, read by every `check`, `status` and build. What was read from a file
is used again only while the file's text, our package's source, the versions of the packages
that read it and the site's `markdown_extensions` are what they were when it was read.

The cache is JSON data, never code, in the user's cache folder ($XDG_CACHE_HOME or ~/.cache,
`eme-toolkit/`), one file per project folder: never in the checkout, so that nothing committed
to the repository is ever read as a cache. A file that cannot be read, or that another version
wrote, is left aside and written anew; deleting it is always safe.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from eme_toolkit.page import Page
from eme_toolkit.record import Mark

T = TypeVar("T")

# The packages whose versions change how a page reads.
READERS = (
    "Markdown",
    "pymdown-extensions",
    "PyYAML",
    "markdown-it-py",
    "mdit-py-plugins",
    "mkdocs",
)
PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Kind(Generic[T]):
    """What is read from one kind of file, as JSON data and back."""

    name: str
    encode: Callable[[T], Any]
    decode: Callable[[Path, Any], T]
    keeps: Callable[[Any], bool]  # whether JSON holds the data as it is


def _json_holds(value: object) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


# A page's front matter is YAML, which may hold what JSON cannot (a date); the rest of a page,
# and a record, is text and numbers.
PAGE: Kind[Page] = Kind(
    "page", Page.to_data, Page.from_data, lambda data: _json_holds(data["front_matter"])
)
RECORD: Kind[dict[str, Mark]] = Kind(
    "record",
    lambda record: {key: [mark.digest, mark.english] for key, mark in record.items()},
    lambda _path, data: {key: Mark(str(d), str(english)) for key, (d, english) in data.items()},
    lambda _data: True,
)


def cache_file(project: Path) -> Path:
    """The cache of the project in `project`, in the user's cache folder."""
    home = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    name = hashlib.sha1(str(project.resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(home) / "eme-toolkit" / f"{name}.json"


def reader_key(markdown_settings: str) -> str:
    """What a kept page depends on besides its own text."""
    digest = hashlib.sha1()
    for source in sorted(PACKAGE.rglob("*.py")):
        digest.update(source.relative_to(PACKAGE).as_posix().encode() + b"\0")
        digest.update(source.read_bytes() + b"\0")
    for name in READERS:
        digest.update(f"{name}={importlib.metadata.version(name)}\0".encode())
    digest.update(markdown_settings.encode("utf-8"))
    return digest.hexdigest()


class PageCache:
    """What was read from each file, by its path and a hash of its text, in one JSON file."""

    def __init__(self, file: Path | None, key: str) -> None:
        """`file`: None keeps the pages in memory only (a test, say)."""
        self.file = file
        self.key = key
        self.changed = False
        self.pages: dict[str, tuple[str, str, Any]] = {}  # path -> (text's hash, kind, data)
        if file is not None:
            self.pages = _load(file, key)

    def read(self, path: Path, parse: Callable[[Path, str], T], kind: Kind[T]) -> T:
        """The file at `path` as `parse` reads it, read again only if its text is not the one
        kept. Errors that `parse` raises are not kept."""
        text = path.read_text(encoding="utf-8")
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
        kept = self.pages.get(str(path))
        if kept and kept[0] == digest and kept[1] == kind.name:
            try:
                return kind.decode(path, kept[2])
            except (AttributeError, KeyError, TypeError, ValueError):
                pass  # kept in another shape: read it again
        found = parse(path, text)
        data = kind.encode(found)
        if not kind.keeps(data):
            return found  # front matter that JSON cannot hold (a date, say): not kept
        self.pages[str(path)] = (digest, kind.name, data)
        self.changed = True
        return found

    def save(self) -> None:
        """Write the pages read, if any changed, atomically: commands may run at the same time."""
        if self.file is None or not self.changed:
            return
        self.pages = {path: kept for path, kept in self.pages.items() if Path(path).is_file()}
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            text = json.dumps({"key": self.key, "pages": self.pages}, ensure_ascii=False)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=self.file.parent, delete=False, suffix=".tmp"
            ) as stream:
                stream.write(text)
            os.replace(stream.name, self.file)
        except OSError:
            return  # no writable cache folder: every command reads the pages again
        self.changed = False


def _load(file: Path, key: str) -> dict[str, tuple[str, str, Any]]:
    """The pages kept under `key`; nothing if the file is missing, unreadable or foreign."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("key") != key:
        return {}
    pages = data.get("pages")
    if not isinstance(pages, dict):
        return {}
    return {
        path: (kept[0], kept[1], kept[2])
        for path, kept in pages.items()
        if isinstance(kept, list) and len(kept) == 3
    }
