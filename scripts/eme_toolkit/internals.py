"""The private parts of MkDocs, Material for MkDocs and mkdocs-static-i18n the plugin relies on.

Everything here works with a version range of those packages, not with a documented
interface; tests/unit/test_internals.py checks each against the installed versions and fails
first when an upgrade changes one. CONTRIBUTING.md lists them with the reason for each.

Supported: mkdocs 1.6.1 (and ProperDocs 1.6, its fork), mkdocs-material >=9.8,<9.9 and
mkdocs-static-i18n >=1.3,<1.4 (pyproject.toml).
"""

from __future__ import annotations

import importlib.util
import json
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError

from eme_toolkit import templates

if TYPE_CHECKING:  # the editors' CLI needs neither, and starts faster without them
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

_MATERIAL_SPEC = importlib.util.find_spec("material")
assert _MATERIAL_SPEC and _MATERIAL_SPEC.origin, "mkdocs-material is not installed"
MATERIAL = Path(_MATERIAL_SPEC.origin).parent / "templates"
# Material ships lunr language support (stemmer, stop words) as lunr.<code>.min.js; English is
# built into lunr itself.
LUNR = MATERIAL / "assets" / "javascripts" / "lunr" / "min"
# overrides/assets/javascripts/workers/search-i18n.js relies on the inside of Material's search
# worker too (lunr as self.lunr, how it builds the index and rewrites a query): see
# test_materials_search_worker_works_as_our_worker_expects in tests/unit/test_internals.py.
# Material's base.html passes its settings to its JavaScript as JSON in this script element.
CONFIG_SCRIPT = ("__config", "Material's base.html")


def material_languages() -> list[str]:
    """Codes Material has an interface translation for (partials/languages/<code>.html)."""
    return sorted(p.stem for p in (MATERIAL / "partials" / "languages").glob("*.html"))


def material_has_language(code: str) -> bool:
    return (MATERIAL / "partials" / "languages" / f"{code}.html").is_file()


def lunr_supports(code: str) -> bool:
    """lunr can stem `code`: built in for English, a language file in Material for others."""
    return code == "en" or (LUNR / f"lunr.{code}.min.js").is_file()


# Material's header (partials/header.html) shows the site's name in its first topic.
HEADER_SITE_NAME = re.compile(
    r'(<div class="md-header__topic">\s*<span class="md-ellipsis">)\s*(.*?)\s*(</span>)', re.S
)


def replace_header_site_name(html: str, change: Callable[[str], str]) -> str:
    """The page with the site's name in its header (HTML, as Material wrote it) changed."""
    return HEADER_SITE_NAME.sub(lambda m: m[1] + change(m[2]) + m[3], html, count=1)


def read_config(html: str, where: str) -> dict[str, Any]:
    """The page's __config: the settings Material's JavaScript reads."""
    return templates.read_json_script(html, CONFIG_SCRIPT, where)


def rewrite_config(html: str, where: str, change: Callable[[dict[str, Any]], None]) -> str:
    """Apply `change` to the page's __config (the JSON that Material's JavaScript reads)."""
    return templates.rewrite_json_script(html, CONFIG_SCRIPT, where, change)


def material_keys() -> tuple[str, ...]:
    """Every word key of Material's interface: the keys of its English translation file."""
    text = (MATERIAL / "partials" / "languages" / "en.html").read_text(encoding="utf-8")
    keys = re.findall(r'^\s*"([\w.]+)":', text, re.MULTILINE)
    return tuple(key for key in keys if key not in ("language", "direction"))


def material_english_words(keys: tuple[str, ...], code: str = "en") -> dict[str, str]:
    """Material's interface words of `keys`, read from its template of language `code`
    (English by default); {} for a language Material does not translate."""
    path = MATERIAL / "partials" / "languages" / f"{code}.html"
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8")
    found = {
        key: json.loads(value)
        for key, value in re.findall(r'^\s*"([\w.]+)":\s*("(?:[^"\\]|\\.)*")', text, re.MULTILINE)
    }
    return {key: found[key] for key in keys if key in found}


def material_words(env: Environment, code: str, keys: tuple[str, ...]) -> dict[str, str]:
    """Material's own interface words in language `code`, as its `t` macro translates them."""
    # A module of its own per language: the template, cached by the environment, is shared.
    stub = {"theme": {"language": code}}
    module = env.get_template("partials/language.html").make_module({"config": stub})
    return {key: str(module.t(key)) for key in keys}  # type: ignore[attr-defined]


def i18n_languages(config: MkDocsConfig) -> list[dict[str, Any]]:
    """The i18n plugin's validated `languages:` entries, as plain dicts."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError(f"{config.config_file_path}: the i18n plugin is missing under plugins:")
    return [dict(language) for language in plugin.config.languages]


def build_only(config: MkDocsConfig, codes: set[str]) -> None:
    """Build the default language and `codes` only: static-i18n reads each language's `build`
    option when it builds the other languages, after the default language's build."""
    plugin = config.plugins.get("i18n")
    assert plugin is not None
    for language in plugin.config.languages:
        if not language.default:
            language.build = language.locale in codes


def page_alternates(config: MkDocsConfig) -> list[dict[str, Any]]:
    """The language selector's entries for the page being rendered.

    static-i18n sets them per page as an attribute of config.extra; Material reads the key.
    """
    return getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []


def set_page_alternates(config: MkDocsConfig, alternates: list[dict[str, Any]]) -> None:
    config.extra["alternate"] = alternates
    setattr(config.extra, "alternate", alternates)  # noqa: B010


# MkDocs logs this on every dirty build (mkdocs/commands/build.py), a warning that strict mode
# turns into a failed build. ProperDocs, the maintained fork of MkDocs 1.x, logs it from its own
# module, properdocs/commands/build.py, under that module's name.
DIRTY_WARNING = "A 'dirty' build is being performed"
BUILD_LOGGERS = ("mkdocs.commands.build", "properdocs.commands.build")


class _DirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def allow_strict_dirty_builds() -> None:
    """Let `mkdocs serve --strict --dirty` rebuild: drop MkDocs' warning that a dirty build's
    navigation may be inaccurate (serve.QuickRebuilds keeps it accurate). static-i18n builds
    the other languages dirty too when `--dirty` is among the command's arguments. A filter
    acts on the logger a record is logged to, so both engines' build loggers get one."""
    for name in BUILD_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, _DirtyWarning) for f in logger.filters):
            logger.addFilter(_DirtyWarning())


def search_index_of_this_build_only(config: MkDocsConfig) -> None:
    """Under `mkdocs serve --dirty`, Material's search plugin merges each build's pages into the
    index it kept from the build before (is_dirty, search_index_prev), which assumes one page
    per build and costs the whole index per language build; our plugin keeps each language's
    index itself (search.py), so Material writes only the pages it was given."""
    plugin = config.plugins.get("material/search")
    if plugin is not None:
        plugin.is_dirty = False  # type: ignore[attr-defined]


def show_unbuilt_page(page: Page, title: str | None, meta: dict[str, Any]) -> None:
    """A page that a dirty build skipped has neither source nor title, so menus would list it
    blank: give it the title and front matter it had when it was last built. `Page.title` may
    be overwritten (MkDocs sets titles from the nav that way)."""
    if title is not None:
        page.title = title  # type: ignore[misc]
    page.meta = meta


# static-i18n's facts about each file of a language's build (folder.py: create_i18n_file).


def file_language(file: File) -> str | None:
    """The language of the file's source: 'en' for the English copy that a language without
    the page serves; None for a file static-i18n did not set up (a generated page)."""
    return getattr(file, "locale", None)


def page_name(file: File) -> str:
    """The page's path within its language folder: 'fi/about.md' -> 'about.md'."""
    return str(getattr(file, "norm_src_uri", file.src_uri))


def file_alternates(file: File) -> dict[str, str]:
    """The page's URL in each language built: language -> URL within the site."""
    alternates = getattr(file, "alternates", None) or {}
    return {str(lang): str(alternate.url) for lang, alternate in alternates.items()}


# Material's page: the text of the page, tag listings included, in this element (base.html,
# partials/content.html).
ARTICLE = '<article class="md-content__inner'


def article_span(html: str) -> tuple[int, int] | None:
    """Where the page's article is in Material's built page: (start, end) or None."""
    start = html.find(ARTICLE)
    end = html.find("</article>", start)
    return (start, end) if start >= 0 and end >= 0 else None


def skip_whole_site_pages(config: MkDocsConfig) -> None:
    """Build none of the theme's pages of the whole site (404.html, sitemap.xml): MkDocs builds
    each of `theme.static_templates`."""
    config.theme.static_templates.clear()


def was_skipped(page: Page) -> bool:
    """Whether a dirty build skipped the page: MkDocs then reads no source for it."""
    return page.markdown is None


# Python-Markdown runs attr_list's treeprocessor at priority 8 and toc's at 5: one between
# them sees the ids that attribute lists give and none that toc makes.
BETWEEN_ATTR_LIST_AND_TOC = 6
