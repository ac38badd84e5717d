"""`diff`: what changed in the English since a translation was marked, word by word.

The record keeps the English text each section was translated from; this compares it with the
English as it is now, block by block (paragraphs, list items), and within a changed block word
by word: `[-removed-]{+added+}`, as `git diff --word-diff` shows it. Wrapping a paragraph anew
changes no word, so it shows nothing.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from eme_toolkit.docs import Docs, section_ids
from eme_toolkit.errors import located
from eme_toolkit.page import PageError
from eme_toolkit.site import Site
from eme_toolkit.status import OUTDATED, TRANSLATED, status

# A line that starts a block of its own: a list item, a table row, a heading, a quote.
BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|\||#|>)")


class DiffError(ValueError):
    """diff was asked for something that does not exist."""


@dataclass
class Change:
    key: str  # page#section
    where: str  # docs/en/page.md:line of the English section now
    state: str  # outdated, translated (nothing changed), or untranslated (never marked)
    diff: str  # the changed blocks, word by word; "" when nothing changed


def word_diff(old: str, new: str) -> str:
    """`new`, with words removed since `old` as [-…-] and words added as {+…+}."""
    before, after = old.split(), new.split()
    out: list[str] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out += after[b1:b2]
            continue
        removed = f"[-{' '.join(before[a1:a2])}-]" if a2 > a1 else ""
        added = f"{{+{' '.join(after[b1:b2])}+}}" if b2 > b1 else ""
        out.append(removed + added)
    return " ".join(out)


def blocks(text: str) -> list[str]:
    """Paragraphs, list items, table rows…, each on one line, as they read."""
    found: list[list[str]] = []
    fresh = True
    for line in text.splitlines():
        if not line.strip():
            fresh = True
            continue
        if fresh or BLOCK_START.match(line):
            found.append([])
        found[-1].append(line.strip())
        fresh = False
    return [" ".join(" ".join(parts).split()) for parts in found]


def block_diff(old: str, new: str) -> list[str]:
    """The blocks (paragraphs, list items…) that differ, each as a word diff."""
    before, after = blocks(old), blocks(new)
    changed = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op != "equal":
            changed.append(word_diff(" ".join(before[a1:a2]), " ".join(after[b1:b2])))
    return changed


def changes(
    site: Site, lang_code: str, target: str | None = None, docs: Docs | None = None
) -> list[Change]:
    """For each section of `target` (all, a page or page#section): what changed in English
    since its translation was marked."""
    lang = site.language(lang_code)
    if lang is None or lang.default:
        codes = ", ".join(language.code for language in site.languages if not language.default)
        raise DiffError(f"{lang_code!r} is not a translated language of the site: use {codes}")
    docs = docs or Docs(site)
    english = docs.pages(site.default.code)
    name, _, section_id = (target or "").partition("#")
    names = [name] if name else sorted(english)
    record = docs.record(lang.code)
    states = {p.name: p for p in next(s for s in status(site, docs) if s.code == lang.code).pages}
    found = []
    for page_name in names:
        page = english.get(page_name)
        if page is None:
            raise DiffError(f"{docs.path(site.default.code, page_name)} does not exist")
        if isinstance(page, PageError):
            raise DiffError(
                located(docs.path(site.default.code, page_name), page.line, page.message)
            )
        ids = [section_id] if section_id else section_ids(page)
        for sid in ids:
            section = page.section(sid)
            if section is None:
                path = docs.path(site.default.code, page_name)
                raise DiffError(f"{path} has no heading {{ #{sid} }}")
            key = f"{page_name}#{sid}"
            state = states[page_name].sections[sid]
            if not section_id and state == TRANSLATED:
                continue  # a whole page or language: only what needs the translator
            mark = record.get(key)
            where = f"{docs.path(site.default.code, page_name)}:{section.line}"
            text = "\n\n".join(block_diff(mark.english, section.source)) if mark else ""
            found.append(Change(key, where, state if mark else "untranslated", text))
    return found


def format_changes(found: list[Change]) -> str:
    out = []
    for change in found:
        if change.state == OUTDATED:
            out += [f"{change.key} ({change.where}): English changed since it was marked:", ""]
            out += ["  " + line for line in change.diff.splitlines()] or ["  (no word changed)"]
        elif change.state == TRANSLATED:
            out.append(f"{change.key} ({change.where}): up to date, nothing changed")
        else:
            out.append(
                f"{change.key} ({change.where}): never marked translated, so there is no "
                "earlier English to compare: translate the whole section"
            )
        out.append("")
    return "\n".join(out).rstrip() or "Nothing to update: every marked section is up to date."
