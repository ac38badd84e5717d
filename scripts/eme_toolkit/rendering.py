"""Pages as MkDocs renders them: Python-Markdown with the site's `markdown_extensions`.

MkDocs converts a page, once its front matter is off, with
`markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)`.
`Renderer` makes that same call, so each heading has the level and the id it has in the built
page by construction. Python-Markdown keeps no source lines, so each line that may hold a
heading is tagged first with a marker of private-use characters that the heading's text carries
into the tree (see `tag_lines`); the ids are made from the text without it.

What readers see in each section comes from the same tree: its list items, quotes,
admonitions, tables and images, the targets of its links, the numbers in its text, the ids of
its other elements and its blocks of indented code.
"""

from __future__ import annotations

import copy
import html as html_module
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree as etree

import markdown
from markdown.extensions.toc import slugify as default_slugify
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig

from eme_toolkit import internals

HEADING_TAGS = frozenset(f"h{level}" for level in range(1, 7))
EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")

# --- the site's Markdown settings --------------------------------------------------------------


class MarkdownConfig(base.Config):
    """mkdocs.yml's `markdown_extensions`, validated as MkDocs validates them (its built-in
    toc, tables and fenced_code included), for the editors' command line."""

    markdown_extensions = copy.deepcopy(MkDocsConfig.markdown_extensions)
    mdx_configs = c.Private[dict[str, Any]]()


@dataclass
class MarkdownSettings:
    """The extensions MkDocs renders pages with, and their options."""

    extensions: list[str]
    configs: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def of(cls, config: MkDocsConfig) -> MarkdownSettings:
        return cls(list(config.markdown_extensions), dict(config.mdx_configs or {}))

    def key(self) -> str:
        """The settings as text, for a cache key: functions by their qualified names."""

        def name(value: object) -> str:
            module = getattr(value, "__module__", "")
            return f"{module}.{getattr(value, '__qualname__', repr(value))}"

        return json.dumps([self.extensions, self.configs], sort_keys=True, default=name)


# --- markers that carry source lines through Python-Markdown -----------------------------------

MARK_OPEN, MARK_CLOSE, MARK_DIGIT = "\ue000", "\ue001", 0xE010
MARKER = re.compile("\ue000([\ue010-\ue019]+)\ue001")
# A line that starts, after quote and list markers, with `#`: Python-Markdown makes it a heading
# wherever it starts a line of its container's text. The marker goes at the start of the
# heading's text, where it changes no rule: after the hashes and the spaces that follow them
# (after the sixth of seven or more, whose seventh starts the text).
ATX = re.compile(r"^[ \t>]*(?:(?:[-*+:]|\d+[.)])[ \t]+[ \t>]*)*#+[ \t]*")
# An underline: the line under it is the first line of a block, and becomes a heading.
UNDERLINE = re.compile(r"^[ \t>]*(?:=+|-+)[ \t]*$")
CONTAINER = re.compile(r"^[ \t>]*")
# Lines whose meaning a character at their end could change (a fence, a rule, a reference, an
# admonition, raw HTML or the end of a comment, a table row, an attribute list, a bare list
# marker): never marked. A heading made of one is found by its place among the others instead
# (see `_place`).
UNMARKED = re.compile(
    r"^(?:`{3,}|~{3,}|[=-]+[ \t]*$|([-*_])(?:[ \t]*\1){2,}[ \t]*$|\[|\*\[|!!!|\?\?\?|\{)|[|<>]"
)
# attr_list's heading attributes at the end of the line: the marker goes before them.
HEADING_ATTRS = re.compile(r"[ ]+\{:?[ ]*[^}\n ][^\n]*\}[ ]*$")


def marker(index: int) -> str:
    return MARK_OPEN + "".join(chr(MARK_DIGIT + int(d)) for d in str(index)) + MARK_CLOSE


def unmark(text: str) -> str:
    return MARKER.sub("", text)


def tag_lines(lines: list[str]) -> tuple[list[str], dict[int, set[int]]]:
    """The lines with a marker in each that may hold a heading, and the lines left unmarked
    that may be a heading's: index -> the levels it may have."""
    tagged = list(lines)
    unmarked: dict[int, set[int]] = {}
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if match := ATX.match(line):
            hashes = line.index("#", match.start(), match.end())
            at = hashes + 6 if line[hashes : hashes + 7] == "#" * 7 else match.end()
            if line.startswith("{", at):
                # Nothing but an attribute list after the hashes: a marker before it would
                # take the space it needs, where the line is an underlined heading's title.
                unmarked[index] = {min(line.count("#", hashes, match.end()), 6)}
                if UNDERLINE.match(following):  # a heading of the underline's level, maybe
                    unmarked[index].add(1 if following.lstrip(" \t>").startswith("=") else 2)
                continue
            tagged[index] = line[:at] + marker(index) + line[at:]
            continue
        if not line or not UNDERLINE.match(following):
            continue
        level = 1 if following.lstrip(" \t>").startswith("=") else 2
        content = line[CONTAINER.match(line).end() :]  # type: ignore[union-attr]
        if not line.strip(" \t") and index:
            continue  # Python-Markdown blanks a line of spaces and tabs, but for the first
        after_markers = content.lstrip("-*+:0123456789.) \t")
        if (  # a quote's empty line, spaces where the text begins, a bare list or definition
            # marker, or a line never marked
            not after_markers.strip() or UNMARKED.search(content) or UNMARKED.match(after_markers)
        ):
            unmarked[index] = {level}
            continue
        attrs = HEADING_ATTRS.search(line)
        end = attrs.start() if attrs else len(line.rstrip())
        tagged[index] = line[:end] + marker(index) + line[end:]
    return tagged, unmarked


# --- the tree ---------------------------------------------------------------------------------


@dataclass
class Facts:
    """What readers see in one section, from the rendered tree (lines come from the source)."""

    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            ("list items", "quotes", "admonitions", "tables", "images"), 0
        )
    )
    links: list[str] = field(default_factory=list)  # targets within the site, in order
    texts: list[str] = field(default_factory=list)  # text outside code, links' addresses and HTML
    anchors: set[str] = field(default_factory=set)  # ids of elements other than headings
    code: list[str] = field(default_factory=list)  # first line of each indented code block


@dataclass(frozen=True)
class Heading:
    level: int
    anchor: str  # its id in the built page
    explicit: str | None  # the id it had before toc made one: from { #id } or HTML
    index: int  # its line among the text's lines (0-based)


@dataclass
class Rendered:
    headings: list[Heading]
    facts: list[Facts]  # facts[0]: before the first heading; facts[i + 1]: under headings[i]


HTML_ID = re.compile(r"""\bid=["']([^"']+)["']""")
HTML_TAG = re.compile(r"<[^>]*>")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
ESCAPED = re.compile("\x02([0-9]+)\x03")  # Python-Markdown's escaped characters, before unescape


class _Collector(Treeprocessor):
    """Reads the tree after attr_list has set its ids and before toc makes the others."""

    def reset(self) -> None:
        """Before each page: Python-Markdown runs no treeprocessor for a page without text."""
        self.headings: list[tuple[etree.Element, str | None, str]] = []
        self.facts = [Facts()]

    def run(self, root: etree.Element) -> None:
        self._visit(root, quoted=False, code=False)

    def _visit(self, element: etree.Element, quoted: bool, code: bool) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in HEADING_TAGS:
            self.headings.append((element, element.get("id"), "".join(element.itertext())))
            self.facts.append(Facts())
        facts = self.facts[-1]
        counts = facts.counts
        if tag == "li":
            counts["list items"] += 1
        elif tag == "blockquote" and not quoted:  # a quote in a quote is part of it
            counts["quotes"] += 1
        elif tag == "details" or (tag == "div" and "admonition" in element.get("class", "")):
            counts["admonitions"] += 1
        elif tag == "table":
            counts["tables"] += 1
        elif tag == "img":
            counts["images"] += 1
            if not code:
                facts.texts.append(element.get("alt", ""))
        if element.get("id") and tag not in HEADING_TAGS:
            facts.anchors.add(str(element.get("id")))
        if tag == "pre" and len(element) and element[0].tag == "code":
            first = next((line for line in (element[0].text or "").split("\n") if line), "")
            facts.code.append(first)
        link = tag == "a" and element.get("href") is not None
        if link:
            href = str(element.get("href"))
            autolink = "".join(element.itertext()) == href
            if not EXTERNAL.match(href):
                facts.links.append(href)
            code = code or autolink  # an address as the link's text is no number
        inner = code or tag in ("code", "pre", "kbd")
        self._text(element.text, inner)
        for child in element:
            self._visit(child, quoted or tag == "blockquote", inner)
            self._text(child.tail, code)

    def words(self, text: str) -> str:
        """A heading's text with the raw HTML it holds (a fenced block, say) as its words."""

        def stashed(match: re.Match[str]) -> str:
            html = self.md.htmlStash.rawHtmlBlocks[int(match[1])]
            return html_module.unescape(HTML_TAG.sub(" ", html)) if isinstance(html, str) else " "

        return unmark(HTML_PLACEHOLDER_RE.sub(stashed, text))

    def _text(self, text: str | None, code: bool) -> None:
        if not text:
            return
        facts = self.facts[-1]
        for index, part in enumerate(HTML_PLACEHOLDER_RE.split(text)):
            if index % 2 == 0:
                if not code:
                    facts.texts.append(ESCAPED.sub(lambda m: chr(int(m[1])), part))
                continue
            html = self.md.htmlStash.rawHtmlBlocks[int(part)]
            if not isinstance(html, str):
                continue
            facts.anchors.update(HTML_ID.findall(html))
            if code or "<pre" in html or "<code" in html:
                continue  # highlighted code, which superfences keeps here too
            html = HTML_COMMENT.sub(" ", html)
            facts.counts["images"] += len(re.findall(r"<img\b", html, re.IGNORECASE))
            facts.texts.append(HTML_TAG.sub(" ", html))


class _Extension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        self.collector = _Collector(md)
        # After attr_list has set ids and before toc sets the others.
        md.treeprocessors.register(
            self.collector, "eme-toolkit-collector", internals.BETWEEN_ATTR_LIST_AND_TOC
        )


def _unmarked_slugify(slugify: Callable[..., str]) -> Callable[..., str]:
    def slugify_text(value: str, separator: str, *args: Any, **kwargs: Any) -> str:
        return slugify(unmark(value), separator, *args, **kwargs)

    return slugify_text


class Renderer:
    """One Python-Markdown converter with the site's settings, reused page after page."""

    def __init__(self, settings: MarkdownSettings) -> None:
        configs = copy.deepcopy(settings.configs)
        toc = configs.setdefault("toc", {})
        toc["slugify"] = _unmarked_slugify(toc.get("slugify") or default_slugify)
        self._extension = _Extension()
        self._md = markdown.Markdown(
            extensions=[*settings.extensions, self._extension], extension_configs=configs
        )

    def render(self, lines: list[str]) -> Rendered:
        """The headings and facts of Markdown text given as its lines (front matter off)."""
        tagged, unmarked = tag_lines(lines)
        collector = self._extension.collector
        collector.reset()
        self._md.reset()
        self._md.convert("\n".join(tagged))
        found = collector.headings
        indexes = _place(
            [
                (int(str(element.tag)[1]), _marker_index(text), collector.words(text))
                for element, _, text in found
            ],
            unmarked,
            lines,
        )
        headings = [
            Heading(int(str(element.tag)[1]), str(element.get("id") or ""), explicit, index)
            for (element, explicit, _), index in zip(found, indexes, strict=True)
        ]
        return Rendered(headings, collector.facts)


def _marker_index(text: str) -> int | None:
    match = MARKER.search(text)
    if match is None:
        return None
    return int("".join(str(ord(char) - MARK_DIGIT) for char in match[1]))


# Headings that md_in_html makes of HTML: a heading tag, or Markdown after a block's tag.
HTML_HEADING = re.compile(
    r"<h([1-6])[\s>]|<[a-zA-Z][^>]*>[ \t>]*(?:(?:[-*+:]|\d+[.)])[ \t]+[ \t>]*)*(#+)",
    re.IGNORECASE,
)
FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
FIRST_WORD = re.compile(r"\w+")


def _html_headings(lines: list[str]) -> dict[int, set[int]]:
    """The lines where md_in_html may make a heading: index -> its level."""
    found = {}
    for index, line in enumerate(lines):
        if match := HTML_HEADING.search(line):
            found[index] = {int(match[1]) if match[1] else min(len(match[2]), 6)}
    return found


def _place(
    headings: list[tuple[int, int | None, str]], unmarked: dict[int, set[int]], lines: list[str]
) -> list[int]:
    """The line of each heading (level, marked line or None, text): its marker's, or else,
    between the lines of the headings around it, an unmarked line of its level that may be a
    heading, one that holds the heading's first word first; else the line after the one
    before it. A heading that Python-Markdown makes of a fenced block (a fence right above an
    underline) starts where the fence opens."""
    candidates_at = unmarked
    for index, levels in _html_headings(lines).items():
        candidates_at.setdefault(index, set()).update(levels)
    placed: list[int] = []
    previous = -1
    for position, (level, index, text) in enumerate(headings):
        if index is None:
            following = next(
                (i for _, i, _ in headings[position + 1 :] if i is not None), len(lines)
            )
            candidates = [
                i for i in range(previous + 1, following) if level in candidates_at.get(i, ())
            ]
            word = FIRST_WORD.search(text)
            holds = re.compile(rf"\b{re.escape(word[0])}\b") if word else None
            with_word = [
                i
                for i in candidates
                if holds
                and holds.search("\n".join(lines[_fence_start(lines, i, previous) : i + 1]))
            ]
            candidates = with_word or candidates
            index = candidates[0] if candidates else min(previous + 1, max(len(lines) - 1, 0))
            candidates_at.pop(index, None)
            index = _fence_start(lines, index, previous)
        placed.append(index)
        previous = index
    return placed


def _fence_start(lines: list[str], index: int, previous: int) -> int:
    """Where the fence that closes on line `index` opens (`index` if it is no fence)."""
    fence = FENCE.match(lines[index]) if lines else None
    if fence is None:
        return index
    marker = fence[1]
    for start in range(index - 1, previous, -1):
        opening = FENCE.match(lines[start])
        if opening and opening[1] == marker:
            return start
    return index


SETEXT_TITLE = re.compile(r"^[ \t>]*(.*?)[ \t]*$")
CLOSING_HASHES = re.compile(r"[ \t]*#*[ \t]*$")


def source_title(lines: list[str], index: int) -> tuple[str, int]:
    """A heading's text as written, its attribute list included, and how many lines it takes
    (an underlined heading takes two)."""
    line = lines[index]
    if match := ATX.match(line):
        return CLOSING_HASHES.sub("", line[match.end() :]), 1
    following = lines[index + 1] if index + 1 < len(lines) else ""
    title = SETEXT_TITLE.match(line)[1]  # type: ignore[index]
    return title, 2 if UNDERLINE.match(following) else 1
