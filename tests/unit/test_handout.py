"""handout: the addresses a printed page shows for its links and for itself."""

from __future__ import annotations

from eme_toolkit.handout import mark_links, source_line

PAGE = "https://example.org/toolkit/fi/peer-groups/"


def article(body: str) -> str:
    return (
        '<a href="../">header</a><article class="md-content__inner md-typeset">'
        f"{body}</article><a href='x/'>footer</a>"
    )


def test_a_link_to_another_page_shows_its_full_decoded_address() -> None:
    marked = mark_links(article('<a href="../tags/#tag:vertaisryhm%C3%A4">tag</a>'), PAGE)
    assert (
        '<a href="../tags/#tag:vertaisryhm%C3%A4" '
        'data-print-href="https://example.org/toolkit/fi/tags/#tag:vertaisryhmä">tag</a>'
    ) in marked


def test_links_within_the_page_and_outside_the_article_show_none() -> None:
    body = (
        '<a class="headerlink" href="#why">¶</a><a href="#outcomes">Outcomes</a>'
        '<a href="./#quotes">Quotes</a><a href="../peer-groups/">this page</a>'
    )
    page = article(body)
    assert mark_links(page, PAGE) == page


def test_a_link_whose_text_is_its_address_shows_it_once() -> None:
    page = article('<a href="https://example.org/a%C3%A4">https://example.org/aä</a>')
    assert mark_links(page, PAGE) == page


def test_an_external_address_is_kept_and_escaped_for_html() -> None:
    marked = mark_links(article('<a href="https://example.org/?a=1&amp;b=2">x</a>'), PAGE)
    assert 'data-print-href="https://example.org/?a=1&amp;b=2"' in marked


def test_the_source_line_names_the_decoded_address_and_the_language() -> None:
    line = source_line("Tämä sivu verkossa: {address} · {language}", PAGE + "%C3%A4/", "Suomi")
    assert line == "Tämä sivu verkossa: https://example.org/toolkit/fi/peer-groups/ä/ · Suomi"
