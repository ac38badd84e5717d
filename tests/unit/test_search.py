"""search: one search index per language, each searched with that language's stemmer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from eme_toolkit import internals
from eme_toolkit.search import (
    PIPELINE,
    check_languages,
    language_index,
    point_at_language,
    use_worker,
    worker_url,
    write_language_index,
)
from eme_toolkit.site import Language, Site

SITE = Site(
    Path("/project/mkdocs.yml"),
    Path("/project/docs"),
    [Language("en", "English", True, True), Language("fi", "Suomi", False, True)],
)
WORKER = "../../assets/javascripts/workers/search.a7633da7.min.js"
INDEX = {
    "config": {"lang": ["en", "fi"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
    "docs": [
        {"location": "", "title": "Home"},
        {"location": "about/#eme", "title": "EME"},
        {"location": "fi/", "title": "Etusivu"},
        {"location": "fi/about/#eme", "title": "EME fi"},
    ],
}


def page_html(config: dict) -> str:
    return (
        '<html><head><script id="__config" type="application/json">'
        f"{json.dumps(config)}</script></head></html>"
    )


def config_of(html: str) -> dict:
    start = html.index('application/json">') + len('application/json">')
    return json.loads(html[start : html.index("</script>")])


def test_worker_url_keeps_materials_hashed_name() -> None:
    assert worker_url(WORKER) == (
        "../../assets/javascripts/workers/search-i18n.js?worker=search.a7633da7.min.js"
    )
    assert worker_url("search.js") == "search-i18n.js?worker=search.js"


def test_language_index_of_the_default_language_leaves_out_other_folders() -> None:
    index = language_index(INDEX, "en", SITE)
    assert [doc["location"] for doc in index["docs"]] == ["", "about/#eme"]
    assert index["config"] == {
        "lang": ["en"],
        "separator": "[\\s\\-]+",
        "pipeline": ["trimmer", "stopWordFilter", "stemmer"],
    }


def test_language_index_strips_the_language_folder() -> None:
    index = language_index(INDEX, "fi", SITE)
    assert index["docs"] == [
        {"location": "", "title": "Etusivu"},
        {"location": "about/#eme", "title": "EME fi"},
    ]
    assert index["config"]["lang"] == ["fi"]
    assert index["config"]["pipeline"] == PIPELINE
    assert INDEX["config"]["lang"] == ["en", "fi"]  # the input is left as it was


def test_write_language_index_writes_into_the_language_folder(tmp_path: Path) -> None:
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(INDEX), "utf-8")
    write_language_index(tmp_path, "fi", SITE)
    full = json.loads((tmp_path / "fi" / "search" / "search_index.full.json").read_text("utf-8"))
    assert full == language_index(INDEX, "fi", SITE)
    # What Material fetches with every page: the settings, no entries.
    settings = json.loads((tmp_path / "fi" / "search" / "search_index.json").read_text("utf-8"))
    assert settings == {"config": full["config"], "docs": []}


@pytest.mark.parametrize(
    ("page_url", "base"), [("fi/about/", ".."), ("fi/", "."), ("fi/a/b/", "../..")]
)
def test_point_at_language_sets_base_and_index_to_the_language_folder(
    page_url: str, base: str
) -> None:
    # Material's worker, as the page links it: relative to the page.
    worker = "../" * page_url.count("/") + "assets/javascripts/workers/search.a7633da7.min.js"
    html = page_html({"base": "../..", "search": worker})
    data = config_of(point_at_language(html, page_url, "fi", SITE, "fi/about.md"))
    assert data["base"] == base
    assert data["search"] == worker_url(worker, "../../../fi/search/search_index.full.json")


def test_point_at_language_keeps_base_for_the_default_language() -> None:
    worker = "../assets/javascripts/workers/search.a7633da7.min.js"
    html = page_html({"base": "..", "search": worker})
    data = config_of(point_at_language(html, "about/", "en", SITE, "en/about.md"))
    index = "../../../search/search_index.full.json"
    assert data == {"base": "..", "search": worker_url(worker, index)}


def test_use_worker_changes_only_the_worker() -> None:
    html = page_html({"base": "/site", "search": "/site/search.js"})
    assert config_of(use_worker(html, "404.html")) == {
        "base": "/site",
        "search": "/site/search-i18n.js?worker=search.js",
    }


def test_check_languages_accepts_languages_lunr_can_stem() -> None:
    check_languages(SITE)


def test_check_languages_refuses_a_language_lunr_cannot_stem() -> None:
    site = Site(
        SITE.config_path, SITE.docs_dir, [*SITE.languages, Language("xx", "X", False, False)]
    )
    with pytest.raises(PluginError) as caught:
        check_languages(site)
    assert str(caught.value) == (
        "mkdocs.yml: language 'xx' under plugins: i18n: languages: has no lunr search support "
        f"in Material ({internals.LUNR}); search needs a stemmer for every language of the site"
    )
