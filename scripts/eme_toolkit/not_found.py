"""The one 404 page for the whole site, in every language.

GitHub Pages serves one 404.html for every missing address. It carries the 404 text and links
of every language (overrides/404.html); a script in it shows the reader's language by the
address asked for, and without scripts every language is shown. The default language's build
writes it last, so the page's own chrome is in the default language. The words come from
docs/<lang>/strings.yml (not_found_*) and from Material's own translations.
"""

from __future__ import annotations

import posixpath
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment

from eme_toolkit import direction, header, internals, search, templates
from eme_toolkit.context import BuildContext

TEMPLATE = "404.html"
LANGUAGES_SCRIPT = ("__not_found", "overrides/404.html")  # every language's words, as JSON
KEYS = ("not_found_title", "not_found_text", "not_found_nav")


def page_url(name: str) -> str:
    """'index.md' -> '', 'about.md' -> 'about/' (directory URLs, as the site uses)."""
    stem = posixpath.splitext(name)[0]
    if stem == "index":
        return ""
    return f"{stem[: -len('/index')]}/" if stem.endswith("/index") else f"{stem}/"


def toggle_names(theme: dict[str, Any], default: list[Any]) -> list[str]:
    """The names of the colour scheme toggles, in the language's entry or else the default's."""
    palette = theme.get("palette") or default
    return [str((p.get("toggle") or {}).get("name", "")) for p in palette if isinstance(p, dict)]


def languages(
    context: BuildContext,
    env: Environment,
    base_url: str,
    nav: list[Any],
    entries: list[dict[str, Any]],
    site_name: str,
    default_palette: list[Any],
) -> list[dict[str, object]]:
    """Each language's 404 words, its pages' links and Material's words, for the template."""
    site = context.site
    base = urlsplit(base_url).path
    by_code = {str(entry.get("locale")): entry for entry in entries}
    top_level = [
        (str(title), target)
        for item in nav or []
        if isinstance(item, dict)
        for title, target in item.items()
        if isinstance(target, str) and target.endswith(".md")
    ]
    result = []
    for lang in site.languages:
        words = context.strings(lang.code, KEYS)
        entry = by_code.get(lang.code, {})
        translate = entry.get("nav_translations") or {}
        root = f"{base}{site.folder(lang.code)}"
        marks = context.marks(lang.code)
        result.append(
            {
                "code": lang.code,
                "dir": context.directions.get(lang.code) or direction.of(env, lang.code),
                # A text still in English is marked so (lang and dir), or not at all.
                "marks": {key: marks.get(key) for key in KEYS},
                "default": lang.default,
                "root": root,
                "title": words["not_found_title"],
                "text": words["not_found_text"],
                "nav": words["not_found_nav"],
                "site_name": entry.get("site_name") or site_name,
                "site_name_short": header.short_name(context, lang.code),
                "links": [
                    {"title": translate.get(title, title), "href": root + page_url(target)}
                    for title, target in top_level
                ],
                # Material's words and the colour toggles' names, which the 404 script swaps
                # for the reader's language.
                "material": internals.material_words(env, lang.code, internals.material_keys()),
                "palette": toggle_names(entry.get("theme") or {}, default_palette),
            }
        )
    return result


def with_search(html: str) -> str:
    """The built 404 page with search in the reader's language: our worker in __config, and for
    each language, the worker with that language's index, for the page's script to choose."""
    material_worker = internals.read_config(html, TEMPLATE)["search"]

    def point(languages: list[dict[str, Any]]) -> None:
        for language in languages:
            language["search"] = search.language_worker(material_worker, language["root"])

    html = templates.rewrite_json_script(html, LANGUAGES_SCRIPT, TEMPLATE, point)
    return search.use_worker(html, TEMPLATE)
