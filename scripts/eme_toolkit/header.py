"""The header's site name, and a shorter one for narrow screens, in the page's language.

A long name (EME-vertaisryhmien työkalupakki) does not fit beside the header's buttons on a
phone: Material's header would cut it short. Each page's header holds both names, the short one
from `site_name_short` in docs/<lang>/strings.yml; overrides/assets/stylesheets/site.css shows
the short one on narrow screens only, and the other is not shown (nor read out) there.
"""

from __future__ import annotations

from html import escape

from eme_toolkit import internals
from eme_toolkit.context import BuildContext

STRINGS = ("site_name_short",)


def names(full: str, short: str) -> str:
    """The header's content: the full name (HTML, as the header has it), and the short one
    (text)."""
    return (
        f'<span class="eme-site-name">{full}</span>'
        f'<span class="eme-site-name-short">{escape(short, quote=False)}</span>'
    )


def short_name(context: BuildContext, code: str) -> str:
    return context.strings(code, STRINGS)["site_name_short"]


def with_short_name(html: str, context: BuildContext) -> str:
    """The built page with the short name beside the full one in its header."""
    short = short_name(context, context.current.code)
    return internals.replace_header_site_name(html, lambda full: names(full, short))
