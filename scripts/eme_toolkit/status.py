"""`status`: per language, each English page and section translated, outdated or missing.

Outdated means the English section changed after the translation was last marked up to date
(see record).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from eme_toolkit.config import Site
from eme_toolkit.docs import Docs, section_ids
from eme_toolkit.markdown import Page, PageError, title_text
from eme_toolkit.record import read_record

# --- status --------------------------------------------------------------------------------

TRANSLATED, OUTDATED, MISSING = "translated", "outdated", "missing"


@dataclass
class PageStatus:
    name: str
    state: str  # translated (every section up to date), outdated or missing
    sections: dict[str, str] = field(default_factory=dict)  # id -> state
    titles: dict[str, str] = field(default_factory=dict)  # id -> English heading
    unmarked: set[str] = field(default_factory=set)  # outdated ids never marked translated


@dataclass
class LanguageStatus:
    code: str
    name: str
    kind: str
    default: bool
    pages: list[PageStatus]

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

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "default": self.default,
            "percent": self.percent,
            "pages": {
                "total": len(self.pages),
                **{s: self.count_pages(s) for s in (TRANSLATED, OUTDATED, MISSING)},
            },
            "sections": {
                "total": self.total_sections,
                **{s: self.count_sections(s) for s in (TRANSLATED, OUTDATED, MISSING)},
            },
            "missing_pages": [p.name for p in self.pages if p.state == MISSING],
            "outdated_sections": [
                f"{p.name}#{sid}"
                for p in self.pages
                for sid, s in p.sections.items()
                if s == OUTDATED
            ],
            "unmarked_sections": [
                f"{p.name}#{sid}" for p in self.pages for sid in p.sections if sid in p.unmarked
            ],
            "missing_sections": [
                f"{p.name}#{sid}"
                for p in self.pages
                if p.state != MISSING
                for sid, s in p.sections.items()
                if s == MISSING
            ],
        }


def status(site: Site, docs: Docs | None = None) -> list[LanguageStatus]:
    """Per language: each English page and section, translated, outdated or missing."""
    docs = docs or Docs(site)
    english = {
        name: page for name, page in docs.pages(site.default.code).items() if isinstance(page, Page)
    }
    result = []
    for lang in site.languages:
        pages = docs.pages(lang.code)
        try:
            record = {} if lang.default else read_record(site, lang.code)
        except PageError:
            record = {}
        statuses = []
        for name, original in english.items():
            ids = section_ids(original)
            titles = {s.id: title_text(s.title) for s in original.sections if s.id}
            translated = pages.get(name)
            if translated is None:
                statuses.append(PageStatus(name, MISSING, dict.fromkeys(ids, MISSING), titles))
                continue
            sections, unmarked = {}, set()
            for sid in ids:
                if lang.default:
                    sections[sid] = TRANSLATED
                elif isinstance(translated, PageError) or translated.section(sid) is None:
                    sections[sid] = MISSING if isinstance(translated, Page) else OUTDATED
                else:
                    current = original.section(sid)
                    recorded = record.get(f"{name}#{sid}")
                    up_to_date = current is not None and recorded == current.digest
                    sections[sid] = TRANSLATED if up_to_date else OUTDATED
                    if recorded is None:
                        unmarked.add(sid)
            state = TRANSLATED if all(s == TRANSLATED for s in sections.values()) else OUTDATED
            statuses.append(PageStatus(name, state, sections, titles, unmarked))
        result.append(LanguageStatus(lang.code, lang.name, lang.kind, lang.default, statuses))
    return result


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
            f"{pages['outdated']} outdated, {pages['missing']} missing; "
            f"sections {sections['translated']}/{sections['total']} translated, "
            f"{sections['outdated']} outdated, {sections['missing']} missing"
        )
        if d["missing_pages"]:
            out.append("  missing pages (shown in English): " + ", ".join(d["missing_pages"]))
        for key in d["outdated_sections"]:
            why = (
                "translated but never marked up to date: check it, then run mark-translated"
                if key in d["unmarked_sections"]
                else "English changed since the translation was marked up to date"
            )
            out.append(f"  outdated: {key} ({why})")
        for key in d["missing_sections"]:
            out.append(f"  missing section: {key}")
    return "\n".join(out)


def format_markdown(statuses: list[LanguageStatus]) -> str:
    out = [
        "| Language | Kind | Translated | Pages translated | Outdated pages | Missing pages "
        "| Sections translated | Outdated sections | Missing sections |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in statuses:
        d = s.as_dict()
        p, c = d["pages"], d["sections"]
        out.append(
            f"| {s.name} ({s.code}) | {'original' if s.default else s.kind} | {s.percent} % "
            f"| {p['translated']}/{p['total']} | {p['outdated']} | {p['missing']} "
            f"| {c['translated']}/{c['total']} | {c['outdated']} | {c['missing']} |"
        )
    for s in statuses:
        d = s.as_dict()
        items = [f"- missing page: `{n}`" for n in d["missing_pages"]]
        items += [f"- outdated: `{k}`" for k in d["outdated_sections"]]
        items += [f"- missing section: `{k}`" for k in d["missing_sections"]]
        if items:
            out += ["", f"## {s.name} ({s.code})", "", *items]
    return "\n".join(out)


FORMATS = {"text": format_text, "json": format_json, "markdown": format_markdown}
