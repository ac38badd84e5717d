"""The About page: the quotes of the other language's text marked with that language, and the
editors' guide linked in the site's source repository, at the address the settings give."""

from __future__ import annotations

import re
from html import unescape

import pytest
from conftest import COMPLETE, DOCS, ROOT
from html_text import built_page, normalise
from mkdocs.config import load_config

from eme_toolkit.repository import file_base

ABOUT = "about.md"
TABLE = re.compile(r"<table>(.*?)</table>", re.S)
CELL = re.compile(r"<td>(.*?)</td>", re.S)
# A quote, in either language's quotation marks: ‘…’ (English) or ”…” (Finnish).
QUOTE = re.compile(r"‘((?:(?!’(?:\W|$)).)+)’|”([^”]+)”")
MARKED = re.compile(r'^<span lang="([a-z-]+)">([^<]*)</span>$')
TAG = re.compile(r"<[^>]+>")


def practice_text(lang: str) -> str:
    return normalise((DOCS / lang / "peer-groups.md").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", COMPLETE)
def test_quotes_of_the_other_languages_text_are_marked_with_it(built_site, lang: str) -> None:
    html = built_page(built_site, lang, ABOUT).read_text(encoding="utf-8")
    (table,) = TABLE.findall(html)
    own = practice_text(lang)
    others = {code: practice_text(code) for code in COMPLETE if code != lang}
    checked = marked = 0
    for cell in CELL.findall(table):
        for match in QUOTE.finditer(cell):
            quoted = match[1] or match[2]
            text = normalise(unescape(TAG.sub("", quoted)))
            found = [code for code, words in others.items() if text in words]
            if not found or text in own:
                assert "lang=" not in quoted, (lang, quoted)  # the page's own language
                continue
            span = MARKED.match(quoted)
            assert span and span[1] in found and unescape(span[2]) == text, (lang, quoted)
            checked += 1
            marked += 1
    assert checked >= 4 and marked == checked


@pytest.mark.parametrize("lang", COMPLETE)
def test_the_editors_guide_is_a_link_to_the_file_in_the_repository(built_site, lang: str) -> None:
    html = built_page(built_site, lang, ABOUT).read_text(encoding="utf-8")
    config = load_config(str(ROOT / "mkdocs.yml"))
    base = file_base(config.edit_uri, config.repo_url)
    assert base and base.startswith("https://github.com/")
    link = f'<a href="{base}CONTRIBUTING.md"'
    assert link in html and (ROOT / "CONTRIBUTING.md").is_file()
    assert re.search(re.escape(link) + r"[^>]*>CONTRIBUTING\.md</a>", html)
    assert "repository:" not in html


LINK = re.compile(r"\]\(repository:([^)#\s]*)")


def test_each_link_to_the_repository_leads_to_one_of_its_files() -> None:
    found = 0
    for page in sorted(DOCS.rglob("*.md")):
        for path in LINK.findall(page.read_text(encoding="utf-8")):
            assert (ROOT / path).is_file(), f"{page.relative_to(ROOT)}: repository:{path}"
            found += 1
    assert found >= 2
