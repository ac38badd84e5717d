"""A section's blocks where they stand in its source, read with markdown-it.

The sections themselves, and what readers see in them, come from Python-Markdown (rendering.py);
what needs the source's lines is read here, from the lines of one section at a time: its blocks
(paragraphs, table rows, definition terms, admonition titles, raw HTML), each with its first line
and its text, and the hash of its text that translation records keep.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin

# Spaces that render as one: a run of them after a line's first word.
DOUBLED_SPACES = re.compile(r"(?<=\S)[ \t]{2,}")


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.use(admon_plugin).use(deflist_plugin)
    md.core.ruler.disable(["inline", "text_join"])  # only the blocks and their lines are read
    return md


MD = _parser()


@dataclass(frozen=True)
class Layout:
    """Where a section's blocks are: line offsets from the section's first line."""

    paragraphs: list[tuple[int, int]]  # [start, end) of each paragraph
    code: list[tuple[int, int]]  # [start, end) of each fence or indented code block
    blocks: list[tuple[int, int]]  # [start, end) of each block whose text is compared


def layout(lines: list[str], skipped: set[int], container: str = "") -> Layout:
    """The blocks of a section's lines; the lines at offsets `skipped` (its heading, the front
    matter) are read as blank. A section whose heading stands in a list item, a quote or an
    admonition (`container`: what comes before it on the heading's line, such as "    " or
    "> ") is read as that container's content, as far as its lines carry that prefix."""
    text = "\n".join(
        "" if offset in skipped else inside(line, container) for offset, line in enumerate(lines)
    )
    paragraphs, code, blocks = [], [], []
    # Ended by a line break: mdit's admonition rule reads past the end of a text whose last
    # line is an empty quote line (`>`).
    for token in MD.parse(text + "\n"):
        if token.map is None:
            continue
        start, end = token.map
        kind = token.type
        if kind in ("fence", "code_block"):
            code.append((start, end))
        elif kind == "paragraph_open":
            paragraphs.append((start, end))
            blocks.append((start, end))
        elif kind in ("table_open", "html_block"):
            blocks.append((start, end))
        elif kind == "heading_open":  # a line Python-Markdown reads as text, not a heading
            blocks.append((start, end - 1 if token.markup in ("=", "-") else end))
        elif kind in ("dt_open", "admonition_open"):
            blocks.append((start, start + 1))
    blocks.sort()
    return Layout(paragraphs, code, blocks)


def inside(line: str, container: str) -> str:
    """The line without the container's prefix: a quote's `>`, or up to its indentation."""
    for mark in container:
        if mark == ">" and line.lstrip(" ").startswith(">"):
            line = line.lstrip(" ")[1:]
        elif mark == " " and line.startswith(" "):
            line = line[1:]
    return line


def block_texts(lines: list[str], found: Layout) -> list[tuple[int, str]]:
    """(offset of its first line, its lines stripped and joined by single spaces), per block."""
    texts = []
    for start, end in found.blocks:
        parts = [line.strip() for line in lines[start:end]]
        if any(parts):
            texts.append((start, " ".join(part for part in parts if part)))
    return texts


def digest(lines: list[str], found: Layout) -> str:
    """A short hash of the section as it reads, for translation records: changes that leave the
    rendered text as it is (a paragraph wrapped anew, spaces doubled or at line ends) leave the
    hash as it is."""
    texts = [line.rstrip() for line in lines]
    code: set[int] = set()
    for start, end in found.code:
        code.update(range(start, end))
    for start, end in found.paragraphs:
        # A paragraph's later lines continue its first: one space, wherever it wraps.
        for index in range(start + 1, end):
            texts[index] = "\0" + texts[index].strip()
    for index, text in enumerate(texts):
        if index not in code:
            texts[index] = DOUBLED_SPACES.sub(" ", text)
    joined = "\n".join(texts).replace("\n\0", " ").strip("\n")
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:12]
