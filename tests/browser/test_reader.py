"""A reader's visit in Chromium: language selector, privacy, one request per resource and no
console error at the site's address or another, 404, search engines.

Printing has its own file, test_print.py.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from conftest import DEFAULT

from .conftest import LANGUAGES, Reader, Site

# Each language to the next and to the one before it (in a ring): every language is left and
# reached twice, from and to both directions of writing, without every pair's cost.
PAIRS = sorted(
    {
        (lang, LANGUAGES[(i + step) % len(LANGUAGES)])
        for i, lang in enumerate(LANGUAGES)
        for step in (1, -1)
    }
)
OTHER = {"en": "fi", "fi": "en"}


@pytest.mark.parametrize(("lang", "other"), PAIRS)
def test_selector_keeps_the_page_and_section_by_keyboard(
    reader: Reader, site: Site, lang: str, other: str
) -> None:
    reader.open(lang, "peer-groups/", "#outcomes")
    link = reader.page.locator(f".md-select__link[hreflang={other}]")
    link.focus()  # reached by Tab inside the selector, which opens on focus
    with reader.page.expect_navigation():
        reader.page.keyboard.press("Enter")
    assert reader.page.url == site.page_url(other, "peer-groups/") + "#outcomes"
    assert reader.page.get_attribute("html", "lang") == other
    assert reader.page.locator("#outcomes").is_visible()
    assert not reader.errors


def test_privacy_no_request_leaves_the_site(reader: Reader, site: Site) -> None:
    """Pages, search, the selector and the palette toggle ask only the site's own host."""
    for lang in ("en", "fi"):
        reader.open(lang, "peer-groups/")
        reader.search({"en": "counsellor", "fi": "neuvoja"}[lang])
        reader.page.locator(".md-search-result__link").first.wait_for()
        reader.page.keyboard.press("Escape")
        reader.page.locator("form[data-md-component=palette] label:visible").first.click()
        reader.page.locator(f".md-select__link[hreflang={OTHER[lang]}]").focus()
        with reader.page.expect_navigation():
            reader.page.keyboard.press("Enter")
        reader.page.wait_for_load_state("networkidle")
    hosts = {urlsplit(url).netloc for url in reader.requests if url.startswith("http")}
    assert hosts == {site.host}, f"requests went to {hosts - {site.host}}"
    assert len(reader.requests) > 20  # pages, styles, scripts, search indexes were recorded


@pytest.mark.parametrize(
    ("lang", "title", "home"),
    [("en", "Page not found", "Home"), ("fi", "Sivua ei löytynyt", "Etusivu")],
)
def test_404_speaks_the_language_of_the_missing_address(
    reader: Reader, site: Site, lang: str, title: str, home: str
) -> None:
    response = reader.page.goto(site.page_url(lang, "no-such-page/"))
    assert response is not None and response.status == 404
    shown = reader.page.locator(".site-not-found:visible")
    assert shown.count() == 1
    assert shown.locator("h1").inner_text() == title
    assert reader.page.get_attribute("html", "lang") == lang
    home_link = shown.get_by_role("link", name=home, exact=True)
    assert home_link.get_attribute("href") is not None
    with reader.page.expect_navigation():
        home_link.click()
    assert reader.page.url == site.page_url(lang)
    assert not [e for e in reader.errors if "404" not in e]


def _head(site: Site, lang: str, path: str) -> str:
    return (site.root / site.folder(lang) / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_engines_see_each_language_as_itself(site: Site, lang: str) -> None:
    for path in site.pages[lang]:
        html = _head(site, lang, path)
        url = site.page_url(lang, path)
        assert f'<link rel="canonical" href="{url}">' in html, path
        for other in LANGUAGES:
            alternate = f'hreflang="{other}" href="{site.page_url(other, path)}"'
            assert alternate in html, (lang, path, other)
        assert f'hreflang="x-default" href="{site.page_url(DEFAULT, path)}"' in html
        description = re.search(r'<meta name="description" content="([^"]+)"', html)
        assert description and len(description.group(1)) > 40, (lang, path)
        assert re.search(r'<meta property="og:title" content="[^"]+"', html)
        assert f'<meta property="og:description" content="{description.group(1)}"' in html
        assert f'<html lang="{lang}"' in html
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    assert f'hreflang="fi" href="{site.page_url("fi", "peer-groups/")}"' in sitemap


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_selector_marks_the_readers_own_language(reader: Reader, lang: str) -> None:
    reader.open(lang, "peer-groups/")
    links = reader.page.locator(".md-select__link[hreflang]")
    marked = {
        link.get_attribute("hreflang"): (
            link.get_attribute("aria-current"),
            link.evaluate("a => getComputedStyle(a).fontWeight"),
        )
        for link in links.all()
    }
    assert set(marked) == set(LANGUAGES)
    for code, (current, weight) in marked.items():
        if code == lang:
            assert current == "page" and int(weight) >= 700, (code, current, weight)
        else:
            assert current is None and int(weight) < 700, (code, current, weight)


@pytest.mark.parametrize("lang", [code for code in LANGUAGES if code != DEFAULT])
def test_the_404_page_shows_no_word_of_the_default_language(
    reader: Reader, site: Site, lang: str
) -> None:
    """Material's interface and the colour toggles speak the language of the missing address."""
    reader.page.goto(site.page_url(lang, "no-such-page/"))
    data = json.loads(reader.page.locator("#__not_found").text_content() or "[]")
    built = next(item for item in data if item["default"])
    chosen = next(item for item in data if item["code"] == lang)
    foreign = {
        built["material"][key]
        for key in built["material"]
        if built["material"][key] != chosen["material"].get(key, built["material"][key])
    } | {name for name, own in zip(built["palette"], chosen["palette"], strict=True) if name != own}
    shown = reader.page.evaluate(
        """() => {
          const found = [];
          for (const el of document.querySelectorAll("body *")) {
            if (el.closest(".site-not-found") || el.closest("script")) continue;
            for (const name of ["title", "aria-label", "placeholder"]) {
              if (el.getAttribute(name)) found.push(el.getAttribute(name).trim());
            }
            for (const node of el.childNodes) {
              if (node.nodeType === 3 && node.nodeValue.trim()) found.push(node.nodeValue.trim());
            }
          }
          return found;
        }"""
    )
    assert foreign and not sorted(set(shown) & foreign), sorted(set(shown) & foreign)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_tag_leads_to_its_heading_and_back_to_the_practice(
    reader: Reader, site: Site, lang: str
) -> None:
    """Tags are words with spaces and letters such as ä: their addresses must still work."""
    reader.open(lang, "peer-groups/")
    names = [name.strip() for name in reader.page.locator("article a.md-tag").all_inner_texts()]
    assert len(names) == 4 and any(" " in name for name in names), names
    for name in names:
        reader.open(lang, "peer-groups/")
        with reader.page.expect_navigation():
            reader.page.locator("article").get_by_role("link", name=name, exact=True).click()
        assert reader.page.url.split("#")[0] == site.page_url(lang, "tags/")
        target = reader.page.locator(":target")
        assert target.locator(".md-tag").inner_text().strip() == name
        assert target.evaluate("h => h.getBoundingClientRect().top < innerHeight")
        listed = target.locator("xpath=following-sibling::ul[1]//a")
        with reader.page.expect_navigation():
            listed.click()
        assert reader.page.url == site.page_url(lang, "peer-groups/")
    assert not reader.errors


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("where", ["site_url", "elsewhere"])
def test_each_page_asks_for_each_resource_once_without_a_console_error(
    reader: Reader, site: Site, elsewhere: str, lang: str, where: str
) -> None:
    """At the address the site was built for, and at another origin and path (a preview, a
    fork), where a request to the site_url's origin would be refused (CORS)."""
    base = site.url if where == "site_url" else elsewhere
    asked: list[str] = []
    reader.page.on("request", lambda request: asked.append(request.url))
    for path in site.pages[lang]:
        url = base + site.folder(lang) + path
        asked.clear()
        reader.page.goto(url)
        reader.page.wait_for_load_state("networkidle")
        twice = sorted({one for one in asked if asked.count(one) > 1})
        assert not twice, (url, twice)
        outside = [one for one in asked if not one.startswith(base)]
        assert not outside, (url, outside)
        assert len(asked) >= 5, (url, asked)  # the page, its styles, scripts, search index
    assert not reader.errors, reader.errors
