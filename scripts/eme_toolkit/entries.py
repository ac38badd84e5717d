"""The entries a translation tool shows for one language, as the docs hold them today.

One entry per unit of each English page (units.py) and per string of docs/en/strings.yml. Its
state follows the section's (status.py):
- translated: the translation's text, as it is;
- outdated: the translation's text, fuzzy, with the English it was translated from
  (`previous`, from the translation record) where that English changed; the entries whose
  English did not change stay translated;
- untranslated: no text, except for the blocks already translated (their text differs from
  English's), which are translated entries even before their section is marked.
A string of the site's own words is translated when the language's strings.yml has it in words
other than English's.

What `make export-po` writes (exchange.py) and what `make status` counts are these entries, so
a translation tool and the status page count the same things.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from eme_toolkit.page import Page, Section
from eme_toolkit.record import Mark
from eme_toolkit.units import BRACES, Unit, page_units, section_units

TRANSLATED, FUZZY, UNTRANSLATED = "translated", "fuzzy", "untranslated"
ENTRY_STATES = (TRANSLATED, FUZZY, UNTRANSLATED)
STRINGS_NAME = "strings.yml"  # the entries of the site's own words, beside the pages'
# The status of a section, as status.py has it.
SECTION_TRANSLATED, SECTION_OUTDATED = "translated", "outdated"


@dataclass
class Entry:
    """One unit as a translation tool holds it."""

    context: str  # msgctxt, the unit's key: page#section/kind-n, or strings.yml/key
    source: str  # today's English
    target: str = ""  # the translation, "" when none
    fuzzy: bool = False
    previous: str = ""  # the English the translation was made from, when it changed since
    location: str = ""  # docs/en/page.md:line
    note: str = ""  # for the translator
    line: int = 0  # where the entry stands in the file it was read from (its context)
    source_line: int = 0  # its English there (msgid)
    target_line: int = 0  # its translation there (msgstr)

    @property
    def state(self) -> str:
        if not self.target:
            return UNTRANSLATED
        return FUZZY if self.fuzzy else TRANSLATED


KEEP_NOTE = "Keep as they are: {markup}."
PREVIOUS_NOTE = "Marked fuzzy: English changed since the translation (see the previous text)."


def note_for(unit: Unit) -> str:
    markup = unit.markup
    return KEEP_NOTE.format(markup=" ".join(markup)) if markup else ""


# Reads a section's English as the translation record keeps it: its units, by key.
PreviousUnits = Callable[[str, str, Mark], dict[str, str]]


def page_entries(
    name: str,
    english_path: str,
    english: Page,
    translated: Page | None,
    states: dict[str, str],
    record: dict[str, Mark],
    previous_units: PreviousUnits,
) -> list[Entry]:
    """The entries of one page, in its order. `states`: each section's state (status.py);
    `translated`: the language's page, None when it has none or it cannot be read."""
    ours = {unit.key: unit for unit in page_units(name, translated)} if translated else {}
    entries = []
    for unit in page_units(name, english):
        entry = Entry(unit.key, unit.text, location=f"{english_path}:{unit.line}")
        entry.note = note_for(unit)
        theirs = ours.get(unit.key)
        state = states.get(unit.section)
        if theirs is not None and state in (SECTION_TRANSLATED, SECTION_OUTDATED):
            entry.target = theirs.text
            mark = record.get(f"{name}#{unit.section}")
            if state == SECTION_OUTDATED and mark is not None:
                before = previous_units(name, unit.section, mark).get(unit.key)
                if before != unit.text:
                    entry.fuzzy, entry.previous = True, before or ""
                    entry.note = " ".join(filter(None, [PREVIOUS_NOTE, entry.note]))
        elif theirs is not None and theirs.text != unit.text and state is not None:
            entry.target = theirs.text  # translated, in a section not marked (checked) yet
        entries.append(entry)
    return entries


def section_texts(name: str, section: Section) -> dict[str, str]:
    """A section's units' texts, by key."""
    return {unit.key: unit.text for unit in section_units(name, section)}


def strings_entries(
    english_path: str, english: dict[str, str], lines: dict[str, int], ours: dict[str, str]
) -> list[Entry]:
    """The entries of the site's own words: English's keys, in its order."""
    entries = []
    for key, text in english.items():
        entry = Entry(f"{STRINGS_NAME}/{key}", text, location=f"{english_path}:{lines.get(key, 1)}")
        if placeholders := sorted(set(BRACES.findall(text))):
            entry.note = KEEP_NOTE.format(markup=" ".join(placeholders))
        translation = ours.get(key, "")
        if translation and translation != text:
            entry.target = translation
        entries.append(entry)
    return entries


def counts(entries: list[Entry]) -> dict[str, int]:
    return {state: sum(entry.state == state for entry in entries) for state in ENTRY_STATES}
