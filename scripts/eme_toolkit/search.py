"""One search index per language, searched with that language's stemmer.

static-i18n builds the site once per language into one folder. Material's search plugin writes
search/search_index.json; Material's JavaScript loads it from `base` (the site root, in the
page's `__config`) and builds a lunr index with the languages named in its `config.lang`. Left
alone, every page would search one index holding every language. So in each language's build:
- that language's index is written to `<language folder>search/search_index.json`: only its
  sections, `config.lang` set to the language where Material ships its lunr stemmer (English's
  otherwise, see `index_config`), and lunr's trimmer, stop-word filter and stemmer kept so that
  inflected forms are indexed under their stem;
- `__config.base` of the language's pages points at the language folder, so Material's
  JavaScript loads that index and resolves result links against that folder;
- `__config.search` points at assets/javascripts/workers/search-i18n.js, which runs
  Material's own worker unchanged around it: the index also holds each word's stem, base,
  compound parts and forms without diacritics, and each query is rewritten into lunr queries
  that forgive word forms and one typo and rank sections holding every word first (Material
  appends a wildcard to every word, and lunr does not stem a word with a wildcard).

The index is downloaded only when a reader searches, so that a first visit weighs the same
however large the site grows: Material's JavaScript fetches `search/search_index.json` on every
page load, so that file holds only the index's settings, and the worker fetches the whole
index, `search/search_index.full.json`, and Material's own worker with it, at the first query.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from typing import Any
from urllib.parse import quote

from eme_toolkit import internals
from eme_toolkit.site import Site

INDEX = "search/search_index.json"  # what Material fetches on page load: the settings only
FULL_INDEX = "search/search_index.full.json"  # what the worker fetches at the first query
WORKER = "search-i18n.js"
PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]


def worker_url(material_worker: str, index: str = "") -> str:
    """Our worker next to Material's, told Material's (hashed) file name and where the full
    index is, relative to the worker."""
    head, name = posixpath.split(material_worker)
    query = f"worker={name}" + (f"&index={quote(index, safe='/')}" if index else "")
    return posixpath.join(head, f"{WORKER}?{query}")


def language_worker(material_worker: str, root: str) -> str:
    """Our worker, told where the whole index of the language at `root` (an absolute path:
    '/toolkit/fi/') is, as the one 404 page points search at the reader's language."""
    return worker_url(material_worker, root + FULL_INDEX)


def point_at_language(html: str, page_url: str, code: str, site: Site, where: str) -> str:
    """Point a page's __config at its language's index and at our worker."""

    def change(data: dict[str, Any]) -> None:
        # The worker's folder in the site, from the page's: where the full index is from there.
        workers = posixpath.dirname(
            posixpath.normpath(posixpath.join(posixpath.dirname(page_url), data["search"]))
        )
        index = posixpath.relpath(site.folder(code) + FULL_INDEX, workers)
        data["search"] = worker_url(data["search"], index)
        if site.folder(code):
            # From the page's folder to the language's: 'fi/about/' -> '..', 'fi/' -> '.'.
            data["base"] = posixpath.relpath(site.folder(code), posixpath.dirname(page_url))

    return internals.rewrite_config(html, where, change)


def use_worker(html: str, where: str) -> str:
    """Our worker only: the 404 page's script picks the language's index by address."""

    def change(data: dict[str, Any]) -> None:
        data["search"] = worker_url(data["search"])

    return internals.rewrite_config(html, where, change)


def language_index(data: dict[str, Any], code: str, site: Site) -> dict[str, Any]:
    """The part of Material's index that belongs to language `code`, set up for its stemmer."""
    own = site.folder(code)
    others = tuple(site.folder(lang.code) for lang in site.languages if site.folder(lang.code))
    if own:
        docs = [
            {**doc, "location": doc["location"][len(own) :]}
            for doc in data["docs"]
            if doc["location"].startswith(own)
        ]
    else:
        docs = [doc for doc in data["docs"] if not doc["location"].startswith(others)]
    return {**data, "config": index_config(data["config"], code, site), "docs": docs}


def index_config(config: dict[str, Any], code: str, site: Site) -> dict[str, Any]:
    """The settings of language `code`'s index, for Material's worker and ours.

    `lang` is what Material's worker builds the index with: the language's lunr plugin where
    Material ships one, else lunr's own pipeline (English), whose stemmer our worker replaces
    by the language's words as written (search-forgiving.js reads `language`). A language in
    progress shows the default language's pages where it lacks its own: `fallback` tells our
    worker to index and look up words in that language's forms too."""
    language = site.language(code)
    stemmed = internals.lunr_supports(code)
    settings = {
        **config,
        "lang": [code if stemmed else "en"],
        "pipeline": PIPELINE,
        "language": code,
        "stemmer": stemmed,
    }
    if language is not None and not language.complete and not language.default:
        settings["fallback"] = site.default.code
    return settings


def write_language_index(site_dir: Path, code: str, site: Site, whole: bool = True) -> None:
    """Write this language's own index from the one Material's search plugin just wrote: the
    whole of it for the worker, its settings for Material's page script.

    A build of only the pages that changed (serve.QuickRebuilds) keeps the whole index of the
    last whole build, and writes the settings again, where Material has just written its own."""
    data = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    index = language_index(data, code, site)
    folder = site_dir / site.folder(code)
    (folder / INDEX).parent.mkdir(parents=True, exist_ok=True)
    files = ((FULL_INDEX, index),) if whole else ()
    for name, content in (*files, (INDEX, {**index, "docs": []})):
        text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
        (folder / name).write_text(text, encoding="utf-8")
