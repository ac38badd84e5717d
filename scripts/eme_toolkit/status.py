"""`status`: per language, each English page and section in one of three states.

- translated: marked translated, and the English has not changed since (see record);
- outdated: marked translated, and the English has changed since;
- untranslated: not marked translated yet: missing, still the English text, or translated but
  never marked.
A change that leaves the rendered English as it is (a paragraph wrapped anew) changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from eme_toolkit import entries as units
from eme_toolkit.check import still_in_english
from eme_toolkit.docs import Docs, section_ids
from eme_toolkit.page import Page, PageError, title_text
from eme_toolkit.record import Mark
from eme_toolkit.site import Site
from eme_toolkit.strings import FILE as STRINGS_FILE
from eme_toolkit.strings import StringsError, read_strings_file
from eme_toolkit.yamlfile import key_line

# --- status --------------------------------------------------------------------------------

TRANSLATED, OUTDATED, UNTRANSLATED = "translated", "outdated", "untranslated"
STATES = (TRANSLATED, OUTDATED, UNTRANSLATED)
# Why a section is untranslated, as the text report says it.
MISSING, ENGLISH, UNMARKED, UNREADABLE = "missing", "english", "unmarked", "unreadable"
REASONS = {
    MISSING: "missing from the translated page",
    ENGLISH: "still the English text",
    UNMARKED: "translated but never marked: check it, then run mark-translated",
    UNREADABLE: "the translated page cannot be read: run `make check`",
}


@dataclass
class PageStatus:
    name: str
    state: str  # translated (every section), outdated (any section), else untranslated
    sections: dict[str, str] = field(default_factory=dict)  # id -> state
    titles: dict[str, str] = field(default_factory=dict)  # id -> English heading
    reasons: dict[str, str] = field(default_factory=dict)  # untranslated id -> why
    missing: bool = False  # no translated page at all: readers see the English one
    entries: dict[str, int] = field(default_factory=dict)  # what translation tools count

    @property
    def partly(self) -> bool:
        """Some sections translated (up to date or not), the others not translated yet."""
        return self.state == UNTRANSLATED and any(
            state in (TRANSLATED, OUTDATED) for state in self.sections.values()
        )

    @property
    def untranslated_here(self) -> list[str]:
        """Ids of sections that readers of the translated page see in English."""
        return [sid for sid, why in self.reasons.items() if why in (MISSING, ENGLISH)]


@dataclass
class LanguageStatus:
    code: str
    name: str
    kind: str
    default: bool
    pages: list[PageStatus]
    # The entries a translation tool counts (entries.py): every page's units and the site's
    # own words, translated, fuzzy or untranslated.
    entries: dict[str, int] = field(default_factory=dict)

    def count_pages(self, state: str) -> int:
        return sum(p.state == state for p in self.pages)

    def count_sections(self, state: str) -> int:
        return sum(s == state for p in self.pages for s in p.sections.values())

    @property
    def total_sections(self) -> int:
        return sum(len(p.sections) for p in self.pages)

    @property
    def percent(self) -> int:
        """Sections up to date, rounded down so that 100 means all of them."""
        total = self.total_sections
        return 100 if not total else self.count_sections(TRANSLATED) * 100 // total

    def page(self, name: str) -> PageStatus | None:
        return next((p for p in self.pages if p.name == name), None)

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "default": self.default,
            "percent": self.percent,
            "pages": {
                "total": len(self.pages),
                **{s: self.count_pages(s) for s in STATES},
                "missing": sum(p.missing for p in self.pages),
            },
            "sections": {
                "total": self.total_sections,
                **{s: self.count_sections(s) for s in STATES},
            },
            "entries": {"total": sum(self.entries.values()), **self.entries},
            "missing_pages": [p.name for p in self.pages if p.missing],
            "outdated_sections": [
                f"{p.name}#{sid}"
                for p in self.pages
                for sid, s in p.sections.items()
                if s == OUTDATED
            ],
            "untranslated_sections": [
                {"section": f"{p.name}#{sid}", "reason": why}
                for p in self.pages
                if not p.missing
                for sid, why in p.reasons.items()
            ],
        }


def status(site: Site, docs: Docs | None = None) -> list[LanguageStatus]:
    """Per language: each English page and section, translated, outdated or untranslated."""
    docs = docs or Docs(site)
    english = {
        name: page for name, page in docs.pages(site.default.code).items() if isinstance(page, Page)
    }
    result = []
    for lang in site.languages:
        pages = docs.pages(lang.code)
        try:
            record = {} if lang.default else docs.record(lang.code)
        except PageError:
            record = {}
        statuses = []
        for name, original in english.items():
            ids = section_ids(original)
            titles = {s.id: title_text(s.title) for s in original.sections if s.id}
            translated = pages.get(name)
            if lang.default:
                statuses.append(
                    PageStatus(name, TRANSLATED, dict.fromkeys(ids, TRANSLATED), titles)
                )
                continue
            if translated is None:
                sections = dict.fromkeys(ids, UNTRANSLATED)
                reasons = dict.fromkeys(ids, MISSING)
                statuses.append(PageStatus(name, UNTRANSLATED, sections, titles, reasons, True))
                continue
            sections, reasons = {}, {}
            for sid in ids:
                current = original.section(sid)
                assert current is not None
                ours = translated.section(sid) if isinstance(translated, Page) else None
                marked = record.get(f"{name}#{sid}")
                if isinstance(translated, PageError):
                    why = UNREADABLE
                elif ours is None:
                    why = MISSING
                elif still_in_english(current, ours, site.keep_in_english):
                    why = ENGLISH
                elif marked is None:
                    why = UNMARKED
                else:
                    sections[sid] = TRANSLATED if marked.digest == current.digest else OUTDATED
                    continue
                sections[sid], reasons[sid] = UNTRANSLATED, why
            states = set(sections.values())
            state = (
                TRANSLATED
                if states <= {TRANSLATED}
                else OUTDATED
                if OUTDATED in states
                else UNTRANSLATED
            )
            statuses.append(PageStatus(name, state, sections, titles, reasons))
        language = LanguageStatus(lang.code, lang.name, lang.kind, lang.default, statuses)
        language.entries = _count_entries(site, docs, lang.code, language, english, record)
        result.append(language)
    return result


def language_entries(
    site: Site,
    docs: Docs,
    code: str,
    language: LanguageStatus,
    english: dict[str, Page],
    record: dict[str, Mark],
) -> dict[str, list[units.Entry]]:
    """Every entry of a language, by the name of the page (or strings.yml) it belongs to."""
    pages = docs.pages(code)
    found: dict[str, list[units.Entry]] = {}
    for status_of in language.pages:
        translated = pages.get(status_of.name)
        found[status_of.name] = units.page_entries(
            status_of.name,
            docs.path(site.default.code, status_of.name),
            english[status_of.name],
            _translation(language, english[status_of.name], translated),
            status_of.sections,
            record,
            docs.previous_units,
        )
    folder = site.docs_dir / site.default.code
    try:
        english_strings = read_strings_file(folder / STRINGS_FILE)
        ours = (
            english_strings
            if language.default
            else read_strings_file(site.docs_dir / code / STRINGS_FILE)
        )
    except StringsError:  # reported by check
        english_strings, ours = {}, {}
    lines = _key_lines(folder / STRINGS_FILE)
    entries = units.strings_entries(
        site.display(folder / STRINGS_FILE), english_strings, lines, ours
    )
    if language.default:
        for entry in entries:
            entry.target = entry.source
    found[units.STRINGS_NAME] = entries
    return found


def _translation(
    language: LanguageStatus, english: Page, translated: Page | PageError | None
) -> Page | None:
    if language.default:
        return english
    return translated if isinstance(translated, Page) else None


def _key_lines(path: Path) -> dict[str, int]:
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    return {key: key_line(text, key) for key in read_strings_file(path)} if text else {}


def _count_entries(
    site: Site,
    docs: Docs,
    code: str,
    language: LanguageStatus,
    english: dict[str, Page],
    record: dict[str, Mark],
) -> dict[str, int]:
    found = language_entries(site, docs, code, language, english, record)
    return units.counts([entry for entries in found.values() for entry in entries])


# --- reports -------------------------------------------------------------------------------


def format_json(statuses: list[LanguageStatus]) -> str:
    return json.dumps({"languages": [s.as_dict() for s in statuses]}, indent=2)


def format_text(statuses: list[LanguageStatus]) -> str:
    out = ["Translation status: sections up to date with English", ""]
    for s in statuses:
        d = s.as_dict()
        pages, sections = d["pages"], d["sections"]
        kind = "original" if s.default else s.kind
        out.append(
            f"{s.name} ({s.code}, {kind}): {s.percent} %  "
            f"pages {pages['translated']}/{pages['total']} translated, "
            f"{pages['outdated']} outdated, {pages['untranslated']} not translated; "
            f"sections {sections['translated']}/{sections['total']} translated, "
            f"{sections['outdated']} outdated, {sections['untranslated']} not translated"
        )
        if d["missing_pages"]:
            out.append("  missing pages (shown in English): " + ", ".join(d["missing_pages"]))
        entries = d["entries"]
        out.append(
            f"  entries, as translation tools count them: {entries['translated']}/"
            f"{entries['total']} translated, {entries['fuzzy']} fuzzy, "
            f"{entries['untranslated']} not translated"
        )
        for key in d["outdated_sections"]:
            out.append(
                f"  outdated: {key} (English changed since it was marked: see "
                f"`make diff CODE={s.code} PAGE={key}`)"
            )
        for item in d["untranslated_sections"]:
            out.append(f"  not translated: {item['section']} ({REASONS[item['reason']]})")
    return "\n".join(out)


def format_markdown(statuses: list[LanguageStatus]) -> str:
    out = [
        "| Language | Kind | Translated | Pages translated | Outdated pages | Pages not translated "
        "| Sections translated | Outdated sections | Sections not translated |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in statuses:
        d = s.as_dict()
        p, c = d["pages"], d["sections"]
        out.append(
            f"| {s.name} ({s.code}) | {'original' if s.default else s.kind} | {s.percent} % "
            f"| {p['translated']}/{p['total']} | {p['outdated']} | {p['untranslated']} "
            f"| {c['translated']}/{c['total']} | {c['outdated']} | {c['untranslated']} |"
        )
    for s in statuses:
        d = s.as_dict()
        items = [f"- missing page: `{n}`" for n in d["missing_pages"]]
        items += [f"- outdated: `{k}`" for k in d["outdated_sections"]]
        items += [
            f"- not translated: `{i['section']}` ({REASONS[i['reason']]})"
            for i in d["untranslated_sections"]
        ]
        if items:
            out += ["", f"## {s.name} ({s.code})", "", *items]
    return "\n".join(out)


FORMATS = {"text": format_text, "json": format_json, "markdown": format_markdown}
