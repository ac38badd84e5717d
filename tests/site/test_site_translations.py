"""The built site: the translation status page in every language, no stray notices or files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import DOCS, LANGUAGES
from html_text import article_text

STATUS = {"en": "status/index.html", "fi": "fi/status/index.html"}
TITLES = {"en": "Translation status", "fi": "Käännösten tila"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_status_page_is_built_in_every_language(built_site: Path, lang: str) -> None:
    page = built_site / STATUS[lang]
    assert page.is_file(), f"{STATUS[lang]} was not generated"
    html = page.read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    assert f'<h1 id="status">{TITLES[lang]}' in html
    text = article_text(page)
    # Both languages of the real site are complete and up to date.
    for name in ("English", "Suomi"):
        assert re.search(rf"{name} \(\w+\) 100 %", text), text
    # The language selector leads to the status page of the other language.
    other = "fi" if lang == "en" else "en"
    target = "../fi/status/" if lang == "en" else "../../status/"
    assert f'<a href="{target}" hreflang="{other}" class="md-select__link"' in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_status_page_is_in_the_nav(built_site: Path, lang: str) -> None:
    home = (built_site / ("index.html" if lang == "en" else "fi/index.html")).read_text("utf-8")
    link = re.search(r'<a href="status/" class="md-nav__link">\s*<span[^>]*>\s*([^<]+?)\s*<', home)
    assert link and link.group(1) == TITLES[lang], "status page missing from the nav"


def test_up_to_date_pages_carry_no_notice(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        assert "translation-notice" not in page.read_text(encoding="utf-8"), page


def test_strings_and_records_stay_out_of_the_site(built_site: Path) -> None:
    names = {p.name for p in built_site.rglob("*")}
    assert "strings.yml" not in names and "translation-record.yml" not in names


def test_every_string_exists_in_every_language() -> None:
    english = yaml.safe_load((DOCS / "en" / "strings.yml").read_text(encoding="utf-8"))
    for lang in LANGUAGES:
        strings = yaml.safe_load((DOCS / lang / "strings.yml").read_text(encoding="utf-8"))
        assert set(strings) == set(english), f"docs/{lang}/strings.yml keys differ from English"
        assert all(isinstance(v, str) and v.strip() for v in strings.values())
