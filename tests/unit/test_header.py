"""The header's two site names: the whole one and the short one, as text."""

from __future__ import annotations

from eme_toolkit import header


def test_names_holds_the_whole_name_as_html_and_the_short_one_as_text() -> None:
    assert header.names("A &amp; B", "A & B") == (
        '<span class="eme-site-name">A &amp; B</span>'
        '<span class="eme-site-name-short">A &amp; B</span>'
    )
