"""notices: tell readers when a page is shown in English, or its translation is outdated."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import cast

from conftest import DOCS, FIXTURE, ROOT
from jinja2 import Environment, FileSystemLoader
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

from eme_toolkit import internals
from eme_toolkit.context import BuildContext, LanguageBuild
from eme_toolkit.notices import STRINGS, add_notice
from eme_toolkit.strings import read_strings_file

HTML = '<h1 id="guide">Guide</h1><p>Text</p>'


def context_for(project: Path, code: str, urls: dict[str, str]) -> BuildContext:
    """The build context of the project's `code` build, with our templates."""
    config = load_config(str(project / "mkdocs.yml"))
    context = BuildContext(config, config.plugins["eme-toolkit"].config)
    env = Environment(loader=FileSystemLoader([ROOT / "overrides", internals.MATERIAL]))
    context.languages.append(LanguageBuild(code, urls=urls, env=env))
    return context


def page(src_uri: str, url: str, generated: bool = False) -> Page:
    """What add_notice reads of a MkDocs page: its URL, and of its file what static-i18n sets
    (internals.file_language, internals.page_name): the language of its source, its name. A
    generated page (the status page) has neither."""
    locale, _, name = src_uri.partition("/")
    i18n = {} if generated else {"locale": locale, "norm_src_uri": name}
    return cast(Page, SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, **i18n), url=url))


def fixture_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "project"))


def test_every_notice_string_is_in_the_sites_english_strings() -> None:
    assert STRINGS == (
        "fallback_title",
        "fallback_text",
        "fallback_link",
        "outdated_title",
        "outdated_text",
        "outdated_link",
        "partial_title",
        "partial_text",
    )
    english = read_strings_file(DOCS / "en" / "strings.yml")
    assert [key for key in STRINGS if key not in english] == []
    assert "{language}" in english["fallback_text"]


def test_a_page_shown_in_english_says_so_and_is_marked_english(tmp_path: Path) -> None:
    urls = {"guide.md": "sv/guide/", "about.md": "sv/about/"}
    context = context_for(fixture_copy(tmp_path), "sv", urls)
    html = add_notice(HTML, page("en/guide.md", "sv/guide/"), context)
    assert html == (
        '<h1 lang="en" dir="ltr" id="guide">Guide</h1>'
        '<div class="admonition info translation-notice">\n'
        # The fixture's Swedish strings: these are still in English, and marked so.
        '  <p class="admonition-title" lang="en" dir="ltr">Not translated yet</p>\n'
        '  <p lang="en" dir="ltr">This page has not been translated into '
        '<bdi lang="sv">svenska</bdi> yet, so it is shown in English. '
        '<a href="../about/#translate" lang="en" dir="ltr">Help translate it</a></p>\n'
        "</div>"
        '<div lang="en" dir="ltr"><p>Text</p></div>'
    )


def test_the_notice_escapes_the_translators_words(tmp_path: Path) -> None:
    project = fixture_copy(tmp_path)
    strings = project / "docs" / "sv" / "strings.yml"
    strings.write_text('fallback_title: "Inte <översatt>"\n', encoding="utf-8")
    context = context_for(project, "sv", {})
    html = add_notice(HTML, page("en/guide.md", "sv/guide/"), context)
    assert '<p class="admonition-title">Inte &lt;översatt&gt;</p>' in html
    assert "<a href" not in html  # no help page in this build: no link


def test_a_page_without_a_title_gets_the_notice_first(tmp_path: Path) -> None:
    context = context_for(fixture_copy(tmp_path), "sv", {})
    html = add_notice("<p>Text</p>", page("en/guide.md", "sv/guide/"), context)
    assert html.startswith('<div class="admonition info translation-notice">')
    assert html.endswith('</div><div lang="en" dir="ltr"><p>Text</p></div>')


def test_an_outdated_translation_links_to_the_english_page(tmp_path: Path) -> None:
    project = fixture_copy(tmp_path)
    guide = project / "docs" / "en" / "guide.md"
    guide.write_text(guide.read_text("utf-8").replace("Meet weekly.", "Meet often."), "utf-8")
    context = context_for(project, "fi", {})
    html = add_notice(HTML, page("fi/guide.md", "fi/guide/"), context)
    assert html.startswith('<h1 id="guide">Guide</h1><div class="admonition warning')
    assert '<p class="admonition-title">Käännös on vanhentunut</p>' in html
    assert '<a href="../../guide/">Lue englanninkielinen versio</a>' in html
    assert html.endswith("</div><p>Text</p>")


def test_pages_that_need_no_notice_are_unchanged(tmp_path: Path) -> None:
    project = fixture_copy(tmp_path)
    finnish = context_for(project, "fi", {})
    english = context_for(project, "en", {})
    for context, src_uri, generated in [
        (finnish, "fi/guide.md", False),  # translated and up to date
        (finnish, "fi/status.md", True),  # the status page
        (english, "en/guide.md", False),  # the default language
    ]:
        assert add_notice(HTML, page(src_uri, "x/", generated), context) == HTML, src_uri
