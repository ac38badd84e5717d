"""MkDocs hook: tell readers when a page is not (yet) in their language; build the status page.

The i18n plugin builds the site once per language. In each build this hook
- adds the translation status page (status.md, generated, in that language);
- puts a notice on every page shown in English because it is not translated yet, linking to
  the about page's "Contribute a translation" section, and marks that text as English;
- puts a notice on every translated page whose English original changed since it was marked
  translated, linking to the English page.
The words come from docs/<lang>/strings.yml, so they exist in every language of the site.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from site_config import ConfigError, Site, load_site
from translations import MISSING, OUTDATED, TRANSLATED, Docs, LanguageStatus, status
from ui_strings import StringsError, load_strings

STATUS_PAGE = "status.md"
HELP_PAGE, HELP_ANCHOR = "about.md", "translate"
# The keys of docs/<lang>/strings.yml that the notices and the status page use.
STRINGS = {
    *(f"fallback_{k}" for k in ("title", "text", "link")),
    *(f"outdated_{k}" for k in ("title", "text", "link")),
    *(
        f"status_{k}"
        for k in [
            "title",
            "intro",
            "language",
            "percent",
            "pages",
            "sections",
            "outdated",
            "missing",
            "original",
            "complete",
            "in_progress",
            "details",
            "missing_pages",
            "outdated_pages",
            "all_done",
            "help",
        ]
    ),
}


class _Build:
    """What one language's build needs: the site, its status, this language's pages."""

    site: Site
    docs: Docs
    statuses: dict[str, LanguageStatus]
    lang: str = ""
    urls: dict[str, str]  # page name -> url in this build

    def __init__(self, config: MkDocsConfig) -> None:
        try:
            self.site = load_site(Path(config.config_file_path))
        except ConfigError as error:
            raise PluginError(str(error)) from None
        self.docs = Docs(self.site)
        self.statuses = {s.code: s for s in status(self.site, self.docs)}
        self.urls = {}
        self._strings: dict[str, dict[str, str]] = {}

    def strings(self, lang: str) -> dict[str, str]:
        if lang not in self._strings:
            try:
                self._strings[lang] = load_strings(self.site.docs_dir, lang, self.site.default.code)
            except StringsError as error:
                raise PluginError(f"{error}: run `make check`") from None
            missing = sorted(STRINGS - set(self._strings[lang]))
            if missing:
                english = self.site.docs_dir / self.site.default.code / "strings.yml"
                raise PluginError(
                    f"{self.site.display(english)}: add the site's text for {', '.join(missing)}"
                )
        return self._strings[lang]


_build: _Build | None = None
_fingerprint: tuple = ()


def _files_state(config: MkDocsConfig) -> tuple:
    """Names, sizes and times of the config and every docs file: what the status depends on."""
    state = []
    for folder, _dirs, names in os.walk(config.docs_dir):
        for name in names:
            stat = os.stat(os.path.join(folder, name))
            state.append((folder, name, stat.st_size, stat.st_mtime_ns))
    config_stat = os.stat(config.config_file_path)
    return (config.config_file_path, config_stat.st_mtime_ns, *sorted(state))


def _split(uri: str, codes: set[str]) -> tuple[str | None, str]:
    """'fi/about.md' -> ('fi', 'about.md'); a path with no language folder -> (None, path)."""
    head, _, rest = uri.partition("/")
    return (head, rest) if rest and head in codes else (None, uri)


def on_pre_build(config: MkDocsConfig) -> None:
    # The i18n plugin runs one build per language: read the pages once, and again only when
    # a file changed (as under `mkdocs serve`).
    global _build, _fingerprint
    fingerprint = _files_state(config)
    if _build is None or fingerprint != _fingerprint:
        _build, _fingerprint = _Build(config), fingerprint
    _build.lang, _build.urls = "", {}


@event_priority(-200)  # after the i18n plugin has chosen this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = _build
    assert build is not None
    site = build.site
    codes = {lang.code for lang in site.languages}
    default = site.default.code
    build.lang = default
    for file in files.documentation_pages():
        lang, _ = _split(file.dest_uri, codes)
        if lang and lang != default:
            build.lang = lang
            break
    for file in files.documentation_pages():
        src_lang, name = _split(file.src_uri, codes)
        if src_lang:
            build.urls[name] = file.url
            if name == STATUS_PAGE:
                raise PluginError(
                    f"{site.display(site.docs_dir / file.src_uri)}: {STATUS_PAGE} is the "
                    "generated translation status page: rename this page"
                )
    url = _status_url(config, build.lang, default)
    build.urls[STATUS_PAGE] = url
    page = File.generated(config, f"{build.lang}/{STATUS_PAGE}", content=_status_markdown(build))
    # The default language lives at the site root, as the i18n plugin places its pages.
    page.dest_uri = File.generated(config, _status_src(build.lang, default), content="").dest_uri
    page.url = url
    files.append(page)
    return files


def _status_src(lang: str, default: str) -> str:
    return STATUS_PAGE if lang == default else f"{lang}/{STATUS_PAGE}"


def _status_url(config: MkDocsConfig, lang: str, default: str) -> str:
    return File.generated(config, _status_src(lang, default), content="").url


def _link(build: _Build, name: str, from_url: str, anchor: str = "") -> str | None:
    url = build.urls.get(name)
    if url is None:
        return None
    return get_relative_url(url, from_url) + (f"#{anchor}" if anchor else "")


def _page_title(build: _Build, lang: str, name: str) -> str:
    for code in (lang, build.site.default.code):
        page = build.docs.pages(code).get(name)
        if page is not None and not isinstance(page, Exception):
            title = page.front_matter.get("title")
            if isinstance(title, str):
                return title
            if page.sections:
                return page.sections[0].title.split("{")[0].strip()
    return name


def _status_markdown(build: _Build) -> str:
    """The status page in this build's language: every language's numbers, then this one's."""
    lang = build.lang
    s = build.strings(lang)
    here = build.site.language(lang)
    assert here is not None
    status_url = build.urls[STATUS_PAGE]
    esc = html.escape
    kinds = {"complete": s["status_complete"], "in progress": s["status_in_progress"]}
    rows = [
        f"| {esc(s['status_language'])} | {esc(s['status_percent'])} "
        f"| {esc(s['status_pages'])} | {esc(s['status_sections'])} "
        f"| {esc(s['status_outdated'])} | {esc(s['status_missing'])} |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for language in build.site.languages:
        st = build.statuses[language.code]
        kind = s["status_original"] if language.default else kinds[language.kind]
        rows.append(
            f'| <span lang="{language.code}">{esc(language.name)}</span> ({esc(kind)}) '
            f"| {st.percent} % "
            f"| {st.count_pages(TRANSLATED)}/{len(st.pages)} "
            f"| {st.count_sections(TRANSLATED)}/{st.total_sections} "
            f"| {st.count_sections(OUTDATED)} | {st.count_sections(MISSING)} |"
        )
    out = [
        "---",
        f"title: {_yaml_quote(s['status_title'])}",
        "---",
        "",
        f"# {esc(s['status_title'])} {{ #status }}",
        "",
        esc(s["status_intro"]),
        "",
        *rows,
        "",
        f"## {esc(here.name)}: {esc(s['status_details'])} {{ #details }}",
        "",
    ]

    def items(state: str) -> list[str]:
        lines = []
        for page in build.statuses[lang].pages:
            if page.state == state:
                title = esc(_page_title(build, lang, page.name))
                href = _link(build, page.name, status_url)
                lines.append(f'- <a href="{href}">{title}</a>' if href else f"- {title}")
        return lines

    missing, outdated = items(MISSING), items(OUTDATED)
    if missing:
        out += [f"### {esc(s['status_missing_pages'])} {{ #missing }}", "", *missing, ""]
    if outdated:
        out += [f"### {esc(s['status_outdated_pages'])} {{ #outdated }}", "", *outdated, ""]
    if not missing and not outdated:
        out += [esc(s["status_all_done"]), ""]
    help_link = _link(build, HELP_PAGE, status_url, HELP_ANCHOR)
    if help_link:
        out += [f'<a href="{help_link}">{esc(s["status_help"])}</a>', ""]
    return "\n".join(out)


def _yaml_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _notice(kind: str, title: str, text: str, link_text: str, href: str | None) -> str:
    link = f' <a href="{html.escape(href)}">{html.escape(link_text)}</a>' if href else ""
    return (
        f'<div class="admonition {kind} translation-notice">'
        f'<p class="admonition-title">{html.escape(title)}</p>'
        f"<p>{html.escape(text)}{link}</p></div>"
    )


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _build
    assert build is not None
    site = build.site
    codes = {lang.code for lang in site.languages}
    default = site.default.code
    src_lang, name = _split(page.file.src_uri, codes)
    if src_lang is None or name == STATUS_PAGE or build.lang == default:
        return html_text
    language = site.language(build.lang)
    assert language is not None
    s = build.strings(build.lang)
    head, closing, rest = html_text.partition("</h1>")
    if src_lang == default:
        # Shown from English: say so in the reader's language, and mark the text as English.
        notice = _notice(
            "info",
            s["fallback_title"],
            s["fallback_text"].replace("{language}", language.name),
            s["fallback_link"],
            _link(build, HELP_PAGE, page.url, HELP_ANCHOR),
        )
        if not closing:
            return f'{notice}<div lang="{default}">{html_text}</div>'
        head = head.replace("<h1", f'<h1 lang="{default}"', 1)
        return f'{head}{closing}{notice}<div lang="{default}">{rest}</div>'
    page_status = next((p for p in build.statuses[build.lang].pages if p.name == name), None)
    if page_status is None or page_status.state != OUTDATED:
        return html_text
    english_url = page.url.removeprefix(f"{build.lang}/") or "./"
    notice = _notice(
        "warning",
        s["outdated_title"],
        s["outdated_text"],
        s["outdated_link"],
        get_relative_url(english_url, page.url),
    )
    if not closing:
        return notice + html_text
    return f"{head}{closing}{notice}{rest}"


@event_priority(-200)  # after the i18n plugin has set the language selector for the page
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """The language selector of the status page leads to the status page of each language."""
    build = _build
    if build is None or not page.file.generated_by:
        return context
    _, name = _split(page.file.src_uri, {lang.code for lang in build.site.languages})
    if name != STATUS_PAGE:
        return context
    default = build.site.default.code
    # Material reads config.extra.alternate; the i18n plugin sets it as an attribute per page.
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    ours = [
        {**alt, "link": _status_url(config, str(alt.get("lang")), default)} for alt in alternates
    ]
    config.extra["alternate"] = ours
    setattr(config.extra, "alternate", ours)  # noqa: B010
    return context
