"""not_found: the one 404 page, with every language's words and links."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE, ROOT
from jinja2 import Environment, FileSystemLoader
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from eme_toolkit import internals
from eme_toolkit.context import BuildContext
from eme_toolkit.not_found import KEYS, languages, page_url, toggle_names


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("index.md", ""),
        ("a/index.md", "a/"),
        ("about.md", "about/"),
        ("a/b.md", "a/b/"),
        ("reindex.md", "reindex/"),
    ],
)
def test_page_url_is_the_directory_url(name: str, url: str) -> None:
    assert page_url(name) == url


def fixture_context(tmp_path: Path) -> BuildContext:
    project = Path(shutil.copytree(FIXTURE, tmp_path / "project"))
    config = load_config(str(project / "mkdocs.yml"))
    return BuildContext(config, config.plugins["eme-toolkit"].config)


def env() -> Environment:
    return Environment(loader=FileSystemLoader([ROOT / "overrides", internals.MATERIAL]))


ENTRIES = [
    {"locale": "en", "name": "English"},
    {"locale": "fi", "name": "Suomi", "site_name": "Testi", "nav_translations": {"Home": "Koti"}},
    {"locale": "sv", "name": "Svenska"},
]
NAV = [{"Home": "index.md"}, {"Guide": "guide.md"}, {"Section": [{"Deep": "a/b.md"}]}]


def test_languages_need_the_not_found_strings(tmp_path: Path) -> None:
    context = fixture_context(tmp_path)
    with pytest.raises(PluginError) as caught:
        languages(context, env(), "https://example.org/toolkit/", NAV, ENTRIES, "Fixture", [])
    assert str(caught.value) == (
        "docs/en/strings.yml: add the site's text for not_found_nav, not_found_text, "
        "not_found_title"
    )


def test_languages_give_each_language_its_words_and_links(tmp_path: Path) -> None:
    context = fixture_context(tmp_path)
    english = context.site.docs_dir / "en" / "strings.yml"
    with english.open("a", encoding="utf-8") as strings:
        for key in KEYS:
            strings.write(f'{key}: "{key} in English"\n')
    (finnish,) = [
        lang
        for lang in languages(context, env(), "https://example.org/toolkit/", NAV, ENTRIES, "F", [])
        if lang["code"] == "fi"
    ]
    assert finnish["default"] is False
    assert finnish["root"] == "/toolkit/fi/"
    assert finnish["title"] == "not_found_title in English"
    assert finnish["site_name"] == "Testi"
    assert finnish["links"] == [
        {"title": "Koti", "href": "/toolkit/fi/"},
        {"title": "Guide", "href": "/toolkit/fi/guide/"},
    ]
    assert finnish["material"]["search.placeholder"] == "Hae"  # type: ignore[index]
    assert finnish["material"]["top"] == "Takaisin ylös"  # type: ignore[index]


def test_toggle_names_come_from_the_language_or_else_the_default() -> None:
    default = [{"toggle": {"name": "Switch to dark mode"}}, {"toggle": {"name": "Light"}}]
    own = {"palette": [{"toggle": {"name": "Tummaan tilaan"}}, {"toggle": {"name": "Vaalea"}}]}
    assert toggle_names(own, default) == ["Tummaan tilaan", "Vaalea"]
    assert toggle_names({}, default) == ["Switch to dark mode", "Light"]


def test_with_search_gives_each_language_our_worker_with_its_own_index() -> None:
    from eme_toolkit.not_found import with_search

    material = "/toolkit/assets/javascripts/workers/search.1234abcd.min.js"
    html = (
        f'<script id="__config" type="application/json">{{"search": "{material}"}}</script>'
        '<script id="__not_found" type="application/json">'
        '[{"code": "en", "root": "/toolkit/"}, {"code": "fi", "root": "/toolkit/fi/"}]'
        "</script>"
    )
    built = with_search(html)
    workers = "/toolkit/assets/javascripts/workers/search-i18n.js?worker=search.1234abcd.min.js"
    assert f'{{"search": "{workers}"}}' in built
    assert (
        f'[{{"code": "en", "root": "/toolkit/", "search": "{workers}'
        '&index=/toolkit/search/search_index.full.json"}, '
        f'{{"code": "fi", "root": "/toolkit/fi/", "search": "{workers}'
        '&index=/toolkit/fi/search/search_index.full.json"}]'
    ) in built
