"""languages: adding a language to mkdocs.yml by inserting lines, and nothing else."""

from __future__ import annotations

import difflib

import pytest
from conftest import FIXTURE

from eme_toolkit.languages import (
    ConfigEditError,
    add_language_to_config,
    reader_texts,
    verify_config_edit,
)
from eme_toolkit.site import plugin_entry
from eme_toolkit.yamlfile import parse

FIXTURE_TEXT = (FIXTURE / "mkdocs.yml").read_text(encoding="utf-8")
# The fixture without Swedish, so that the tests add it back.
WITHOUT_SV = FIXTURE_TEXT.replace("        - locale: sv\n          name: Svenska\n", "").replace(
    "        sv: in progress\n", ""
)


def added_lines(before: str, after: str) -> list[str]:
    """The lines `after` adds to `before`; fails if it removes or changes any."""
    diff = list(difflib.ndiff(before.splitlines(keepends=True), after.splitlines(keepends=True)))
    assert not [line for line in diff if line.startswith("- ")], "".join(diff)
    return [line[2:] for line in diff if line.startswith("+ ")]


def settings(text: str) -> dict:
    data = parse(text)
    assert isinstance(data, dict)
    return data


def test_add_language_only_inserts_lines() -> None:
    after = add_language_to_config(WITHOUT_SV, "sv", "Svenska", {})
    assert added_lines(WITHOUT_SV, after) == [
        "        - locale: sv\n",
        "          name: Svenska\n",
        "          build: true\n",
        "        sv: in progress\n",
    ]


def test_add_language_puts_entries_in_both_plugins() -> None:
    after = settings(add_language_to_config(WITHOUT_SV, "sv", "Svenska", {}))
    i18n = plugin_entry(after["plugins"], "i18n")
    ours = plugin_entry(after["plugins"], "eme-toolkit")
    assert i18n is not None and ours is not None
    assert i18n["languages"][-1] == {"locale": "sv", "name": "Svenska", "build": True}
    assert ours["translations"] == {"en": "complete", "fi": "complete", "sv": "in progress"}
    assert ours["keep_in_english"] == ["Acme Works"]


def test_add_language_writes_reader_texts_for_translating() -> None:
    texts = {"site_name": "Fixture", "nav_translations": {"Home": "Home"}}
    after = add_language_to_config(WITHOUT_SV, "sv", "Svenska", texts)
    assert added_lines(WITHOUT_SV, after)[3:] == [
        "          # In English until translated: translate the text after each colon.\n",
        "          site_name: Fixture\n",
        "          nav_translations:\n",
        "            Home: Home\n",
        "        sv: in progress\n",
    ]
    verify_config_edit(settings(WITHOUT_SV), after, "sv", "Svenska")


def test_add_language_keeps_windows_line_ends() -> None:
    before = WITHOUT_SV.replace("\n", "\r\n")
    after = add_language_to_config(before, "sv", "Svenska", {})
    assert "        - locale: sv\r\n" in after and "        sv: in progress\r\n" in after
    assert "\n" not in after.replace("\r\n", "")


def test_a_name_that_plain_yaml_would_misread_is_quoted() -> None:
    after = add_language_to_config(WITHOUT_SV, "nb", "Norsk: bokmål", {})
    assert "          name: 'Norsk: bokmål'\n" in after
    verify_config_edit(settings(WITHOUT_SV), after, "nb", "Norsk: bokmål")


def test_add_language_without_an_i18n_entry_is_refused() -> None:
    with pytest.raises(ConfigEditError, match=r"^no '- i18n:' entry under plugins:$"):
        add_language_to_config(WITHOUT_SV.replace("- i18n:", "- other:"), "sv", "Svenska", {})


def test_add_language_without_an_eme_toolkit_entry_is_refused() -> None:
    text = WITHOUT_SV.replace("- eme-toolkit:", "- other:")
    with pytest.raises(ConfigEditError) as caught:
        add_language_to_config(text, "sv", "Svenska", {})
    assert str(caught.value) == "no '- eme-toolkit:' entry with options under plugins:"


def test_add_language_without_translations_is_refused() -> None:
    text = WITHOUT_SV.replace("      translations:\n", "      other:\n")
    with pytest.raises(ConfigEditError) as caught:
        add_language_to_config(text, "sv", "Svenska", {})
    assert str(caught.value) == "no 'translations:' mapping in the eme-toolkit plugin's options"


def test_verify_config_edit_accepts_the_edit() -> None:
    after = add_language_to_config(WITHOUT_SV, "sv", "Svenska", {})
    verify_config_edit(settings(WITHOUT_SV), after, "sv", "Svenska")


def test_verify_config_edit_rejects_any_other_change() -> None:
    after = add_language_to_config(WITHOUT_SV, "sv", "Svenska", {})
    before = settings(WITHOUT_SV)
    message = r"^the edit would change more than the new language$"
    with pytest.raises(ConfigEditError, match=message):
        verify_config_edit(
            before, after.replace("site_name: Fixture", "site_name: X"), "sv", "Svenska"
        )
    with pytest.raises(ConfigEditError, match=message):
        verify_config_edit(before, after, "sv", "Swedish")
    with pytest.raises(ConfigEditError, match=message):
        verify_config_edit(before, after.replace("        sv: in progress\n", ""), "sv", "Svenska")


def test_reader_texts_picks_what_readers_see() -> None:
    palette = [
        {"scheme": "default", "toggle": {"icon": "material/weather-night", "name": "Dark"}},
        {"scheme": "slate", "toggle": {"icon": "material/weather-sunny", "name": "Light"}},
    ]
    settings = {
        "site_name": "Toolkit",
        "site_description": "Peer groups",
        "site_url": "https://example.org/",
        "theme": {"name": "material", "palette": palette},
    }
    assert reader_texts(settings, ["Home", "About"]) == {
        "site_name": "Toolkit",
        "site_description": "Peer groups",
        "theme": {"palette": palette},
        "nav_translations": {"Home": "Home", "About": "About"},
    }


def test_reader_texts_leaves_out_what_the_site_lacks() -> None:
    assert reader_texts({"site_name": "S", "theme": {"palette": {"scheme": "slate"}}}, []) == {
        "site_name": "S"
    }


def test_a_file_without_a_final_newline_gets_one_before_the_new_lines() -> None:
    # The translations block last, as some editors leave it, and no newline at the end.
    text = WITHOUT_SV.split("nav:\n")[0]
    text = text.replace("      keep_in_english:\n        - Acme Works\n", "")
    text = "nav:\n  - Home: index.md\n" + text.removesuffix("\n")
    assert text.endswith("        fi: complete")
    after = add_language_to_config(text, "sv", "Svenska", {})
    verify_config_edit(settings(text), after, "sv", "Svenska")
    assert after.endswith("        fi: complete\n        sv: in progress\n")
