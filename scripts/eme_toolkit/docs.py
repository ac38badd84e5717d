"""The pages of every language, each read once, for the translation tools and the plugin.

Reading a page with the Markdown parser costs about 2 ms; a site of 100 practices in 5
languages has 500 pages, read by every `check`, `status` and build. So pages, and the
translation records (which hold the English of every section), are kept between runs in
.cache/eme-toolkit/ (ignored by git), by file and content: a file is parsed again only when it,
or the reader's code, changed.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from eme_toolkit import markdown
from eme_toolkit.config import Site
from eme_toolkit.markdown import Page, PageError, read_page
from eme_toolkit.record import BROKEN, Mark, parse_record, record_path

Pages = dict[str, Page | PageError]
T = TypeVar("T")
CACHE = Path(".cache") / "eme-toolkit" / "pages.pickle"


def settled_page(path: Path, text: str) -> Page:
    return read_page(path, text).settle()


def _record(_path: Path, text: str) -> dict[str, Mark]:
    return parse_record(text)


def page_names(folder: Path) -> list[str]:
    """Markdown pages under a language folder, as posix paths relative to it."""
    if not folder.is_dir():
        return []
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))


def reader_version() -> str:
    """Changes whenever the reader's code or its parser does: the cache's key."""
    parts = [Path(markdown.__file__).read_bytes()]
    parts += [importlib.metadata.version(n).encode() for n in ("markdown-it-py", "mdit-py-plugins")]
    return hashlib.sha1(b"\0".join(parts)).hexdigest()


class PageCache:
    """Pages read before, by path and a hash of their text, in a file of the project's own."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.version = reader_version()
        self.changed = False
        self.pages: dict[str, tuple[str, Any]] = {}  # path -> (hash of its text, what it holds)
        try:
            with file.open("rb") as stream:
                version, pages = pickle.load(stream)
            if version == self.version:
                self.pages = pages
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            pass  # no cache yet, or one another version wrote: start afresh

    def read(self, path: Path, parse: Callable[[Path, str], T]) -> T:
        """The file at `path` as `parse` reads it, parsed only if its text is not the one kept."""
        text = path.read_text(encoding="utf-8")
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
        kept = self.pages.get(str(path))
        if kept and kept[0] == digest:
            return kept[1]
        found = parse(path, text)
        self.pages[str(path)] = (digest, found)
        self.changed = True
        return found

    def save(self) -> None:
        """Write the pages read, if any changed, atomically: runs may overlap."""
        if not self.changed:
            return
        self.pages = {path: kept for path, kept in self.pages.items() if Path(path).is_file()}
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.file.parent, delete=False) as stream:
                pickle.dump((self.version, self.pages), stream, pickle.HIGHEST_PROTOCOL)
            os.replace(stream.name, self.file)
        except OSError:
            return  # a read-only checkout: every run parses again, as without a cache
        self.changed = False


class Docs:
    """The pages of every language, each read once."""

    def __init__(self, site: Site, cache: PageCache | None = None) -> None:
        """`cache`: one kept by the caller (`mkdocs serve`, across rebuilds), which saves it."""
        self.site = site
        self.cache = cache or PageCache(site.root / CACHE)
        self._save = cache is None
        self._pages: dict[str, Pages] = {}
        self._ids: dict[tuple[str, str], set[str]] = {}
        self._paths: dict[tuple[str, str], str] = {}
        self._records: dict[str, dict[str, Mark] | PageError] = {}

    def folder(self, lang: str) -> Path:
        return self.site.docs_dir / lang

    def path(self, lang: str, name: str) -> str:
        """docs/<lang>/<name> as shown in messages."""
        key = (lang, name)
        if key not in self._paths:
            self._paths[key] = self.site.display(self.folder(lang) / name)
        return self._paths[key]

    def pages(self, lang: str) -> Pages:
        if lang not in self._pages:
            folder = self.folder(lang)
            pages: Pages = {}
            for name in page_names(folder):
                try:
                    pages[name] = self.cache.read(folder / name, settled_page)
                except PageError as error:
                    pages[name] = error
                except UnicodeDecodeError:
                    pages[name] = PageError(1, "the file is not UTF-8 text: save it as UTF-8")
            self._pages[lang] = pages
            if self._save:
                self.cache.save()
        return self._pages[lang]

    def record(self, lang: str) -> dict[str, Mark]:
        """The language's translation record, read once; PageError if it cannot be read."""
        if lang not in self._records:
            path = record_path(self.site, lang)
            try:
                record = self.cache.read(path, _record) if path.is_file() else {}
                self._records[lang] = record
            except PageError as error:
                self._records[lang] = error
            except UnicodeDecodeError:
                self._records[lang] = PageError(1, f"the file is not UTF-8 text: {BROKEN}")
            if self._save:
                self.cache.save()
        found = self._records[lang]
        if isinstance(found, PageError):
            raise found
        return found

    def ids(self, lang: str, name: str) -> set[str] | None:
        """Anchors of a page; None if it cannot be read (that is reported on its own)."""
        key = (lang, name)
        if key not in self._ids:
            page = self.pages(lang).get(name)
            if not isinstance(page, Page):
                return None
            self._ids[key] = page.ids()
        return self._ids[key]


def section_ids(page: Page) -> list[str]:
    """The page's section ids in order, each once."""
    seen: list[str] = []
    for section in page.sections:
        if section.id and section.id not in seen:
            seen.append(section.id)
    return seen
