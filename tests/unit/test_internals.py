"""The contract test: what the plugin relies on in Material for MkDocs and mkdocs-static-i18n.

Neither package documents these parts (eme_toolkit/internals.py lists them), so this file fails
first when an upgrade of Material or static-i18n breaks what we rely on; fix internals.py (or
the override it names) before anything else.
"""

from __future__ import annotations

import importlib
import inspect
import json
import logging
import re
from pathlib import Path

import mkdocs.commands.build
import mkdocs_static_i18n.plugin
import mkdocs_static_i18n.reconfigure
import pytest
import yaml
from conftest import DEFAULT, LANGUAGES, ROOT
from jinja2 import Environment, FileSystemLoader
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from eme_toolkit import internals

CONFIG_OPENING = '<script id="__config" type="application/json">'


def material_template(name: str) -> str:
    return (internals.MATERIAL / name).read_text(encoding="utf-8")


def without_comment(template: str) -> str:
    """A template without its leading {#- … -#} comment."""
    return re.sub(r"\A\{#-.*?-#\}\n", "", template, flags=re.DOTALL)


def test_material_has_interface_translations_for_our_languages() -> None:
    assert internals.material_has_language("fi")
    assert internals.material_has_language("sv")
    assert not internals.material_has_language("xx")
    assert {"en", "fi", "sv"} <= set(internals.material_languages())
    assert internals.material_languages() == sorted(internals.material_languages())


def test_lunr_can_stem_our_languages() -> None:
    assert internals.lunr_supports("en")
    assert internals.lunr_supports("fi")
    assert internals.lunr_supports("sv")
    assert not internals.lunr_supports("xx")


def test_base_html_passes_settings_in_the_config_script() -> None:
    base = material_template("base.html")
    assert CONFIG_OPENING in base
    assert re.search(
        r'"search": "assets/javascripts/workers/search\.[0-9a-f]+\.min\.js" \| url,', base
    )


def test_materials_search_worker_has_the_name_our_worker_expects() -> None:
    """overrides/assets/javascripts/workers/search-i18n.js loads it by this pattern."""
    workers = internals.MATERIAL / "assets" / "javascripts" / "workers"
    names = [p.name for p in workers.glob("search.*.min.js")]
    assert len(names) == 1
    assert re.fullmatch(r"search\.[0-9a-f]+\.min\.js", names[0])
    assert names[0] in material_template("base.html")


def test_materials_search_worker_works_as_our_worker_expects() -> None:
    """What search-i18n.js relies on inside Material's (minified) worker: lunr is global, so
    that the worker can wrap the stemmers, trimmer and Builder.build before the index is built;
    the index is built with the language's pipeline minus what config.pipeline leaves out; and
    a query term with a modifier (+, -, ^1, ~1) gets no wildcard appended, so the worker's
    lunr queries reach lunr as written."""
    workers = internals.MATERIAL / "assets" / "javascripts" / "workers"
    (worker,) = workers.glob("search.*.min.js")
    text = worker.read_text(encoding="utf-8")
    assert "self.lunr=" in text
    assert 'a==="en"?lunr:lunr[a]' in text and "this.searchPipeline.remove(" in text
    assert r".map(r=>/(^[+-]|[~^]\d+$)/.test(r)?r:`${r}*`)" in text


def test_material_looks_for_alternate_links_once_when_the_document_is_ready() -> None:
    """site.js renames the head's hreflang links for that moment, so that Material fetches no
    sitemap.xml beside them: its bundle must still query `link[rel=alternate]` (to fetch the
    sitemaps) from its document$, which a DOMContentLoaded listener feeds, added as the
    bundle runs, before our scripts."""
    scripts = internals.MATERIAL / "assets" / "javascripts"
    (bundle,) = scripts.glob("bundle.*.min.js")
    text = bundle.read_text(encoding="utf-8")
    assert re.search(r'b\(\(\)=>M\("link\[rel=alternate\]"\)\)', text)
    assert 'new URL("sitemap.xml",e)' in text
    assert 'h(document,"DOMContentLoaded",{once:!0}).subscribe(()=>e.next(document))' in text
    base = material_template("base.html")
    assert base.index("assets/javascripts/bundle.") < base.index("config.extra_javascript")


def test_materials_header_shows_the_site_name_where_header_py_adds_the_short_one() -> None:
    found = internals.HEADER_SITE_NAME.search(material_template("partials/header.html"))
    assert found and found[2] == "{{ config.site_name }}"
    html = '<div class="md-header__topic">\n  <span class="md-ellipsis">\n    A &amp; B\n  </span>'
    changed = internals.replace_header_site_name(html + html, lambda name: f"<b>{name}</b>")
    assert changed == (
        '<div class="md-header__topic">\n  <span class="md-ellipsis"><b>A &amp; B</b></span>' + html
    )


def test_materials_search_worker_highlights_positions_as_our_worker_expects() -> None:
    """What search-forgiving.js relies on in how Material's worker tokenizes and highlights: each
    token's position is `block << 20 | index` into lunr.tokenizer.table, whose entries are
    `start << 12 | length << 2 | type` (a hyphenated word is joined from its parts' places);
    each position lunr's matchData gives, for any term, is wrapped in <mark> (so it must be
    given once); and each result's `terms` come from lunr's matched terms."""
    workers = internals.MATERIAL / "assets" / "javascripts" / "workers"
    (worker,) = workers.glob("search.*.min.js")
    text = worker.read_text(encoding="utf-8")
    assert "let i=lunr.tokenizer.table" in text and "lunr.tokenizer.table=[]" in text
    assert re.search(r"\{position:\w<<20\|\w\[\w\]\.length-1\}", text)
    assert re.search(r"\w\[\w\]\.push\(\w\+\w<<12\|\w-\w<<2\|", text)
    assert re.search(
        r"Object\.values\(\w\.metadata\)\)typeof \w\[\w\]!=\"undefined\"&&"
        r"\w\.push\(\.\.\.\w\[\w\]\.position\)",
        text,
    )
    assert '"<mark>"' in text and '"</mark>"' in text


def test_our_search_partial_is_materials_with_an_accessible_name() -> None:
    """Ours differs by the dialog's name and the results frame's Tab stop, which site.js sets."""
    material = without_comment(material_template("partials/search.html"))
    ours = without_comment((ROOT / "overrides" / "partials" / "search.html").read_text("utf-8"))
    first = material.splitlines()[0]
    assert 'class="md-search"' in first and 'data-md-component="search"' in first
    frame = '<div class="md-search__scrollwrap" tabindex="0" data-md-scrollfix>'
    assert frame in material
    ours = ours.replace(" aria-label=\"{{ lang.t('search') }}\"", "", 1)
    assert (
        ours.replace(
            'class="md-search__scrollwrap" ', 'class="md-search__scrollwrap" tabindex="0" ', 1
        )
        == material
    )


def test_rewrite_config_changes_the_json_and_escapes_closing_tags() -> None:
    html = f'<p>before</p>{CONFIG_OPENING}{{"base": ".", "search": "w.js"}}</script><p>after</p>'

    def change(data: dict) -> None:
        data["base"] = ".."
        data["note"] = "</script>ä"

    assert internals.rewrite_config(html, "x.md", change) == (
        f'<p>before</p>{CONFIG_OPENING}{{"base": "..", "search": "w.js", "note": "<\\/script>ä"}}'
        "</script><p>after</p>"
    )


def test_rewrite_config_without_the_script_is_a_plugin_error() -> None:
    with pytest.raises(PluginError) as caught:
        internals.rewrite_config("<html></html>", "fi/about.md", lambda data: None)
    assert str(caught.value) == (
        "fi/about.md: no __config script; has Material's base.html changed?"
    )


def test_material_words_are_in_the_language_asked_each_time() -> None:
    """The template is cached by the environment: the first language must not stick."""
    env = Environment(loader=FileSystemLoader([ROOT / "overrides", internals.MATERIAL]))
    keys = ("search.placeholder", "search")
    assert internals.material_words(env, "fi", keys) == {
        "search.placeholder": "Hae",
        "search": "Haku",
    }
    assert internals.material_words(env, "en", keys) == {
        "search.placeholder": "Search",
        "search": "Search",
    }


def test_static_i18n_languages_have_locale_name_and_default() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    entries = config.plugins["i18n"].config.languages
    expected = {code: code == DEFAULT for code in LANGUAGES}
    assert {entry.locale: entry.default for entry in entries} == expected
    assert all(isinstance(entry.name, str) and entry.name for entry in entries)
    languages = internals.i18n_languages(config)
    assert all(type(entry) is dict for entry in languages)
    assert {entry["locale"]: entry["default"] for entry in languages} == expected
    assert [entry["name"] for entry in languages] == [entry.name for entry in entries]


def test_static_i18n_builds_the_other_languages_from_on_post_build() -> None:
    """Our plugin's BuildContext stack depends on these nested builds."""
    source = inspect.getsource(mkdocs_static_i18n.plugin.I18n.on_post_build)
    assert "build(config" in source
    assert mkdocs_static_i18n.plugin.build is mkdocs.commands.build.build


def test_static_i18n_sets_the_theme_language_of_each_build() -> None:
    """Our plugin reads each build's language from config.theme["language"]."""
    assert 'config.theme["language"] = locale' in inspect.getsource(mkdocs_static_i18n.reconfigure)
    # static-i18n sets it only when the theme has the setting, as Material's does.
    theme = yaml.safe_load(material_template("mkdocs_theme.yml"))
    assert theme["language"] == "en"


def test_page_alternates_reads_the_attribute_then_the_key() -> None:
    class Extra(dict):
        pass

    config = type("Config", (), {})()
    config.extra = Extra()
    assert internals.page_alternates(config) == []  # type: ignore[arg-type]
    entries = [{"lang": "fi", "link": "/fi/"}]
    internals.set_page_alternates(config, entries)  # type: ignore[arg-type]
    assert config.extra["alternate"] is entries and config.extra.alternate is entries
    assert internals.page_alternates(config) is entries  # type: ignore[arg-type]


def test_config_script_json_is_what_rewrite_config_parses() -> None:
    html = f"{CONFIG_OPENING}\n{json.dumps({'base': '.'})}\n</script>"
    seen: list[dict] = []
    internals.rewrite_config(html, "x", seen.append)
    assert seen == [{"base": "."}]


def test_build_only_leaves_static_i18n_the_default_and_the_languages_named() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["i18n"]
    languages = [language.locale for language in plugin.config.languages]
    internals.build_only(config, set())
    assert plugin.build_languages == [DEFAULT]
    internals.build_only(config, set(languages))
    assert plugin.build_languages == languages


def test_material_keys_are_the_words_of_its_english_translation() -> None:
    keys = internals.material_keys()
    assert {"top", "search.reset", "select.language", "action.skip"} <= set(keys)
    assert "language" not in keys and "direction" not in keys


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_a_strict_dirty_build_fails_on_the_engines_warning_unless_allowed(
    tmp_path: Path, engine: str
) -> None:
    """Each engine's own build, in this process. No plugins: a plugin imports `mkdocs`, which
    only a properdocs process turns into ProperDocs' own modules."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    settings = "site_name: Dirty\nstrict: true\nplugins: []\ntheme:\n  name: material\n"
    (tmp_path / "mkdocs.yml").write_text(settings, encoding="utf-8")
    engine_config = importlib.import_module(f"{engine}.config")
    engine_build = importlib.import_module(f"{engine}.commands.build")
    engine_abort = importlib.import_module(f"{engine}.exceptions").Abort
    assert engine_build.log.name == f"{engine}.commands.build"

    def build() -> None:
        config = engine_config.load_config(
            str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site")
        )
        engine_build.build(config, dirty=True)

    loggers = [logging.getLogger(name) for name in internals.BUILD_LOGGERS]
    kept = [list(logger.filters) for logger in loggers]
    try:
        with pytest.raises(engine_abort, match="1 warnings in strict mode"):
            build()
        internals.allow_strict_dirty_builds()
        internals.allow_strict_dirty_builds()  # once is enough
        build()
        assert (tmp_path / "site" / "index.html").is_file()
        assert [len(logger.filters) for logger in loggers] == [len(k) + 1 for k in kept]
    finally:
        for logger, filters in zip(loggers, kept, strict=True):
            logger.filters[:] = filters


def test_static_i18n_builds_the_other_languages_dirty_under_serve_dirty() -> None:
    source = inspect.getsource(mkdocs_static_i18n.plugin.I18n.on_post_build)
    assert 'dirty = True if "--dirty" in sys.argv' in source
    assert "build(config, dirty=dirty)" in source


def test_material_search_merges_into_the_previous_index_only_when_dirty() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["material/search"]
    plugin.on_startup(command="serve", dirty=True)
    assert plugin.is_dirty  # type: ignore[attr-defined]
    internals.search_index_of_this_build_only(config)
    assert not plugin.is_dirty  # type: ignore[attr-defined]
    source = inspect.getsource(type(plugin).on_post_build)
    assert "if self.is_dirty:\n            self.search_index_prev = self.search_index" in source


def test_a_page_a_dirty_build_skipped_shows_the_title_it_had() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    file = File("en/about.md", config.docs_dir, config.site_dir, config.use_directory_urls)
    page = Page(None, file, config)
    assert page.markdown is None and page.title is None  # what a dirty build leaves
    internals.show_unbuilt_page(page, "About", {"title": "About", "tags": ["x"]})
    assert page.title == "About" and page.meta == {"title": "About", "tags": ["x"]}


def test_static_i18n_sets_each_files_language_name_and_alternates() -> None:
    from mkdocs_static_i18n.folder import create_i18n_file

    config = load_config(str(ROOT / "mkdocs.yml"))
    source = File("en/about.md", str(ROOT / "docs"), str(ROOT / "site"), True)
    # The English page as the Finnish build serves it, where Finnish lacks it.
    fallback = create_i18n_file(source, "fi", "en", list(LANGUAGES), config)
    assert internals.file_language(fallback) == "en"
    assert internals.page_name(fallback) == "about.md"
    assert internals.file_alternates(fallback) == {"fi": "fi/about/"}
    generated = File("fi/status.md", None, str(ROOT / "site"), True)  # as File.generated makes it
    assert internals.file_language(generated) is None
    assert internals.page_name(generated) == "fi/status.md"
    assert internals.file_alternates(generated) == {}


def test_materials_page_holds_its_text_in_the_article_handout_reads() -> None:
    content = material_template("partials/content.html") + material_template("base.html")
    assert internals.ARTICLE + " md-typeset" in content or internals.ARTICLE in content
    html = f'<main>{internals.ARTICLE} md-typeset">text</article></main>'
    assert internals.article_span(html) == (6, html.index("</article>"))
    assert internals.article_span("<main>no article</main>") is None


def test_the_theme_builds_the_whole_site_pages_it_lists_as_static_templates() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert {"404.html", "sitemap.xml"} <= set(config.theme.static_templates)
    internals.skip_whole_site_pages(config)
    assert not config.theme.static_templates


def test_a_page_whose_source_was_not_read_has_no_markdown() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    file = File("en/about.md", str(ROOT / "docs"), str(ROOT / "site"), True)
    page = Page(None, file, config)
    assert internals.was_skipped(page)
    page.read_source(config)
    assert not internals.was_skipped(page)


def test_our_collector_reads_the_tree_after_attr_list_and_before_toc() -> None:
    from eme_toolkit.rendering import MarkdownSettings, Renderer

    config = load_config(str(ROOT / "mkdocs.yml"))
    md = Renderer(MarkdownSettings.of(config))._md
    order = md.treeprocessors.get_index_for_name
    assert order("attr_list") < order("eme-toolkit-collector") < order("toc")
