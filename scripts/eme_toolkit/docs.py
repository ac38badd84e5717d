"""The pages of every language, each read once, for the translation tools and the plugin."""

from __future__ import annotations

from pathlib import Path

from eme_toolkit.cache import PAGE, RECORD, PageCache, cache_file, reader_key
from eme_toolkit.entries import section_texts
from eme_toolkit.page import Page, PageError, Reader
from eme_toolkit.record import BROKEN, Mark, parse_record, record_path
from eme_toolkit.rendering import Renderer
from eme_toolkit.site import Site

Pages = dict[str, Page | PageError]


def page_names(folder: Path) -> list[str]:
    """Markdown pages under a language folder, as posix paths relative to it."""
    if not folder.is_dir():
        return []
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))


def _record(_path: Path, text: str) -> dict[str, Mark]:
    return parse_record(text)


def page_cache(site: Site) -> PageCache:
    """The project's cache of pages read before (cache.py)."""
    return PageCache(cache_file(site.root), reader_key(site.markdown.key()))


class Docs:
    """The pages of every language, each read once."""

    def __init__(self, site: Site, cache: PageCache | None = None) -> None:
        """`cache`: one kept by the caller (`mkdocs serve`, across rebuilds); else the project's.
        What was read is kept for the next command when its caller saves it (`save`)."""
        self.site = site
        self.cache = cache if cache is not None else page_cache(site)
        self._reader = Reader(Renderer(site.markdown))
        self._pages: dict[str, Pages] = {}
        self._ids: dict[tuple[str, str], set[str]] = {}
        self._paths: dict[tuple[str, str], str] = {}
        self._records: dict[str, dict[str, Mark] | PageError] = {}
        self._previous: dict[tuple[str, str, str], dict[str, str]] = {}

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
                    pages[name] = self.cache.read(folder / name, self._reader.read, PAGE)
                except PageError as error:
                    pages[name] = error
                except UnicodeDecodeError:
                    pages[name] = PageError(1, "the file is not UTF-8 text: save it as UTF-8")
            self._pages[lang] = pages
        return self._pages[lang]

    def record(self, lang: str) -> dict[str, Mark]:
        """The language's translation record, read once; PageError if it cannot be read."""
        if lang not in self._records:
            path = record_path(self.site, lang)
            try:
                found = self.cache.read(path, _record, RECORD) if path.is_file() else {}
                self._records[lang] = found
            except PageError as error:
                self._records[lang] = error
            except UnicodeDecodeError:
                self._records[lang] = PageError(1, f"the file is not UTF-8 text: {BROKEN}")
        found = self._records[lang]
        if isinstance(found, PageError):
            raise found
        return found

    def save(self) -> None:
        """Keep what was read for the next command (cache.py)."""
        self.cache.save()

    def parse(self, path: Path, text: str) -> Page:
        """A page's text as it would be read from `path`, not kept."""
        return self._reader.read(path, text)

    def previous_units(self, name: str, section_id: str, mark: Mark) -> dict[str, str]:
        """The units' texts of a section as a translation record keeps its English, by key."""
        key = (name, section_id, mark.digest)
        if key not in self._previous:
            try:
                page = self._reader.read(Path(name), mark.english + "\n")
            except PageError:
                page = None
            section = page.section(section_id) if page else None
            self._previous[key] = section_texts(name, section) if section else {}
        return self._previous[key]

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
