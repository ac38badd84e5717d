"""Markdown pages made by recombining lines and blocks of our own pages and test corpus.

`generate(seed, count)` cuts the site's pages (docs/*/*.md) and the hand-written corpus
(markdown_corpus/*.md) into lines and blocks, and puts them together again with the
constructs on which a Markdown reader and Python-Markdown most easily disagree: tables,
abbreviations, definition lists, admonitions, fences, raw HTML, setext and ATX headings in
every form, attribute lists, lists, quotes, tabs, front matter, byte order marks, CRLF. Pieces
are joined with and without blank lines between them and nested in one another, so that
interactions nobody wrote by hand arise.

The same seed and the same source pages give the same pages, byte for byte. Each page is
small (at most 60 lines) and builds without a warning under `mkdocs build --strict`: links to
other pages are pointed at the corpus's first page, which always exists.
Standard library only.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SOURCES = (*sorted(ROOT.glob("docs/*/*.md")), *sorted(HERE.glob("markdown_corpus/*.md")))
MAX_LINES = 60
FIRST_PAGE = "page-0000.md"

# A relative link to a Markdown page, inline or in a reference definition: links to pages
# that are not in the corpus would make a strict build fail.
PAGE_LINK = re.compile(r"(\]\(|\]:[ ]*)[^)\s#:]+\.md(?=[#)\s]|$)")
ATX_LINE = re.compile(r"^[ ]*#{1,6}[ ]+(.+?)[ ]*$")
ATTRS = re.compile(r"\s*\{:?[^{}]*\}\s*#*$")
ID_IN_ATTRS = re.compile(r"\{:?[ ]*#([\w-]+)")
SENTENCE = re.compile(r"^[A-ZÄÖa-zäö‘”(][^|{}]*$")

KINDS = ("note", "warning", "tip", "info", "danger", "example")
LANGS = ("", "python", "text", "markdown", " yaml")
FENCE_ATTRS = ("{ .python #code-id }", '{.python title="x.py"}', "{ .text }", "{: .lang #lang }")
ABBREVIATIONS = (
    ("EME", "Empowering Migrants for Employment"),
    ("TAKK", "Tampere Adult Education Centre"),
    ("NGO", "non-governmental organisation"),
)
ODD_SPACES = ("\x0c", "\x0b", "\x85", "\u2028", "\u2029", "\u00a0", "\x1e")
BLOCK_TAGS = ("div", "section", "details", "aside", "p", "article", "table")


@dataclass(frozen=True)
class Material:
    """What the pages are made of: the source pages' lines, blocks, titles, ids, sentences."""

    files: tuple[tuple[str, ...], ...]
    blocks: tuple[tuple[str, ...], ...]
    titles: tuple[str, ...]
    ids: tuple[str, ...]
    sentences: tuple[str, ...]


def read_material(sources: Sequence[Path] = SOURCES) -> Material:
    """The sources cut up, in their order: blocks are runs of non-blank lines."""
    files, blocks, titles, ids, sentences = [], [], [], [], []
    for path in sources:
        lines = tuple(path.read_text(encoding="utf-8-sig").splitlines())
        files.append(lines)
        block: list[str] = []
        for line in (*lines, ""):
            if line.strip():
                block.append(line)
            elif block:
                blocks.append(tuple(block))
                block = []
        for line in lines:
            heading = ATX_LINE.match(line)
            if heading:
                titles.append(ATTRS.sub("", heading[1]).rstrip("# ") or heading[1])
            ids.extend(ID_IN_ATTRS.findall(line))
            if SENTENCE.match(line) and len(line) > 20:
                sentences.append(line.strip())
    return Material(
        tuple(files),
        tuple(blocks),
        tuple(t for t in titles if t),
        tuple(sorted(set(ids))),
        tuple(sentences),
    )


def slug(text: str) -> str:
    """Roughly the id toc makes of a title: enough for ids that collide with headings'."""
    text = re.sub(r"<[^>]*>|[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


class PageMaker:
    """One page, piece by piece; the methods that return lines are the pieces."""

    def __init__(self, rng: random.Random, material: Material) -> None:
        self.rng = rng
        self.m = material
        self.used_titles: list[str] = []
        self.pieces: list[tuple[int, Callable[[int], list[str]]]] = [
            (14, self.real_block),
            (10, self.real_lines),
            (10, self.atx),
            (9, self.setext),
            (6, self.table),
            (5, self.abbreviation),
            (5, self.definition),
            (7, self.admonition),
            (9, self.fence),
            (8, self.html),
            (6, self.bullets),
            (3, self.quote),
            (3, self.paragraph_with_id),
            (2, self.rule),
        ]

    # --- words ---------------------------------------------------------------------------

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def pick(self, items: Sequence[T]) -> T:
        return items[self.rng.randrange(len(items))]

    def sentence(self) -> str:
        return self.pick(self.m.sentences)

    def title(self) -> str:
        """A heading's words: mostly real titles, so that slugs repeat and need deduping."""
        if self.used_titles and self.chance(0.15):
            return self.pick(self.used_titles)
        roll = self.rng.random()
        if roll < 0.6:
            text = self.pick(self.m.titles)
        elif roll < 0.8:
            words = self.sentence().split()
            text = " ".join(words[: self.rng.randint(1, 5)])
        else:
            text = self.pick(
                (
                    "**Bold** and `code`",
                    "EME in a title",
                    "A & B &amp; C",
                    "<em>Raw</em> HTML",
                    "Ends with #",
                    "Tab\tinside",
                    "[A link](#top) here",
                    "Pähkinänkuoressa",
                    "Trailing spaces   ",
                    "",
                )
            )
        self.used_titles.append(text)
        return text

    def attrs(self) -> str:
        """An attribute list after a heading's words, or none (toc then makes the id)."""
        roll = self.rng.random()
        if roll < 0.4:
            return ""
        name = self.pick(self.m.ids) if self.chance(0.8) else slug(self.pick(self.m.titles))
        return self.pick(
            (
                f" {{ #{name} }}",
                f" {{: #{name} .wide }}",
                f" {{#{name}}}",
                f"{{ #{name} }}",
                " { .wide }",
                f" {{ #{name} #other-{name} }}",
                f" {{ #{name} }} ##",
                f" {{ #{name} ",
            )
        )

    # --- pieces --------------------------------------------------------------------------

    def real_block(self, depth: int) -> list[str]:
        return list(self.pick(self.m.blocks))

    def real_lines(self, depth: int) -> list[str]:
        lines = self.pick(self.m.files)
        start = self.rng.randrange(len(lines))
        return list(lines[start : start + self.rng.randint(1, 6)])

    def atx(self, depth: int) -> list[str]:
        level = self.rng.choice((1, 2, 2, 2, 3, 3, 4, 5, 6, 7))
        hashes = "#" * level
        text = self.title()
        form = self.rng.random()
        if form < 0.55:
            line = f"{hashes} {text}{self.attrs()}"
        elif form < 0.65:
            line = f"{hashes} {text}{self.attrs()} {'#' * self.rng.randint(1, 8)}"
        elif form < 0.72:
            line = f"{hashes}{text}"  # no space after the hashes
        elif form < 0.8:
            line = f"{' ' * self.rng.randint(1, 3)}{hashes} {text}{self.attrs()}"
        elif form < 0.85:
            line = f"{hashes} {self.attrs().strip()}" if self.chance(0.5) else hashes
        elif form < 0.9:
            line = f"\\{hashes} {text}"
        elif form < 0.95:
            line = f"{self.pick(('- ', '* ', '1. ', '> ', '- [ ] ', '>'))}{hashes} {text}"
        else:
            line = f"{hashes}\t{text}{self.attrs()}"
        if self.chance(0.25):  # a paragraph line right above
            return [self.sentence(), line]
        return [line]

    def setext(self, depth: int) -> list[str]:
        text = self.title() or "Title"
        title = f"{text}{self.attrs()}"
        char = self.pick("==-")
        width = max(1, len(title) + self.rng.randint(-len(title), 3))
        underline = char * width
        roll = self.rng.random()
        if roll < 0.1:
            underline += "   "
        elif roll < 0.17:
            underline = " " * self.rng.randint(1, 3) + underline
        elif roll < 0.22:
            underline = "=-" * self.rng.randint(1, 3)
        elif roll < 0.27:
            underline = f"{char} {char} {char}"
        lines = [title, underline]
        roll = self.rng.random()
        if roll < 0.25:
            lines[:0] = [self.sentence()]  # the underline under a paragraph's last line
        elif roll < 0.35:
            lines = [f"- {self.sentence()}", f"    {title}", f"    {underline}"]
        elif roll < 0.45:
            lines = [f"> {self.sentence()}", title, underline]  # a lazy line in a quote
        elif roll < 0.5:
            lines = [f"- {title}", underline]
        return lines

    def table(self, depth: int) -> list[str]:
        columns = self.rng.randint(1, 3)
        words = [w for w in self.sentence().split() if "|" not in w]

        def row() -> str:
            cells = [self.pick(words) for _ in range(columns)]
            return "| " + " | ".join(cells) + " |"

        rule = self.pick(("| --- |", "|:---:|", "| :--- |", "|---|"))
        lines = [row(), "|" + (rule.strip("|") + "|") * columns]
        lines += [row() for _ in range(self.rng.randint(0, 3))]
        if self.chance(0.15):  # no outer pipes
            lines = [line.strip("|").strip() for line in lines]
        after = self.rng.random()
        if after < 0.25:
            lines += self.atx(depth)[-1:]
        elif after < 0.45:
            lines.append(self.pick(("===", "---", "-----", "=")))
        elif after < 0.55:
            lines += [self.title() or "Title", "==="]
        if self.chance(0.15):
            lines[:0] = [self.sentence()]
        return lines

    def abbreviation(self, depth: int) -> list[str]:
        short, long = self.pick(ABBREVIATIONS)
        definition = self.pick((f"*[{short}]: {long}", f"*[{short}]:{long}", f"*[{short}]:"))
        lines = [definition]
        roll = self.rng.random()
        if roll < 0.5:
            lines += self.setext(depth)[-2:]
        elif roll < 0.65:
            lines += self.atx(depth)[-1:]
        elif roll < 0.8:
            lines += [f"{short} {self.sentence()}"]
        if self.chance(0.3):
            lines[:0] = [self.sentence()]
        return lines

    def definition(self, depth: int) -> list[str]:
        lines = [self.title() or "Term"]
        if self.chance(0.2):
            lines.append(self.title() or "Second term")
        lines.append(self.pick((":   ", ": ", ":\t", ":    ")) + self.sentence())
        roll = self.rng.random()
        if roll < 0.2:
            lines.append(self.pick(("===", "---", "======", "- - -")))
        elif roll < 0.35:
            lines += ["", *(f"    {line}" for line in self.atx(depth))]
        elif roll < 0.45:
            lines += self.atx(depth)[-1:]
        elif roll < 0.55:
            lines.append(self.sentence())  # a lazy line
        elif roll < 0.65:
            lines += ["", "    " + (self.title() or "Title"), "    ---"]
        return lines

    def admonition(self, depth: int) -> list[str]:
        marker = self.pick(("!!!", "!!!", "???", "???+", "!!! ", "   !!!"))
        header = f"{marker} {self.pick(KINDS)}".replace("  ", " ")
        roll = self.rng.random()
        if roll < 0.5:
            header += f' "{self.title()}"'
        elif roll < 0.6:
            header += ' ""'
        body = self.body(depth + 1)
        indent = "    " if self.chance(0.9) else self.pick(("  ", "   ", "\t", "     "))
        lines = [header]
        if self.chance(0.6):
            lines.append("")
        lines += [f"{indent}{line}" if line.strip() else "" for line in body]
        return lines

    def fence(self, depth: int) -> list[str]:
        char = self.pick("``~")
        opening = char * self.rng.choice((3, 3, 3, 4, 5))
        info = self.pick(LANGS) if self.chance(0.75) else self.pick(FENCE_ATTRS)
        if info.startswith("{") and self.chance(0.5):
            info = " " + info
        inside = [self.pick((*self.atx(depth), self.sentence())) for _ in range(3)]
        if self.chance(0.3):  # a fence inside the fence
            inner = "`" * 3 if char == "~" or len(opening) > 3 else "~" * 3
            inside[1:1] = [inner, self.pick(self.atx(depth)), inner]
        if self.chance(0.2):
            inside.insert(0, "")
        roll = self.rng.random()
        if roll < 0.7:
            closing = opening
        elif roll < 0.8:
            closing = opening + char
        elif roll < 0.88:
            closing = opening[:-1]  # too short: the fence runs on
        elif roll < 0.93:
            closing = ("~" if char == "`" else "`") * 3
        else:
            closing = ""  # never closed
        lines = [opening + info, *inside]
        if closing:
            lines.append(closing)
        if self.chance(0.15):
            indent = " " * self.rng.randint(1, 4)
            lines = [indent + line for line in lines]
        if self.chance(0.15):
            lines[:0] = [self.sentence()]
        return lines

    def html(self, depth: int) -> list[str]:
        roll = self.rng.random()
        if roll < 0.15:  # a comment, on one line or several
            inside = self.atx(depth) if self.chance(0.7) else [self.sentence()]
            if self.chance(0.5):
                return ["<!--", *inside, "-->"]
            return [f"<!-- {self.sentence()} -->", *inside[-1:]]
        if roll < 0.25:  # an inline tag at the start of a line
            tag = self.pick(("span", "em", "a", "abbr", "b"))
            line = f"<{tag}>{self.sentence()}</{tag}> and more"
            return [line, *self.pick((self.atx(depth), [], ["==="], ["---"]))]
        if roll < 0.3:
            return [self.pick(("<hr>", "<hr/>", "<br>")), *self.atx(depth)]
        tag = self.pick(BLOCK_TAGS)
        markdown = self.pick(("", "", ' markdown="1"', " markdown", ' markdown="block"'))
        if tag == "p" and self.chance(0.5):
            markdown = ' markdown="span"'
        attrs = self.pick(("", ' class="box"', ' id="raw-id"'))
        body = self.body(depth + 1)
        if tag == "details":
            body[:0] = ["<summary>More</summary>"]
        blank = [""] if self.chance(0.6) else []
        lines = [f"<{tag}{attrs}{markdown}>", *blank, *body, *blank, f"</{tag}>"]
        if self.chance(0.08):
            lines.pop()  # never closed
        if self.chance(0.1):
            lines = [lines[0] + body[0], *lines[1:]] if body else lines
        return lines

    def bullets(self, depth: int) -> list[str]:
        marker = self.pick(("- ", "* ", "+ ", "1. ", "10. ", "- [ ] ", "- [x] ", "-\t"))
        lines = []
        for _ in range(self.rng.randint(1, 4)):
            lines.append(marker + self.sentence())
            if self.chance(0.2):
                lines.append("  " + self.sentence())  # continuation
            if self.chance(0.3):
                indent = self.pick(("    ", "  ", "   ", "\t", "        "))
                inner = self.pick(
                    (self.atx(depth), self.setext(depth)[-2:], self.fence(depth), [""])
                )
                lines += ([""] if self.chance(0.6) else []) + [
                    indent + line if line else "" for line in inner
                ]
            if self.chance(0.3):
                lines.append("")
        if self.chance(0.3):
            lines[:0] = [self.sentence() + ":"]
        return lines

    def quote(self, depth: int) -> list[str]:
        body = self.body(depth + 1)
        prefix = self.pick(("> ", ">", "> "))
        lines = [f"{prefix}{line}".rstrip() for line in body]
        if self.chance(0.3) and len(lines) > 1:
            lines[-1] = body[-1]  # a lazy last line
        return lines

    def paragraph_with_id(self, depth: int) -> list[str]:
        """A paragraph whose id may take the slug toc would give a heading."""
        name = slug(self.pick(self.used_titles)) if self.used_titles else self.pick(self.m.ids)
        name = name or "para"
        return [self.sentence(), self.pick((f"{{: #{name} }}", f"{{ #{name} }}", "{: .note }"))]

    def rule(self, depth: int) -> list[str]:
        return [self.pick(("---", "***", "* * *", "- - -", "___", "===", "+++"))]

    # --- pages ---------------------------------------------------------------------------

    def piece(self, depth: int) -> list[str]:
        weights = [w if depth < 2 or make not in self.nesting else 0 for w, make in self.pieces]
        make = self.rng.choices([m for _, m in self.pieces], weights)[0]
        lines = make(depth)
        if depth < 2 and self.chance(0.12):
            lines = self.wrap(lines)
        return lines

    @property
    def nesting(self) -> tuple[Callable[[int], list[str]], ...]:
        return (self.admonition, self.quote, self.html)

    def wrap(self, lines: list[str]) -> list[str]:
        """The piece inside a list item, a quote, an admonition or a definition."""
        kind = self.pick(("item", "item", "quote", "admonition", "definition", "indent"))
        if kind == "quote":
            return [f"> {line}".rstrip() for line in lines]
        if kind == "indent":
            indent = " " * self.rng.randint(1, 4)
            return [indent + line if line else "" for line in lines]
        indent = self.pick(("    ", "    ", "  ", "\t"))
        rest = [indent + line if line else "" for line in lines[1:]]
        if kind == "item":
            return [self.pick(("- ", "* ", "1. ", "- [ ] ")) + lines[0], *rest]
        if kind == "admonition":
            return [f"!!! {self.pick(KINDS)}", "", indent + lines[0], *rest]
        return [self.title() or "Term", ":   " + lines[0], *rest]

    def body(self, depth: int) -> list[str]:
        lines: list[str] = []
        for _ in range(self.rng.randint(1, 3)):
            if lines:
                lines += self.pick(([""], [""], []))
            lines += self.piece(depth)
        return lines

    def front_matter(self) -> list[str]:
        # Words that YAML reads as plain text: no `*`, `[`, `#`, `:`, quotes or backticks.
        title = re.sub(r"[^\w ,.–-]", "", self.title() or "").strip() or "Page"
        roll = self.rng.random()
        if roll < 0.5:
            lines = ["---", f"title: {title}", "description: >-", f"  {self.sentence()}", "---"]
        elif roll < 0.6:
            lines = ["---", f"title: {title}", "..."]
        elif roll < 0.67:
            lines = ["---", f"title: {title}", "tags:", "  - method", "---"]
        elif roll < 0.75:
            lines = ["---", f"title: {title}"]  # unclosed, or closed by a rule further down
        elif roll < 0.8:
            # Closed after a blank line and a heading, which YAML reads as a comment.
            lines = ["---", f"title: {title}", "", f"# {title}", "", "---"]
        elif roll < 0.85:
            lines = ["---", "---"]
        elif roll < 0.9:
            lines = ["---", self.sentence(), "---"]  # not a mapping
        elif roll < 0.95:
            lines = [f"Title: {title}", f"Summary: {self.sentence()}"]  # MultiMarkdown meta
        else:
            lines = ["---", f"title: {title}: more", "---"]  # not valid YAML
        return lines + self.pick(([""], [], ["", ""]))

    def page(self) -> list[str]:
        target = self.rng.randint(5, MAX_LINES)
        lines = self.front_matter() if self.chance(0.3) else []
        while len(lines) < target:
            if lines:
                lines += self.rng.choices(([""], [], ["", ""], ["   "]), (55, 33, 8, 4))[0]
            lines += self.piece(0)
        return lines[:MAX_LINES]


def _text(rng: random.Random, lines: list[str]) -> bytes:
    """The page's bytes: sometimes with tabs for spaces, whitespace-only lines, a byte order
    mark, CRLF or CR line ends, no line end at the end."""
    lines = [PAGE_LINK.sub(lambda m: m[1] + FIRST_PAGE, line) for line in lines]
    if rng.random() < 0.1:
        lines = [re.sub(r"^((?:    )+)", lambda m: "\t" * (len(m[1]) // 4), line) for line in lines]
    if rng.random() < 0.1:
        lines = [line or rng.choice(("", " ", "\t", "    ")) for line in lines]
    if rng.random() < 0.06 and lines:
        # No line end to MkDocs or Python-Markdown, but one to str.splitlines() (all but the
        # no-break space); toc's slugs take each for a space.
        odd = rng.choice(ODD_SPACES)
        number = rng.randrange(len(lines))
        lines[number] = lines[number].replace(" ", odd, 1) if " " in lines[number] else odd
    end = "\n"
    roll = rng.random()
    if roll < 0.06:
        end = "\r\n"
    elif roll < 0.08:
        end = "\r"
    text = end.join(lines) + ("" if rng.random() < 0.1 else end)
    if rng.random() < 0.05 and len(lines) > 2:  # one CRLF among LF line ends
        text = text.replace("\n", "\r\n", 1)
    data = text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if rng.random() < 0.06 else data


def generate(seed: int, count: int = 1000, sources: Sequence[Path] = SOURCES) -> dict[str, bytes]:
    """`count` pages, page-0000.md on, as bytes: the same for the same seed and sources."""
    rng = random.Random(seed)
    material = read_material(sources)
    pages = {}
    for number in range(count):
        maker = PageMaker(random.Random(rng.getrandbits(64)), material)
        pages[f"page-{number:04d}.md"] = _text(maker.rng, maker.page())
    return pages
