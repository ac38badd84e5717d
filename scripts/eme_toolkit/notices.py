"""Tell readers when a page, or part of one, is not (yet) in their language, in their language.

- A page shown in English because it is not translated yet gets a notice linking to the help
  page (the plugin's help_page option), and its text is marked as English.
- A translated page with sections not translated yet (missing, or still the English text) gets
  a notice that parts of it are in English; a section still in English is marked as English.
- A translated page with a section whose English original changed since it was marked
  translated gets a notice linking to the English page.
The words come from docs/<lang>/strings.yml; the HTML from overrides/partials/eme/notice.html.
"""

from __future__ import annotations

import itertools
import re

from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from eme_toolkit import internals
from eme_toolkit.context import BuildContext
from eme_toolkit.status import ENGLISH, OUTDATED
from eme_toolkit.strings import name_in_text

TEMPLATE = "partials/eme/notice.html"
STRINGS = (
    *(f"{kind}_{key}" for kind in ("fallback", "outdated") for key in ("title", "text", "link")),
    "partial_title",
    "partial_text",
)
HEADING = re.compile(r'<h[1-6] id="([^"]+)"')


def add_notice(html: str, page: Page, context: BuildContext) -> str:
    """The page's HTML with the notices its readers need, if any, after its title."""
    site, build = context.site, context.current
    default = site.default.code
    src_lang = internals.file_language(page.file)
    if src_lang is None or build.code == default:  # the status page, or an original
        return html
    name = internals.page_name(page.file)
    language = site.language(build.code)
    assert language is not None and build.env is not None
    s = context.strings(build.code, STRINGS)
    marks = context.marks(build.code)
    template = build.env.get_template(TEMPLATE)
    words = {
        "name": name_in_text(language.name, build.code),
        "name_lang": build.code,
        "content_dir": context.directions.get(default, "ltr"),
    }

    def notice(kind: str, title: str, text: str, link: str, **more: object) -> str:
        keys = {"title": title, "text": text, "link": link}
        return template.render(
            kind=kind,
            title=s[title],
            text=s[text],
            link_text=s[link],
            marks={part: marks.get(key) for part, key in keys.items()},
            **words,
            **more,
        )

    help_name, _, help_anchor = site.help_page.partition("#")
    help_href = build.link(help_name, page.url, help_anchor)
    head, closing, rest = html.partition("</h1>")
    if not closing:
        head, rest = "", html
    if src_lang == default:
        # Shown from English: say so in the reader's language, and mark the text as English.
        dir_ = words["content_dir"]
        head = head.replace("<h1", f'<h1 lang="{default}" dir="{dir_}"', 1)
        return (
            head
            + closing
            + notice(
                "info",
                "fallback_title",
                "fallback_text",
                "fallback_link",
                href=help_href,
                content=rest,
                content_lang=default,
            )
        )
    status = context.statuses[build.code].page(name)
    if status is None:
        return html
    english = [sid for sid, why in status.reasons.items() if why == ENGLISH]
    if english:
        rest = mark_english(rest, set(english), default, str(words["content_dir"]))
    if status.untranslated_here:
        rest = notice(
            "info", "partial_title", "partial_text", "fallback_link", href=help_href, content=rest
        )
    if status.state == OUTDATED:
        english_url = page.url.removeprefix(f"{build.code}/") or "./"
        rest = notice(
            "warning",
            "outdated_title",
            "outdated_text",
            "outdated_link",
            href=get_relative_url(english_url, page.url),
            content=rest,
        )
    return head + closing + rest


def mark_english(html: str, ids: set[str], lang: str, direction: str = "ltr") -> str:
    """Mark the sections `ids` (from their heading to the next) as text in language `lang`,
    written in `direction`,
    where a section is whole at the top of the page (not inside an admonition)."""
    parts = []
    starts = [match.start() for match in HEADING.finditer(html)] + [len(html)]
    parts.append(html[: starts[0]])
    for start, end in itertools.pairwise(starts):
        chunk = html[start:end]
        match = HEADING.match(chunk)
        balanced = chunk.count("<div") == chunk.count("</div")
        if match and match[1] in ids and balanced:
            chunk = f'<div lang="{lang}" dir="{direction}">{chunk}</div>'
        parts.append(chunk)
    return "".join(parts)
