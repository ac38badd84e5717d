"""head and sitemaps: hreflang alternates and one-page sitemaps for every page."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from xml.etree import ElementTree

import pytest
from mkdocs.exceptions import PluginError

from eme_toolkit.head import alternates, site_url
from eme_toolkit.site import Language, Site
from eme_toolkit.sitemaps import sitemap, write_page_sitemap

SITE = Site(
    Path("/project/mkdocs.yml"),
    Path("/project/docs"),
    [Language("en", "English", True, True), Language("fi", "Suomi", False, True)],
)
BASE = "https://example.org/toolkit/"


def test_site_url_ends_in_a_slash() -> None:
    config = SimpleNamespace(site_url="https://example.org/toolkit", config_file_path="m.yml")
    assert site_url(config) == BASE  # type: ignore[arg-type]
    config.site_url = BASE
    assert site_url(config) == BASE  # type: ignore[arg-type]


def test_site_url_is_required() -> None:
    config = SimpleNamespace(site_url=None, config_file_path="mkdocs.yml")
    with pytest.raises(PluginError, match=r"^mkdocs.yml: site_url is needed for absolute links$"):
        site_url(config)  # type: ignore[arg-type]


ABOUT = {"fi": "fi/about/", "en": "about/"}


def test_alternates_are_absolute_in_the_sites_order_with_x_default_last() -> None:
    assert alternates(ABOUT, SITE, BASE) == [
        {"lang": "en", "href": "https://example.org/toolkit/about/"},
        {"lang": "fi", "href": "https://example.org/toolkit/fi/about/"},
        {"lang": "x-default", "href": "https://example.org/toolkit/about/"},
    ]


def test_alternates_of_the_root_page() -> None:
    assert alternates({"en": "./", "fi": "fi/"}, SITE, BASE) == [
        {"lang": "en", "href": BASE},
        {"lang": "fi", "href": BASE + "fi/"},
        {"lang": "x-default", "href": BASE},
    ]


def test_alternates_of_a_build_of_some_languages_only() -> None:
    assert alternates({"fi": "fi/about/"}, SITE, BASE) == [
        {"lang": "fi", "href": "https://example.org/toolkit/fi/about/"}
    ]


def test_sitemap_escapes_attribute_values_and_parses_as_xml() -> None:
    links = [{"lang": "en", "href": "https://example.org/a&b/"}, {"lang": 'x"y', "href": "h"}]
    xml = sitemap(links, "https://example.org/a/")
    assert 'href="https://example.org/a&amp;b/"' in xml
    assert "hreflang='x\"y'" in xml
    root = ElementTree.fromstring(xml)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    assert root.findtext("s:url/s:loc", namespaces=ns) == "https://example.org/a/"
    hrefs = [link.get("href") for link in root.iterfind("s:url/x:link", ns)]
    assert hrefs == ["https://example.org/a&b/", "h"]


def test_write_page_sitemap_writes_next_to_the_page(tmp_path: Path) -> None:
    links = alternates(ABOUT, SITE, BASE)
    write_page_sitemap(tmp_path, "fi/about/", links, BASE)
    written = (tmp_path / "fi" / "about" / "sitemap.xml").read_text(encoding="utf-8")
    assert written == sitemap(links, "https://example.org/toolkit/fi/about/")


@pytest.mark.parametrize("page_url", ["", "./", "."])
def test_write_page_sitemap_skips_the_site_root(tmp_path: Path, page_url: str) -> None:
    write_page_sitemap(tmp_path, page_url, alternates({"en": "./"}, SITE, BASE), BASE)
    assert list(tmp_path.iterdir()) == []


def test_sitemap_escapes_the_page_address() -> None:
    xml = sitemap([], "http://x/a&b/")
    assert "<loc>http://x/a&amp;b/</loc>" in xml
    ElementTree.fromstring(xml)
