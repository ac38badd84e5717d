"""The built site's print addresses: each link's, decoded and absolute, and each page's own."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin

import pytest
from conftest import DEFAULT, DOCS, LANGUAGES, SITE

from eme_toolkit.strings import load_strings

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
LINK = re.compile(r"<a\b([^>]*)>")
ATTR = re.compile(r'([\w-]+)="([^"]*)"')


def pages(built_site: Path, lang: str) -> list[Path]:
    folder = built_site / SITE.folder(lang)
    others = {SITE.folder(code).strip("/") for code in LANGUAGES if code != lang} - {""}
    return [
        page
        for page in sorted(folder.rglob("index.html"))
        if page.relative_to(folder).parts[0] not in others | {"search"}
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_link_that_leaves_the_page_carries_its_readable_address(
    built_site: Path, lang: str
) -> None:
    marked = non_ascii = 0
    for page in pages(built_site, lang):
        html = page.read_text(encoding="utf-8")
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)
        article = ARTICLE.search(html)
        assert canonical and article, page
        for attrs in LINK.findall(article[1]):
            attr = {name: unescape(value) for name, value in ATTR.findall(attrs)}
            target = urljoin(canonical[1], attr["href"])
            within = urldefrag(target).url == urldefrag(canonical[1]).url
            if within:
                assert "data-print-href" not in attr, (page, attrs)
                continue
            assert attr.get("data-print-href") == unquote(target), (page, attrs)
            marked += 1
            non_ascii += not attr["data-print-href"].isascii()
    assert marked > 10
    if lang == "fi":  # the tag links (vertaisryhmä), which a browser shows as %C3%A4
        assert non_ascii, "no Finnish address with ä or ö"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_page_has_a_print_line_under_its_title(built_site: Path, lang: str) -> None:
    template = load_strings(DOCS, lang, DEFAULT)["print_source"]
    language = SITE.language(lang)
    assert language is not None
    for page in pages(built_site, lang):
        html = page.read_text(encoding="utf-8")
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)
        assert canonical, page
        # The address and the language's name isolated from the words around them.
        line = template.replace("{address}", f'<bdi dir="ltr">{unquote(canonical[1])}</bdi>')
        line = line.replace("{language}", f'<bdi lang="{lang}">{language.name}</bdi>')
        english = (
            lang != DEFAULT and template == load_strings(DOCS, DEFAULT, DEFAULT)["print_source"]
        )
        mark = f' lang="{DEFAULT}" dir="ltr"' if english else ""
        shown = f'</h1><p class="eme-print-source" data-search-exclude{mark}>{line}</p>'
        assert shown in html, page


def test_search_does_not_index_the_print_line(built_site: Path) -> None:
    for lang in LANGUAGES:
        index = (built_site / SITE.folder(lang) / "search" / "search_index.json").read_text("utf-8")
        words = load_strings(DOCS, lang, DEFAULT)["print_source"].split("{address}")[0].strip()
        assert words and words not in index, lang


PRINT_BUTTON = re.compile(
    r'<p class="eme-print-source" data-search-exclude[^>]*>.*?</p>'
    r'<p class="eme-print-actions" data-search-exclude hidden>\s*'
    r'<button type="button" class="md-button eme-print"[^>]*>([^<]*)</button>\s*</p>'
)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_pages_named_for_it_have_a_print_button_in_their_language(
    built_site: Path, lang: str
) -> None:
    """Under the print-only line, hidden until print.js shows it, kept out of search."""
    words = load_strings(DOCS, lang, DEFAULT)["print_button"]
    named = {page.removesuffix(".md").removesuffix("index") for page in SITE.print_pages}
    assert named >= {"peer-groups", "plan"}, named
    folder = built_site / SITE.folder(lang)
    for page in pages(built_site, lang):
        html = page.read_text(encoding="utf-8")
        address = page.parent.relative_to(folder).as_posix().removesuffix(".")
        buttons = PRINT_BUTTON.findall(html)
        script = re.search(r'<script src="[./]*assets/javascripts/print\.js">', html)
        if address in named:
            assert buttons == [words] and script, page
        else:
            assert not buttons and not script and "eme-print-actions" not in html, page
    index = (folder / "search" / "search_index.json").read_text(encoding="utf-8")
    assert not re.search(rf"\b{re.escape(words)}\b", index), words
