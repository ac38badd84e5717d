"""Read a Markdown page into its front matter and its sections, keeping line numbers.

A section runs from one heading to the next, whatever their levels, so that a change in one
section never touches another. The first section also holds the front matter (the page's
title and description). Sections are keyed by the explicit heading id `{ #id }` that every
language shares.

The page is read by markdown-it (with mdit-py-plugins), set up to agree with Python-Markdown
as MkDocs renders the site (abbr, admonition, attr_list, def_list, md_in_html, tables, toc,
pymdownx.details, pymdownx.superfences, pymdownx.tasklist, whose `[ ]` boxes are plain text
here): the sections are the headings that get an id in the built page, with that id. Where
Python-Markdown departs from CommonMark, a rule below says how.
Line numbers come from the token maps: the text markdown-it reads has the page's lines.

Known differences, in Markdown no page should have: Python-Markdown gives a list item every
line up to the next blank one, even a fence or a heading right under it at the left margin,
and keeps a list or admonition going past a reference definition; its def_list makes every
line above a `: definition` a term.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.extensions.toc import slugify, unique
from markdown.util import BLOCK_LEVEL_ELEMENTS
from markdown_it import MarkdownIt
from markdown_it.common.utils import mdTrim
from markdown_it.rules_block import StateBlock, blockquote, list_block, reference, table
from markdown_it.rules_core import StateCore, inline, text_join
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from eme_toolkit.yamlfile import YamlSyntaxError, parse

Rule = Callable[[StateBlock, int, int, bool], bool]

TAB_LENGTH = 4  # Python-Markdown's: tab stops, and how far list items and admonitions indent
EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:\s*[-–—]\s*\d+(?:[.,]\d+)*)?")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
HTML_TAG = re.compile(r"<[^>]*>")
HTML_ID = re.compile(r"""\bid=["']([^"']+)["']""")
HTML_IMAGE = re.compile(r"<img\b", re.IGNORECASE)
# attr_list's own patterns: `{ #id .class }` ending a heading (after a space) or a paragraph.
HEADER_ATTRS = re.compile(r"[ ]+\{\:?[ ]*([^\}\n ][^\n]*)\}[ ]*$")
BLOCK_ATTRS = re.compile(r"\n[ ]*\{\:?[ ]*([^\}\n ][^\n]*)\}[ ]*$")
SIMPLE_ID = re.compile(r"#([\w:.-]+)[ ]*")  # the usual `#id` alone in the braces
# Attribute lists left in text (under a paragraph, say): anchors, not words or numbers.
TEXT_ATTRS = re.compile(r"\{:?[ ]*[#.][^{}\n]*\}")
TEXT_ATTR_ID = re.compile(r"#([^\s}#]+)")
# Inline markup that changes links, images, numbers or ids: text without it is read as is.
INLINE_MARKUP = re.compile(r"[\[`<{\\&]")
# What Section works out from the parser's tokens, kept when they are let go (Page.settle).
SETTLED = ("digest", "body", "indented_code", "counts", "links", "numbers", "blocks", "anchors")
# Spaces that render as one: a run of them after a line's first word.
DOUBLED_SPACES = re.compile(r"(?<=\S)[ \t]{2,}")

FRONT_MATTER_OPEN = re.compile(r"---[ \t]*")  # MkDocs: exactly three dashes open it
# Python-Markdown's HashHeaderProcessor and SetextHeaderProcessor, for one line.
ATX = re.compile(r"(#{1,6})((?:\\.|[^\\#]|#+(?=[^#]))*?)#*")
SETEXT_UNDERLINE = re.compile(r"(?:=+|-+)[ ]*")
# pymdownx.superfences' opening line, less the headers it rejects (relaxed_headers is off).
FENCE_OPEN = re.compile(
    r"""(~{3,}|`{3,})(?:[ \t]*\.?[\w#.+-]+(?=[ \t]|$))?"""
    r"""(?:[ \t]*\{[^\n]*\}|(?:[ \t]*[a-zA-Z]\w*(?:=(["']).*?\2)?(?=[ \t]|$))+)?[ \t]*$"""
)
# List item and definition markers, after any blockquote prefix, and the spaces after them.
LIST_MARKER = re.compile(r"^((?:[ ]*>[ ]?)*[ ]*)([-*+:]|\d+[.)])([ ]+)(?=\S)", re.MULTILINE)
BLANK_LINE = re.compile(r"^[ ]+$", re.MULTILINE)
# Characters a line may start with and still be plain text, which no block rule but the
# paragraph's can take, nor end a paragraph at.
MARKUP_START = frozenset("#>-*+_=:~`<![|{\\?0123456789 ")

# md_in_html: which block-level elements have Markdown blocks inside with markdown="1".
BLOCK_TAGS = frozenset(BLOCK_LEVEL_ELEMENTS)
SPAN_TAGS = frozenset(  # inline Markdown only
    {"address", "dd", "dt", "legend", "li", "p", "summary", "td", "th"}
    | {"h1", "h2", "h3", "h4", "h5", "h6"}
)
RAW_TAGS = frozenset({"canvas", "math", "option", "pre", "script", "style", "textarea"})
EMPTY_TAGS = frozenset({"hr"})
MARKDOWN_BLOCK_TAGS = BLOCK_TAGS - SPAN_TAGS - RAW_TAGS - EMPTY_TAGS
START_TAG = re.compile(
    r"""<([a-zA-Z][a-zA-Z0-9-]*)"""
    r"""((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(/?)>"""
)
END_TAG = re.compile(r"</([a-zA-Z][a-zA-Z0-9-]*)\s*>")
MARKDOWN_ATTR = re.compile(
    r"""\smarkdown(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""", re.IGNORECASE
)

# Blocks after which Python-Markdown reads the next line as the start of a new block.
SPLITTING_BLOCKS = frozenset(
    {"heading_close", "hr", "html_block", "code_block", "admonition_close", "definition"}
)
ITEM_ENDS = frozenset(
    {"list_item_close", "bullet_list_close", "ordered_list_close", "dd_close", "dl_close"}
)


class PageError(ValueError):
    """A page that cannot be read: the message says what to fix, at `line`."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


# --- Python-Markdown's reading, as markdown-it rules -----------------------------------------


def _source(text: str) -> str:
    """The page as markdown-it should read it, line for line the same page.

    Python-Markdown expands tabs (4 columns) and blanks whitespace-only lines first. It nests
    list item (and definition) content 4 columns in, whatever the marker's width, where
    CommonMark nests it under the item's first character: markers are padded to match.
    """
    text = BLANK_LINE.sub("", text.expandtabs(TAB_LENGTH))
    return LIST_MARKER.sub(_pad_marker, text)


def _pad_marker(match: re.Match[str]) -> str:
    if match[2] == ":":  # mdit's deflist nests 2 columns past the `:`, whatever follows it
        return match[1] + "  : "
    return match[1] + match[2] + " " * max(1, TAB_LENGTH - len(match[2]))


def _superfences(lines: list[str]) -> dict[int, int]:
    """pymdownx.superfences' code blocks: first line -> last line (0-based).

    Superfences finds fences in the raw lines before any block is read, so a fence is code
    wherever it stands (in a list, a quote, an admonition); only exactly its opening marker at
    its own indentation closes it; a line that breaks its rules abandons it; and a fence never
    closed is no fence at all, where markdown-it would make the rest of the page code.
    """
    fences: dict[int, int] = {}
    start = -1
    prefix = marker = ""
    quotes = blank = 0
    for number, line in enumerate(lines):
        if start < 0:
            if "``" in line or "~~" in line:
                indent = len(line) - len(line.lstrip(" >"))
                match = FENCE_OPEN.match(line, indent)
                if match:
                    start, prefix, marker = number, line[:indent], match[1]
                    quotes, blank = prefix.count(">"), 0
            continue
        cut = 0  # this line's share of the opening's prefix
        while cut < len(prefix) and cut < len(line) and line[cut] in " >":
            cut += 1
        content = line[cut:]
        level = line[:cut].count(">")
        closes = content.startswith(marker) and not content[len(marker) :].strip(" \t")
        if quotes:  # a fence in a quote: the quote levels must hold
            if level > quotes or (content and (cut < len(prefix) or (blank and level < quotes))):
                start = -1
            elif not content:
                blank += 1
            elif closes:
                fences[start], start = number, -1
            else:
                blank = 0
        elif level:
            start = -1
        elif not line.strip():
            continue
        elif cut != len(prefix):
            start = -1  # not indented as far as the fence
        elif closes and not content.startswith((" ", "\t")):
            fences[start], start = number, -1
    return fences


def _fence(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A fence that superfences found, and nothing else.

    Superfences puts a fence back as text when it shares a block with indented code (no
    blank line between them): its lines are Markdown again, up to the next blank line."""
    last = state.env["fences"].get(start)
    if last is None or state.is_code_block(start) or start < state.env["reverted"]:
        return False
    previous = state.tokens[-1] if state.tokens else None
    if previous and previous.type == "code_block" and previous.map and previous.map[1] == start:
        blank = start
        while blank < end and not state.isEmpty(blank):
            blank += 1
        state.env["reverted"] = blank
        return False
    if silent:
        return True
    last = min(last, end - 1)
    line = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    token = state.push("fence", "code", 0)
    token.markup = line[: len(line) - len(line.lstrip(line[0]))]
    token.info = line[len(token.markup) :].strip()
    token.map = [start, last + 1]
    state.line = last + 1
    return True


def _html_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Raw HTML, as Python-Markdown's md_in_html takes it out before reading any block.

    A block-level tag at the start of a line (three spaces at most, no container prefix)
    keeps everything up to its matching end tag raw, blank lines included (CommonMark stops
    at a blank line), or to the end if none. With markdown="1" (or "block") only the tags are
    HTML, the content between is Markdown. Other tags, and stray end tags, are inline HTML in
    a paragraph. A comment runs to `-->`, and is text if never closed."""
    src = state.src
    pos = state.bMarks[start] + state.tShift[start]
    if src[pos : pos + 1] != "<":
        return False
    line_start = src.rfind("\n", 0, pos) + 1
    if pos - line_start > 3 or src[line_start:pos].strip(" "):
        return False
    if src.startswith("<!--", pos):
        close = src.find("-->", pos + 4)
        if close < 0:
            return False
        last = _line_of(state, close)
    elif match := END_TAG.match(src, pos):
        opened = state.env["markdown_elements"]
        if match[1].lower() not in opened:
            return False
        if not silent:
            del opened[opened.index(match[1].lower()) :]
        last = start
    elif match := START_TAG.match(src, pos):
        tag = match[1].lower()
        if tag not in BLOCK_TAGS:
            return False
        last = _line_of(state, match.end() - 1)
        if _markdown_inside(tag, match[2]):
            if not silent:
                state.env["markdown_elements"].append(tag)
        elif not (match[3] or tag in EMPTY_TAGS):
            close = _closing_tag(src, tag, match.end())
            last = _line_of(state, close) if close >= 0 else end - 1
    else:
        return False
    if silent:
        return True
    last = min(last, end - 1)
    token = state.push("html_block", "", 0)
    token.map = [start, last + 1]
    token.content = state.getLines(start, last + 1, state.blkIndent, True)
    state.line = last + 1
    return True


def _markdown_inside(tag: str, attributes: str) -> bool:
    """md_in_html: does markdown="..." make the element's content Markdown blocks?"""
    match = MARKDOWN_ATTR.search(attributes)
    if not match:
        return False
    value = next((v for v in match.groups() if v is not None), "1").lower()
    value = "1" if value == "markdown" else value
    return (value == "1" and tag in MARKDOWN_BLOCK_TAGS) or (
        value == "block" and tag in MARKDOWN_BLOCK_TAGS | SPAN_TAGS
    )


def _closing_tag(src: str, tag: str, pos: int) -> int:
    """Where the tag opened before `pos` ends, nested tags of its name counted; -1 if never."""
    depth = 1
    for match in re.compile(rf"<(/?){tag}(?=[\s/>])[^>]*>", re.IGNORECASE).finditer(src, pos):
        if match[1]:
            depth -= 1
            if not depth:
                return match.start()
        elif not match[0].endswith("/>"):
            depth += 1
    return -1


def _line_of(state: StateBlock, pos: int) -> int:
    return bisect_right(state.env["starts"], pos) - 1


def _atx(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """`# Heading`, Python-Markdown's way: the `#` at the block's own indent (CommonMark
    allows three spaces more), no space needed after the hashes."""
    pos = state.bMarks[start] + state.tShift[start]
    if state.src[pos : pos + 1] != "#" or state.sCount[start] > state.blkIndent:
        return False
    match = ATX.fullmatch(state.src, pos, state.eMarks[start])
    # Python-Markdown reads the lines right under a list marker as the item's text: one
    # indented into the item is text there, never a heading.
    if not match or (silent and _ends_paragraph(state, start) and _in_item(state)):
        return False
    if silent:
        return True
    _push_heading(state, start, len(match[1]), "#" * len(match[1]), match[2].strip())
    state.line = start + 1
    return True


def _setext(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """`Title` over `===` or `---`, Python-Markdown's way: the title is the first line of a
    block, whatever it says (even `- item`), so a paragraph's last line over `---` is text
    and a rule (CommonMark makes the whole paragraph the heading); the underline is at the
    block's own indent."""
    under = start + 1
    if under >= end or state.sCount[under] > state.blkIndent or not _starts_block(state, start):
        return False
    underline = state.src[state.bMarks[under] + state.tShift[under] : state.eMarks[under]]
    if not SETEXT_UNDERLINE.fullmatch(underline):
        return False
    # A less indented `===` is a lazy line of a list item's or a quote's text, so it still
    # underlines; a `---` there is a rule that ends them.
    if state.sCount[under] < state.blkIndent and not (
        underline[0] == "=" and state.parentType in ("list", "blockquote")
    ):
        return False
    if silent:
        return True
    title = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]].strip()
    _push_heading(state, start, 1 if underline[0] == "=" else 2, underline[0], title, 2)
    state.line = start + 2
    return True


def _push_heading(
    state: StateBlock, start: int, level: int, markup: str, title: str, lines: int = 1
) -> None:
    token = state.push("heading_open", f"h{level}", 1)
    token.markup, token.map = markup, [start, start + lines]
    token = state.push("inline", "", 0)
    token.content, token.map, token.children = title, [start, start + lines], []
    state.push("heading_close", f"h{level}", -1).markup = markup


def _starts_block(state: StateBlock, start: int) -> bool:
    """Whether Python-Markdown begins a block at `start`: after a blank line, at the start of
    a container, or where a heading, a rule, raw HTML, indented code, a reference or an
    admonition split the lines off. Not under a fence (superfences leaves its placeholder in
    the block) nor a quote (which takes the rest of its block in). A list item or definition
    takes the lines up to a blank line in too, so what counts there is its last block."""
    if start == 0 or state.isEmpty(start - 1) or not state.tokens:
        return True
    index = len(state.tokens) - 1
    while index and state.tokens[index].type in ITEM_ENDS:
        index -= 1
    last = state.tokens[index]
    return last.nesting == 1 or last.type in SPLITTING_BLOCKS


def _ends_paragraph(state: StateBlock, start: int) -> bool:
    """Whether a rule is asked if `start` ends a paragraph of its own container."""
    return state.parentType == "paragraph" and state.sCount[start] >= state.blkIndent


def _in_item(state: StateBlock) -> bool:
    """Whether the paragraph being read is the text right under a list marker."""
    return bool(state.tokens) and state.tokens[-1].type == "list_item_open"


def _list(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Lists, Python-Markdown's way: a list starts a block and never breaks into a paragraph
    (but a nested list breaks into its item's text), and `1)` is no list marker."""
    if silent and _ends_paragraph(state, start) and not _in_item(state):
        return False
    # Python-Markdown keeps items with other markers (`-` then `1.`) in the same list.
    follows_list = state.tokens and state.tokens[-1].type.endswith("_list_close")
    if not (silent or state.parentType == "list" or follows_list or _starts_block(state, start)):
        return False
    pos = state.bMarks[start] + state.tShift[start]
    if state.src[pos : pos + 1].isdigit() and re.match(r"\d+\)", state.src[pos : pos + 12]):
        return False
    return list_block(state, start, end, silent)


def _table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Tables, Python-Markdown's way: a table starts a block."""
    return _starts_block(state, start) and table(state, start, end, silent)


def _admonition(admonition: Rule) -> Rule:
    """mdit's admon rule (`!!! note`, `??? note`, `???+ note`), Python-Markdown's way: the
    marker at the block's own indent, and the body going on past two blank lines for as long
    as its lines are indented (mdit ends it at two blank lines)."""

    def rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if state.sCount[start] > state.blkIndent:
            return False
        first = len(state.tokens)
        found = admonition(state, start, end, silent)
        if not found or silent:
            return found
        indent = state.blkIndent + TAB_LENGTH
        line = stop = state.line
        while line < end and (state.isEmpty(line) or state.sCount[line] >= indent):
            line += 1
            if not state.isEmpty(line - 1):
                stop = line
        if stop > state.line:  # reopen the admonition for the rest of its body
            close = state.tokens.pop()
            state.level += 1
            saved = state.blkIndent, state.lineMax, state.parentType
            state.blkIndent, state.lineMax, state.parentType = indent, stop, "admonition"
            state.md.block.tokenize(state, state.line, stop)
            state.blkIndent, state.lineMax, state.parentType = saved
            state.level -= 1
            state.tokens.append(close)
            state.tokens[first].map = [start, stop]
            state.line = stop
        return True

    return rule


def _front_matter(front_matter: Rule) -> Rule:
    """mdit's front matter rule, opened only by a first line of exactly `---`, as in MkDocs."""

    def rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if start or not FRONT_MATTER_OPEN.fullmatch(state.src, 0, state.eMarks[0]):
            return False
        return front_matter(state, start, end, silent)

    return rule


def _paragraph(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it's paragraph rule, only faster: a line that starts as plain text cannot end
    the paragraph, so no other rule is asked about it."""
    src, b_marks, t_shift, e_marks = state.src, state.bMarks, state.tShift, state.eMarks
    terminators = state.md.block.ruler.getRules("paragraph")
    end = state.lineMax
    old_parent, state.parentType = state.parentType, "paragraph"
    line = start + 1
    while line < end:
        pos = b_marks[line] + t_shift[line]
        if pos >= e_marks[line]:
            break  # a blank line
        count = state.sCount[line]
        if count - state.blkIndent > 3 or count < 0 or src[pos] not in MARKUP_START:
            line += 1  # lazy or plain text: more of the paragraph
            continue
        for rule in terminators:
            if rule(state, line, end, True):
                break
        else:
            line += 1
            continue
        break
    state.line = line
    state.push("paragraph_open", "p", 1).map = [start, line]
    token = state.push("inline", "", 0)
    token.content = mdTrim(state.getLines(start, line, state.blkIndent, False))
    token.map, token.children = [start, line], []
    state.push("paragraph_close", "p", -1)
    state.parentType = old_parent
    return True


def _plain_paragraph(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A paragraph that starts with plain text, read before asking every other rule: only a
    setext underline, a definition or a table's `|` could make such a line anything else."""
    pos = state.bMarks[start] + state.tShift[start]
    if silent or state.src[pos] in MARKUP_START or state.sCount[start] - state.blkIndent > 3:
        return False
    after = start + 1
    if after < end:
        first = state.bMarks[after] + state.tShift[after]
        if first < state.eMarks[after] and state.src[first] in "=-:~|":
            return False
    if "|" in state.src[pos : state.eMarks[start]]:
        return False
    return _paragraph(state, start, end, silent)


def _plugin_rule(md: MarkdownIt, name: str) -> Rule:
    """The block rule a plugin registered, to wrap (the ruler has no public getter)."""
    ruler = md.block.ruler
    return ruler.__rules__[ruler.__find__(name)].fn


def _parser() -> MarkdownIt:
    md = MarkdownIt(
        "commonmark",
        # Reference links carry their label and definitions are tokens: a link counts once.
        {"html": True, "store_labels": True, "inline_definitions": True},
    )
    md.enable("table")
    md.use(front_matter_plugin).use(admon_plugin).use(deflist_plugin).use(attrs_plugin)
    block = md.block.ruler
    # What may end a paragraph, or a quote's lazy lines, without a blank line. A list ends at
    # any line that is no item of it, so only a rule (`- - -`, an item too) need end it.
    ends = {"alt": ["paragraph", "reference", "blockquote"]}
    block.at("front_matter", _front_matter(_plugin_rule(md, "front_matter")), ends)
    block.at("admonition", _admonition(_plugin_rule(md, "admonition")), ends)
    block.at("fence", _fence, ends)
    block.at("blockquote", blockquote, ends)
    block.at("table", _table)
    # A quote takes in the rest of its block in Python-Markdown: a list line under it is text.
    block.at("list", _list, {"alt": ["paragraph", "reference"]})
    block.at("reference", reference, {"alt": ["paragraph"]})
    block.at("paragraph", _paragraph)
    block.after("front_matter", "plain_paragraph", _plain_paragraph)
    # Raw HTML is taken out before Python-Markdown reads any block: its rule goes first.
    block.disable("html_block")
    block.after("front_matter", "raw_html", _html_block, ends)
    # Headings come before quotes and lists, as Python-Markdown tries them.
    block.disable(["heading", "lheading"])
    block.before("blockquote", "atx", _atx, ends)
    block.before("blockquote", "setext", _setext)
    # Inline Markdown is read when a section is asked for it (Section._inline).
    md.core.ruler.disable(["inline", "text_join"])
    md.normalizeLink = str  # type: ignore[method-assign]  # link targets as written
    return md


MD = _parser()


def _parse_inline(tokens: list[Token], env: dict[str, Any]) -> None:
    state = StateCore("", MD, env)
    state.tokens = tokens
    inline(state)
    text_join(state)


# --- the page ---------------------------------------------------------------------------------


@dataclass
class Section:
    """One heading and the lines under it, up to the next heading."""

    id: str | None  # the heading's explicit { #id }
    level: int  # 1-6; 0 for text before the first heading
    title: str
    line: int  # line number of the heading (1-based)
    lines: list[tuple[int, str]] = field(default_factory=list)  # (line number, text)
    front_matter_end: int = 0  # last line of the front matter, in the first section only
    anchor: str = ""  # the heading's id in HTML: its { #id }, else the one toc makes
    _tokens: list[Token] = field(default_factory=list, repr=False, compare=False)
    _env: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def source(self) -> str:
        """The section's Markdown without trailing spaces or blank lines around it."""
        return "\n".join(text.rstrip() for _, text in self.lines).strip("\n")

    @cached_property
    def digest(self) -> str:
        """A short hash of the section as it reads, for translation records: changes that leave
        the rendered text as it is (a paragraph wrapped anew, spaces doubled or at line ends)
        leave the hash as it is."""
        first = self.lines[0][0] if self.lines else 1
        texts = [text.rstrip() for _, text in self.lines]
        code: set[int] = set()
        for token in self._tokens:
            start, end = token.map or (0, 0)
            if token.type in ("fence", "code_block"):
                code.update(range(start - first + 1, end - first + 1))
            elif token.type == "paragraph_open":
                # A paragraph's later lines continue its first: one space, wherever it wraps.
                for index in range(start - first + 2, end - first + 1):
                    texts[index] = "\0" + texts[index].strip()
        for index, text in enumerate(texts):
            if index not in code:
                texts[index] = DOUBLED_SPACES.sub(" ", text)
        joined = "\n".join(texts).replace("\n\0", " ").strip("\n")
        return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:12]

    @cached_property
    def body(self) -> list[tuple[int, str]]:
        """Lines below the heading, outside code blocks and the front matter."""
        skip = set(range(1, self.front_matter_end + 1))
        for token in self._tokens:
            first, end = token.map or (0, 0)
            if token.type in ("fence", "code_block") or (
                token.type == "heading_open" and first + 1 == self.line and self.level
            ):
                skip.update(range(first + 1, end + 1))
        return [(number, text) for number, text in self.lines if number not in skip]

    @cached_property
    def indented_code(self) -> list[int]:
        """First lines of indented code blocks: text indented by a tab or 4 spaces."""
        return [t.map[0] + 1 for t in self._tokens if t.type == "code_block" and t.map]

    @cached_property
    def counts(self) -> dict[str, int]:
        """How many list items, quotes, admonitions, tables and images the section has."""
        counts = {"list items": 0, "quotes": 0, "admonitions": 0, "tables": 0, "images": 0}
        quote_end = -1  # a quote in a quote is part of it
        for token in self._tokens:
            kind = token.type
            if kind == "list_item_open":
                counts["list items"] += 1
            elif kind == "blockquote_open" and token.map and token.map[0] >= quote_end:
                counts["quotes"] += 1
                quote_end = token.map[1]
            elif kind == "admonition_open":
                counts["admonitions"] += 1
            elif kind == "table_open":
                counts["tables"] += 1
            elif kind == "html_block":
                counts["images"] += _html_images(token.content)
        for _, part in self._parts():
            if part.type == "image":
                counts["images"] += 1
            elif part.type == "html_inline":
                counts["images"] += _html_images(part.content)
        return counts

    @cached_property
    def links(self) -> list[tuple[int, str]]:
        """Links to other pages or anchors: (line, target), external addresses left out.

        A reference link counts once, as its definition `[label]: target`."""
        found = [
            (token.map[0] + 1, token.meta["url"])
            for token in self._tokens
            if token.type == "definition" and token.map
        ]
        for line, part in self._parts():
            is_link = part.type == "link_open" and part.markup != "autolink"
            if is_link and "label" not in part.meta:
                found.append((line, str(part.attrs["href"])))
        found.sort(key=lambda link: link[0])
        return [(line, target) for line, target in found if not EXTERNAL.match(target)]

    @cached_property
    def numbers(self) -> list[tuple[int, str]]:
        """Numbers and ranges in the text, normalised: 6–8 is 6-8, 1,5 is 1.5.

        Code, link targets (autolinks too), attribute lists and HTML are left out."""
        texts: list[tuple[int, str]] = []
        for token in self._tokens:
            if token.type == "html_block" and token.map:
                texts += enumerate(_html_text(token.content), token.map[0] + 1)
        for token in self._inline:
            if not token.children and token.map:  # plain text, as written
                texts += enumerate(token.content.split("\n"), token.map[0] + 1)
        autolink = False
        for line, part in self._parts():
            if part.type == "text" and not autolink:
                texts.append((line, part.content))
            elif part.type == "image":  # its alt text
                texts += ((line, alt.content) for alt in part.children or () if alt.type == "text")
            elif part.type == "link_open":
                autolink = part.markup == "autolink"
            elif part.type == "link_close":
                autolink = False
        found = []
        for line, text in texts:
            if "{" in text:
                text = TEXT_ATTRS.sub(" ", text)
            found += [(line, normalise_number(match[0])) for match in NUMBER.finditer(text)]
        found.sort(key=lambda number: number[0])
        return found

    @cached_property
    def blocks(self) -> list[tuple[int, str]]:
        """The heading, then each paragraph, list item, quote, table, definition term,
        admonition line and HTML block: its source lines joined by single spaces."""
        blocks = [(self.line, title_text(self.title))] if self.level else []
        for token in self._tokens:
            first, end = token.map or (0, 0)
            if token.type in ("dt_open", "admonition_open"):
                end = first + 1
            elif token.type not in ("paragraph_open", "table_open", "html_block"):
                continue
            offset = self.lines[0][0] - 1
            lines = [text.strip() for _, text in self.lines[first - offset : end - offset]]
            if any(lines):
                blocks.append((first + 1, " ".join(line for line in lines if line)))
        return blocks

    @cached_property
    def _inline(self) -> list[Token]:
        """The section's inline tokens (paragraphs, headings, cells…). Those with markup that
        matters here (links, images, code, HTML, attribute lists, escapes, entities) are read
        now; plain text needs no reading and keeps no children."""
        inlines, marked = [], []
        previous = ""
        for token in self._tokens:
            if token.type == "inline":
                inlines.append(token)
                text = token.content
                if previous == "heading_open" and "{" in text:
                    text = _heading_attrs(text)[1]  # its id is the heading's anchor
                if INLINE_MARKUP.search(text):
                    marked.append(token)
            previous = token.type
        _parse_inline(marked, self._env)
        return inlines

    def _parts(self) -> Iterator[tuple[int, Token]]:
        """Every part of the section's inline Markdown with markup, and its line."""
        for token in self._inline:
            line = token.map[0] + 1 if token.map else self.line
            for part in token.children or ():
                yield line, part
                if part.type in ("softbreak", "hardbreak"):
                    line += 1
                elif part.type == "html_inline":
                    line += part.content.count("\n")

    @cached_property
    def anchors(self) -> set[str]:
        """Ids that attribute lists and HTML give to elements other than headings."""
        ids = set()
        for token in self._tokens:
            if token.attrs.get("id"):
                ids.add(str(token.attrs["id"]))
            if token.type == "html_block":
                ids.update(HTML_ID.findall(token.content))
        for _, part in self._parts():
            if part.attrs.get("id"):
                ids.add(str(part.attrs["id"]))
            if part.type == "html_inline":
                ids.update(HTML_ID.findall(part.content))
            elif part.type == "text" and "{" in part.content:
                for attrs in TEXT_ATTRS.findall(part.content):
                    ids.update(TEXT_ATTR_ID.findall(attrs))
        return ids


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
        ids = {s.anchor for s in self.sections if s.anchor}
        for section in self.sections:
            ids |= section.anchors
        return ids

    def settle(self) -> Page:
        """Work out now all that is read lazily, and let go of the parser's tokens: the page
        is then small to keep between runs (see docs.PageCache)."""
        for section in self.sections:
            for name in SETTLED:
                getattr(section, name)
            section.__dict__.pop("_inline", None)
            section._tokens, section._env = [], {}
        return self


def normalise_number(text: str) -> str:
    text = re.sub(r"\s*[-–—]\s*", "-", text)
    return re.sub(r"(?<=\d),(?=\d)", ".", text)


def title_text(heading: str) -> str:
    """A heading's words without its { #id } attribute list."""
    return _heading_attrs(heading)[1].strip()


def read_page(path: Path, text: str | None = None) -> Page:
    """Parse a page; raise PageError naming the line when its front matter is broken."""
    if text is None:
        text = path.read_text(encoding="utf-8")
    # MkDocs reads pages as utf-8-sig (a byte order mark is no text); like markdown-it, it
    # takes \r\n and \r for line ends.
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n") if text else []
    if text.endswith("\n"):
        lines.pop()
    source = _source(text)
    source_lines = source.split("\n")
    starts = [0]  # where each line begins in the source, for _line_of
    for line in source_lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    env: dict[str, Any] = {
        "fences": _superfences(source_lines),
        "starts": starts,
        "markdown_elements": [],  # the open md_in_html elements, by tag
        "reverted": 0,  # fences before this line are text (see _fence)
    }
    tokens = MD.parse(source, env)

    front_matter: dict = {}
    key_lines: dict[str, int] = {}
    end = 0
    if lines and FRONT_MATTER_OPEN.fullmatch(lines[0]):
        if not tokens or tokens[0].type != "front_matter" or not tokens[0].map:
            raise PageError(1, "front matter opened with --- is never closed: add a line ---")
        end = tokens[0].map[1]
        front_matter, key_lines = _front_matter_data(lines, end)
    sections = _sections(tokens, lines, env)
    sections[0].front_matter_end = end
    return Page(path, front_matter, sections, key_lines)


def _front_matter_data(lines: list[str], end: int) -> tuple[dict, dict[str, int]]:
    """The front matter on lines 2..end-1, and the line of each key."""
    try:
        loaded = parse("\n".join(lines[1 : end - 1]))
    except YamlSyntaxError as error:
        message = f"front matter is not valid YAML ({error.problem})"
        raise PageError(error.line + 1, message) from None
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        raise PageError(2, "front matter must be 'key: value' lines, such as 'title: ...'")
    key_lines = {}
    for number in range(1, end - 1):
        key = re.match(r"^([\w-]+):", lines[number])
        if key:
            key_lines[key.group(1)] = number + 1
    return loaded, key_lines


def _sections(tokens: list[Token], lines: list[str], env: dict[str, Any]) -> list[Section]:
    """The page cut at its headings, each section with its lines and block tokens."""
    sections = [Section(None, 0, "", 1, _env=env)]
    explicit: set[str] = set()  # ids that attribute lists give, which toc's ids avoid
    for index, token in enumerate(tokens):
        if token.map is None:
            continue
        if token.type == "heading_open":
            title = tokens[index + 1].content
            section_id = _heading_attrs(title)[0]
            level = int(token.tag[1])
            sections.append(Section(section_id, level, title, token.map[0] + 1, _env=env))
            if section_id:
                explicit.add(section_id)
        elif token.type == "paragraph_open" and "{" in tokens[index + 1].content:
            match = BLOCK_ATTRS.search(tokens[index + 1].content)
            if match:
                attrs, rest = get_attrs_and_remainder(match[1])
                explicit.update(value for key, value in attrs if key == "id" and not rest)
        sections[-1]._tokens.append(token)

    numbered = list(enumerate(lines, 1))
    ends = [section.line - 1 for section in sections[1:]] + [len(lines)]
    for section, start, stop in zip(sections, [0, *ends], ends, strict=False):
        section.lines = numbered[start:stop]
    # toc gives a heading without an { #id } the slug of its text, made unique.
    for section in sections[1:]:
        text = _plain_text(title_text(section.title), env) if not section.id else ""
        section.anchor = section.id or unique(slugify(text, "-"), explicit)
    # Text above the first heading (the front matter) belongs to the title section.
    if len(sections) > 1:
        sections[1].lines[:0] = sections[0].lines
        sections[1]._tokens[:0] = sections[0]._tokens
        sections.pop(0)
    return sections


def _heading_attrs(title: str) -> tuple[str | None, str]:
    """The id a heading's attribute list gives it, if any, and the title without the list.

    As attr_list does it: a list with an unmatched `}` is no list, the last #id wins, and the
    heading's closing hashes go with the list."""
    match = HEADER_ATTRS.search(title) if "{" in title else None
    if match:
        simple = SIMPLE_ID.fullmatch(match[1])
        if simple:
            return simple[1], title[: match.start()].rstrip("#").rstrip()
        attrs, rest = get_attrs_and_remainder(match[1])
        if not rest:
            ids = [value for key, value in attrs if key == "id"]
            return (ids[-1] if ids else None), title[: match.start()].rstrip("#").rstrip()
    return None, title


def _plain_text(title: str, env: dict[str, Any]) -> str:
    """A heading's text as toc reads it: the rendered words, markup and HTML tags left out."""
    token = Token("inline", "", 0, content=title, children=[])
    _parse_inline([token], env)
    kept = ("text", "code_inline")
    return "".join(part.content for part in token.children or () if part.type in kept)


def _html_text(html: str) -> list[str]:
    """The lines of raw HTML, with its comments and tags blanked out."""
    if "<!--" in html:
        html = HTML_COMMENT.sub(lambda comment: "\n" * comment[0].count("\n"), html)
    return HTML_TAG.sub(" ", html).split("\n")


def _html_images(html: str) -> int:
    return len(HTML_IMAGE.findall(HTML_COMMENT.sub("", html))) if "<img" in html else 0
