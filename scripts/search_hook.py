"""MkDocs hook: one search index per language, searched with that language's stemmer.

The i18n plugin builds the site once per language into one folder. Material's search plugin
writes search/search_index.json; Material's JavaScript loads it from `base` (the site root, in
the page's `__config`) and builds a lunr index with the languages named in its `config.lang`.
Left alone, every page would search one index holding every language.

In each language's build this hook
- writes that language's index to `<language folder>search/search_index.json` (the default
  language's at the root, Finnish at `fi/search/search_index.json`): only that language's
  sections, `config.lang` set to that language, and lunr's trimmer, stop-word filter and
  stemmer kept so that inflected forms are indexed under their stem;
- points `__config.base` of the language's pages at the language folder, so Material's
  JavaScript loads that index and resolves the result links against that folder;
- points `__config.search` at assets/javascripts/workers/search-i18n.js, which runs Material's
  own worker unchanged but reduces each typed word to its stem first (Material appends a
  wildcard to every word, and lunr does not stem a word with a wildcard).
The languages come from the i18n plugin's `languages:` list: adding one there is enough, as long
as lunr has a stemmer for it (see LUNR below).
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable
from pathlib import Path

import material
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from site_config import ConfigError, Site, load_site

INDEX = "search/search_index.json"
WORKER = "search-i18n.js"
# Material ships lunr language support (stemmer, stop words) as lunr.<code>.min.js; English is
# built into lunr itself.
LUNR = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]
CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL
)


def site_of(config: MkDocsConfig) -> Site:
    try:
        return load_site(Path(config.config_file_path))
    except ConfigError as error:
        raise PluginError(str(error)) from None


def build_language(config: MkDocsConfig) -> str:
    """The language being built: the i18n plugin sets Material's theme language per build."""
    return str(config.theme["language"])


# The i18n plugin builds the other languages from inside the default language's on_post_build,
# on the same config object: by the time that event reaches us, the config describes the last
# language built. So each build's language is remembered when the build starts.
_building: list[str] = []


@event_priority(-200)  # after the i18n plugin has configured this language's build
def on_pre_build(config: MkDocsConfig) -> None:
    _building.append(build_language(config))


def folder(code: str, site: Site) -> str:
    """The language's folder in the built site: '' for the default language, else 'fi/'."""
    return "" if code == site.default.code else f"{code}/"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site = site_of(config)
    for lang in site.languages:
        if lang.code != "en" and not (LUNR / f"lunr.{lang.code}.min.js").is_file():
            raise PluginError(
                f"{config.config_file_path}: language {lang.code!r} under plugins: i18n: "
                f"languages: has no lunr search support in Material ({LUNR}); "
                "search needs a stemmer for every language of the site"
            )
    return config


def worker_url(material_worker: str) -> str:
    """Our worker next to Material's, told Material's (hashed) file name."""
    head, name = posixpath.split(material_worker)
    return posixpath.join(head, f"{WORKER}?worker={name}")


def rewrite_config(html: str, where: str, change: Callable[[dict], None]) -> str:
    """Apply `change` to the page's __config (the JSON that Material's JavaScript reads)."""
    match = CONFIG_SCRIPT.search(html)
    if not match:
        raise PluginError(f"{where}: no __config script; has Material's base.html changed?")
    data = json.loads(match.group(2))
    change(data)
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return html[: match.start(2)] + text + html[match.end(2) :]


def point_at_language(html: str, page_url: str, code: str, site: Site, where: str) -> str:
    """Point a page's __config at its language's index and at our worker."""

    def change(data: dict) -> None:
        data["search"] = worker_url(data["search"])
        if folder(code, site):
            # From the page's folder to the language's: 'fi/about/' -> '..', 'fi/' -> '.'.
            data["base"] = posixpath.relpath(folder(code, site), posixpath.dirname(page_url))

    return rewrite_config(html, where, change)


@event_priority(-200)  # after the i18n plugin and the other hooks have finished the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    site = site_of(config)
    return point_at_language(output, page.url, build_language(config), site, page.file.src_uri)


@event_priority(-200)  # after Material's search plugin and the i18n plugin have written theirs
def on_post_build(config: MkDocsConfig) -> None:
    """Write this language's own index from the one Material's search plugin just wrote."""
    site = site_of(config)
    code = _building.pop()
    own = folder(code, site)
    others = tuple(folder(lang.code, site) for lang in site.languages if folder(lang.code, site))
    source = Path(config.site_dir) / INDEX
    data = json.loads(source.read_text(encoding="utf-8"))
    if own:
        docs = [
            {**doc, "location": doc["location"][len(own) :]}
            for doc in data["docs"]
            if doc["location"].startswith(own)
        ]
    else:
        docs = [doc for doc in data["docs"] if not doc["location"].startswith(others)]
    data["config"] = {**data["config"], "lang": [code], "pipeline": PIPELINE}
    data["docs"] = docs
    target = Path(config.site_dir) / own / INDEX
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page uses our worker too; its script picks the language's index by address."""
    if template_name != "404.html":
        return output_content

    def change(data: dict) -> None:
        data["search"] = worker_url(data["search"])

    return rewrite_config(output_content, template_name, change)
