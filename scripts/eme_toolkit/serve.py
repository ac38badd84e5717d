"""`make serve`: what the dev server does for an editor beyond a build.

- MkDocs builds the whole site before it binds its port, then fails with a traceback if the
  port is taken (another `make serve`, say); checking first costs one bind and says what to do.
- A page that cannot be read (not UTF-8, front matter never closed) fails a build. Under
  `mkdocs serve` a failed rebuild would leave every page waiting, so the page is served as it
  can be read instead, with the problem on top, and the log says so.
- `make serve LANGUAGES=fi` serves English and the languages named, and rebuilds only the
  pages that changed (`mkdocs serve --dirty`): see QuickRebuilds.
"""

from __future__ import annotations

import errno
import os
import shutil
import socket
import time
from pathlib import Path
from typing import Any

from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from eme_toolkit import internals
from eme_toolkit.record import RECORD_FILE
from eme_toolkit.site import Site
from eme_toolkit.strings import FILE as STRINGS_FILE

log = get_plugin_logger(__name__)
CLOCK_TICK = 0.05  # seconds: coarser than any file system's time stamps, finer than a save
# Files in docs/<lang>/ that the pages of a language are built from, besides their own.
READ_BY_EVERY_PAGE = (STRINGS_FILE, RECORD_FILE)


def port_problem(host: str, port: int) -> str | None:
    """Why `host:port` cannot be served on, in words, or None when it can."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # As MkDocs' server binds: a port in TIME_WAIT after a restart is free to use.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return (
                    f"port {port} on {host} is taken, perhaps by another `make serve`: stop it, "
                    f"or serve on another port: make serve PORT={port + 1}"
                )
            return f"cannot serve on {host}:{port} ({error.strerror})"
    return None


def show_unreadable(files: Files, unreadable: dict[str, str]) -> None:
    """Serve each page of `unreadable` (src_uri -> problem) as its bytes read, the problem on
    top, so that links to it and its anchors still resolve."""
    for file in files.documentation_pages():
        problem = unreadable.get(file.src_uri)
        if problem is None or file.abs_src_path is None:
            continue
        with open(file.abs_src_path, "rb") as stream:
            text = stream.read().decode("utf-8", errors="replace")
        notice = f'!!! failure "This page cannot be published"\n\n    {problem}\n\n'
        file.content_string = notice + text.removeprefix("---\n")
        log.info(f"cannot build {problem} (shown on the page until it is fixed)")


class QuickRebuilds:
    """What `mkdocs serve --dirty` rebuilds, and what it keeps between rebuilds.

    MkDocs' dirty build skips every page whose built file is newer than its source. The first
    build of the server is whole (its folder is empty), and so is a rebuild after one that
    failed, or when anything but the pages changed (mkdocs.yml, strings.yml, a translation
    record) or a page was added or removed: each changes pages that were not saved. Otherwise:
    - a saved page is rebuilt in every language built that shows it: its own, and, for an
      English page, its translations (their notices compare them with English) and the
      English copies that languages without a translation serve;
    - the other pages keep their built files; the menus of the pages rebuilt list them with
      the titles they had when last built (a dirty build reads no other page);
    - search keeps the index of the last whole build (search.py), and the 404 page and the
      sitemaps, which list every page, are kept as they are.
    """

    def __init__(self) -> None:
        self.built = False  # a whole build has succeeded since the server started
        self.failed = False  # the last build failed
        self.partial = False  # this build rebuilds only what changed
        self._started = 0.0  # when the last successful build started (time.time())
        self._starting = 0.0
        self._pages: set[str] = set()  # the Markdown pages of the last successful build
        self._titles: dict[tuple[str, str], tuple[str | None, dict[str, Any]]] = {}

    def start(self, config: MkDocsConfig) -> None:
        """At the start of a build (its default language's on_config): whole or partial."""
        self._starting = time.time()
        pages, others = set(), os.path.getmtime(config.config_file_path)
        for folder, folders, names in os.walk(config.docs_dir):
            # Hidden files are no pages (MkDocs skips them): an editor's swap and lock files.
            folders[:] = [name for name in folders if not name.startswith(".")]
            for name in names:
                path = os.path.join(folder, name)
                if name.startswith("."):
                    continue
                if utils.is_markdown_file(name):
                    pages.add(path)
                elif name in READ_BY_EVERY_PAGE:  # a changed image is copied by MkDocs itself
                    try:
                        others = max(others, os.path.getmtime(path))
                    except FileNotFoundError:
                        continue
        # File times may lag the clock by a tick: a file saved as the last build started may
        # look older than that build. Only a whole build reads a file twice for it.
        seen = self._started - CLOCK_TICK
        self.partial = self.built and not self.failed and pages == self._pages and others < seen
        if not self.partial:
            # A dirty build skips every page older than its built file: empty the folder. Not
            # with utils.clean_directory, which static-i18n replaces while it builds the other
            # languages, and leaves replaced when one of their builds fails.
            for entry in os.scandir(config.site_dir) if os.path.isdir(config.site_dir) else ():
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path)
                else:
                    os.remove(entry.path)
        self._pages = pages

    def finish(self) -> None:
        self.built, self.failed, self._started = True, False, self._starting

    def fail(self) -> None:
        self.failed = True

    def rebuild_translations(self, files: Files, code: str, site: Site) -> None:
        """In a partial build, rebuild this language's translations of the English pages saved
        since they were built: removing a built file makes MkDocs' dirty build rebuild it."""
        if not self.partial or code == site.default.code:
            return
        prefix = f"{code}/"
        for file in files.documentation_pages():
            if not file.src_uri.startswith(prefix) or file.abs_src_path is None:
                continue  # an English copy is rebuilt with its source
            english = site.docs_dir / site.default.code / file.src_uri.removeprefix(prefix)
            built = Path(file.abs_dest_path)
            try:
                if built.stat().st_mtime < english.stat().st_mtime:
                    built.unlink()
            except FileNotFoundError:
                continue

    def keep_whole_site_pages(self, config: MkDocsConfig) -> None:
        """Skip the theme's pages of the whole site (404.html, sitemap.xml) in a partial build,
        once the files are gathered (before, a skipped template would be copied as is)."""
        if self.partial:
            internals.skip_whole_site_pages(config)

    def keep_titles(self, files: Files, code: str) -> None:
        """Remember the title and front matter of the pages read; give them back to the pages
        this build skipped, for the menus of the pages it builds."""
        for file in files.documentation_pages():
            page, key = file.page, (code, file.src_uri)
            if page is None:
                continue
            if not internals.was_skipped(page):
                self._titles[key] = (page.title, dict(page.meta))
            elif key in self._titles:
                internals.show_unbuilt_page(page, *self._titles[key])
