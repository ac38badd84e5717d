"""Links for search engines and for Material's language selector, in every language.

Every page gets absolute hreflang alternates (each language and x-default, the default
language) for overrides/main.html. Material's JavaScript fetches `sitemap.xml` next to each
alternate to map pages between languages; so that those requests do not fail, each page's
folder gets a one-page sitemap of the page and its alternates (the site's full sitemap.xml,
written by the i18n plugin, stays at the root).
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from eme_toolkit.config import Site


def site_url(config: MkDocsConfig) -> str:
    """The site's address, ending in '/': the base of every absolute link."""
    if not config.site_url:
        raise PluginError(f"{config.config_file_path}: site_url is needed for absolute links")
    return config.site_url if config.site_url.endswith("/") else config.site_url + "/"


def alternates(page_url: str, code: str, site: Site, base: str) -> list[dict[str, str]]:
    """Absolute URLs of this page in every language, then x-default (the default language)."""
    own = site.folder(code)
    path = page_url[len(own) :] if own and page_url.startswith(own) else page_url
    path = "" if path in (".", "./") else path
    links = [
        {"lang": lang.code, "href": f"{base}{site.folder(lang.code)}{path}"}
        for lang in site.languages
    ]
    return [*links, {"lang": "x-default", "href": f"{base}{site.folder(site.default.code)}{path}"}]


def sitemap(links: list[dict[str, str]], loc: str) -> str:
    """A one-page sitemap: the page and its alternates."""
    alternate = "".join(
        f'<xhtml:link rel="alternate" hreflang={quoteattr(link["lang"])} '
        f"href={quoteattr(link['href'])}/>"
        for link in links
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">'
        f"<url><loc>{escape(loc)}</loc>{alternate}</url></urlset>\n"
    )


def write_page_sitemap(
    site_dir: Path, page_url: str, links: list[dict[str, str]], base: str
) -> None:
    if page_url in ("", "./", "."):
        return  # the site root: the i18n plugin's full sitemap.xml lives here
    target = site_dir / page_url / "sitemap.xml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(sitemap(links, f"{base}{page_url}"), encoding="utf-8")
