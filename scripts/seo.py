"""MkDocs hook: what search engines and lost readers see, in every language of the site.

- Every page gets absolute hreflang alternates (each language and x-default, the default
  language) for overrides/main.html. Material's JavaScript fetches `sitemap.xml` next to each
  alternate to map pages between languages; so that those requests do not fail, each page's
  folder gets a one-page sitemap of the page and its alternates (the site's full sitemap.xml,
  written by the i18n plugin, stays at the root).
- GitHub Pages serves one 404.html for the whole site. It carries the 404 text and links of
  every language (overrides/404.html); a script in it shows the reader's language by the
  address asked for, and without scripts every language is shown. The default language's
  build writes it last, so the page's own chrome is in the default language.
The 404 words come from docs/<lang>/strings.yml (not_found_*), so every language has them.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from site_config import ConfigError, Site, load_site
from ui_strings import StringsError, load_strings

NOT_FOUND = "404.html"
NOT_FOUND_KEYS = ("not_found_title", "not_found_text", "not_found_nav")
# Words of Material's own interface that the 404 script swaps to the reader's language.
MATERIAL_KEYS = (
    "search.placeholder",
    "search.result.placeholder",
    "search.result.none",
    "search.result.one",
    "search.result.other",
    "search.result.more.one",
    "search.result.more.other",
    "search.result.term.missing",
    "search",
)

_building: list[str] = []  # see scripts/search_hook.py: the language of each build in progress
_not_found_page: str | None = None


def _site(config: MkDocsConfig) -> Site:
    try:
        return load_site(Path(config.config_file_path))
    except ConfigError as error:
        raise PluginError(str(error)) from None


def _folder(code: str, site: Site) -> str:
    return "" if code == site.default.code else f"{code}/"


def _i18n_languages(config: MkDocsConfig) -> dict[str, object]:
    """The i18n plugin's language entries (name, site_name, nav_translations) by code."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError(f"{config.config_file_path}: the i18n plugin is missing under plugins:")
    return {str(lang.locale): lang for lang in plugin.config.languages}


@event_priority(-200)  # after the i18n plugin has configured this language's build
def on_pre_build(config: MkDocsConfig) -> None:
    _building.append(str(config.theme["language"]))


def alternates(page_url: str, code: str, site: Site, site_url: str) -> list[dict[str, str]]:
    """Absolute URLs of this page in every language, then x-default (the default language)."""
    own = _folder(code, site)
    path = page_url[len(own) :] if own and page_url.startswith(own) else page_url
    path = "" if path in (".", "./") else path
    links = [
        {"lang": lang.code, "href": f"{site_url}{_folder(lang.code, site)}{path}"}
        for lang in site.languages
    ]
    default = f"{site_url}{_folder(site.default.code, site)}{path}"
    return [*links, {"lang": "x-default", "href": default}]


def _site_url(config: MkDocsConfig) -> str:
    if not config.site_url:
        raise PluginError(f"{config.config_file_path}: site_url is needed for absolute links")
    return config.site_url if config.site_url.endswith("/") else config.site_url + "/"


@event_priority(-300)  # after the i18n plugin and the translation hook have set the page up
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    site = _site(config)
    code = str(config.theme["language"])
    context["hreflang_links"] = alternates(page.url, code, site, _site_url(config))
    return context


def _sitemap(links: list[dict[str, str]], loc: str) -> str:
    alternate = "".join(
        f'<xhtml:link rel="alternate" hreflang={quoteattr(link["lang"])} '
        f"href={quoteattr(link['href'])}/>"
        for link in links
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">'
        f"<url><loc>{loc}</loc>{alternate}</url></urlset>\n"
    )


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if page.url in ("", "./", "."):
        return output  # the site root: the i18n plugin's full sitemap.xml lives here
    site = _site(config)
    links = alternates(page.url, str(config.theme["language"]), site, _site_url(config))
    target = Path(config.site_dir) / page.url / "sitemap.xml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_sitemap(links, f"{_site_url(config)}{page.url}"), encoding="utf-8")
    return output


def _material_words(config: MkDocsConfig, code: str) -> dict[str, str]:
    """Material's own interface words in language `code`, as its templates translate them."""
    env = config.theme.get_env()
    stub = {"theme": {"language": code}}
    module = env.get_template("partials/language.html", None, {"config": stub}).module
    return {key: str(module.t(key)) for key in MATERIAL_KEYS}  # type: ignore[attr-defined]


def _page_url(name: str) -> str:
    """'index.md' -> '', 'about.md' -> 'about/' (directory URLs, as the site uses)."""
    stem = posixpath.splitext(name)[0]
    if stem == "index":
        return ""
    return f"{stem[: -len('/index')]}/" if stem.endswith("/index") else f"{stem}/"


def not_found_languages(config: MkDocsConfig, site: Site) -> list[dict[str, object]]:
    """Each language's 404 words, its pages' links and Material's words, for overrides/404.html."""
    base = urlsplit(_site_url(config)).path
    entries = _i18n_languages(config)
    top_level = [
        (str(title), target)
        for item in config.nav or []
        if isinstance(item, dict)
        for title, target in item.items()
        if isinstance(target, str) and target.endswith(".md")
    ]
    languages = []
    for lang in site.languages:
        try:
            words = load_strings(site.docs_dir, lang.code, site.default.code)
        except StringsError as error:
            raise PluginError(f"{error}: run `make check`") from None
        missing = [key for key in NOT_FOUND_KEYS if key not in words]
        if missing:
            raise PluginError(
                f"{site.display(site.docs_dir / site.default.code / 'strings.yml')}: "
                f"add {', '.join(missing)} (the 404 page's words)"
            )
        entry = entries.get(lang.code)
        translate = getattr(entry, "nav_translations", None) or {}
        root = f"{base}{_folder(lang.code, site)}"
        languages.append(
            {
                "code": lang.code,
                "default": lang.default,
                "root": root,
                "title": words["not_found_title"],
                "text": words["not_found_text"],
                "nav": words["not_found_nav"],
                "site_name": getattr(entry, "site_name", None) or config.site_name,
                "links": [
                    {"title": translate.get(title, title), "href": root + _page_url(target)}
                    for title, target in top_level
                ],
                "material": _material_words(config, lang.code),
            }
        )
    return languages


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == NOT_FOUND:
        context["not_found"] = not_found_languages(config, _site(config))
    return context


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    global _not_found_page
    if template_name == NOT_FOUND and _building[-1] == _site(config).default.code:
        _not_found_page = output_content
    return output_content


@event_priority(-200)  # after the i18n plugin has built the other languages into the same folder
def on_post_build(config: MkDocsConfig) -> None:
    code = _building.pop()
    if code == _site(config).default.code and _not_found_page is not None:
        (Path(config.site_dir) / NOT_FOUND).write_text(_not_found_page, encoding="utf-8")
