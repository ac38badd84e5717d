"""Tell readers when a page is not (yet) in their language, in their language.

- A page shown in English because it is not translated yet gets a notice linking to the help
  page (the plugin's help_page option), and its text is marked as English.
- A translated page whose English original changed since it was marked translated gets a
  notice linking to the English page.
The words come from docs/<lang>/strings.yml; the HTML from overrides/partials/eme/notice.html.
"""

from __future__ import annotations

from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from eme_toolkit.context import BuildContext
from eme_toolkit.status import OUTDATED
from eme_toolkit.status_page import PAGE as STATUS_PAGE
from eme_toolkit.status_page import link, split

TEMPLATE = "partials/eme/notice.html"
STRINGS = tuple(
    f"{kind}_{key}" for kind in ("fallback", "outdated") for key in ("title", "text", "link")
)


def add_notice(html: str, page: Page, context: BuildContext) -> str:
    """The page's HTML with the notice its readers need, if any, after its title."""
    site, build = context.site, context.current
    default = site.default.code
    src_lang, name = split(page.file.src_uri, {lang.code for lang in site.languages})
    if src_lang is None or name == STATUS_PAGE or build.code == default:
        return html
    language = site.language(build.code)
    assert language is not None and build.env is not None
    s = context.strings(build.code, STRINGS)
    template = build.env.get_template(TEMPLATE)
    head, closing, rest = html.partition("</h1>")
    if not closing:
        head, rest = "", html
    if src_lang == default:
        # Shown from English: say so in the reader's language, and mark the text as English.
        help_name, _, help_anchor = site.help_page.partition("#")
        head = head.replace("<h1", f'<h1 lang="{default}"', 1)
        return (
            head
            + closing
            + template.render(
                kind="info",
                title=s["fallback_title"],
                text=s["fallback_text"].replace("{language}", language.name),
                link_text=s["fallback_link"],
                href=link(build, help_name, page.url, help_anchor),
                content=rest,
                content_lang=default,
            )
        )
    status = next((p for p in context.statuses[build.code].pages if p.name == name), None)
    if status is None or status.state != OUTDATED:
        return html
    english_url = page.url.removeprefix(f"{build.code}/") or "./"
    return (
        head
        + closing
        + template.render(
            kind="warning",
            title=s["outdated_title"],
            text=s["outdated_text"],
            link_text=s["outdated_link"],
            href=get_relative_url(english_url, page.url),
            content=rest,
        )
    )
