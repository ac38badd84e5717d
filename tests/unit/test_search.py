"""search: one search index per language, each searched with that language's stemmer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eme_toolkit import internals
from eme_toolkit.search import (
    PIPELINE,
    index_config,
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
        "language": "en",
        "stemmer": True,
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


def test_a_language_with_a_stemmer_in_material_is_indexed_with_it() -> None:
    site = Site(
        SITE.config_path, SITE.docs_dir, [*SITE.languages, Language("ar", "العربية", False, False)]
    )
    for code in ("en", "fi", "ar"):
        config = index_config(INDEX["config"], code, site)
        assert config["lang"] == [code] and config["stemmer"] is True
        assert config["language"] == code and config["pipeline"] == PIPELINE
    assert "fallback" not in index_config(INDEX["config"], "fi", site)
    assert index_config(INDEX["config"], "ar", site)["fallback"] == "en"


def test_a_language_without_a_stemmer_is_indexed_as_written() -> None:
    uk = Language("uk", "Українська", False, False)
    so = Language("so", "Soomaali", False, True)
    site = Site(SITE.config_path, SITE.docs_dir, [*SITE.languages, uk, so])
    assert not internals.lunr_supports("uk") and not internals.lunr_supports("so")
    config = index_config(INDEX["config"], "uk", site)
    # lunr's own pipeline, whose stemmer our worker replaces by the words as written.
    assert config["lang"] == ["en"] and config["stemmer"] is False
    assert config["language"] == "uk" and config["fallback"] == "en"
    # A complete language shows no English pages: no English word forms.
    assert "fallback" not in index_config(INDEX["config"], "so", site)
