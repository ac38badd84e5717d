"""A page as the translation tools read it: its front matter and its sections, with their lines.

A section runs from one heading to the next, whatever their levels, so that a change in one
section never touches another; the first section also holds the front matter and any text
above the first heading. The sections are the headings MkDocs renders, with their ids
(rendering.py), keyed by the explicit `{ #id }` that every language shares. What readers see in
a section (its list items and other counts, links, numbers, ids) comes from the rendered page;
what needs the source's lines (its blocks, and the hash a translation record keeps) from the
section's source (blocks.py).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.utils.meta import get_data

from eme_toolkit import blocks
from eme_toolkit.rendering import EXTERNAL, Facts, Renderer, source_title, unmark
from eme_toolkit.yamlfile import YamlSyntaxError, parse

__all__ = ["EXTERNAL", "NUMBER", "Page", "PageError", "Reader", "Section", "normalise_number"]

NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:\s*[-–—]\s*\d+(?:[.,]\d+)*)?")
# Attribute lists left in text (attr_list did not take them): no words, no numbers.
TEXT_ATTRS = re.compile(r"\{:?[ ]*[#.][^{}\n]*\}")
# attr_list's attribute list ending a heading's text.
HEADING_ATTRS = re.compile(r"[ ]+\{:?[ ]*[^}\n ][^\n]*\}[ ]*$")
FRONT_MATTER_OPEN = re.compile(r"---[ \t]*")  # MkDocs: exactly three dashes open it
FRONT_MATTER_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*")
KEY = re.compile(r"^([\w-]+):")
# What comes before a heading on its line: the indentation and quote markers of its container.
CONTAINER = re.compile(r"^[ \t>]*")


class PageError(ValueError):
    """A page that cannot be read: the message says what to fix, at `line`."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def normalise_number(text: str) -> str:
    text = re.sub(r"\s*[-–—]\s*", "-", text)
    return re.sub(r"(?<=\d),(?=\d)", ".", text)


def title_text(heading: str) -> str:
    """A heading's words without its { #id } attribute list."""
    match = HEADING_ATTRS.search(heading)
    return (heading[: match.start()] if match else heading).rstrip("# \t")


@dataclass
class Section:
    """One heading and the lines under it, up to the next heading."""

    id: str | None  # the heading's explicit id: { #id }
    level: int  # 1-6; 0 for a page without headings
    title: str  # the heading's text as written, its attribute list included
    line: int  # line number of the heading (1-based)
    anchor: str = ""  # the heading's id in the built page: its { #id }, else the one toc makes
    lines: list[tuple[int, str]] = field(default_factory=list)  # (line number, text)
    front_matter_end: int = 0  # last line of the front matter, in the first section only
    digest: str = ""  # the hash of its text (blocks.digest)
    counts: dict[str, int] = field(default_factory=dict)  # list items, quotes, … images
    links: list[tuple[int, str]] = field(default_factory=list)  # to pages of the site
    numbers: list[tuple[int, str]] = field(default_factory=list)  # normalised: 6–8 is 6-8
    blocks: list[tuple[int, str]] = field(default_factory=list)  # heading, paragraphs, …
    anchors: set[str] = field(default_factory=set)  # ids of its elements other than headings
    indented_code: list[int] = field(default_factory=list)  # first line of each code block

    @property
    def source(self) -> str:
        """The section's Markdown without trailing spaces or blank lines around it."""
        return "\n".join(text.rstrip() for _, text in self.lines).strip("\n")


@dataclass
class Page:
    """A Markdown page: front matter and sections, in file order."""

    path: Path
    front_matter: dict
    sections: list[Section]
    front_matter_lines: dict[str, int] = field(default_factory=dict)  # key -> line

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def ids(self) -> set[str]:
        """Every anchor a link may point at: heading ids and ids set on other elements."""
        ids = {s.anchor for s in self.sections if s.anchor}
        for section in self.sections:
            ids |= section.anchors
        return ids

    def to_data(self) -> dict[str, Any]:
        """The page as JSON-ready data (see from_data)."""
        sections = []
        for section in self.sections:
            data = dict(section.__dict__)
            data["anchors"] = sorted(section.anchors)
            sections.append(data)
        return {
            "front_matter": self.front_matter,
            "front_matter_lines": self.front_matter_lines,
            "sections": sections,
        }

    @classmethod
    def from_data(cls, path: Path, data: dict[str, Any]) -> Page:
        sections = []
        for fields in data["sections"]:
            section = Section(**fields)
            section.lines = [(number, text) for number, text in section.lines]
            section.links = [(line, target) for line, target in section.links]
            section.numbers = [(line, number) for line, number in section.numbers]
            section.blocks = [(line, text) for line, text in section.blocks]
            section.anchors = set(section.anchors)
            sections.append(section)
        return cls(path, data["front_matter"], sections, data["front_matter_lines"])


class Reader:
    """Reads pages as MkDocs renders them with one set of Markdown settings."""

    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer

    def read(self, path: Path, text: str | None = None) -> Page:
        """Parse a page; raise PageError naming the line when its front matter is broken."""
        if text is None:
            text = path.read_text(encoding="utf-8")
        # MkDocs reads pages as utf-8-sig (a byte order mark is no text), in text mode: \r\n
        # and \r are line ends.
        text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        lines = text.split("\n") if text else []
        if text.endswith("\n"):
            lines.pop()
        front_matter, key_lines, start = _front_matter(text, lines)
        rendered = self.renderer.render(lines[start:])
        facts = rendered.facts
        sections = [Section(None, 0, "", 1)]
        for heading in rendered.headings:
            title, _ = source_title(lines, start + heading.index)
            line = start + heading.index + 1
            sections.append(Section(heading.explicit, heading.level, title, line, heading.anchor))
        if len(sections) > 1:  # text above the first heading belongs to the first section
            sections.pop(0)
            facts = [_merged(facts[0], facts[1]), *facts[2:]]
        ends = [section.line - 1 for section in sections[1:]] + [len(lines)]
        begins = [0, *ends[:-1]]
        sections[0].front_matter_end = _front_matter_end(lines, start)
        for section, begin, end, found in zip(sections, begins, ends, facts, strict=True):
            section.lines = list(enumerate(lines[begin:end], begin + 1))
            _settle(section, found, lines)
        return Page(path, front_matter, sections, key_lines)


def _front_matter(text: str, lines: list[str]) -> tuple[dict, dict[str, int], int]:
    """The front matter, the line of each key, and the index of the first line after it, as
    MkDocs takes it off (mkdocs.utils.meta.get_data): YAML between `---` lines, or else
    MultiMarkdown `key: value` lines."""
    body, data = get_data(text)
    start = text[: len(text) - len(body)].count("\n") if text.endswith(body) else 0
    opened = bool(lines) and bool(FRONT_MATTER_OPEN.fullmatch(lines[0]))
    if opened:
        close = next((i for i in range(1, len(lines)) if FRONT_MATTER_CLOSE.fullmatch(lines[i])), 0)
        if not close:
            raise PageError(1, "front matter opened with --- is never closed: add a line ---")
        try:
            data = parse("\n".join(lines[1:close]))
        except YamlSyntaxError as error:
            message = f"front matter is not valid YAML ({error.problem})"
            raise PageError(error.line + 1, message) from None
        data = {} if data is None else data
        if not isinstance(data, dict):
            raise PageError(2, "front matter must be 'key: value' lines, such as 'title: ...'")
        if not start:
            message = "the front matter's closing --- must end with a line break: add one"
            raise PageError(close + 1, message)
    keys = {}
    for number in range(1 if opened else 0, start):
        if key := KEY.match(lines[number]):
            keys[key[1] if opened else key[1].lower()] = number + 1
    return data, keys, start


def _front_matter_end(lines: list[str], start: int) -> int:
    """The last line of the front matter, blank lines after it not included."""
    end = start
    while end and not lines[end - 1].strip():
        end -= 1
    return end


def _merged(before: Facts, facts: Facts) -> Facts:
    return Facts(
        {key: count + before.counts[key] for key, count in facts.counts.items()},
        before.links + facts.links,
        before.texts + facts.texts,
        before.anchors | facts.anchors,
        before.code + facts.code,
    )


def _settle(section: Section, facts: Facts, page_lines: list[str]) -> None:
    """The section's facts, each with its line in the source where one is needed."""
    numbered = section.lines
    texts = [text for _, text in numbered]
    first = numbered[0][0] if numbered else 1
    skipped = set(range(section.front_matter_end - first + 1))
    if section.level:
        _, count = source_title(page_lines, section.line - 1)
        skipped.update(range(section.line - first, section.line - first + count))
    container = CONTAINER.match(texts[section.line - first])[0] if section.level else ""
    found = blocks.layout(texts, skipped, container.replace("\t", "    "))
    section.digest = blocks.digest(texts, found)
    section.blocks = [(section.line, title_text(section.title))] if section.level else []
    section.blocks += [(first + offset, text) for offset, text in blocks.block_texts(texts, found)]
    section.counts = dict(facts.counts)
    section.anchors = set(facts.anchors)

    places = _Places(numbered, section.line, page_lines)
    section.links = sorted(
        (places.line(("link", target), _count_of(target)), target) for target in facts.links
    )
    numbers = []
    for piece in facts.texts:
        piece = unmark(piece)
        if "{" in piece:
            piece = TEXT_ATTRS.sub(" ", piece)
        for match in NUMBER.finditer(piece):
            number = normalise_number(match[0])
            numbers.append((places.line(("number", number), _numbers_of(number)), number))
    section.numbers = sorted(numbers, key=lambda found: found[0])
    firsts = [html.unescape(unmark(line)).strip() for line in facts.code]
    section.indented_code = [places.line(("code", first), _lines_of(first)) for first in firsts]


Counter = Callable[[str], int]


def _count_of(target: str) -> Counter:
    return lambda text: text.count(target)


def _numbers_of(number: str) -> Counter:
    return lambda text: sum(normalise_number(m[0]) == number for m in NUMBER.finditer(text))


def _lines_of(first: str) -> Counter:
    return lambda text: int(text.strip() == first)


class _Places:
    """Where each fact of a section stands in its source: the n-th time a fact (a link's
    target, a number, a code block's first line) comes in the rendered section, it stands at
    its n-th place in the section's lines; a link defined elsewhere (a reference), at its first
    place in the page; what the source does not show as such, at the heading."""

    def __init__(self, lines: list[tuple[int, str]], default: int, page: list[str]) -> None:
        self.lines, self.default, self.page = lines, default, page
        self.seen: dict[tuple[str, str], int] = {}

    def line(self, fact: tuple[str, str], count: Counter) -> int:
        nth = self.seen[fact] = self.seen.get(fact, 0) + 1
        last = None
        for number, text in self.lines:
            found = count(text)
            if found:
                last = number
                nth -= found
                if nth <= 0:
                    return number
        if last is not None:
            return last
        return next((n for n, text in enumerate(self.page, 1) if count(text)), self.default)
