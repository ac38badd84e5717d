"""The real site in a real Chromium: built once, served as GitHub Pages serves it, one browser.

The site is built with SITE_URL under a sub-path (as a project site on GitHub Pages is) and
served on 127.0.0.1 by a small standard-library server: a folder without its trailing slash is
redirected, a missing file gets the site's 404.html with status 404.

Before the build, languages are added to a copy of the project as an editor adds one
(`make add-language`, each by its code alone: its name comes from CLDR), so every reader test
also runs in languages that have only the theme's interface words, English strings and
English pages: one Material stems, one written right to left, one without a stemmer (ADDED).

Each xdist worker runs one Chromium for all its tests: Playwright drives it, and Lighthouse
reaches the same browser through its DevTools port (`devtools_port`).
"""

from __future__ import annotations

import json
import socket
import sys
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from conftest import DEFAULT, ROOT, SITE, copy_project, mkdocs_build, run_cli
from conftest import LANGUAGES as SITE_LANGUAGES
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, sync_playwright

from eme_toolkit import chromium
from eme_toolkit.search import FULL_INDEX
from eme_toolkit.site import Site as SiteConfig
from eme_toolkit.site import load_site

BASE_PATH = "/eme-toolkit/"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The languages added in the test, one of each kind, each the first of its list that the site
# does not have yet: one that Material translates and stems, one written right to left, and
# one that Material ships no stemmer for (its words are searched as written).
KINDS = {
    "stemmed": ("sv", "de", "fr", "es"),
    "right to left": ("ar", "fa", "he"),
    "no stemmer": ("uk", "et", "so"),
}
ADDED = tuple(next(c for c in codes if c not in SITE_LANGUAGES) for codes in KINDS.values())
LANGUAGES = (*SITE_LANGUAGES, *ADDED)
HERE = Path(__file__).parent


def _nav_pages(nav: object) -> Iterable[str]:
    if isinstance(nav, str) and nav.endswith(".md"):
        yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_pages(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_pages(item)


def _address(name: str) -> str:
    stem = name.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


SOURCES = SITE.docs_dir / DEFAULT
# Every page's address in a language, known before the build so that each can be a test of
# its own: the default language's pages and the nav's (the status page is the plugin's).
# Every language has them all (a missing translation shows the English page); the built site
# is compared with this list by
# test_accessibility.py::test_the_audited_pages_are_every_page_of_the_site.
PAGES = sorted(
    {_address(path.relative_to(SOURCES).as_posix()) for path in SOURCES.rglob("*.md")}
    | {_address(name) for name in _nav_pages(SITE.settings.get("nav"))}
)


# First, so that `-m browser` and `-m "not browser"` see the mark when they select.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _handler(root: Path, base_path: str = BASE_PATH) -> type[SimpleHTTPRequestHandler]:
    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(root), **kwargs)  # type: ignore[arg-type]

        def translate_path(self, path: str) -> str:
            local = unquote(urlsplit(path).path)
            if not local.startswith(base_path):
                return str(root / "__outside_the_site__")
            return super().translate_path("/" + local[len(base_path) :])

        def send_head(self):  # type: ignore[no-untyped-def]
            target = Path(self.translate_path(self.path))
            if target.is_dir() and not (target / "index.html").is_file():
                target = root / "__no_index__"
            if not target.exists():
                body = (root / "404.html").read_bytes()
                self.send_response(HTTPStatus.NOT_FOUND)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return None
            return super().send_head()

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


class Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A tab closed before its response was sent (a test ended, Lighthouse moved on) is
        # routine: no traceback for a broken pipe or a reset connection.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@dataclass
class Site:
    """The built site as a reader reaches it."""

    root: Path
    url: str  # ends with BASE_PATH
    host: str  # 127.0.0.1:<port>
    config: SiteConfig  # the project it was built from, ADDED included
    languages: tuple[str, ...] = LANGUAGES
    pages: dict[str, list[str]] = field(default_factory=dict)  # lang -> page paths

    def folder(self, lang: str) -> str:
        return self.config.folder(lang)

    def page_url(self, lang: str, path: str = "") -> str:
        return f"{self.url}{self.folder(lang)}{path}"

    def index(self, lang: str) -> dict:
        folder = self.root / self.folder(lang)
        return json.loads((folder / FULL_INDEX).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}{BASE_PATH}"
    project = copy_project(tmp_path_factory.mktemp("browser-project"))
    for code in ADDED:
        added = run_cli(project / "mkdocs.yml", "add-language", code)
        assert added.returncode == 0, added.stdout + added.stderr
    root = tmp_path_factory.mktemp("browser-site")
    mkdocs_build(root, project / "mkdocs.yml", SITE_URL=url)
    server = Server(("127.0.0.1", port), _handler(root))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    built = Site(root, url, f"127.0.0.1:{port}", load_site(project / "mkdocs.yml"))
    assert {lang.code for lang in built.config.languages} == set(LANGUAGES)
    for lang in built.languages:
        folder = root / built.folder(lang)
        others = {other for other in built.languages if other != lang and built.folder(other)}
        paths = []
        for html in sorted(folder.rglob("index.html")):
            rel = html.parent.relative_to(folder).as_posix()
            if rel.split("/")[0] in others or rel.startswith("search"):
                continue
            paths.append("" if rel == "." else rel + "/")
        built.pages[lang] = paths
    yield built
    server.shutdown()


# Where `elsewhere` serves the same built site: another origin and path than its site_url, as
# a preview or a fork serves it.
ELSEWHERE_PATH = "/preview/toolkit/"


@pytest.fixture(scope="session")
def elsewhere(site: Site) -> Iterator[str]:
    """The address of the same built site served at another origin and path than site_url."""
    port = _free_port()
    server = Server(("127.0.0.1", port), _handler(site.root, ELSEWHERE_PATH))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}{ELSEWHERE_PATH}"
    server.shutdown()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="session")
def devtools_port() -> int:
    """Where the session's Chromium listens for DevTools clients other than Playwright."""
    return _free_port()


@pytest.fixture(scope="session")
def browser(playwright: Playwright, devtools_port: int) -> Iterator[Browser]:
    launched = playwright.chromium.launch(
        executable_path=chromium.find(),
        args=[*chromium.launch_args(), f"--remote-debugging-port={devtools_port}"],
    )
    yield launched
    launched.close()


# Counts the queries the page sends Material's search worker and the results it gets back
# (Material's message types: 2 a query, 3 its results), so that a test can wait for the
# results of the query it typed however long a busy machine takes to answer.
COUNT_SEARCHES = """(() => {
  const Base = window.Worker;
  const seen = (window.__emeSearch = {asked: 0, answered: 0, last: null, since: 0});
  window.Worker = class extends Base {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (event.data && event.data.type === 3) { seen.answered += 1; seen.since += 1; }
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) {
        seen.asked += 1; seen.last = message.data; seen.since = 0;
      }
      return super.postMessage(message, ...rest);
    }
  };
})()"""

# The results of `typed` are in: every query was answered, or (a query asked while the index
# still loads is replaced by the next) the last one was.
ANSWERED = """(typed) => {
  const seen = window.__emeSearch;
  return seen.last === typed && (seen.answered >= seen.asked || seen.since > 0);
}"""


@dataclass
class Reader:
    """A browser tab with every request and console error it caused."""

    page: Page
    site: Site
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, lang: str, path: str = "", hash: str = "") -> None:
        self.page.goto(self.site.page_url(lang, path) + hash)
        self.page.wait_for_load_state("load")

    def open_search(self) -> None:
        self.page.locator("label.md-header__button[for=__search]").click()
        self.page.locator(".md-search__input").wait_for(state="visible")

    def search(self, query: str, delay: float = 5, whole: bool = False) -> None:
        """Type a query key by key, as a reader does (Material listens to keyboard events).

        Of a very long query, all but the last 20 keys arrive as one paste, to keep the
        suite quick; the last keys are typed. `whole`: all but the last key arrive as one
        paste, so that the only results shown are those of the whole query.
        """
        box = self.page.locator(".md-search__input")
        if not box.is_visible():
            self.open_search()
        box.focus()
        self.page.keyboard.press("ControlOrMeta+a")
        self.page.keyboard.press("Backspace")
        typed = 1 if whole else 20
        if whole or len(query) > 40:
            self.page.keyboard.insert_text(query[:-typed])
            query = query[-typed:]
        self.page.keyboard.type(query, delay=delay)

    def answered(self, typed: str) -> None:
        """Wait until Material's worker has answered the query `typed`."""
        self.page.wait_for_function(ANSWERED, arg=typed, timeout=30_000)

    def result_links(self) -> list[str]:
        return self.page.eval_on_selector_all(
            ".md-search-result__link", "links => links.map(a => a.href)"
        )


@pytest.fixture
def reader(browser: Browser, site: Site) -> Iterator[Reader]:
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.add_init_script(COUNT_SEARCHES)
    found = Reader(page, site)
    page.on("request", lambda request: found.requests.append(request.url))

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            found.errors.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: found.errors.append(f"{page.url}: {error}"))
    yield found
    context.close()
