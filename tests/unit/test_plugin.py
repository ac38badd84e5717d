"""plugin: the MkDocs plugin's options and its per-build state across language builds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DEFAULT, ROOT
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from eme_toolkit.context import BuildContext
from eme_toolkit.options import ToolkitConfig
from eme_toolkit.plugin import ToolkitPlugin


def real_config() -> MkDocsConfig:
    return load_config(str(ROOT / "mkdocs.yml"))


def plugin_of(config: MkDocsConfig) -> ToolkitPlugin:
    """The config's plugin, between builds.

    MkDocs keeps one instance of a plugin that has on_startup for the whole process, across
    load_config calls (for `mkdocs serve`), so another test may have left a build open in it.
    """
    plugin = config.plugins["eme-toolkit"]
    assert isinstance(plugin, ToolkitPlugin)
    plugin.on_build_error(error=RuntimeError("a build of an earlier test"))
    return plugin


def test_the_real_config_loads_the_plugin_with_validated_options() -> None:
    plugin = plugin_of(real_config())
    assert plugin.config.translations["en"] == "complete"
    assert plugin.config.translations["fi"] == "complete"
    assert plugin.config.help_page == "about.md#translate"
    assert all(isinstance(name, str) for name in plugin.config.keep_in_english)


def test_an_unknown_option_is_a_warning_that_names_it() -> None:
    options = ToolkitConfig()
    options.load_dict({"colour": "red"})
    assert options.validate() == ([], [("colour", "Unrecognised configuration name: colour")])


def test_a_wrong_type_is_an_error_that_names_the_option() -> None:
    options = ToolkitConfig()
    options.load_dict({"translations": "x"})
    errors, warnings = options.validate()
    assert [(key, str(error)) for key, error in errors] == [
        ("translations", "Expected a dict of items, but a <class 'str'> was given.")
    ]
    assert warnings == []


def test_context_before_on_config_is_an_error() -> None:
    with pytest.raises(RuntimeError, match=r"^eme-toolkit: used before on_config$"):
        _ = ToolkitPlugin().context


def test_a_new_build_gets_a_fresh_context_and_nested_builds_share_it() -> None:
    config = real_config()
    plugin = plugin_of(config)
    before = plugin._context
    config.plugins.on_config(config)  # static-i18n first, as in `mkdocs build`
    first = plugin.context
    assert isinstance(first, BuildContext) and first is not before
    assert [build.code for build in first.languages] == [DEFAULT]

    # static-i18n builds another language from inside the first build.
    config.theme["language"] = "fi"
    plugin.on_config(config)
    assert plugin.context is first
    assert [build.code for build in first.languages] == [DEFAULT, "fi"]
    assert plugin.context.current.code == "fi"

    plugin.on_build_error(error=RuntimeError("boom"))
    assert first.languages == []
    config.theme["language"] = DEFAULT
    plugin.on_config(config)
    assert plugin.context is not first
    assert [build.code for build in plugin.context.languages] == [DEFAULT]


def test_on_build_error_before_any_build_does_nothing() -> None:
    plugin = ToolkitPlugin()
    plugin.on_build_error(error=RuntimeError("boom"))
    assert plugin._context is None


def test_on_post_build_ends_its_language_and_writes_its_index(tmp_path: Path) -> None:
    config = real_config()
    config.site_dir = str(tmp_path)
    plugin = plugin_of(config)
    config.plugins.on_config(config)
    config.theme["language"] = "fi"
    plugin.on_config(config)
    index = {"config": {"lang": ["en"]}, "docs": [{"location": "fi/about/"}, {"location": ""}]}
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index), "utf-8")

    plugin.on_post_build(config=config)
    assert [build.code for build in plugin.context.languages] == [DEFAULT]
    written = json.loads((tmp_path / "fi" / "search" / "search_index.full.json").read_text("utf-8"))
    assert written["docs"] == [{"location": "about/"}]
    assert written["config"]["lang"] == ["fi"]
