"""A one-page sitemap in each page's folder, for Material's language selector.

Material's JavaScript fetches `sitemap.xml` next to each alternate of the page to map pages
between languages; so that those requests do not fail, each page's folder gets a sitemap of
the page and its alternates (the site's full sitemap.xml, written by the i18n plugin, stays at
the root).
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape, quoteattr


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
