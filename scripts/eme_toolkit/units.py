"""The units a translator translates: each block of a page, with the text a translation tool
shows and what is needed to write a translation back into exactly its lines.

A unit is a heading's text (without its `{ #id }`), a paragraph, a list or task item (without
its marker), a quote, a table cell, an admonition's title, a definition list's term, or a
front-matter value (`title`, `description`, each of `tags`). Its key names its section and its
place there (`about.md#eme/paragraph-2`), the same in every language, so that a translation's
unit is the English unit of the same key. Code, raw HTML, markers, indentation, the ids and a
paragraph's attribute list stay out of the text: they are the unit's `head` and `tail`, kept as
they are when a translation is written back (`replace`).

The sections and their lines come from page.py; the blocks are read with markdown-it, on the
lines of one section at a time, as blocks.py reads them.
"""

from __future__ import annotations

import itertools
import re
import textwrap
from dataclasses import dataclass

import yaml

from eme_toolkit.blocks import MD, inside
from eme_toolkit.page import CONTAINER, NUMBER, Page, Section, normalise_number, title_text
from eme_toolkit.rendering import source_title

# Front-matter keys whose values readers see (Material shows them): the others (template,
# hide, icon, status, …) are settings, not text.
FRONT_MATTER_KEYS = ("title", "description", "tags")
# An attribute list that ends a block's last line, or is that line (`{: .lead }`, `{ #id }`).
TRAILING_ATTRS = re.compile(r"(?:^|[ \t]+)\{:?[ \t]*(?:[#.][^{}\s]|[\w-]+=)[^{}\n]*\}[ \t]*$")
TASK = re.compile(r"\[[ xX]\][ \t]+")
# Markup that a translation keeps as it is: link and image targets, inline code, HTML tags,
# attribute lists, and placeholders such as {language} in the site's own words.
LINK_TARGET = re.compile(r"\]\((?:<[^>]*>|[^()\s]+)(?:[ \t]+\"[^\"]*\")?\)|\]\[[^\]\n]*\]")
AUTOLINK = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*|[^\s@<>]+@[^\s@<>]+)>")
CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>")
BRACES = re.compile(r"\{[^{}\n]*\}")
# What would make a line of a paragraph another kind of block: a heading, a list item, a
# quote, a table row, an admonition, a fence.
BLOCK_START = re.compile(r"^(?:#{1,6}(?:[ \t]|$)|[-*+][ \t]|\d+[.)][ \t]|>|\||!!!|\?\?\?|```|~~~)")
WIDTH = 100  # the pages' line length, for paragraphs that span lines


@dataclass(frozen=True)
class Unit:
    """One block to translate, where its text stands in the file."""

    key: str  # page#section/kind-n, the same in every language
    kind: str  # heading, paragraph, item, task, quote, cell, admonition, term, definition, …
    section: str  # the section's id
    line: int  # its first line in the file (1-based)
    end: int  # the line after its last
    text: str  # what the translator sees: its lines without markers, joined by spaces
    head: str  # what comes before the text on its first line
    tail: str  # what comes after it on its last line
    indent: str = ""  # what comes before the text on each further line
    one_line: bool = True  # a heading, a cell, a title: its text stays on one line
    style: str = ""  # a front-matter value: plain, quoted, or folded (">-")

    @property
    def markup(self) -> list[str]:
        return markup(self.text)

    @property
    def numbers(self) -> list[str]:
        return numbers(self.text)


# A span that marks words quoted in another language (`<span lang="fi">`) belongs to its
# version: each version quotes the other one in its own places.
LANGUAGE_SPAN = re.compile(r'<span lang="[^"<>]*">|</span>')


def markup(text: str) -> list[str]:
    """The pieces of a text that a translation keeps as they are, in order."""
    found = []
    for pattern in (LINK_TARGET, AUTOLINK, CODE_SPAN, HTML_TAG):
        found += [
            match[0]
            for match in pattern.finditer(text)
            if pattern is not HTML_TAG or not LANGUAGE_SPAN.fullmatch(match[0])
        ]
        text = pattern.sub(" ", text)
    found += [match[0] for match in BRACES.finditer(text)]
    return found


def numbers(text: str) -> list[str]:
    """The numbers of a text, normalised (6–8 is 6-8, 1,5 is 1.5), outside its markup."""
    for pattern in (LINK_TARGET, AUTOLINK, CODE_SPAN, HTML_TAG, BRACES):
        text = pattern.sub(" ", text)
    return [normalise_number(match[0]) for match in NUMBER.finditer(text)]


def page_units(name: str, page: Page) -> list[Unit]:
    """Every unit of a page, in file order."""
    found: list[Unit] = []
    for section in page.sections:
        if section.id:
            found += section_units(name, section)
    return found


def section_units(name: str, section: Section) -> list[Unit]:
    """The units of one section: its front matter's, its heading's, then its blocks'."""
    assert section.id
    prefix = f"{name}#{section.id}/"
    numbered = section.lines
    texts = [text for _, text in numbered]
    first = numbered[0][0] if numbered else 1
    found = _front_matter(prefix, section, texts, first)
    skipped = set(range(section.front_matter_end - first + 1))
    if section.level:
        offset = section.line - first
        _, count = source_title(texts, offset)
        skipped.update(range(offset, offset + count))
        heading = _heading(prefix + "heading", section, texts[offset])
        if heading:
            found.append(heading)
    container = CONTAINER.match(texts[section.line - first])[0] if section.level else ""
    found += _blocks(prefix, section.id, texts, first, skipped, container.replace("\t", "    "))
    return found


def _heading(key: str, section: Section, line: str) -> Unit | None:
    title = section.title
    text = title_text(title).strip()
    if not text:
        return None
    start = line.find(title)
    if start < 0:  # an underlined heading: its title starts after the container's marks
        start = len(line) - len(line.lstrip(" \t>"))
    head = line[: start + len(title) - len(title.lstrip())]
    tail = line[len(head) + len(text) :]
    return Unit(key, "heading", section.id or "", section.line, section.line + 1, text, head, tail)


def _front_matter(prefix: str, section: Section, texts: list[str], first: int) -> list[Unit]:
    """Units of the YAML front matter's text values, with where each value stands."""
    end = section.front_matter_end - first + 1
    if end <= 0 or texts[0].strip() != "---":
        return []
    try:
        root = yaml.compose("\n".join(texts[1 : end - 1]) + "\n")
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    found = []
    for key_node, value in root.value:
        key = key_node.value
        if key not in FRONT_MATTER_KEYS:
            continue
        if isinstance(value, yaml.ScalarNode):
            items = [(key, value)]
        elif isinstance(value, yaml.SequenceNode):
            items = [(f"{key}-{n}", item) for n, item in enumerate(value.value, 1)]
        else:
            continue
        for unit_key, node in items:
            if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str") and node.value:
                found.append(_value(prefix + unit_key, section.id or "", texts, first, node))
    return found


def _value(key: str, section_id: str, texts: list[str], first: int, node: yaml.ScalarNode) -> Unit:
    start, end = node.start_mark, node.end_mark
    line, last = start.line + 1, end.line + 1  # offsets in the section: line 0 is ---
    style = {"'": "single", '"': "double", ">": "folded", "|": "literal"}.get(
        node.style or "", "plain"
    )
    if style in ("folded", "literal"):
        # From its indicator line (`description: >-`) to its last line of text.
        last = end.line if end.column == 0 else last
        while last > line + 1 and not texts[last].strip():
            last -= 1
        body = texts[line + 1 : last + 1]
        indent = body[0][: len(body[0]) - len(body[0].lstrip())] if body else "  "
        text = node.value if style == "literal" else " ".join(node.value.split())
        return Unit(
            key,
            "front-matter",
            section_id,
            first + line,
            first + last + 1,
            text,
            texts[line],
            "",
            indent=indent,
            one_line=False,
            style=style,
        )
    head, tail = texts[line][: start.column], texts[last][end.column :]
    text = " ".join(node.value.split())
    return Unit(
        key,
        "front-matter",
        section_id,
        first + line,
        first + last + 1,
        text,
        head,
        tail,
        style=style,
    )


def _blocks(
    prefix: str, section_id: str, lines: list[str], first: int, skipped: set[int], container: str
) -> list[Unit]:
    """The units of a section's blocks, read by markdown-it from its lines as blocks.py does."""
    text = "\n".join(
        "" if i in skipped else inside(line, container) for i, line in enumerate(lines)
    )
    found: list[Unit] = []
    counts: dict[str, int] = {}
    stack: list[str] = []  # the containers open: list_item, blockquote, admonition, dd
    item_first = False  # the next paragraph is its list item's first
    row = 0

    def key(kind: str) -> str:
        counts[kind] = counts.get(kind, 0) + 1
        return f"{prefix}{kind}-{counts[kind]}"

    tokens = MD.parse(text + "\n")
    for index, token in enumerate(tokens):
        kind = token.type
        if kind in OPENERS:
            stack.append(kind)
            item_first = kind == "list_item_open"
        elif kind in CLOSERS:
            stack.pop()
        elif kind == "table_open":
            row = 0
            counts["table"] = counts.get("table", 0) + 1
        elif kind == "tr_open" and token.map:
            row += 1
            table = f"{prefix}table-{counts['table']}-row-{row}"
            found += _cells(table, section_id, lines, token.map[0], first)
        elif kind in ("paragraph_open", "admonition_title_open", "dt_open", "heading_open"):
            inline = tokens[index + 1]
            if not inline.map:
                continue
            if kind == "admonition_title_open":
                unit = _admonition_title(
                    key("admonition-title"), section_id, lines, inline.map[0], first
                )
            else:
                what = _paragraph_kind(kind, stack, item_first, inline.content)
                item_first = False
                unit = _lines_unit(
                    key(what), what, section_id, lines, inline.map, first, inline.content
                )
            if unit:
                found.append(unit)
    return found


OPENERS = ("list_item_open", "blockquote_open", "admonition_open", "dd_open")
CLOSERS = ("list_item_close", "blockquote_close", "admonition_close", "dd_close")
INNER_KINDS = {"blockquote_open": "quote", "dd_open": "definition", "admonition_open": "admonition"}


def _paragraph_kind(kind: str, stack: list[str], item_first: bool, content: str) -> str:
    if kind == "dt_open":
        return "term"
    inner = stack[-1] if stack else ""
    if inner == "list_item_open" and item_first:
        return "task" if TASK.match(content) else "item"
    return INNER_KINDS.get(inner, "paragraph")


def _lines_unit(
    key: str,
    kind: str,
    section_id: str,
    lines: list[str],
    span: list[int],
    first: int,
    content: str,
) -> Unit | None:
    """A block of lines: each line's text is the end of its source line, after its prefix."""
    start, end = span
    parts = [part.strip() for part in content.split("\n")]
    while parts and (not parts[-1] or TRAILING_ATTRS.fullmatch(parts[-1])):
        parts.pop()  # an attribute list on a line of its own stays out of the text
        end -= 1
    if not parts:
        return None
    heads = []
    for offset, part in enumerate(parts):
        source = lines[start + offset].rstrip()
        at = (
            len(source) - len(part) if source.endswith(part) else len(source) - len(source.lstrip())
        )
        heads.append(lines[start + offset][:at])
    if attrs := TRAILING_ATTRS.search(parts[-1]):
        parts[-1] = parts[-1][: attrs.start()]
    if kind == "task":
        marker = TASK.match(parts[0])
        assert marker
        heads[0] += marker[0]
        parts[0] = parts[0][marker.end() :]
    tail = lines[end - 1][len(heads[-1]) + len(parts[-1]) :]
    indent = heads[1] if len(heads) > 1 else _continuation(heads[0])
    return Unit(
        key,
        kind,
        section_id,
        first + start,
        first + end,
        " ".join(parts),
        heads[0],
        tail,
        indent=indent,
        one_line=kind == "term",
    )


def _continuation(head: str) -> str:
    """The prefix of a block's further lines, from its first line's: a quote's markers stay, a
    list marker (and a task's box) becomes as many spaces."""
    marks = re.match(r"^([ \t>]*)((?:[-*+]|\d+[.)]|:)[ \t]+)?", head)
    assert marks
    return marks[1] + " " * len(marks[2] or "")


def _admonition_title(
    key: str, section_id: str, lines: list[str], offset: int, first: int
) -> Unit | None:
    line = lines[offset]
    quoted = re.search(r'"(.*)"[ \t]*$', line)
    if not quoted or not quoted[1].strip():
        return None
    text = quoted[1]
    return Unit(
        key,
        "admonition-title",
        section_id,
        first + offset,
        first + offset + 1,
        text,
        line[: quoted.start(1)],
        line[quoted.end(1) :],
    )


def split_row(line: str) -> list[tuple[int, int]]:
    """[start, end) of each cell's text in a table row, without the pipes and spaces around."""
    stripped = line.rstrip()
    pipes, index, code = [], 0, False
    while index < len(stripped):
        char = stripped[index]
        if char == "\\":
            index += 2
            continue
        if char == "`":
            code = not code
        elif char == "|" and not code:
            pipes.append(index)
        index += 1
    lead = len(stripped) - len(stripped.lstrip())
    edges = pipes if pipes and pipes[0] == lead else [lead - 1, *pipes]
    if not pipes or pipes[-1] != len(stripped) - 1:
        edges.append(len(stripped))
    bounds = []
    for left, right in itertools.pairwise(edges):
        start, end = left + 1, right
        while start < end and line[start] in " \t":
            start += 1
        while end > start and line[end - 1] in " \t":
            end -= 1
        bounds.append((start, end))
    return bounds


def _cells(key: str, section_id: str, lines: list[str], offset: int, first: int) -> list[Unit]:
    line = lines[offset]
    return [
        Unit(
            f"{key}-cell-{column}",
            "cell",
            section_id,
            first + offset,
            first + offset + 1,
            line[start:end],
            line[:start],
            line[end:],
        )
        for column, (start, end) in enumerate(split_row(line), 1)
        if start < end
    ]


# --- writing a translation back -----------------------------------------------------------


def problem_with(unit: Unit, translation: str) -> str | None:
    """Why `translation` cannot stand in the unit's place, or None."""
    text = translation.strip("\n")
    if unit.style != "literal" and "\n\n" in text:
        return f"a {unit.kind}'s translation is one paragraph: remove the blank line"
    if unit.one_line and "\n" in text:
        return f"a {unit.kind}'s translation stays on one line: remove the line break"
    if unit.kind == "cell" and re.search(r"(?<!\\)\|", text):
        return "a table cell's translation cannot hold a | (write \\| for one)"
    if unit.kind not in ("front-matter", "cell") and BLOCK_START.match(text.lstrip()):
        return (
            f"the translation would turn this {unit.kind} into another kind of block: "
            "it starts with #, -, >, |, a fence or a number and a dot"
        )
    return None


def render(unit: Unit, translation: str) -> list[str]:
    """The lines that take the place of the unit's lines [line, end) with `translation`."""
    if unit.style == "literal":
        return [unit.head] + [unit.indent + line for line in translation.split("\n")]
    words = " ".join(translation.split())
    if unit.style == "folded":
        return [unit.head, *_wrap(words, unit.indent, unit.indent)]
    if unit.kind == "front-matter":
        return [unit.head + _scalar(unit.style, words) + unit.tail]
    if unit.one_line or unit.end - unit.line == 1:
        return [unit.head + words + unit.tail]
    # A line that would open another kind of block joins the line before it.
    joined: list[str] = []
    for line in _wrap(words, unit.head, unit.indent):
        rest = line[len(unit.indent) :]
        if joined and BLOCK_START.match(rest):
            joined[-1] += " " + rest
        else:
            joined.append(line)
    joined[-1] += unit.tail
    return joined


def _wrap(words: str, first: str, further: str) -> list[str]:
    return textwrap.wrap(
        words,
        width=WIDTH,
        initial_indent=first,
        subsequent_indent=further,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first]


def _scalar(style: str, text: str) -> str:
    """A front-matter value written in its style, if YAML reads it back as the same text."""
    if style == "plain":
        try:
            if yaml.safe_load(f"k: {text}") == {"k": text}:
                return text
        except yaml.YAMLError:
            pass
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def replace(lines: list[str], writes: list[tuple[Unit, str]]) -> list[str]:
    """The file's lines with each unit's text replaced by its translation; every other line,
    and every part of a line outside the units' text, as it was."""
    result = list(lines)
    order = sorted(writes, key=lambda write: (write[0].line, len(write[0].head)), reverse=True)
    for unit, translation in order:
        if unit.kind == "cell":  # cells share their row: splice the text in, right to left
            row = result[unit.line - 1]
            end = len(row) - len(unit.tail)
            result[unit.line - 1] = (
                row[: len(unit.head)] + " ".join(translation.split()) + row[end:]
            )
        else:
            result[unit.line - 1 : unit.end - 1] = render(unit, translation)
    return result
