"""A printed page is a handout: its links show where they lead, and it says where it lives online.

- Each link of the page's article that leads elsewhere gets its full address in data-print-href,
  which overrides/assets/stylesheets/site.css prints after the link's text. The address is
  absolute (a relative one means nothing on paper) and decoded, so a reader can type it
  (`fi/tags/#tag:menetelmä`, not `menetelm%C3%A4`). A link within the page (a section, a heading's
  permalink) gets none, nor one whose text is already its address.
- The page's own address and language make a line under its title that only the print shows,
  in the reader's language (`print_source` in docs/<lang>/strings.yml), kept out of the search
  index (Material's search skips data-search-exclude).
Both are in the built HTML, so a page prints the same without JavaScript.
- The pages that the plugin's print_button option names get a Print button under that line,
  in the reader's language (`print_button`), which overrides/assets/javascripts/print.js shows
  and the print leaves out; without scripts it stays hidden (the browser's own menu prints).
"""

from __future__ import annotations

import re
from html import escape, unescape
from urllib.parse import unquote, urldefrag, urljoin

from eme_toolkit import internals
from eme_toolkit.context import BuildContext

STRINGS = ("print_source",)
PRINT_STRINGS = ("print_button",)
PRINT_TEMPLATE = "partials/eme/print.html"
LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.S)
HREF = re.compile(r'\shref="([^"]*)"')
TAG = re.compile(r"<[^>]+>")


def readable(url: str) -> str:
    """The address as a reader types it: percent-escapes decoded (ä, not %C3%A4)."""
    return unquote(url)


def mark_links(page: str, page_url: str) -> str:
    """The built `page` with each link of its article that leaves the page (absolute
    `page_url`) marked with the readable address it leads to, for print."""
    span = internals.article_span(page)
    if span is None:
        return page
    start, end = span
    return (
        page[:start] + LINK.sub(lambda match: _mark(match, page_url), page[start:end]) + page[end:]
    )


def _mark(match: re.Match[str], page_url: str) -> str:
    attrs, text = match[1], match[2]
    href = HREF.search(attrs)
    if href is None or href[1].startswith("#") or "data-print-href" in attrs:
        return match[0]  # no address, or a section of this page (a permalink, say)
    target = urljoin(page_url, unescape(href[1]))
    if urldefrag(target).url == urldefrag(page_url).url:
        return match[0]  # a section of this page: it is on the paper already
    address = readable(target)
    if unescape(TAG.sub("", text)).strip() in (address, target):
        return match[0]  # the text is the address
    return f'<a{attrs} data-print-href="{escape(address)}">{text}</a>'


def source_line(template: str, page_url: str, language: str) -> str:
    """The print-only line that says where the page is online, and in which language."""
    return template.replace("{address}", readable(page_url)).replace("{language}", language)


def printable(name: str, context: BuildContext) -> bool:
    """Whether page `name` (its file name in its language's folder) has a Print button."""
    return name in context.site.print_pages


def add_source_line(html: str, page_url: str, context: BuildContext, button: bool = False) -> str:
    """The page's content with its print-only line under its title (Material puts a title of
    its own above a content that has none), and the Print button below it if `button`."""
    code = context.current.code
    language = context.site.language(code)
    assert language is not None
    template = context.strings(code, STRINGS)["print_source"]
    mark = context.marks(code).get("print_source")
    attrs = f' lang="{mark["lang"]}" dir="{mark["dir"]}"' if mark else ""
    # The address (written left to right) and the language's name are isolated from the words
    # around them, so that a right-to-left line keeps them whole and its stops in place.
    parts = {
        "{address}": f'<bdi dir="ltr">{escape(readable(page_url), quote=False)}</bdi>',
        "{language}": f'<bdi lang="{code}">{escape(language.name, quote=False)}</bdi>',
    }
    line = "".join(
        parts.get(piece) or escape(piece, quote=False)
        for piece in re.split(r"(\{address\}|\{language\})", template)
    )
    shown = f'<p class="eme-print-source" data-search-exclude{attrs}>{line}</p>'
    if button:
        env = context.current.env
        assert env is not None
        words = context.strings(code, PRINT_STRINGS)["print_button"]
        mark = context.marks(code).get("print_button")  # still English: marked so
        shown += env.get_template(PRINT_TEMPLATE).render(words=words, mark=mark)
    head, closing, rest = html.partition("</h1>")
    if not closing:
        return shown + html
    return head + closing + shown + rest
