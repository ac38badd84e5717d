"""Read the built HTML the way a reader sees it: article text, headings, links."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _Article(HTMLParser):
    """Collects the text and heading ids inside Material's `<article>`, minus permalinks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # nesting depth inside <article>; 0 means outside
        self.skip = 0  # inside a permalink or script
        self.text: list[str] = []
        self.heading_ids: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "article" or (self.depth and tag not in VOID):
            self.depth += 1
        if not self.depth:
            return
        if tag in HEADINGS and attr.get("id"):
            self.heading_ids.append((tag, attr["id"] or ""))
        if self.skip or tag in {"script", "style"} or "headerlink" in (attr.get("class") or ""):
            self.skip += 1 if tag not in VOID else 0

    def handle_endtag(self, tag: str) -> None:
        if not self.depth or tag in VOID:
            return
        self.depth -= 1
        if self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.text.append(data)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def article(path: Path) -> _Article:
    parser = _Article()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def article_text(path: Path, code: bool = True) -> str:
    """The visible text of a page's article, whitespace folded; without code if `code` is False."""
    html = path.read_text(encoding="utf-8")
    if not code:
        html = re.sub(r"<code\b.*?</code>", "", html, flags=re.S)
    parser = _Article()
    parser.feed(html)
    return normalise("".join(parser.text))


def built_page(site: Path, lang: str, md_name: str, default: str = "en") -> Path:
    """Where MkDocs writes `docs/<lang>/<md_name>` with directory URLs."""
    root = site if lang == default else site / lang
    stem = md_name.removesuffix(".md")
    return root / "index.html" if stem == "index" else root / stem / "index.html"


class _Interface(HTMLParser):
    """The words a page shows or speaks around its article: text outside `<article>` and the
    title, aria-label, placeholder and alt attributes of every element."""

    ATTRIBUTES = frozenset({"title", "aria-label", "placeholder", "alt"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0  # inside a script or style
        self.article = 0
        self.words: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip += tag in {"script", "style"}
        self.article += tag == "article"
        for name, value in attrs:
            if name in self.ATTRIBUTES and value and value.strip():
                self.words.add(normalise(value))

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in {"script", "style"}
        self.article -= tag == "article"

    def handle_data(self, data: str) -> None:
        if not self.skip and not self.article and data.strip():
            self.words.add(normalise(data))


def interface_words(path: Path) -> set[str]:
    parser = _Interface()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.words
