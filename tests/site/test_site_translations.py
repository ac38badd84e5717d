"""The built site: the translation status page in every language, no stray notices or files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import COMPLETE, DEFAULT, DOCS, LANGUAGES, SITE, nav_title, read_page
from html_text import article_text, interface_words, normalise

from eme_toolkit import internals, theme_words
from eme_toolkit.page import title_text
from eme_toolkit.site import plugin_entry
from eme_toolkit.strings import load_strings, read_strings_file


def status_page(lang: str) -> str:
    return f"{SITE.folder(lang)}status/index.html"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_status_page_is_built_in_every_language(built_site: Path, lang: str) -> None:
    page = built_site / status_page(lang)
    assert page.is_file(), f"{status_page(lang)} was not generated"
    html = page.read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    title = load_strings(DOCS, lang, DEFAULT)["status_title"]
    # Marked English (lang, dir) while a language in progress has it untranslated.
    assert re.search(rf'<h1 (dir="ltr" )?id="status"( lang="en")?>{re.escape(title)}', html)
    text = article_text(page)
    # The complete languages of the real site are translated and up to date.
    for code in COMPLETE:
        language = SITE.language(code)
        assert language and re.search(rf"{language.name} \(\w+\) 100 %", text), text
    # The language selector leads to the status page of every other language.
    depth = "../" * (1 + SITE.folder(lang).count("/"))
    for other in LANGUAGES:
        if other != lang:
            target = f"{depth}{SITE.folder(other)}status/"
            assert f'<a href="{target}" hreflang="{other}" class="md-select__link"' in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_status_page_is_in_the_nav(built_site: Path, lang: str) -> None:
    home = (built_site / SITE.folder(lang) / "index.html").read_text("utf-8")
    link = re.search(r'<a href="status/" class="md-nav__link">\s*<span[^>]*>\s*([^<]+?)\s*<', home)
    title = nav_title(lang, "Translation status")
    assert link and link.group(1) == title, "status page missing from the nav"


def test_pages_of_complete_languages_carry_no_notice(built_site: Path) -> None:
    for lang in COMPLETE:
        folder = built_site / SITE.folder(lang)
        others = {SITE.folder(code).strip("/") for code in LANGUAGES if code != lang} - {""}
        for page in folder.rglob("*.html"):
            if page.relative_to(folder).parts[0] in others:
                continue
            assert "translation-notice" not in page.read_text(encoding="utf-8"), page


def test_strings_and_records_stay_out_of_the_site(built_site: Path) -> None:
    names = {p.name for p in built_site.rglob("*")}
    assert "strings.yml" not in names and "translation-record.yml" not in names


def test_every_string_exists_in_every_language() -> None:
    english = read_strings_file(DOCS / DEFAULT / "strings.yml")
    for lang in LANGUAGES:
        strings = read_strings_file(DOCS / lang / "strings.yml")
        assert set(strings) == set(english), f"docs/{lang}/strings.yml keys differ from English"
        assert all(isinstance(v, str) and v.strip() for v in strings.values())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_permalinks_are_titled_in_the_readers_language(built_site: Path, lang: str) -> None:
    title = load_strings(DOCS, lang, DEFAULT)["permalink_title"]
    html = (built_site / SITE.folder(lang) / "about" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="headerlink" href="#') == html.count(f'title="{title}"') > 0


# Quotation marks as each language's sources print them; straight quotes are a typewriter's.
QUOTES_NOT_USED = {"en": "\"'“”„", "fi": "\"'“„‘"}


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang in QUOTES_NOT_USED])
def test_quotes_are_typographic_as_in_the_sources(built_site: Path, lang: str) -> None:
    folder = built_site / SITE.folder(lang)
    others = [built_site / SITE.folder(o) for o in LANGUAGES if o != lang and SITE.folder(o)]
    pages = [p for p in folder.rglob("index.html") if not any(o in p.parents for o in others)]
    assert pages
    for page in pages:
        text = article_text(page, code=False)
        wrong = sorted({c for c in text if c in QUOTES_NOT_USED[lang]})
        assert not wrong, f"{page.relative_to(built_site)}: {wrong} in {lang} text"


def _texts(value: object) -> set[str]:
    if isinstance(value, str):
        return {normalise(value)}
    if isinstance(value, dict):
        return set().union(*(_texts(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(_texts(v) for v in value)) if value else set()
    return set()


def still_english(lang: str) -> set[str]:
    """What a language in progress may still show in English, as its sources have it: its
    strings and its entry in mkdocs.yml still the English text (the theme's words too, for a
    language Material does not translate), and the titles, headings and tags of the English
    pages and sections it has not translated, as menus, the tags page and the window's title
    show them."""
    english_strings = load_strings(DOCS, DEFAULT, DEFAULT)
    ours = load_strings(DOCS, lang, DEFAULT)
    entry = next(e for e in internals_languages() if e.get("locale") == lang)
    site_name = str(entry.get("site_name") or SITE.settings.get("site_name"))
    words = {normalise(v) for k, v in ours.items() if english_strings.get(k) == v}
    words |= {f"{word} - {site_name}" for word in words}  # the window's title
    words |= set(theme_words.english_words().values()) & set(ours.values())
    english_entry = _texts({k: v for k, v in SITE.settings.items() if k != "plugins"})
    words |= _texts(entry) & (english_entry | {str(k) for k in entry.get("nav_translations", {})})
    for path in (DOCS / DEFAULT).rglob("*.md"):
        name = path.relative_to(DOCS / DEFAULT)
        translated = (
            (DOCS / lang / name).read_text("utf-8") if (DOCS / lang / name).is_file() else ""
        )
        page = read_page(path)
        title = page.front_matter.get("title")
        tags = page.front_matter.get("tags") or []
        titles = [title_text(s.title) for s in page.sections] + ([title] if title else [])
        titles += [str(tag) for tag in tags]  # the tags page lists them
        for text in titles:
            if text not in translated:
                words |= {normalise(text), normalise(f"{text} - {site_name}")}
    return words


def internals_languages() -> list[dict]:
    i18n = plugin_entry(SITE.settings.get("plugins"), "i18n")
    assert isinstance(i18n, dict)
    return list(i18n["languages"])


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != DEFAULT])
def test_no_interface_words_of_english_on_other_languages_pages(
    built_site: Path, lang: str
) -> None:
    """Footer, header, tooltips, labels, selector, notices, status table: all in the page's
    language. Only the selector's language names read the same on every page; a language in
    progress may still show what its sources still have in English (`still_english`)."""
    names = {language.name for language in SITE.languages}
    # Material's own words that the language writes as English does ("Navigation" in Swedish).
    keys = internals.material_keys()
    english_words = internals.material_english_words(keys)
    ours = internals.material_english_words(keys, lang)
    names |= {word for key, word in english_words.items() if ours.get(key) == word}
    if lang not in COMPLETE:
        names |= still_english(lang)
    folder = built_site / SITE.folder(DEFAULT)
    others = [built_site / SITE.folder(o) for o in LANGUAGES if SITE.folder(o)]
    pages = [p for p in folder.rglob("*.html") if not any(o in p.parents for o in others)]
    assert len(pages) > 3
    for english in pages:
        page = built_site / SITE.folder(lang) / english.relative_to(folder)
        if english.name == "404.html":
            continue  # one 404 page for every language: the browser tests check its words
        same = interface_words(english) & interface_words(page) - names
        assert not same, f"{page.relative_to(built_site)} shows English words: {sorted(same)}"
