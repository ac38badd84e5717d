"""Read a Markdown page into its front matter and its sections, keeping line numbers.

A section runs from one heading to the next, whatever their levels, so that a change in one
section never touches another. The first section also holds the front matter (the page's
title and description). Sections are keyed by the explicit heading id `{ #id }` that every
language shares.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

# libyaml's loader is many times faster; PyYAML falls back to pure Python without it.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
HEADING_ID = re.compile(r"\{[^}]*?#([^\s}]+)[^}]*\}\s*$")
ATTR_LIST = re.compile(r"\s*\{[^}]*\}\s*$")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
IMAGE = re.compile(r"!\[[^\]]*\]\(|<img\b")
# [text](target "title"), not images; and reference definitions [label]: target
INLINE_LINK = re.compile(r"(?<!!)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*)?\)")
REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
LINK_TARGET = re.compile(r"\]\([^)]*\)|^\s{0,3}\[[^\]]+\]:.*$", re.MULTILINE)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
HTML_ID = re.compile(r"""\bid=["']([^"']+)["']""")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:\s*[-–—]\s*\d+(?:[.,]\d+)*)?")
DIGIT = re.compile(r"\d")
EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def fence_after(line: str, in_fence: str) -> tuple[bool, str]:
    """Whether `line` opens or closes a code fence, and the fence open after it ("" if none)."""
    fence = FENCE.match(line)
    if not fence:
        return False, in_fence
    marker = fence.group(1)[0] * 3
    if not in_fence:
        return True, marker
    return True, "" if marker == in_fence else in_fence


class PageError(ValueError):
    """A page that cannot be read: the message says what to fix, at `line`."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Section:
    """One heading and the lines under it, up to the next heading."""

    id: str | None
    level: int  # 1-6; 0 for text before the first heading
    title: str
    line: int  # line number of the heading (1-based)
    lines: list[tuple[int, str]] = field(default_factory=list)  # (line number, text)
    front_matter_end: int = 0  # last line of the front matter, in the first section only

    @property
    def source(self) -> str:
        """The section's Markdown without trailing spaces or blank lines around it."""
        return "\n".join(text.rstrip() for _, text in self.lines).strip("\n")

    @property
    def digest(self) -> str:
        """A short hash of the source: what a translation record remembers."""
        return hashlib.sha1(self.source.encode("utf-8")).hexdigest()[:12]

    @cached_property
    def body(self) -> list[tuple[int, str]]:
        """Lines below the heading, outside fenced code blocks."""
        out = []
        in_fence = ""
        for number, text in self.lines:
            if (number == self.line and self.level) or number <= self.front_matter_end:
                continue
            is_fence, in_fence = fence_after(text, in_fence)
            if not is_fence and not in_fence:
                out.append((number, text))
        return out

    @cached_property
    def counts(self) -> dict[str, int]:
        """How many list items, quotes, admonitions, tables and images the section has."""
        counts = {"list items": 0, "quotes": 0, "admonitions": 0, "tables": 0, "images": 0}
        in_quote = False
        # The cheap tests on each line keep the regular expressions for the few that need them.
        for _, text in self.body:
            start = text.lstrip()[:1]
            if (start in "-*+" or start.isdigit()) and start and LIST_ITEM.match(text):
                counts["list items"] += 1
            quote = start == ">"
            if quote and not in_quote:
                counts["quotes"] += 1
            in_quote = quote
            if start in "!?" and start and ADMONITION.match(text):
                counts["admonitions"] += 1
            if "-" in text and "|" in text and TABLE_RULE.match(text):
                counts["tables"] += 1
            if "![" in text or "<img" in text:
                counts["images"] += len(IMAGE.findall(text))
        return counts

    @cached_property
    def links(self) -> list[tuple[int, str]]:
        """Links to other pages or anchors: (line, target), external addresses left out."""
        found = []
        for number, text in self.body:
            if "](" not in text and "]:" not in text:
                continue
            targets = [m.group(1) for m in INLINE_LINK.finditer(text)]
            ref = REFERENCE_LINK.match(text)
            if ref:
                targets.append(ref.group(1))
            found += [(number, t) for t in targets if not EXTERNAL.match(t)]
        return found

    @cached_property
    def numbers(self) -> list[tuple[int, str]]:
        """Numbers and ranges in the text, normalised: 6–8 is 6-8, 1,5 is 1.5."""
        found = []
        for number, text in self.body:
            if not DIGIT.search(text):
                continue
            if "<!--" in text:
                text = HTML_COMMENT.sub("", text)
            if "]" in text:
                text = LINK_TARGET.sub("]", text)
            for match in NUMBER.finditer(text):
                found.append((number, normalise_number(match.group(0))))
        return found

    @cached_property
    def blocks(self) -> list[tuple[int, str]]:
        """The heading and each paragraph, list item or quote, whitespace collapsed."""
        blocks: list[tuple[int, list[str]]] = []
        if self.level:
            blocks.append((self.line, [ATTR_LIST.sub("", self.title)]))
        fresh = True
        for number, text in self.body:
            if not text.strip():
                fresh = True
                continue
            if fresh or LIST_ITEM.match(text):
                blocks.append((number, []))
            blocks[-1][1].append(text.strip())
            fresh = False
        return [(number, " ".join(parts)) for number, parts in blocks]


@dataclass
class Page:
    """A Markdown page: front matter and sections, in file order."""

    path: Path
    front_matter: dict
    sections: list[Section]
    front_matter_lines: dict[str, int] = field(default_factory=dict)  # key -> line

    def section(self, section_id: str) -> Section | None:
        for section in self.sections:
            if section.id == section_id:
                return section
        return None

    def ids(self) -> set[str]:
        """Every anchor a link may point at: heading ids and ids set on other elements."""
        ids = {s.id for s in self.sections if s.id}
        for section in self.sections:
            for _, text in section.body:
                if "#" in text or "id=" in text:
                    ids.update(HTML_ID.findall(text))
                    if "{" in text:
                        ids.update(m.group(1) for m in re.finditer(r"\{[^}]*?#([\w:.-]+)", text))
        return ids


def normalise_number(text: str) -> str:
    text = re.sub(r"\s*[-–—]\s*", "-", text)
    return re.sub(r"(?<=\d),(?=\d)", ".", text)


def read_page(path: Path, text: str | None = None) -> Page:
    """Parse a page; raise PageError naming the line when its front matter is broken."""
    if text is None:
        text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    front_matter: dict = {}
    key_lines: dict[str, int] = {}
    start = 0
    if lines and lines[0].rstrip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
        if end is None:
            raise PageError(1, "front matter opened with --- is never closed: add a line ---")
        try:
            loaded = yaml.load("\n".join(lines[1:end]), Loader=Loader)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = 2 + mark.line if mark else 1
            problem = getattr(error, "problem", None) or str(error)
            raise PageError(line, f"front matter is not valid YAML ({problem})") from None
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            raise PageError(2, "front matter must be 'key: value' lines, such as 'title: ...'")
        front_matter = loaded
        for i in range(1, end):
            key = re.match(r"^([\w-]+):", lines[i])
            if key:
                key_lines[key.group(1)] = i + 1
        start = end + 1

    sections = [Section(None, 0, "", 1)]
    in_fence = ""
    for index, line in enumerate(lines):
        number = index + 1
        is_fence = False
        if index >= start:
            is_fence, in_fence = fence_after(line, in_fence)
        heading = HEADING.match(line) if index >= start and not in_fence and not is_fence else None
        if heading:
            title = heading.group(2)
            found = HEADING_ID.search(title)
            sections.append(
                Section(found.group(1) if found else None, len(heading.group(1)), title, number)
            )
        sections[-1].lines.append((number, line))
    # Text above the first heading (the front matter) belongs to the title section.
    if len(sections) > 1:
        sections[1].lines[:0] = sections[0].lines
        sections.pop(0)
    sections[0].front_matter_end = start
    return Page(path, front_matter, sections, key_lines)


def title_text(heading: str) -> str:
    """A heading's words without its { #id } attribute list."""
    return ATTR_LIST.sub("", heading).strip()
