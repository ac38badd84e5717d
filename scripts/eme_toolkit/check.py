"""`check`: what each translation lacks or does differently from the default language.

Pages, sections and their order, headings and ids, lists, numbers, links, untranslated text,
the strings files and the translation records, each reported as `path:line: message` with the
fix.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter

from eme_toolkit import internals, theme_words
from eme_toolkit.docs import Docs, section_ids
from eme_toolkit.errors import Problem
from eme_toolkit.page import (
    EXTERNAL,
    NUMBER,
    Page,
    PageError,
    Section,
    normalise_number,
    title_text,
)
from eme_toolkit.record import record_path
from eme_toolkit.site import Language, Site
from eme_toolkit.strings import FILE as STRINGS_FILE
from eme_toolkit.strings import (
    StringsError,
    placeholder_problems,
    read_strings_file,
)
from eme_toolkit.yamlfile import key_line, line_of

CODE_SPAN = re.compile(r"`[^`]*`")
HTML_TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[^\W\d_]{2,}")


def check(site: Site, docs: Docs | None = None) -> list[Problem]:
    """Every problem in every language, sorted by file and line."""
    docs = docs or Docs(site)
    default = site.default
    english = docs.pages(default.code)
    problems = check_folders(site)
    for lang in site.languages:
        pages = docs.pages(lang.code)
        for name, page in pages.items():
            path = docs.path(lang.code, name)
            if isinstance(page, PageError):
                problems.append(Problem(path, page.line, page.message))
                continue
            problems += check_headings(path, page)
            problems += check_indentation(path, page)
            problems += check_links(docs, lang, name, page)
            if lang.default:
                continue
            original = english.get(name)
            if original is None:
                problems.append(
                    Problem(
                        path,
                        1,
                        f"page has no English original {docs.path(default.code, name)}: "
                        "rename it to the English page's file name, or remove it",
                    )
                )
            elif isinstance(original, Page):
                problems += compare_pages(
                    path,
                    docs.path(default.code, name),
                    original,
                    page,
                    site.keep_in_english,
                    lang.complete,
                )
        if not lang.default and lang.complete:
            for name in sorted(set(english) - set(pages)):
                problems.append(
                    Problem(
                        docs.path(lang.code, name),
                        1,
                        f"page missing: {lang.name} is a complete language; copy "
                        f"{docs.path(default.code, name)} here and translate it",
                    )
                )
        problems += check_strings(site, lang)
        problems += check_record(site, docs, lang)
    return sorted(problems)


def check_folders(site: Site) -> list[Problem]:
    """A folder of pages under docs/ that is no language of the site would never be built."""
    problems = []
    codes = {lang.code for lang in site.languages}
    line = line_of(site.config_text, r"^\s+languages:")
    if site.docs_dir.is_dir():
        for folder in sorted(site.docs_dir.iterdir()):
            if folder.is_dir() and folder.name not in codes and next(folder.rglob("*.md"), None):
                problems.append(
                    Problem(
                        site.display(site.config_path),
                        line,
                        f"{site.display(folder)}/ holds pages, but {folder.name!r} is not among "
                        "the languages here: add it with "
                        f"`make add-language CODE={folder.name} NAME=…`, "
                        "or move the pages into a language folder",
                    )
                )
    for lang in site.languages:
        if lang.complete and not (site.docs_dir / lang.code).is_dir():
            problems.append(
                Problem(
                    site.display(site.config_path),
                    line,
                    f"{lang.name} ({lang.code}) is a complete language but "
                    f"{site.display(site.docs_dir / lang.code)}/ does not exist",
                )
            )
    return problems


def check_headings(path: str, page: Page) -> list[Problem]:
    problems = []
    seen: dict[str, int] = {}
    for section in page.sections:
        if not section.level:
            continue
        if section.id is None:
            problems.append(
                Problem(
                    path,
                    section.line,
                    f"heading “{title_text(section.title)}” has no id: end it with "
                    "{ #id }, the same id as the English heading it translates",
                )
            )
        elif section.id in seen:
            problems.append(
                Problem(
                    path,
                    section.line,
                    f"heading id {{ #{section.id} }} is already used on line "
                    f"{seen[section.id]}: give each heading its own id",
                )
            )
        else:
            seen[section.id] = section.line
    return problems


def check_links(docs: Docs, lang: Language, name: str, page: Page) -> list[Problem]:
    """Links to pages and anchors must lead somewhere in the same language."""
    problems = []
    path = docs.path(lang.code, name)
    default = docs.site.default.code
    for section in page.sections:
        for line, target in section.links:
            link, _, anchor = target.partition("#")
            if not link:
                target_lang, target_name = lang.code, name
            else:
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(name), link))
                if resolved.startswith("../"):
                    continue  # outside the language folders: MkDocs checks those
                if not resolved.endswith(".md"):
                    if not any((docs.folder(c) / resolved).exists() for c in (lang.code, default)):
                        problems.append(
                            Problem(path, line, f"link to {target!r} leads to no file: fix it")
                        )
                    continue
                target_lang, target_name = lang.code, resolved
                if resolved not in docs.pages(lang.code):
                    if resolved not in docs.pages(default):
                        problems.append(
                            Problem(
                                path,
                                line,
                                f"link to {target!r} does not resolve: there is no "
                                f"{docs.path(lang.code, resolved)}; link to a page of the site",
                            )
                        )
                        continue
                    # Shown from English until translated (a complete language is told
                    # separately that the page is missing).
                    target_lang = default
            ids = docs.ids(target_lang, target_name)
            if anchor and ids is not None and anchor not in ids:
                problems.append(
                    Problem(
                        path,
                        line,
                        f"link to {target!r} does not resolve: "
                        f"{docs.path(target_lang, target_name)} has no heading {{ #{anchor} }}",
                    )
                )
    return problems


def compare_pages(
    path: str,
    english_path: str,
    english: Page,
    translated: Page,
    keep: list[str],
    complete: bool = True,
) -> list[Problem]:
    """What a translated page does differently from its English original.

    A section still in English is work in progress: one problem for a complete language, none
    for a language in progress (status counts it as not translated)."""
    problems = []
    ours = {s.id: s for s in reversed(translated.sections) if s.id}
    theirs = {s.id: s for s in reversed(english.sections) if s.id}
    for key, line in english.front_matter_lines.items():
        if key not in translated.front_matter:
            problems.append(
                Problem(
                    path,
                    1,
                    f"front matter lacks '{key}:' ({english_path}:{line}): add it, translated",
                )
            )
    for key in ("title", "description"):
        value = translated.front_matter.get(key)
        same = isinstance(value, str) and value == english.front_matter.get(key)
        if same and complete and untranslated(str(value), keep):  # else: work in progress
            problems.append(
                Problem(
                    path,
                    translated.front_matter_lines.get(key, 1),
                    f"'{key}:' is the same as in English: translate it",
                )
            )
        present = {normalise_number(n[0]) for n in NUMBER.finditer(str(value or ""))}
        for found in NUMBER.finditer(str(english.front_matter.get(key) or "")):
            number = normalise_number(found[0])
            if number not in present:
                problems.append(
                    Problem(
                        path,
                        translated.front_matter_lines.get(key, 1),
                        f"'{key}:' lacks the number {number} that English has "
                        f"({english_path}:{english.front_matter_lines.get(key, 1)}): "
                        "write it in the translation",
                    )
                )
                present.add(number)

    # Missing sections, reported where they belong: after the previous section that exists.
    previous_end = 1
    for section in english.sections:
        if not section.id:
            continue
        if section.id in ours:
            previous_end = ours[section.id].lines[-1][0]
            continue
        problems.append(
            Problem(
                path,
                previous_end,
                f"section {{ #{section.id} }} “{title_text(section.title)}” "
                f"({english_path}:{section.line}) is missing: translate it below this line, "
                f"under a heading ending in {{ #{section.id} }}",
            )
        )
    for section in translated.sections:
        if section.id and section.id not in theirs:
            problems.append(
                Problem(
                    path,
                    section.line,
                    f"section {{ #{section.id} }} is not in {english_path}: give the heading "
                    "the id of the English heading it translates, or remove the section",
                )
            )

    # Sections in another order: those outside the longest run that keeps the English order.
    order = {sid: i for i, sid in enumerate(section_ids(english))}
    shared = [s for s in translated.sections if s.id in order and ours.get(s.id) is s]
    in_order = longest_increasing([order[s.id] for s in shared])  # type: ignore[index]
    english_ids = section_ids(english)
    for index, section in enumerate(shared):
        if index in in_order:
            continue
        position = order[section.id]  # type: ignore[index]
        after = english_ids[position - 1] if position else None
        where = f"after {{ #{after} }}" if after else "first"
        problems.append(
            Problem(
                path,
                section.line,
                f"section {{ #{section.id} }} is out of order: in English it comes {where}; "
                "move it there",
            )
        )

    for section in translated.sections:
        original = theirs.get(section.id) if section.id else None
        if original is None or ours.get(section.id) is not section:
            continue
        if still_in_english(original, section, keep):
            if complete:
                problems.append(
                    Problem(
                        path,
                        section.line,
                        f"section {{ #{section.id} }} is not translated yet: it is the English "
                        f"text of {english_path}:{original.line}; translate it",
                    )
                )
            continue
        problems += compare_sections(path, english_path, original, section, keep)
    return problems


def still_in_english(english: Section, translated: Section, keep: list[str]) -> bool:
    """The section is the English one, copied and not translated yet: every block of it that
    has words is a block of the English section."""
    english_blocks = {text for _, text in english.blocks}
    english_words = False
    for _, text in translated.blocks:
        if text in english_blocks:
            english_words = english_words or untranslated(text, keep)
        elif untranslated(text, keep):
            return False  # a block with words of its own: translated, at least in part
    return english_words


def check_indentation(path: str, page: Page) -> list[Problem]:
    """Text indented by a tab or four spaces where nothing opened a block is code to
    Python-Markdown: a list item or paragraph that readers would see as code."""
    return [
        Problem(
            path,
            line,
            "indented by a tab or 4 spaces, this shows as code, not as text: remove the "
            "indentation (indent a list item's own lines by 4 spaces under its first line; "
            "put code in a ``` fence)",
        )
        for section in page.sections
        for line in section.indented_code
    ]


def _many(count: int, things: str) -> str:
    """'1 list item', '2 list items': counts read as a translator would say them."""
    return f"{count} {things.removesuffix('s') if count == 1 else things}"


def longest_increasing(values: list[int]) -> set[int]:
    """Indexes of one longest strictly increasing subsequence of `values`."""
    best: list[list[int]] = []
    for index, value in enumerate(values):
        chain = max((c for c in best if values[c[-1]] < value), key=len, default=[])
        best.append([*chain, index])
    return set(max(best, key=len, default=[]))


def compare_sections(
    path: str, english_path: str, english: Section, translated: Section, keep: list[str]
) -> list[Problem]:
    problems = []
    sid = translated.id
    where = f"{english_path}:{english.line}"
    if english.level != translated.level:
        problems.append(
            Problem(
                path,
                translated.line,
                f"heading {{ #{sid} }} is level {translated.level} "
                f"({'#' * translated.level}) but level {english.level} in English ({where}): "
                f"start it with {'#' * english.level}",
            )
        )
    ours, theirs = translated.counts, english.counts
    for what, count in theirs.items():
        if ours[what] != count:
            problems.append(
                Problem(
                    path,
                    translated.line,
                    f"section {{ #{sid} }} has {_many(ours[what], what)}, English has "
                    f"{_many(count, what)} ({where}): make them match",
                )
            )
    present = {n for _, n in translated.numbers}
    for line, number in english.numbers:
        if number not in present:
            problems.append(
                Problem(
                    path,
                    translated.line,
                    f"section {{ #{sid} }} lacks the number {number} that English has "
                    f"({english_path}:{line}): write it in the translation",
                )
            )
            present.add(number)  # once per number is enough
    mine = Counter(t for _, t in translated.links)
    original = Counter(t for _, t in english.links)
    for target in sorted((original - mine).elements()):
        problems.append(
            Problem(
                path,
                translated.line,
                f"section {{ #{sid} }} lacks the link to {target!r} that English has ({where}): "
                "link to the same page and anchor",
            )
        )
    lines = dict((t, n) for n, t in reversed(translated.links))
    for target in sorted((mine - original).elements()):
        problems.append(
            Problem(
                path,
                lines.get(target, translated.line),
                f"link to {target!r} is not in the English section ({where}): "
                "link to what English links to",
            )
        )
    english_blocks = {text for _, text in english.blocks}
    for line, text in translated.blocks:
        if text in english_blocks and untranslated(text, keep):
            problems.append(
                Problem(
                    path,
                    line,
                    f"text is the same as in English ({where}): translate it (names that "
                    "stay in English go under keep_in_english: of the eme-toolkit plugin in "
                    "mkdocs.yml)",
                )
            )
    return problems


def untranslated(text: str, keep: list[str]) -> bool:
    """True if the text has words left once code, links and kept names are taken out."""
    text = re.sub(r"\]\([^)]*\)", "]", CODE_SPAN.sub(" ", HTML_TAG.sub(" ", text)))
    text = re.sub(r"\{[^}]*\}", " ", text)
    text = " ".join(w for w in text.split() if not EXTERNAL.match(w))
    for name in sorted(keep, key=len, reverse=True):
        text = text.replace(name, " ")
    return bool(WORD.search(text))


def check_strings(site: Site, lang: Language) -> list[Problem]:
    """Every string the site shows exists in every language, with the same placeholders."""
    folder = site.docs_dir / lang.code
    path = folder / STRINGS_FILE
    shown = site.display(path)
    english_path = site.docs_dir / site.default.code / STRINGS_FILE
    try:
        ours = read_strings_file(path)
        english = read_strings_file(english_path) if not lang.default else ours
    except StringsError as error:
        if error.path != path:
            return []  # reported under the default language
        return [Problem(shown, error.line, error.message)]
    if not path.is_file():
        if lang.default:
            return [Problem(shown, 1, "missing: the site's notices and labels come from here")]
        return [
            Problem(
                shown,
                1,
                f"missing: readers of {lang.name} see these notices in English; copy "
                f"{site.display(english_path)} here and translate it",
            )
        ]
    text = path.read_text(encoding="utf-8")
    problems = []
    for key, problem in placeholder_problems(ours, english):
        problems.append(Problem(shown, key_line(text, key), problem))
    if lang.default:
        return problems
    if not internals.material_has_language(lang.code):
        problems += check_theme_words(shown, text, ours, lang)
        ours = {k: v for k, v in ours.items() if not k.startswith(theme_words.PREFIX)}
    for key, value in english.items():
        if key not in ours:
            problems.append(
                Problem(
                    shown,
                    1,
                    f"lacks '{key}' (English: “{value}”): add '{key}:' with the text translated",
                )
            )
    for key in ours:
        if key not in english:
            problems.append(
                Problem(
                    shown,
                    key_line(text, key),
                    f"'{key}' is not in {site.display(english_path)}: remove it",
                )
            )
    return problems


def check_theme_words(shown: str, text: str, ours: dict[str, str], lang: Language) -> list[Problem]:
    """A language Material does not translate has the theme's words in its strings file
    (theme_words.py): each must be there; a complete language has them translated."""
    problems = []
    for key, english in theme_words.english_words().items():
        word = ours.get(theme_words.PREFIX + key)
        if word is None:
            problems.append(
                Problem(
                    shown,
                    1,
                    f"lacks '{theme_words.PREFIX}{key}', a word of the theme (English: "
                    f"“{english}”): add '{theme_words.PREFIX}{key}:' with the text translated",
                )
            )
        elif lang.complete and word == english:
            problems.append(
                Problem(
                    shown,
                    key_line(text, theme_words.PREFIX + key),
                    f"'{theme_words.PREFIX}{key}' is still the English “{english}”: "
                    f"{lang.name} is a complete language; translate it",
                )
            )
    return problems


def check_record(site: Site, docs: Docs, lang: Language) -> list[Problem]:
    try:
        docs.record(lang.code)
    except PageError as error:
        path = site.display(record_path(site, lang.code))
        return [Problem(path, error.line, error.message)]
    return []
