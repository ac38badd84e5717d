"""`export-po` and `import-po`: a language's pages as PO (or XLIFF) files for translation tools,
and their translations back into docs/<lang>/.

po/<lang>/<page>.po holds the entries of one page (entries.py), po/<lang>/strings.po those of
the site's own words. Exporting again merges: what a translator did in po/ is kept, an entry
whose English changed becomes fuzzy with its previous English. Importing writes each
translated, non-fuzzy entry into its block's lines (units.replace), and records a section as
translated once every entry of it is; it refuses, writing nothing, whatever would be wrong.
Each file carries the digest of its docs file, so that an editor's change there is never
overwritten (export again first: the export merges it in).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eme_toolkit.check import compare_sections
from eme_toolkit.docs import Docs
from eme_toolkit.entries import STRINGS_NAME, Entry
from eme_toolkit.errors import Problem
from eme_toolkit.page import Page, PageError
from eme_toolkit.record import Mark, write_record
from eme_toolkit.site import Language, Site
from eme_toolkit.status import LanguageStatus, language_entries, status
from eme_toolkit.strings import FILE as STRINGS_FILE
from eme_toolkit.strings import StringsError, placeholder_problems, read_strings_file
from eme_toolkit.units import Unit, markup, numbers, page_units, problem_with, replace

PO_DIR = "po"
NO_FILE = "none"  # the digest of a docs file that does not exist
CONFLICT_NOTE = "{path} was changed since the last export and now reads: “{text}”. Keep one."


class ExchangeError(ValueError):
    """A request refused before anything was read: an unknown language, a wrong file."""


class Refused(ValueError):
    """Nothing written: every problem, each at `file:line`."""

    def __init__(self, problems: list[Problem], what: str) -> None:
        self.problems = sorted(set(problems))
        listed = "\n".join(str(problem) for problem in self.problems)
        count = len(self.problems)
        super().__init__(f"{listed}\n{what}: {count} problem{'s' * (count != 1)}, nothing written")


@dataclass
class Exported:
    files: list[str] = field(default_factory=list)
    kept: int = 0  # entries whose translation came from po/, not docs/
    orphans: list[str] = field(default_factory=list)  # files of pages English no longer has
    counts: Counter[str] = field(default_factory=Counter)


@dataclass
class Imported:
    written: dict[str, int] = field(default_factory=dict)  # docs file -> entries written
    marked: list[str] = field(default_factory=list)  # page#section now recorded translated
    unmarked: list[str] = field(default_factory=list)  # why a complete section was not marked
    files: int = 0


def folder(site: Site, code: str) -> Path:
    return site.root / PO_DIR / code


def catalog_name(name: str) -> str:
    """po/<lang>/ path of a page's file without its suffix: about.md -> about."""
    return "strings" if name == STRINGS_NAME else name.removesuffix(".md")


def docs_file(site: Site, code: str, name: str) -> Path:
    return site.docs_dir / code / (STRINGS_FILE if name == STRINGS_NAME else name)


def digest(path: Path) -> str:
    """A short hash of a docs file as it is, or 'none' when there is none."""
    if not path.is_file():
        return NO_FILE
    return hashlib.sha1(path.read_bytes()).hexdigest()[:12]


def _language(site: Site, code: str | None) -> Language:
    lang = site.language(code or "")
    if lang is None:
        codes = ", ".join(language.code for language in site.languages if not language.default)
        raise ExchangeError(f"{code!r} is not a language of the site: give CODE=, one of {codes}")
    if lang.default:
        raise ExchangeError(f"{lang.name} is the original language: it has nothing to translate")
    return lang


def _today(site: Site, docs: Docs, lang: Language) -> tuple[dict[str, list[Entry]], LanguageStatus]:
    """Every entry of the language as the docs hold it, by page name (and strings.yml)."""
    statuses = status(site, docs)
    language = next(s for s in statuses if s.code == lang.code)
    english = {
        name: page for name, page in docs.pages(site.default.code).items() if isinstance(page, Page)
    }
    try:
        record = docs.record(lang.code)
    except PageError:
        record = {}
    return language_entries(site, docs, lang.code, language, english, record), language


# --- export -------------------------------------------------------------------------------


def export(site: Site, code: str, fmt: str = "po", docs: Docs | None = None) -> Exported:
    """Write po/<code>/: one file per English page and one for the site's own words."""
    from eme_toolkit import catalogs

    lang = _language(site, code)
    docs = docs or Docs(site)
    found, _ = _today(site, docs, lang)
    suffix, other = (
        catalogs.SUFFIXES[fmt],
        catalogs.SUFFIXES[catalogs.PO if fmt != "po" else "xliff"],
    )
    if "strings.md" in found:
        raise ExchangeError(
            f"{docs.path(site.default.code, 'strings.md')}: a page named strings.md would share "
            f"{PO_DIR}/{code}/strings{suffix} with the site's own words: rename the page"
        )
    problems, outputs = [], []
    result = Exported()
    for name, entries in found.items():
        path = folder(site, code) / (catalog_name(name) + suffix)
        shown = site.display(path)
        twin = path.with_suffix(other)
        if twin.is_file():
            problems.append(
                Problem(
                    site.display(twin),
                    1,
                    f"{shown} would be a second file for the same page: translate a page in one "
                    f"format; delete one of the two, or export with FORMAT={_format_of(twin)}",
                )
            )
            continue
        target = docs_file(site, code, name)
        now = digest(target)
        if path.is_file():
            try:
                existing = catalogs.read(path.read_bytes(), fmt)
            except catalogs.CatalogError as error:
                problems.append(
                    Problem(
                        shown,
                        error.line,
                        f"{error.message}: fix it, so that export can keep "
                        "its translations, or delete it to export it anew",
                    )
                )
                continue
            result.kept += merge(entries, existing, now, site.display(target))
            header = existing.header
        else:
            header = {}
        catalog = catalogs.Catalog(lang.code, entries, now, site.display(target), header=header)
        outputs.append((path, catalogs.write(catalog, fmt, site.settings.get("site_name", ""))))
        result.counts.update(entry.state for entry in entries)
    if problems:
        raise Refused(problems, "export refused")
    for path, data in outputs:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
        result.files.append(site.display(path))
    names = {catalog_name(name) for name in found}
    for path in sorted(folder(site, code).rglob(f"*{suffix}")):
        if path.relative_to(folder(site, code)).with_suffix("").as_posix() not in names:
            result.orphans.append(site.display(path))
    return result


def _format_of(path: Path) -> str:
    return "xliff" if path.suffix == ".xlf" else "po"


def merge(entries: list[Entry], existing: object, now: str, target: str) -> int:
    """Keep in `entries` what a translator did in the file exported before: its translations
    and fuzzy flags; an entry whose English changed since becomes fuzzy, with that English as
    its previous text. Where the docs file changed too and reads otherwise, the translator's
    text stays, fuzzy, with a note quoting the docs. Returns how many entries were kept."""
    from eme_toolkit.catalogs import Catalog

    assert isinstance(existing, Catalog)
    before = {entry.context: entry for entry in existing.entries}
    changed = existing.digest != now
    kept = 0
    for entry in entries:
        old = before.get(entry.context)
        if old is None or not old.target:
            continue
        if old.target == entry.target and old.fuzzy == entry.fuzzy and old.source == entry.source:
            continue
        docs_text = entry.target
        kept += old.target != docs_text or old.fuzzy != entry.fuzzy
        entry.target, entry.fuzzy = old.target, old.fuzzy
        entry.previous = old.previous if old.fuzzy else ""
        if changed and docs_text and docs_text != old.target:
            entry.fuzzy = True
            entry.note = " ".join(
                filter(None, [CONFLICT_NOTE.format(path=target, text=docs_text), entry.note])
            )
        if old.source != entry.source:
            entry.fuzzy, entry.previous = True, old.source
    return kept


# --- import -------------------------------------------------------------------------------


@dataclass
class _Plan:
    """What an import would write."""

    lang: Language
    texts: dict[Path, str] = field(default_factory=dict)  # docs file -> its new text
    written: dict[str, int] = field(default_factory=dict)
    complete: dict[str, set[str]] = field(default_factory=dict)  # page -> sections all done
    catalogs: dict[Path, tuple[str, str]] = field(default_factory=dict)  # file -> digests
    files: int = 0


def catalog_files(site: Site, code: str, file: Path | None) -> list[Path]:
    if file is not None:
        return [file]
    return sorted(path for path in folder(site, code).rglob("*") if path.suffix in (".po", ".xlf"))


def plan(
    site: Site, code: str | None, file: Path | None = None, docs: Docs | None = None
) -> tuple[_Plan, list[Problem]]:
    """Read every file to import and work out what it would write; the problems found."""
    from eme_toolkit import catalogs

    if file is not None:
        file = file if file.is_absolute() else Path.cwd() / file
        parts = _inside_po(site, file)
        code = code or parts[0]
        if parts[0] != code:
            raise ExchangeError(
                f"{site.display(file)} is not in {PO_DIR}/{code}/: give CODE={parts[0]}, or none"
            )
        if not file.is_file():
            raise ExchangeError(f"{site.display(file)} does not exist")
    lang = _language(site, code)
    docs = docs or Docs(site)
    found, _ = _today(site, docs, lang)
    english_pages = docs.pages(site.default.code)
    result, problems = _Plan(lang), []
    seen: dict[str, Path] = {}
    for path in catalog_files(site, lang.code, file):
        result.files += 1
        shown = site.display(path)
        relative = path.relative_to(folder(site, lang.code)).with_suffix("").as_posix()
        name = STRINGS_NAME if relative == "strings" else relative + ".md"
        if name in seen:
            problems.append(
                Problem(shown, 1, f"{site.display(seen[name])} holds the same page: keep one")
            )
            continue
        seen[name] = path
        if path.suffix not in (".po", ".xlf"):
            problems.append(Problem(shown, 1, "not a .po or .xlf file"))
            continue
        fmt = catalogs.PO if path.suffix == ".po" else catalogs.XLIFF
        try:
            catalog = catalogs.read(path.read_bytes(), fmt)
        except catalogs.CatalogError as error:
            problems.append(Problem(shown, error.line, error.message))
            continue
        if catalog.language != lang.code:
            said = f"'{catalog.language}'" if catalog.language else "no language"
            problems.append(
                Problem(
                    shown,
                    catalog.language_line,
                    f"the file says it is in {said}, not '{lang.code}' ({lang.name}): import it "
                    f"with its own CODE, or move it to {PO_DIR}/{catalog.language or '<code>'}/",
                )
            )
            continue
        entries = found.get(name)
        if entries is None:
            problems.append(
                Problem(
                    shown,
                    1,
                    f"{docs.path(site.default.code, name)} does not exist: the page is gone from "
                    "English, so delete this file",
                )
            )
            continue
        target = docs_file(site, lang.code, name)
        now = digest(target)
        if catalog.digest != now:
            problems.append(
                Problem(
                    shown,
                    catalog.digest_line,
                    f"{site.display(target)} changed since this file was exported: run "
                    f"`make export-po CODE={lang.code}` to merge that change into it (your "
                    "translations are kept), then import again",
                )
            )
            continue
        problems += _plan_file(
            site, docs, lang, name, shown, catalog.entries, entries, result, english_pages.get(name)
        )
        result.catalogs[path] = (catalog.digest, now)
    return result, problems


def _inside_po(site: Site, file: Path) -> tuple[str, ...]:
    try:
        parts = file.resolve().relative_to((site.root / PO_DIR).resolve()).parts
    except ValueError:
        parts = ()
    if len(parts) < 2:
        raise ExchangeError(
            f"{site.display(file)} is not a file of {PO_DIR}/<code>/: FILE=po/sv/about.po, say"
        )
    return parts


def _plan_file(
    site: Site,
    docs: Docs,
    lang: Language,
    name: str,
    shown: str,
    read: list[Entry],
    today: list[Entry],
    result: _Plan,
    english: Page | PageError | None,
) -> list[Problem]:
    problems = []
    expected = {entry.context: entry for entry in today}
    target = docs_file(site, lang.code, name)
    shown_target = site.display(target)
    if name == STRINGS_NAME:
        units: dict[str, Unit] = {}
        try:
            ours = read_strings_file(target)
        except StringsError as error:
            return [Problem(shown_target, error.line, f"{error.message}: fix it first")]
    else:
        assert isinstance(english, Page)
        if target.is_file():
            page = docs.pages(lang.code).get(name)
            if isinstance(page, PageError):
                return [Problem(shown_target, page.line, f"{page.message}: fix it first")]
            assert isinstance(page, Page)
            base_text = target.read_text(encoding="utf-8")
        else:  # a page not translated yet starts as a copy of English
            page = english
            base_text = (site.docs_dir / site.default.code / name).read_text(encoding="utf-8")
        units = {unit.key: unit for unit in page_units(name, page)}
    seen: dict[str, int] = {}
    writes: list[tuple[Unit, str]] = []
    strings_writes: dict[str, str] = {}
    done: dict[str, str] = {}  # context -> state, as the file leaves it
    for entry in read:
        if entry.context in seen:
            problems.append(
                Problem(
                    shown,
                    entry.line,
                    f"the entry {entry.context!r} is here twice (first at "
                    f"line {seen[entry.context]}): keep one",
                )
            )
            continue
        seen[entry.context] = entry.line
        now = expected.get(entry.context)
        if entry.state != "translated":
            # Nothing of it would be written: an old entry without a translation waits for
            # the next export, as does a fuzzy one.
            done[entry.context] = entry.state
            continue
        if now is None:
            problems.append(
                Problem(
                    shown,
                    entry.line,
                    f"unknown entry {entry.context!r}: {docs.path(site.default.code, name)} has "
                    f"no such block today: run `make export-po CODE={lang.code}` again",
                )
            )
            continue
        if entry.source != now.source:
            problems.append(
                Problem(
                    shown,
                    entry.source_line,
                    f"the English of {entry.context!r} is no longer today's ({now.location} now "
                    f"reads “{_short(now.source)}”): export again (`make export-po "
                    f"CODE={lang.code}`), which keeps your translation and marks it fuzzy",
                )
            )
            continue
        done[entry.context] = entry.state
        problem = _lost(now.source, entry.target)
        if name == STRINGS_NAME:
            key = entry.context.partition("/")[2]
            english_strings = {key: now.source}
            found = placeholder_problems({key: entry.target}, english_strings)
            problem = problem or (found[0][1] if found else None)
            if problem is None and ours.get(key) != entry.target:
                strings_writes[key] = entry.target
        else:
            unit = units.get(entry.context)
            if unit is None:
                problem = (
                    f"{shown_target} has no block for {entry.context!r}: its section is not "
                    "built as English's is; fix it (`make check`), then import again"
                )
            problem = problem or problem_with(unit, entry.target)  # type: ignore[arg-type]
            if problem is None and unit is not None and unit.text != " ".join(entry.target.split()):
                writes.append((unit, entry.target))
        if problem:
            problems.append(Problem(shown, entry.target_line, problem))
    if problems:
        return problems
    sections: dict[str, list[str]] = {}
    for entry in today:
        sections.setdefault(entry.context.partition("#")[2].partition("/")[0], []).append(
            done.get(entry.context, "untranslated")
        )
    if name != STRINGS_NAME:
        result.complete[name] = {
            sid for sid, states in sections.items() if set(states) == {"translated"}
        }
    if writes:
        lines = base_text.split("\n")
        result.texts[target] = "\n".join(replace(lines, writes))
        result.written[shown_target] = len(writes)
    elif name != STRINGS_NAME and not target.is_file() and result.complete[name]:
        result.texts[target] = base_text
    if strings_writes:
        result.texts[target] = _strings_text(target, strings_writes)
        result.written[shown_target] = len(strings_writes)
    return problems


def _short(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _lost(english: str, translation: str) -> str | None:
    """What the translation lost of the English: a number, a link, kept markup."""
    for kind, ours, theirs in (
        ("number", numbers(english), numbers(translation)),
        ("markup", markup(english), markup(translation)),
    ):
        missing = Counter(ours) - Counter(theirs)
        if missing:
            piece = next(iter(missing))
            if kind == "number":
                return f"the translation lost the number {piece}: keep every number of the English"
            what = (
                "link target" if piece.startswith("](") or piece.startswith("][") else "placeholder"
            )
            return f"the translation lost the {what} {piece}: keep it exactly as in the English"
    return None


def _strings_text(path: Path, writes: dict[str, str]) -> str:
    """strings.yml with the new texts: each key's value replaced where it stands, new keys at
    the end; comments and every other line as they were."""
    import yaml

    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    lines = text.split("\n")
    root = yaml.compose(text) if text.strip() else None
    spans = {}
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            spans[key.value] = (value.start_mark, value.end_mark)
    added = []
    # From the end of the file up, so that the lines above keep their numbers.
    order = sorted(writes.items(), key=lambda w: spans[w[0]][0].index if w[0] in spans else -1)
    for key, value in reversed(order):
        quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        if key not in spans:
            added.append(f"{key}: {quoted}")
            continue
        start, end = spans[key]
        first, last = lines[start.line], lines[end.line]
        lines[start.line : end.line + 1] = [first[: start.column] + quoted + last[end.column :]]
    if added:
        while lines and not lines[-1]:
            lines.pop()
        lines += [*added, ""]
    return "\n".join(lines)


def import_catalogs(
    site: Site, code: str | None, file: Path | None = None, docs: Docs | None = None
) -> Imported:
    """Write po/'s translations into docs/; Refused, writing nothing, on any problem."""
    docs = docs or Docs(site)
    found, problems = plan(site, code, file, docs)
    if problems:
        raise Refused(problems, "import refused")
    lang = found.lang
    result = Imported(written=found.written, files=found.files)
    english = docs.pages(site.default.code)
    try:
        record = dict(docs.record(lang.code))
    except PageError:
        record = {}
    before = dict(record)
    for name, complete in found.complete.items():
        original = english[name]
        assert isinstance(original, Page)
        target = docs_file(site, lang.code, name)
        text = found.texts.get(target)
        if text is None and not target.is_file():
            continue
        page = docs.parse(target, text) if text is not None else docs.pages(lang.code)[name]
        assert isinstance(page, Page)
        for section in original.sections:
            if section.id not in complete:
                continue
            ours = page.section(section.id)
            key = f"{name}#{section.id}"
            if ours is None:
                continue
            if record.get(key) == Mark(section.digest, section.source):
                continue
            issues = compare_sections(
                site.display(target),
                docs.path(site.default.code, name),
                section,
                ours,
                site.keep_in_english,
            )
            if issues:
                result.unmarked += [f"{key}: {issue}" for issue in issues]
                continue
            record[key] = Mark(section.digest, section.source)
            result.marked.append(key)
    for path, text in found.texts.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if record != before:
        write_record(site, lang.code, record)
    for path, (old, _) in found.catalogs.items():
        _refresh_digest(path, old, digest(docs_file(site, lang.code, _page_of(site, lang, path))))
    return result


def _page_of(site: Site, lang: Language, path: Path) -> str:
    relative = path.relative_to(folder(site, lang.code)).with_suffix("").as_posix()
    return STRINGS_NAME if relative == "strings" else relative + ".md"


def _refresh_digest(path: Path, old: str, new: str) -> None:
    """The file's digest of its docs file, brought up to date in place: its other lines, as a
    translator's tool wrote them, stay as they are."""
    if old == new:
        return
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(
        rf"(X-EME-Translation-Digest: |translation digest of [^<]*: ){re.escape(old)}"
    )
    path.write_text(pattern.sub(lambda m: m[1] + new, text, count=1), encoding="utf-8")


def check_catalogs(site: Site, docs: Docs | None = None) -> list[Problem]:
    """What an import of each language's po/ files would refuse: CI runs it with `check`."""
    problems = []
    root = site.root / PO_DIR
    if not root.is_dir():
        return []
    for path in sorted(p for p in root.iterdir() if p.is_dir()):
        lang = site.language(path.name)
        if lang is None or lang.default:
            problems.append(
                Problem(
                    site.display(path),
                    1,
                    f"{path.name!r} is not a translated language of "
                    "the site: move the files to po/<code>/ of one",
                )
            )
            continue
        problems += plan(site, lang.code, docs=docs)[1]
    return problems
