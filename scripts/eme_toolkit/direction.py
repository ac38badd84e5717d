"""Which way each language is written, and the page that says so.

Material writes a language's direction (`direction` in its partials/languages/<code>.html, or
in ours for a language it does not translate, theme_words.py) on the page's body only; the
html element, which screen readers, the browser's own interface and print read first, gets
it here. English blocks on a page of another direction carry their own (notices.py).
"""

from __future__ import annotations

import re

from jinja2 import Environment

from eme_toolkit import internals

HTML = re.compile(r"<html\b([^>]*)>")


def of(env: Environment, code: str) -> str:
    """The direction of language `code` as the theme has it: 'ltr' or 'rtl'."""
    found = internals.material_words(env, code, ("direction",))["direction"]
    return "rtl" if found == "rtl" else "ltr"


def mark_page(html: str, direction: str) -> str:
    """The page with `dir` on its html element, after its `lang` (replacing any `dir`)."""

    def mark(match: re.Match[str]) -> str:
        attrs = re.sub(r'\sdir="[^"]*"', "", match[1])
        lang = re.search(r'\slang="[^"]*"', attrs)
        at = lang.end() if lang else 0
        return f'<html{attrs[:at]} dir="{direction}"{attrs[at:]}>'

    return HTML.sub(mark, html, count=1)
