"""add-language for any language (with or without Material's words, either direction) and
remove-language, on copies of the real project, built strictly as `make build` builds it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import LANGUAGES, copy_project, mkdocs_build, run_cli, start_afresh

from eme_toolkit import internals, theme_words
from eme_toolkit.site import load_site

# code: (the name CLDR gives it, direction, Material translates it, lunr stems it)
NEW = {
    "uk": ("Українська", "ltr", True, False),
    "fa": ("فارسی", "rtl", True, False),
    "et": ("Eesti", "ltr", True, False),
    "so": ("Soomaali", "ltr", False, False),
    "ti": ("ትግርኛ", "ltr", False, False),
    "ku": ("Kurdî (kurmancî)", "ltr", False, False),
    "ar": ("العربية", "rtl", True, True),
}


def test_the_languages_here_are_of_every_kind() -> None:
    for code, (_, _, translated, stemmed) in NEW.items():
        assert internals.material_has_language(code) is translated, code
        assert internals.lunr_supports(code) is stemmed, code


@pytest.fixture(scope="module")
def added(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The project with every language of NEW added by its code alone, and its build."""
    project = copy_project(tmp_path_factory.mktemp("languages"))
    config = project / "mkdocs.yml"
    for code in NEW:
        start_afresh(config, code)  # added anew even where the site has it already
        result = run_cli(config, "add-language", code)
        assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    mkdocs_build(site, config)
    return project, site


@pytest.mark.parametrize("code", NEW)
def test_any_language_is_added_by_its_code_and_builds(code: str, added: tuple[Path, Path]) -> None:
    project, site = added
    name, direction, translated, stemmed = NEW[code]
    language = load_site(project / "mkdocs.yml").language(code)
    assert language is not None and language.name == name  # its own name, from CLDR
    home = (site / code / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{code}" dir="{direction}"' in home
    assert f'<body dir="{direction}"' in home
    template = project / "overrides" / "partials" / "languages" / f"{code}.html"
    strings = yaml.safe_load((project / "docs" / code / "strings.yml").read_text(encoding="utf-8"))
    if translated:
        # Material's own words: nothing of ours.
        assert not template.exists()
        assert not [key for key in strings if key.startswith(theme_words.PREFIX)]
    else:
        assert f'"direction": "{direction}"' in template.read_text(encoding="utf-8")
        english = theme_words.english_words()
        assert {k: v for k, v in strings.items() if k.startswith("theme.")} == {
            f"theme.{key}": word for key, word in english.items()
        }
        assert f'placeholder="{english["search.placeholder"]}"' in home
    index = re.search(
        r'"lang":\s*\["(\w+)"\]',
        (site / code / "search" / "search_index.json").read_text(encoding="utf-8"),
    )
    assert index and index[1] == (code if stemmed else "en")


def test_the_theme_words_of_a_language_material_lacks_come_from_its_strings(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    start_afresh(config, "so")
    assert run_cli(config, "add-language", "so").returncode == 0
    strings = project / "docs" / "so" / "strings.yml"
    text = strings.read_text(encoding="utf-8")
    text = text.replace('theme.search.placeholder: "Search"', 'theme.search.placeholder: "Raadi"')
    # A word the translator removed: check names it, and readers see Material's English.
    text = text.replace('theme.top: "Back to top"\n', "")
    strings.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    mkdocs_build(site, config)
    home = (site / "so" / "index.html").read_text(encoding="utf-8")
    assert 'placeholder="Raadi"' in home and "Back to top" in home
    # The one 404 page shows Somali readers their search box in Somali.
    assert '"search.placeholder": "Raadi"' in (site / "404.html").read_text(encoding="utf-8")
    result = run_cli(config, "check")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "docs/so/strings.yml:1: lacks 'theme.top', a word of the theme (English: “Back to "
        "top”): add 'theme.top:' with the text translated"
    )


def test_remove_language_restores_mkdocs_yml_byte_for_byte_and_keeps_the_files(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    for code in ("so", "ar", "uk"):
        start_afresh(config, code)
    before = config.read_bytes()
    for code in ("so", "ar", "uk"):
        assert run_cli(config, "add-language", code).returncode == 0
    translated = project / "docs" / "ar" / "index.md"
    translated.write_text("# الصفحة الرئيسية { #home }\n", encoding="utf-8")
    # Removed in another order than added: each one's lines, wherever they are.
    for code in ("ar", "so"):
        result = run_cli(config, "remove-language", code)
        assert result.returncode == 0, result.stderr
    assert "  kept: docs/ar/\n" in result.stdout or "kept: docs/so/" in result.stdout
    assert "  kept: overrides/partials/languages/so.html\n" in result.stdout
    assert translated.read_text(encoding="utf-8") == "# الصفحة الرئيسية { #home }\n"
    assert (project / "overrides" / "partials" / "languages" / "so.html").is_file()
    result = run_cli(config, "remove-language", "uk", "--force")
    assert result.returncode == 0 and "  deleted: docs/uk/\n" in result.stdout
    assert not (project / "docs" / "uk").exists()
    assert config.read_bytes() == before
    mkdocs_build(tmp_path / "site", config)


def test_remove_language_refuses_to_lose_translated_settings_unless_forced(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    start_afresh(config, "sv")
    before = config.read_text(encoding="utf-8")
    assert run_cli(config, "add-language", "sv", "--name", "Svenska").returncode == 0
    text = config.read_text(encoding="utf-8")
    head, home, tail = text.rpartition("            Home: Home\n")  # in Swedish's entry, the last
    edited = head + "            Home: Hem\n" + tail
    assert edited != text
    config.write_text(edited, encoding="utf-8")
    assert home and text.rindex("- locale: sv") < len(head)
    line = edited.splitlines().index("        - locale: sv") + 1
    result = run_cli(config, "remove-language", "sv")
    assert result.returncode == 2
    assert result.stderr == (
        f"error: mkdocs.yml:{line}: the entries of Svenska are not as add-language wrote them "
        "(translated words, or other settings, would be lost): nothing was changed; FORCE=1 "
        "removes them anyway\n"
    )
    assert config.read_text(encoding="utf-8") == edited
    assert (project / "docs" / "sv" / "strings.yml").is_file()
    result = run_cli(config, "remove-language", "sv", "--force")
    assert result.returncode == 0, result.stderr
    assert config.read_text(encoding="utf-8") == before
    assert not (project / "docs" / "sv").exists()


def test_remove_language_refuses_what_it_cannot_remove(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    before = config.read_bytes()
    cases = {
        "xx": f"error: 'xx' is not a language of the site ({', '.join(LANGUAGES)})\n",
        "en": "error: 'en' is the default language: it cannot be removed\n",
    }
    for code, message in cases.items():
        result = run_cli(config, "remove-language", code)
        assert result.returncode == 2 and result.stderr == message
    assert config.read_bytes() == before


@pytest.mark.parametrize("code", [code for code, (_, d, _, _) in NEW.items() if d == "rtl"])
def test_a_right_to_left_language_sets_every_english_block_left_to_right(
    code: str, added: tuple[Path, Path]
) -> None:
    _, site = added
    pages = sorted((site / code).rglob("index.html"))
    assert len(pages) >= 6
    for page in pages:
        html = page.read_text(encoding="utf-8")
        english = re.findall(r'<[a-z0-9]+\b[^>]*\blang="en"[^>]*>', html)
        assert english, page  # every page of a language in progress shows some English
        assert [tag for tag in english if 'dir="ltr"' not in tag] == [], page
    about = (site / code / "about" / "index.html").read_text(encoding="utf-8")
    name = NEW[code][0]
    # The notice and the print line isolate the language's name (and the address).
    assert f'into <bdi lang="{code}">{name}</bdi> yet' in about
    assert f'<bdi dir="ltr">http://127.0.0.1:8000/{code}/about/</bdi>' in about
    status = (site / code / "status" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h1 dir="ltr" id="status" lang="en">Translation status', status)
    assert (
        f'<bdi lang="{code}" dir="rtl">{name}</bdi> <bdi lang="en" dir="ltr">(in progress)</bdi>'
        in status
    )
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert f'lang="{code}" dir="{NEW[code][1]}" data-language="{code}"' in not_found
