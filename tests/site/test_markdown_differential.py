"""Our Markdown reader against MkDocs itself: the same headings, levels, ids and lines.

The pages are the hand-written tricky cases of markdown_corpus/ (fences, raw HTML, setext
headings, admonitions, tabs, a byte order mark…) and a thousand more that markdown_pages.py
makes from the lines and blocks of our own pages and of that corpus, from one seed. They are
built once, strictly, with the real site's markdown_extensions and the plain `mkdocs` theme;
for each page, the sections that eme_toolkit.page reads must be exactly the h1–h6 in the
page's content, in order, with the same level and id, and each must start on its heading's
line. Every page that disagrees is reported in one failure.

EME_CORPUS_SEED=<number> makes the pages from another seed; the failure names the seed and the
folder that holds the pages.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import read_page
from markdown_pages import FIRST_PAGE, generate
from mkdocs.utils.meta import get_data

from eme_toolkit.page import Page, PageError
from eme_toolkit.yamlfile import parse

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent / "markdown_corpus"
HAND_WRITTEN = sorted(path.name for path in CORPUS.glob("*.md"))
SEED = int(os.environ.get("EME_CORPUS_SEED", "2024"))
COUNT = 1000
SHOWN = 10  # mismatching pages shown in full in a failure; the rest are counted

# What may come before a heading's `#` on its line: indentation, quote and list markers.
CONTAINER_PREFIX = re.compile(r"[ \t]*(?:>|[-*+:](?=[ \t])|\d+[.)](?=[ \t]))")
QUOTE_PREFIX = re.compile(r"^(?:[ \t]*>)+")
SETEXT_UNDERLINE = re.compile(r"[=-]+[ ]*")
FRONT_MATTER_OPEN = re.compile(r"---[ \t]*(?:\n|$)")


@cache
def generated() -> dict[str, bytes]:
    return generate(SEED, COUNT)


@dataclass(frozen=True)
class Heading:
    level: int
    id: str | None
    text: str

    def __str__(self) -> str:
        return f"h{self.level}#{self.id}"


class Headings(HTMLParser):
    """Each h1–h6 in the HTML fed, with its words less the permalink's."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[Heading] = []
        self.heading: tuple[int, str | None, list[str]] | None = None
        self.permalink = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.heading = (int(tag[1]), dict(attrs).get("id"), [])
        elif self.heading and tag == "a" and ("class", "headerlink") in attrs:
            self.permalink = True

    def handle_endtag(self, tag: str) -> None:
        if self.heading and tag == f"h{self.heading[0]}":
            level, heading_id, words = self.heading
            self.headings.append(Heading(level, heading_id, "".join(words).strip()))
            self.heading = None
        elif tag == "a":
            self.permalink = False

    def handle_data(self, data: str) -> None:
        if self.heading and not self.permalink:
            self.heading[2].append(data)


def content_headings(html: str) -> list[Heading]:
    """The headings of the page's content: what the `mkdocs` theme puts between its
    `<div role="main">` and its footer. The content's own raw HTML may leave divs open or
    close more than it opens, so the divs are not counted."""
    start = html.index('<div class="col-md-9" role="main">')
    parser = Headings()
    parser.feed(html[start : html.rindex('<footer class="col-md-12">')])
    parser.close()
    return parser.headings


@dataclass
class Reading:
    """A page as MkDocs built it and as read_page reads it."""

    name: str
    lines: list[str]  # the file's lines, as read_page numbers them
    built: list[Heading]
    refusable: bool  # opens a front matter that MkDocs does not read
    page: Page | None = None
    error: Exception | None = None  # what read_page raised instead
    sections: list[Heading] = field(default_factory=list)  # with the reader's ids
    section_lines: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Corpus:
    docs: Path
    readings: list[Reading]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """Every page built once by MkDocs, as the real site would render it, and read once."""
    project = tmp_path_factory.mktemp("markdown_corpus")
    docs = project / "docs"
    docs.mkdir()
    for name in HAND_WRITTEN:
        (docs / name).write_bytes((CORPUS / name).read_bytes())
    for name, data in generated().items():
        (docs / name).write_bytes(data)
    real = parse((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert isinstance(real, dict)
    config = {
        "site_name": "Markdown corpus",
        "docs_dir": "docs",
        "use_directory_urls": False,
        "theme": {"name": "mkdocs"},
        "plugins": [],
        "markdown_extensions": real["markdown_extensions"],
        # A one-page menu: with every page in it, each page would list a thousand, which
        # makes the build several times slower. The other pages are built all the same.
        "nav": [FIRST_PAGE],
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, (
        f"seed {SEED}: pages in {docs} do not build strictly:\n{result.stdout}{result.stderr}"
    )
    names = [*HAND_WRITTEN, *generated()]
    return Corpus(docs, [_read(docs, project / "site", name) for name in names])


def _read(docs: Path, site: Path, name: str) -> Reading:
    built = content_headings((site / name.replace(".md", ".html")).read_text(encoding="utf-8"))
    path = docs / name
    text = path.read_text(encoding="utf-8-sig")  # as MkDocs reads it: newlines made \n
    reading = Reading(name, text.split("\n"), built, _unread_front_matter(text))
    try:
        reading.page = read_page(path)
    except Exception as error:  # every page is reported, whatever one of them raises
        reading.error = error
        return reading
    for section in reading.page.sections:
        if section.level:
            reading.sections.append(Heading(section.level, section.anchor, section.title))
            reading.section_lines.append(section.line)
    return reading


def _unread_front_matter(text: str) -> bool:
    """Whether the page opens a front matter that MkDocs does not read (it is not a closed
    YAML mapping), rendering the page as it is: there read_page may refuse the page
    (PageError) and name the line to fix."""
    return bool(FRONT_MATTER_OPEN.match(text)) and get_data(text)[0] == text


# --- reports ----------------------------------------------------------------------------------


def _excerpt(lines: list[str], line: int, around: int = 3) -> str:
    """The page's lines around `line` (1-based), that one marked."""
    start, stop = max(1, line - around), min(len(lines), line + around)
    return "\n".join(
        f"  {'>' if number == line else ' '}{number:4d} | {lines[number - 1]!r}"
        for number in range(start, stop + 1)
    )


def _report(corpus: Corpus, what: str, problems: list[tuple[Reading, str, int]]) -> str:
    """One message for all: the count, then the first pages with where they go wrong."""
    total = len(corpus.readings)
    head = (
        f"{len(problems)} of {total} pages: {what} (seed {SEED}, pages in {corpus.docs}; "
        "EME_CORPUS_SEED=<number> tries another seed)"
    )
    shown = [
        f"{reading.name}: {detail}\n{_excerpt(reading.lines, line)}"
        for reading, detail, line in problems[:SHOWN]
    ]
    more = [f"… and {len(problems) - SHOWN} more pages"] if len(problems) > SHOWN else []
    return "\n\n".join([head, *shown, *more])


def _line_of(reading: Reading, heading: Heading, after: int) -> int | None:
    """The first line after `after` that holds the heading's first word (or its text)."""
    word = re.search(r"\w+", heading.text)
    needle = word[0] if word else heading.text
    for number in range(after + 1, len(reading.lines) + 1):
        if needle and needle in reading.lines[number - 1]:
            return number
    return None


def _heading_problem(reading: Reading) -> tuple[str, int] | None:
    if reading.error:
        if reading.refusable and isinstance(reading.error, PageError):
            return None
        return f"read_page raised {type(reading.error).__name__}: {reading.error}", 1
    built = [(h.level, h.id) for h in reading.built]
    ours = [(h.level, h.id) for h in reading.sections]
    if built == ours:
        return None
    first = next(
        (i for i, pair in enumerate(zip(built, ours, strict=False)) if pair[0] != pair[1]),
        min(len(built), len(ours)),
    )
    # The excerpt starts at the first of: the reader's section, the line with MkDocs' heading.
    previous = reading.section_lines[first - 1] if first else 0
    lines = [reading.section_lines[first]] if first < len(ours) else []
    if first < len(built) and (line := _line_of(reading, reading.built[first], previous)):
        lines.append(line)
    line = min(lines, default=max(previous, 1))
    expected = str(reading.built[first]) if first < len(built) else "no more headings"
    expected += f" {reading.built[first].text!r}" if first < len(built) else ""
    found = str(reading.sections[first]) if first < len(ours) else "no more sections"
    detail = (
        f"\n  MkDocs:    {' '.join(map(str, reading.built)) or '(no headings)'}"
        f"\n  read_page: {' '.join(map(str, reading.sections)) or '(no sections)'}"
        f"\n  first difference, heading {first + 1}: MkDocs {expected}, read_page {found}"
    )
    return detail, line


def _line_problem(reading: Reading) -> tuple[str, int] | None:
    """Where a section's line is not its heading's: an ATX line of as many `#` as its level,
    or a setext title over its `=` (level 1) or `-` (level 2) underline. Either may be: a
    line ` # words` over `---`, one space in, is a setext heading in Python-Markdown. Two more
    kinds of heading start elsewhere: md_in_html reads the Markdown after a block's tag on the
    tag's line (`<div markdown>## Words`), and a fenced block right above an underline is the
    heading's text (superfences leaves one line in its place), from the line the fence opens."""
    paired = [(h.level, h.id) for h in reading.built] == [(h.level, h.id) for h in reading.sections]
    for index, (section, line) in enumerate(
        zip(reading.sections, reading.section_lines, strict=True)
    ):
        if not 1 <= line <= len(reading.lines):
            return f"{section} on line {line}, which the page does not have", 1
        if index and line <= reading.section_lines[index - 1]:
            return f"{section} on line {line}, not below the section before it", line
        text = _content(reading.lines[line - 1])
        if (after_tag := HTML_THEN_MARKDOWN.search(text)) and min(len(after_tag[1]), 6) == (
            section.level
        ):
            continue
        if _fenced_heading(reading.lines, line, section.level):
            continue
        hashes = len(text) - len(text.lstrip("#"))
        below = reading.lines[line] if line < len(reading.lines) else ""
        below = QUOTE_PREFIX.sub("", below).strip(" \t")
        atx = hashes and min(hashes, 6) == section.level
        setext = SETEXT_UNDERLINE.fullmatch(below) and "=-".index(below[0]) + 1 == section.level
        if atx or setext:
            problem = ""
        elif hashes:
            problem = f"{hashes} '#' for its level"
        else:
            problem = "neither an ATX heading nor a setext title over an underline of its level"
        # The words MkDocs renders when the headings pair up, else the reader's own title.
        # Its first or last word: an abbreviation's title can put other words first.
        words = re.findall(r"\w+", reading.built[index].text if paired else section.text)
        held = reading.lines[line - 1].replace("\\", "")
        if not problem and words and words[0] not in held and words[-1] not in held:
            problem = f"without the heading's word {words[0]!r}"
        if problem:
            return f"{section} on line {line}: {problem}", line
    return None


HTML_THEN_MARKDOWN = re.compile(r"<[a-zA-Z][^>]*>[ \t>]*(?:(?:[-*+:]|\d+[.)])[ \t]+)?(#+)")
FENCE = re.compile(r"(`{3,}|~{3,})")


def _fenced_heading(lines: list[str], line: int, level: int) -> bool:
    """Whether `line` opens a fence whose closing line stands right above an underline of the
    heading's level."""
    opening = FENCE.match(_content(lines[line - 1]))
    if opening is None:
        return False
    for below in range(line, len(lines) - 1):
        if _content(lines[below]) == opening[1]:
            underline = QUOTE_PREFIX.sub("", lines[below + 1]).strip(" \t")
            return (
                bool(SETEXT_UNDERLINE.fullmatch(underline))
                and "=-".index(underline[0]) + 1 == level
            )
    return False


def _content(line: str) -> str:
    """A line without its indentation and quote or list markers."""
    while match := CONTAINER_PREFIX.match(line):
        line = line[match.end() :]
    return line.strip(" \t")


# --- tests ------------------------------------------------------------------------------------


def test_the_corpus_covers_the_tricky_cases() -> None:
    assert len(HAND_WRITTEN) >= 10
    assert (CORPUS / "bom.md").read_bytes().startswith(b"\xef\xbb\xbf")
    assert b"\t" in (CORPUS / "tabs.md").read_bytes()

    pages = generated()
    assert len(pages) >= 1000
    assert generate(SEED, 3) == dict(list(pages.items())[:3]), "the same seed, the same pages"
    data = list(pages.values())
    texts = [page.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n") for page in data]
    # At most 60 lines apart from lone carriage returns, which end lines too.
    assert all(page.rstrip(b"\n").count(b"\n") < 60 for page in data), "small pages build fast"
    # Each construct and the known disagreements (a heading after a table, a setext heading
    # after an abbreviation, an underline under a definition), in at least one page.
    patterns = {
        "a heading right after a table": r"^\|.*\|\n#",
        "an underline right after a table": r"^\|.*\|\n[=-]+$",
        "a setext heading after an abbreviation": r"^\*\[\w+\]:.*\n.+\n[=-]+$",
        "=== under a definition": r"^:[ \t].*\n===$",
        "--- under a definition": r"^:[ \t].*\n---$",
        "a heading in an admonition": r"^(!!!|\?\?\?\+?) .*\n(\n)? {4}#",
        "nested admonitions": r"^ {4}(!!!|\?\?\?)",
        "a fence with attributes": r"^(`{3,}|~{3,}) ?\{",
        "an unclosed fence": r"^(`{3,}|~{3,}).*\n(?![\s\S]*^\1)",
        "a fence in a list item": r"^([-*+]|\d+\.) .*\n(\n)?( {4}|\t)(```|~~~)",
        "a fence in a quote": r"^> ?(```|~~~)",
        "markdown in HTML": r'^<\w+[^>]* markdown="(1|block)"',
        "an HTML comment": r"^<!--",
        "a setext heading in a list item": r"^([-*+]|\d+\.) .*\n {4}.+\n {4}[=-]+$",
        "closing hashes": r"^#+ .* #+$",
        "no space after the hashes": r"^#+[^\s#]",
        "an indented heading": r"^ {1,3}#",
        "an id on a paragraph": r"^[A-Z].*\n\{:? #",
        "front matter": r"\A---\ntitle:",
        "MultiMarkdown meta-data": r"\ATitle: ",
    }
    missing = [
        what
        for what, pattern in patterns.items()
        if not any(re.search(pattern, text, re.MULTILINE) for text in texts)
    ]
    assert any(page.startswith(b"\xef\xbb\xbf") for page in data)
    assert any(b"\r\n" in page for page in data)
    assert any("\t" in text for text in texts)
    assert any(_unread_front_matter(text) for text in texts)
    assert not missing, f"seed {SEED}: no page has {missing}"


def test_our_sections_are_the_headings_mkdocs_renders(corpus: Corpus) -> None:
    for reading in corpus.readings[: len(HAND_WRITTEN)]:
        assert reading.built, f"{reading.name}, a hand-written case, renders no heading"
    problems = [
        (reading, *problem)
        for reading in corpus.readings
        if (problem := _heading_problem(reading)) is not None
    ]
    if problems:
        pytest.fail(_report(corpus, "read_page's sections are not MkDocs' headings", problems))


def test_each_section_starts_on_its_heading_line(corpus: Corpus) -> None:
    problems = [
        (reading, *problem)
        for reading in corpus.readings
        if reading.page and (problem := _line_problem(reading)) is not None
    ]
    if problems:
        pytest.fail(_report(corpus, "a section's line is not its heading's", problems))
