"""The translation status page, generated in every language (status.md needs no file).

Its title is Markdown, so that it is the page's title and heading; its body comes from the
template overrides/partials/eme/status.html, in place of a marker comment.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from eme_toolkit import internals
from eme_toolkit.context import BuildContext
from eme_toolkit.page import Page
from eme_toolkit.status import OUTDATED, TRANSLATED, UNTRANSLATED

PAGE = "status.md"
TEMPLATE = "partials/eme/status.html"
MARKER = "<!-- eme-toolkit:status -->"
STRINGS = (
    "status_title",
    "status_intro",
    "status_language",
    "status_percent",
    "status_pages",
    "status_sections",
    "status_outdated",
    "status_missing",
    "status_original",
    "status_complete",
    "status_in_progress",
    "status_details",
    "status_missing_pages",
    "status_partial_pages",
    "status_outdated_pages",
    "status_all_done",
    "status_help",
    "status_entries",
)


def src_uri(lang: str, default: str) -> str:
    """Where the status page sits: the default language at the site root, as static-i18n does."""
    return PAGE if lang == default else f"{lang}/{PAGE}"


def url(config: MkDocsConfig, lang: str, default: str) -> str:
    return File.generated(config, src_uri(lang, default), content="").url


def urls(config: MkDocsConfig, codes: list[str], default: str) -> dict[str, str]:
    """The status page's URL in each language."""
    return {code: url(config, code, default) for code in codes}


def add_page(files: Files, config: MkDocsConfig, context: BuildContext) -> None:
    """Record this language's page URLs and add its status page to the build's files."""
    site, build = context.site, context.current
    default = site.default.code
    for file in files.documentation_pages():
        name = internals.page_name(file)
        build.urls[name] = file.url
        if name == PAGE:
            raise PluginError(
                f"{site.display(site.docs_dir / file.src_uri)}: {PAGE} is the generated "
                "translation status page: rename this page"
            )
    title = context.strings(build.code, STRINGS)["status_title"]
    english = "status_title" in context.untranslated(build.code)
    mark = context.english(build.code) if english else None
    page = File.generated(config, generated_uri(build.code), content=markdown(title, mark))
    # The default language lives at the site root, as the i18n plugin places its pages.
    page.dest_uri = File.generated(config, src_uri(build.code, default), content="").dest_uri
    page.url = url(config, build.code, default)
    build.urls[PAGE] = page.url
    files.append(page)


def markdown(title: str, mark: dict[str, str] | None = None) -> str:
    """The page's Markdown: its title, marked with `mark` (lang and dir) when still English."""
    quoted = '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    escaped = title.replace("<", "&lt;").replace("{", "&#123;")
    attrs = f' lang="{mark["lang"]}" dir="{mark["dir"]}"' if mark else ""
    # Editors reach the page from the footer and About; readers' search leaves it out.
    return (
        f"---\ntitle: {quoted}\nsearch:\n  exclude: true\n---\n\n"
        f"# {escaped} {{ #status{attrs} }}\n\n{MARKER}\n"
    )


def generated_uri(lang: str) -> str:
    """The status page's own source path: in the language's folder, as no page of it is."""
    return f"{lang}/{PAGE}"


def is_status_page(src_uri: str, context: BuildContext) -> bool:
    return src_uri == generated_uri(context.current.code)


def page_title(context: BuildContext, lang: str, name: str) -> str:
    for code in (lang, context.site.default.code):
        page = context.docs.pages(code).get(name)
        if isinstance(page, Page):
            title = page.front_matter.get("title")
            if isinstance(title, str):
                return title
            if page.sections:
                return page.sections[0].title.split("{")[0].strip()
    return name


def body(context: BuildContext) -> str:
    """The page's body in this build's language, from the template."""
    site, build = context.site, context.current
    lang = build.code
    s = context.strings(lang, STRINGS)
    here = site.language(lang)
    assert here is not None and build.env is not None
    marks = context.marks(lang)
    kinds = {"complete": "status_complete", "in progress": "status_in_progress"}
    rows = []
    for language in site.languages:
        st = context.statuses[language.code]
        kind = "status_original" if language.default else kinds[language.kind]
        rows.append(
            {
                "code": language.code,
                "name": language.name,
                "dir": context.directions.get(language.code, "ltr"),
                "kind": s[kind],
                "kind_mark": marks.get(kind),
                "percent": st.percent,
                "pages": f"{st.count_pages(TRANSLATED)}/{len(st.pages)}",
                "sections": f"{st.count_sections(TRANSLATED)}/{st.total_sections}",
                "outdated": st.count_sections(OUTDATED),
                "missing": st.count_sections(UNTRANSLATED),
                # The entries of the language's PO files, as a translation tool counts them.
                "entries": f"{st.entries.get('translated', 0)}/{sum(st.entries.values())}",
            }
        )
    here_url = build.urls[PAGE]

    def pages(state: str, partly: bool = False) -> list[dict[str, Any]]:
        return [
            {
                "title": page_title(context, lang, p.name),
                "href": build.link(p.name, here_url),
                # A title still in English: marked as such on another language's page.
                "mark": context.english(lang) if p.missing else None,
            }
            for p in context.statuses[lang].pages
            if p.state == state and p.partly == partly
        ]

    help_name, _, help_anchor = site.help_page.partition("#")
    return build.env.get_template(TEMPLATE).render(
        s=s,
        rows=rows,
        here=here.name,
        here_lang=lang,
        missing=pages(UNTRANSLATED),
        partly=pages(UNTRANSLATED, partly=True),
        outdated=pages(OUTDATED),
        marks=marks,
        help_href=build.link(help_name, here_url, help_anchor),
    )


def alternates(config: MkDocsConfig, alternates: list[dict], default: str) -> list[dict]:
    """The language selector of the status page leads to the status page of each language."""
    return [{**alt, "link": url(config, str(alt.get("lang")), default)} for alt in alternates]
