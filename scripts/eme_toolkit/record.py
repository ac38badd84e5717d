"""The translation record: which English sections each translation was last checked against.

docs/<lang>/translation-record.txt holds, per `page#section`, a hash of the English section as
it was when its translation was marked up to date. Only `mark-translated` writes it; a hash per
section keeps it exact in any clone, shallow or not.
"""

from __future__ import annotations

from pathlib import Path

from eme_toolkit.config import Site
from eme_toolkit.docs import Docs
from eme_toolkit.markdown import Page, PageError

RECORD_FILE = "translation-record.txt"
RECORD_HEADER = (
    "# Written by `eme-i18n mark-translated`: do not edit by hand.\n"
    "# Each line: page#section, then a hash of the English section as it was when this\n"
    "# language's translation of it was last brought up to date.\n"
)


def record_path(site: Site, lang: str) -> Path:
    return site.docs_dir / lang / RECORD_FILE


def read_record(site: Site, lang: str) -> dict[str, str]:
    """page#section -> hash of the English section the translation was last checked against."""
    path = record_path(site, lang)
    if not path.is_file():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise PageError(1, "the file is not UTF-8 text: restore it from version control") from None
    record = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) != 2 or "#" not in parts[0]:
            raise PageError(
                number,
                "not a 'page#section hash' line: restore the file from version control, then "
                "run mark-translated again",
            )
        record[parts[0]] = parts[1]
    return record


def write_record(site: Site, lang: str, record: dict[str, str]) -> None:
    lines = [f"{key} {value}\n" for key, value in sorted(record.items())]
    record_path(site, lang).write_text(RECORD_HEADER + "".join(lines), encoding="utf-8")


class MarkError(ValueError):
    """mark-translated was asked for something that does not exist."""


def mark_translated(site: Site, lang_code: str, target: str | None = None) -> list[str]:
    """Record the translation of `target` (all, a page, or page#section) as up to date."""
    lang = site.language(lang_code)
    if lang is None:
        raise MarkError(
            f"{lang_code!r} is not a language of the site ({site.display(site.config_path)})"
        )
    if lang.default:
        raise MarkError(f"{lang.name} is the original language: there is nothing to mark")
    docs = Docs(site)
    english, pages = docs.pages(site.default.code), docs.pages(lang.code)
    name, _, section_id = (target or "").partition("#")
    if section_id and not name:
        raise MarkError(f"name the page of #{section_id}: PAGE#SECTION, such as about.md#eme")
    names = [name] if name else sorted(set(english) & set(pages))
    for page_name in names:
        for code, pages_of in ((site.default.code, english), (lang.code, pages)):
            page = pages_of.get(page_name)
            if page is None:
                raise MarkError(f"{docs.path(code, page_name)} does not exist")
            if isinstance(page, PageError):
                raise MarkError(f"{docs.path(code, page_name)}:{page.line}: {page.message}")
    if section_id:
        for code in (site.default.code, lang.code):
            page = docs.pages(code)[name]
            if isinstance(page, Page) and page.section(section_id) is None:
                raise MarkError(f"{docs.path(code, name)} has no heading {{ #{section_id} }}")
    try:
        record = read_record(site, lang.code)
    except PageError:
        record = {}  # unreadable: rebuilt from what is marked now
    marked = []
    for page_name in names:
        original, translated = english[page_name], pages[page_name]
        assert isinstance(original, Page) and isinstance(translated, Page)
        for section in original.sections:
            if not section.id or translated.section(section.id) is None:
                continue
            if section_id and section.id != section_id:
                continue
            key = f"{page_name}#{section.id}"
            record[key] = section.digest
            marked.append(key)
    # Forget sections that no longer exist in both languages.
    for key in list(record):
        page_name, _, sid = key.partition("#")
        original, translated = english.get(page_name), pages.get(page_name)
        if not (
            isinstance(original, Page)
            and isinstance(translated, Page)
            and original.section(sid)
            and translated.section(sid)
        ):
            del record[key]
    write_record(site, lang.code, record)
    return marked
