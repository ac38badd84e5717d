"""Languages written right to left (ADDED has one): the page, its header and menus, the 404
and status pages mirrored; English blocks on them left to right; names and mixed phrases
isolated, in the notices, the selector, the status page and the print line."""

from __future__ import annotations

import pytest

from .conftest import LANGUAGES, Reader, Site

RTL = [code for code in LANGUAGES if code in ("ar", "fa", "he", "ur")]
LTR = [code for code in LANGUAGES if code not in RTL]


def test_the_browser_tests_have_a_right_to_left_language() -> None:
    assert RTL and LTR


def direction(reader: Reader, selector: str) -> str:
    return reader.page.locator(selector).first.evaluate("e => getComputedStyle(e).direction")


def logo_is_at_the_start(reader: Reader, rtl: bool) -> bool:
    """Material's header: the logo at the start of the line, search towards its end."""
    logo = reader.page.locator(".md-header__button.md-logo").bounding_box()
    search = reader.page.locator(".md-header__option, .md-search").first.bounding_box()
    assert logo and search
    return logo["x"] > search["x"] if rtl else logo["x"] < search["x"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_page_is_laid_out_in_its_languages_direction(reader: Reader, lang: str) -> None:
    rtl = lang in RTL
    expected = "rtl" if rtl else "ltr"
    reader.open(lang, "peer-groups/")
    assert reader.page.get_attribute("html", "dir") == expected
    for selector in ("html", "body", ".md-header", ".md-sidebar--primary"):
        assert direction(reader, selector) == expected, selector
    assert logo_is_at_the_start(reader, rtl)
    # The English text a language in progress shows is left to right, whatever the page's.
    for block in reader.page.locator("article [lang=en]").all():
        assert block.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert not reader.errors


@pytest.mark.parametrize("lang", RTL)
def test_the_404_page_of_a_right_to_left_language_is_mirrored(
    reader: Reader, site: Site, lang: str
) -> None:
    response = reader.page.goto(site.page_url(lang, "no-such-page/"))
    assert response is not None and response.status == 404
    assert reader.page.get_attribute("html", "dir") == "rtl"
    for selector in ("body", ".md-header", ".site-not-found:visible"):
        assert direction(reader, selector) == "rtl", selector
    assert logo_is_at_the_start(reader, rtl=True)
    # And back: the 404 page of a left-to-right language is not mirrored.
    reader.page.goto(site.page_url(LTR[-1], "no-such-page/"))
    assert direction(reader, "body") == "ltr" and logo_is_at_the_start(reader, rtl=False)


@pytest.mark.parametrize("lang", RTL)
def test_the_status_page_of_a_right_to_left_language_keeps_each_phrase_whole(
    reader: Reader, lang: str
) -> None:
    reader.open(lang, "status/")
    assert direction(reader, "article") == "rtl"
    row = reader.page.locator(f"td:has(bdi[lang={lang}])")
    # The language's name, then its kind in brackets, each isolated: "(in progress)" whole.
    parts = row.locator("bdi").all()
    assert [p.evaluate("e => getComputedStyle(e).unicodeBidi") for p in parts] == ["isolate"] * 2
    assert parts[1].inner_text().startswith("(") and parts[1].inner_text().endswith(")")
    assert parts[1].evaluate("e => getComputedStyle(e).direction") == "ltr"  # English words
    # Numbers line up at the end of their column: the left, on a right-to-left page.
    number = reader.page.locator("td.eme-number").first
    assert number.evaluate("e => getComputedStyle(e).textAlign") == "end"


@pytest.mark.parametrize("lang", RTL)
def test_names_in_notices_selector_and_print_line_are_isolated(reader: Reader, lang: str) -> None:
    reader.open(lang, "about/")
    notice = reader.page.locator(".translation-notice p:not(.admonition-title)").first
    name = notice.locator(f"bdi[lang={lang}]")
    assert name.count() == 1 and notice.evaluate("e => getComputedStyle(e).direction") == "ltr"
    # The English sentence keeps its full stop at its end, after the name, not at the start.
    stop, after_name = notice.evaluate(
        """p => { const name = p.querySelector("bdi"), text = name.nextSibling;
                  const range = document.createRange(), at = text.textContent.lastIndexOf(".");
                  range.setStart(text, at); range.setEnd(text, at + 1);
                  return [range.getBoundingClientRect().x, name.getBoundingClientRect().right]; }"""
    )
    assert stop > after_name
    for link in reader.page.locator(".md-select__link").all():
        assert link.evaluate("e => getComputedStyle(e).unicodeBidi") == "isolate"
    line = reader.page.locator(".eme-print-source")
    assert (
        line.locator("bdi[dir=ltr]").count() == 1 and line.locator(f"bdi[lang={lang}]").count() == 1
    )


@pytest.mark.parametrize("lang", RTL)
def test_the_printed_handout_of_a_right_to_left_language_runs_right_to_left(
    reader: Reader, lang: str
) -> None:
    reader.open(lang, "plan/")
    reader.page.emulate_media(media="print")
    assert direction(reader, "body") == "rtl"
    assert direction(reader, "article") == "rtl"
    # Its English checklist, left to right inside the right-to-left handout.
    assert direction(reader, "article [lang=en]") == "ltr"
