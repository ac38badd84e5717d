"""Links for search engines in every language: each page's absolute hreflang alternates, one per
language and x-default (the default language), for overrides/main.html."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from eme_toolkit.site import Site


def site_url(config: MkDocsConfig) -> str:
    """The site's address, ending in '/': the base of every absolute link."""
    if not config.site_url:
        raise PluginError(f"{config.config_file_path}: site_url is needed for absolute links")
    return config.site_url if config.site_url.endswith("/") else config.site_url + "/"


def absolute(base: str, url: str) -> str:
    """A page's URL within the site ('./' for the root) as an absolute address."""
    return base + ("" if url in (".", "./") else url)


def alternates(urls: dict[str, str], site: Site, base: str) -> list[dict[str, str]]:
    """The page's absolute address in each language it has (`urls`: language -> the page's URL
    in that language), in the site's order of languages, then x-default."""
    links = [
        {"lang": lang.code, "href": absolute(base, urls[lang.code])}
        for lang in site.languages
        if lang.code in urls
    ]
    default = urls.get(site.default.code)
    if default is not None:
        links.append({"lang": "x-default", "href": absolute(base, default)})
    return links
