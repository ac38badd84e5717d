"""`mark-translated`: record translations as up to date with English, once check finds nothing
wrong with them.

A section that check flags (structure, numbers, links, text still in English) is not marked
unless the editor says --force; nothing is written then, so a run marks all or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eme_toolkit.check import compare_sections, still_in_english
from eme_toolkit.docs import Docs
from eme_toolkit.errors import Problem, located
from eme_toolkit.page import Page, PageError
from eme_toolkit.record import Mark, write_record
from eme_toolkit.site import Site


class MarkError(ValueError):
    """mark-translated was asked for something that does not exist, or that check flags."""


@dataclass
class Marked:
    sections: list[str] = field(default_factory=list)  # page#section now marked
    skipped: list[str] = field(default_factory=list)  # page#section the translation lacks


def mark_translated(
    site: Site,
    lang_code: str,
    target: str | None = None,
    force: bool = False,
    docs: Docs | None = None,
) -> Marked:
    """Record the translation of `target` (all, a page, or page#section) as up to date."""
    lang = site.language(lang_code)
    if lang is None:
        codes = ", ".join(language.code for language in site.languages if not language.default)
        raise MarkError(f"{lang_code!r} is not a language of the site: use one of {codes}")
    if lang.default:
        raise MarkError(f"{lang.name} is the original language: there is nothing to mark")
    docs = docs or Docs(site)
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
                raise MarkError(located(docs.path(code, page_name), page.line, page.message))
    if section_id:
        for code in (site.default.code, lang.code):
            page = docs.pages(code)[name]
            if isinstance(page, Page) and page.section(section_id) is None:
                raise MarkError(f"{docs.path(code, name)} has no heading {{ #{section_id} }}")
    try:
        record = dict(docs.record(lang.code))
    except PageError:
        record = {}  # unreadable: rebuilt from what is marked now
    marked, problems = Marked(), []
    for page_name in names:
        original, translated = english[page_name], pages[page_name]
        assert isinstance(original, Page) and isinstance(translated, Page)
        path, english_path = (
            docs.path(lang.code, page_name),
            docs.path(site.default.code, page_name),
        )
        for section in original.sections:
            if not section.id or (section_id and section.id != section_id):
                continue
            key = f"{page_name}#{section.id}"
            ours = translated.section(section.id)
            if ours is None:
                marked.skipped.append(key)
                continue
            if still_in_english(section, ours, site.keep_in_english):
                problems.append(
                    Problem(path, ours.line, f"section {{ #{section.id} }} is still English")
                )
            else:
                problems += compare_sections(
                    path, english_path, section, ours, site.keep_in_english
                )
            record[key] = Mark(section.digest, section.source)
            marked.sections.append(key)
    if problems and not force:
        listed = "\n".join(f"  {problem}" for problem in sorted(set(problems)))
        raise MarkError(
            f"nothing marked: check finds {len(problems)} problem"
            f"{'s' * (len(problems) != 1)} in what you asked to mark:\n{listed}\n"
            "fix them and mark again, or mark anyway with --force"
        )
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
