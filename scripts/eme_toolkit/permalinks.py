"""Headings' permalinks titled in the reader's language.

toc's `permalink_title` is one text for every language; each build's pages get the title of
docs/<lang>/strings.yml (`permalink_title`) instead.
"""

from __future__ import annotations

from html import escape

from eme_toolkit.context import BuildContext


def translate_permalinks(html: str, context: BuildContext, default_title: str) -> str:
    """The title of each heading's permalink (toc's permalink_title, one for all languages) in
    the reader's language, from docs/<lang>/strings.yml."""
    title = context.strings(context.current.code, ("permalink_title",))["permalink_title"]
    if title == default_title:
        return html
    return html.replace(f'title="{escape(default_title)}"', f'title="{escape(title)}"')
