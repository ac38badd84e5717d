"""Our Markdown reader against MkDocs itself: the same headings, levels and ids.

Each page of markdown_corpus/ is a tricky case (fences, raw HTML, setext headings, admonitions,
tabs, a byte order mark…). They are built once, strictly, with the real site's
markdown_extensions and the plain `mkdocs` theme; for each page, the sections that
eme_toolkit.page reads must be exactly the h1–h6 in the page's content, in order, with
the same level and id.
"""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import read_page

from eme_toolkit.yamlfile import parse

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent / "markdown_corpus"
PAGES = sorted(path.name for path in CORPUS.glob("*.md"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus built once by MkDocs, as the real site would render it."""
    project = tmp_path_factory.mktemp("markdown_corpus")
    docs = project / "docs"
    docs.mkdir()
    for name in PAGES:
        (docs / name).write_bytes((CORPUS / name).read_bytes())
    real = parse((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert isinstance(real, dict)
    config = {
        "site_name": "Markdown corpus",
        "docs_dir": "docs",
        "use_directory_urls": False,
        "theme": {"name": "mkdocs"},
        "plugins": [],
        "markdown_extensions": real["markdown_extensions"],
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "site"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


class ContentHeadings(HTMLParser):
    """(level, id) of each h1–h6 inside the theme's main content, `<div role="main">`."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[int, str | None]] = []
        self.depth = 0  # open divs inside the content; 0 outside it

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "div" and (self.depth or ("role", "main") in attrs):
            self.depth += 1
        elif self.depth and len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.headings.append((int(tag[1]), dict(attrs).get("id")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self.depth:
            self.depth -= 1


def built_headings(site: Path, name: str) -> list[tuple[int, str | None]]:
    parser = ContentHeadings()
    parser.feed((site / name.replace(".md", ".html")).read_text(encoding="utf-8"))
    return parser.headings


def test_the_corpus_covers_the_tricky_cases() -> None:
    assert len(PAGES) >= 10
    assert (CORPUS / "bom.md").read_bytes().startswith(b"\xef\xbb\xbf")
    assert b"\t" in (CORPUS / "tabs.md").read_bytes()


@pytest.mark.parametrize("name", PAGES)
def test_our_sections_are_the_headings_mkdocs_renders(site: Path, name: str) -> None:
    ours = [(s.level, s.anchor) for s in read_page(CORPUS / name).sections if s.level]
    assert ours == built_headings(site, name)
    assert ours, "each corpus page has headings"
