"""The pages of every language, each read once, for the translation tools and the plugin."""

from __future__ import annotations

from pathlib import Path

from eme_toolkit.config import Site
from eme_toolkit.markdown import Page, PageError, read_page

Pages = dict[str, Page | PageError]


def page_names(folder: Path) -> list[str]:
    """Markdown pages under a language folder, as posix paths relative to it."""
    if not folder.is_dir():
        return []
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))


class Docs:
    """The pages of every language, each read once."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self._pages: dict[str, Pages] = {}
        self._ids: dict[tuple[str, str], set[str]] = {}
        self._paths: dict[tuple[str, str], str] = {}

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
                    pages[name] = read_page(folder / name)
                except PageError as error:
                    pages[name] = error
                except UnicodeDecodeError:
                    pages[name] = PageError(1, "the file is not UTF-8 text: save it as UTF-8")
            self._pages[lang] = pages
        return self._pages[lang]

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
