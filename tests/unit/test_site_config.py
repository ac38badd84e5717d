"""site and options: the site's languages and the plugin's options, read from mkdocs.yml."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE

from eme_toolkit.errors import LocatedError
from eme_toolkit.options import ToolkitConfig, validate_options
from eme_toolkit.site import Language, load_site, nav_titles, plugin_entry
from eme_toolkit.yamlfile import line_of

# Lines of the fixture's mkdocs.yml that errors point at: plugins: 5, i18n languages: 8,
# translations: 17 (sv: in progress is 20), keep_in_english: 21.


def fixture_copy(tmp_path: Path) -> Path:
    """The fixture site's mkdocs.yml, in a copy of the fixture that a test may break."""
    return Path(shutil.copytree(FIXTURE, tmp_path / "project")) / "mkdocs.yml"


def broken(tmp_path: Path, old: str, new: str) -> LocatedError:
    """The error load_site raises once `old` is replaced by `new` in the fixture's mkdocs.yml."""
    config = fixture_copy(tmp_path)
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(LocatedError) as caught:
        load_site(config)
    assert caught.value.path == config.resolve()
    return caught.value


def test_load_site_reads_languages_default_first_as_listed(tmp_path: Path) -> None:
    site = load_site(fixture_copy(tmp_path))
    assert site.languages == [
        Language("en", "English", default=True, complete=True),
        Language("fi", "Suomi", default=False, complete=True),
        Language("sv", "Svenska", default=False, complete=False),
    ]
    assert site.default.code == "en"
    assert [lang.kind for lang in site.languages] == ["complete", "complete", "in progress"]


def test_load_site_reads_options_nav_and_paths(tmp_path: Path) -> None:
    config = fixture_copy(tmp_path)
    site = load_site(config)
    assert site.keep_in_english == ["Acme Works"]
    assert site.nav_titles == ["Home", "Guide"]
    assert site.help_page == "about.md#translate"
    assert site.docs_dir == config.parent / "docs"
    assert site.root == config.parent
    assert site.config_text == config.read_text(encoding="utf-8")
    assert site.settings["site_name"] == "Fixture"
    assert site.language("fi") is site.languages[1]
    assert site.language("de") is None


def test_a_language_not_listed_under_translations_is_in_progress(tmp_path: Path) -> None:
    text = "        sv: in progress\n"
    config = fixture_copy(tmp_path)
    config.write_text(config.read_text(encoding="utf-8").replace(text, ""), encoding="utf-8")
    swedish = load_site(config).language("sv")
    assert swedish is not None and swedish.kind == "in progress" and not swedish.complete


def test_folder_is_empty_for_the_default_language_only(tmp_path: Path) -> None:
    site = load_site(fixture_copy(tmp_path))
    assert [site.folder(code) for code in ("en", "fi", "sv")] == ["", "fi/", "sv/"]


def test_display_is_relative_to_the_project_when_possible(tmp_path: Path) -> None:
    site = load_site(fixture_copy(tmp_path))
    assert site.display(site.docs_dir / "fi" / "guide.md") == "docs/fi/guide.md"
    assert site.display(Path("/elsewhere/x.md")) == "/elsewhere/x.md"


def test_invalid_yaml_is_named_with_its_line(tmp_path: Path) -> None:
    error = broken(tmp_path, "docs_dir: docs\n", "docs_dir: docs: x\n")
    assert error.line == 4
    assert error.message.startswith("not valid YAML: mapping values are not allowed")


def test_config_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    config = fixture_copy(tmp_path)
    config.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(LocatedError) as caught:
        load_site(config)
    assert (caught.value.line, caught.value.message) == (
        1,
        "not a mapping of settings such as 'site_name: …'",
    )


def test_missing_i18n_plugin_is_named_at_plugins(tmp_path: Path) -> None:
    error = broken(tmp_path, "  - i18n:\n", "  - other:\n")
    assert (error.line, error.message) == (
        5,
        "no i18n plugin with a languages: list under plugins:",
    )


def test_missing_eme_toolkit_plugin_is_named_at_plugins(tmp_path: Path) -> None:
    error = broken(tmp_path, "  - eme-toolkit:\n", "  - other:\n")
    assert (error.line, error.message) == (5, "add the eme-toolkit plugin under plugins:")


def test_a_kind_other_than_complete_or_in_progress_is_named_on_its_line(tmp_path: Path) -> None:
    error = broken(tmp_path, "sv: in progress", "sv: halfway")
    assert error.line == 20
    assert error.message == (
        "language 'sv' is 'halfway' under eme-toolkit: translations: "
        "write 'sv: complete' or 'sv: in progress'"
    )


def test_an_unknown_plugin_option_is_named(tmp_path: Path) -> None:
    error = broken(
        tmp_path, "      keep_in_english:\n", "      colour: red\n      keep_in_english:\n"
    )
    assert error.line == 21
    assert error.message == ("eme-toolkit option 'colour': Unrecognised configuration name: colour")


def test_translations_of_a_code_that_is_not_an_i18n_language_is_refused(tmp_path: Path) -> None:
    error = broken(
        tmp_path, "        sv: in progress\n", "        sv: in progress\n        de: complete\n"
    )
    assert error.line == 21
    assert error.message == (
        "eme-toolkit: translations: lists 'de', which is not among the i18n languages: "
        "remove the line or add the language with add-language"
    )


def test_two_default_languages_are_refused_at_the_languages_list(tmp_path: Path) -> None:
    error = broken(
        tmp_path, "          name: Suomi\n", "          name: Suomi\n          default: true\n"
    )
    assert (error.line, error.message) == (8, "exactly one language must have default: true")


def test_a_language_without_locale_is_refused(tmp_path: Path) -> None:
    error = broken(tmp_path, "        - locale: sv\n", "        - locale:\n")
    assert (error.line, error.message) == (8, "a language has no locale: code")


def test_missing_config_file_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(LocatedError) as caught:
        load_site(tmp_path / "mkdocs.yml")
    assert caught.value.line == 1
    assert caught.value.message == "cannot read the configuration (No such file or directory)"


def test_config_that_is_not_utf8_is_a_located_error(tmp_path: Path) -> None:
    config = fixture_copy(tmp_path)
    config.write_bytes("site_name: Käännös\n".encode("latin-1"))
    with pytest.raises(LocatedError) as caught:
        load_site(config)
    assert caught.value.message == "not UTF-8 text: save it as UTF-8"


def test_validate_options_fills_defaults() -> None:
    options = validate_options({"translations": {"fi": "complete"}}, Path("mkdocs.yml"), "")
    assert isinstance(options, ToolkitConfig)
    assert options.translations == {"fi": "complete"}
    assert options.keep_in_english == []
    assert options.help_page == "about.md#translate"


def test_validate_options_names_a_wrong_type_at_the_plugin_line() -> None:
    text = "plugins:\n  - eme-toolkit:\n      help_page: 3\n"
    with pytest.raises(LocatedError) as caught:
        validate_options({"help_page": 3}, Path("mkdocs.yml"), text)
    assert caught.value.line == 3
    assert caught.value.message == (
        "eme-toolkit option 'help_page': Expected type: <class 'str'> but received: <class 'int'>"
    )


def test_line_of_is_one_based_and_falls_back_to_default() -> None:
    text = "a: 1\nplugins:\n  - i18n:\n"
    assert line_of(text, r"^plugins:") == 2
    assert line_of(text, r"^\s+- i18n:") == 3
    assert line_of(text, r"^nav:") == 1
    assert line_of(text, r"^nav:", default=9) == 9


def test_plugin_entry_finds_options_bare_names_and_absence() -> None:
    plugins = ["search", {"i18n": {"docs_structure": "folder"}}, {"tags": None}]
    assert plugin_entry(plugins, "i18n") == {"docs_structure": "folder"}
    assert plugin_entry(plugins, "search") == {}
    assert plugin_entry(plugins, "tags") == {}
    assert plugin_entry(plugins, "eme-toolkit") is None
    assert plugin_entry("not a list", "search") is None


def test_nav_titles_are_every_title_in_order_each_once() -> None:
    nav = [
        {"Home": "index.md"},
        {"Guide": [{"Start": "start.md"}, {"Home": "other.md"}, "bare.md"]},
        "loose.md",
        {"About": "about.md"},
    ]
    assert nav_titles(nav) == ["Home", "Guide", "Start", "About"]
    assert nav_titles(None) == []


@pytest.mark.parametrize("plugin", ["i18n", "eme-toolkit"])
def test_plugin_options_that_are_not_a_mapping_are_named(tmp_path: Path, plugin: str) -> None:
    config = fixture_copy(tmp_path)
    text = config.read_text(encoding="utf-8")
    start = text.index(f"  - {plugin}:")
    end = text.index("\n  - ", start + 1) if plugin == "i18n" else text.index("\nnav:")
    config.write_text(text[:start] + f"  - {plugin}: oops" + text[end:], encoding="utf-8")
    with pytest.raises(LocatedError) as caught:
        load_site(config)
    assert caught.value.line == (6 if plugin == "i18n" else 16)


def test_print_button_lists_pages_of_the_default_language(tmp_path: Path) -> None:
    config = fixture_copy(tmp_path)
    text = config.read_text(encoding="utf-8")
    option = "      print_button:\n        - guide.md\n"
    config.write_text(text.replace("      keep_in_english:", option + "      keep_in_english:"))
    assert load_site(config).print_pages == ["guide.md"]
    assert load_site(fixture_copy(tmp_path / "other")).print_pages == []


def test_a_print_button_on_a_page_the_site_lacks_is_named_on_its_line(tmp_path: Path) -> None:
    option = "      print_button:\n        - guide.md\n        - gide.md\n"
    error = broken(tmp_path, "      keep_in_english:", option + "      keep_in_english:")
    assert error.line == 23
    assert error.message == (
        "eme-toolkit: print_button: lists 'gide.md', which is no page of en "
        "(no docs/en/gide.md): write a page's file name, such as plan.md"
    )
