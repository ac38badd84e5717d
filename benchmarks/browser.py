"""What readers get in Chromium: first-visit page weight and search latency."""

from __future__ import annotations

import functools
import gzip
import http.server
import statistics
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, Response, sync_playwright

from eme_toolkit import chromium as system_chromium

# Types a static host compresses; fonts and images are already compressed.
COMPRESSIBLE = ("html", "css", "javascript", "json", "svg", "xml", "text/plain")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_directory(site: Path) -> Iterator[str]:
    """Serve a built site on a free port of 127.0.0.1; yields its base URL."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=system_chromium.find(), args=system_chromium.launch_args()
        )
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Weight:
    """Bytes of a first visit, by kind of resource."""

    raw: dict[str, int] = field(default_factory=dict)
    gzip: dict[str, int] = field(default_factory=dict)
    files: list[tuple[str, int, int]] = field(default_factory=list)  # path, raw, gzip

    @property
    def total_raw(self) -> int:
        return sum(self.raw.values())

    @property
    def total_gzip(self) -> int:
        return sum(self.gzip.values())


def kind(path: str, content_type: str) -> str:
    if "html" in content_type:
        return "html"
    if path.endswith(("search_index.json", "search_index.full.json")):
        return "search index"
    if "css" in content_type:
        return "css"
    if "javascript" in content_type:
        return "js"
    if "font" in content_type or path.endswith((".woff", ".woff2", ".ttf")):
        return "fonts"
    if content_type.startswith("image/"):
        return "images"
    return "other"


def first_visit(browser: Browser, url: str) -> Weight:
    """Every response of a first visit (fresh cache) until the network is idle, search included."""
    context = browser.new_context()
    responses = []
    # Context-level events also see the search worker's fetch of the index.
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    weight = Weight()
    seen = set()
    for response in responses:
        if response.url in seen or response.status >= 400:
            continue
        seen.add(response.url)
        body = response.body()
        content_type = response.headers.get("content-type", "")
        path = urlsplit(response.url).path
        packed = (
            len(gzip.compress(body, 6))
            if any(t in content_type for t in COMPRESSIBLE)
            else len(body)
        )
        k = kind(path, content_type)
        weight.raw[k] = weight.raw.get(k, 0) + len(body)
        weight.gzip[k] = weight.gzip.get(k, 0) + packed
        weight.files.append((path, len(body), packed))
    context.close()
    return weight


SETUP = """() => {
  const bench = window.__bench = {keys: [], changes: []};
  // The clock starts when the query text changes: a key typed as text ("ä" on a Finnish
  // keyboard) changes it without a key-up of its own.
  document.addEventListener("input", () => bench.keys.push(performance.now()), true);
  new MutationObserver(() => bench.changes.push(performance.now())).observe(
    document.querySelector(".md-search-result"),
    {childList: true, subtree: true, characterData: true});
}"""


def _settle(page: Page, quiet_ms: int = 400, timeout_ms: int = 10_000) -> None:
    """Wait until the result list has not changed for quiet_ms."""
    page.wait_for_function(
        """([quiet]) => {
          const c = window.__bench.changes;
          const last = c.length ? c[c.length - 1] : 0;
          return performance.now() - last > quiet;
        }""",
        arg=[quiet_ms],
        timeout=timeout_ms,
        polling=50,
    )


def _keystroke(page: Page, char: str) -> None:
    if char.isascii():
        page.keyboard.press(char)
    else:
        # Playwright knows only US-layout keys; a Finnish keyboard types "ä" with one key,
        # which this imitates: the character, then a key release for Material to react to.
        page.keyboard.insert_text(char)
        page.keyboard.press("Shift")


@dataclass(frozen=True)
class SearchTiming:
    query: str
    ms: float
    results: int
    gzip_bytes: int = 0  # what the query downloaded (the first one: the index, the worker)


def search_latency(
    browser: Browser, url: str, queries: list[str], key_delay_ms: int = 100, rounds: int = 3
) -> tuple[SearchTiming, list[SearchTiming]]:
    """Milliseconds from the last keystroke to the last change of the shown results: the first
    query of a visit (which loads the index) with what it downloaded, then each query, typed
    `rounds` times and reported as its median (one query's time varies by a third from one
    typing to the next on a shared machine).

    The clock starts at the last change of the query text (the last keystroke's input event) and
    stops at the last change of the result list.
    """
    context = browser.new_context()
    downloads: list[int] = []
    loading = [False]

    def count(response: Response) -> None:
        if loading[0] and response.status < 400:
            body = response.body()
            compressible = any(t in response.headers.get("content-type", "") for t in COMPRESSIBLE)
            downloads.append(len(gzip.compress(body, 6)) if compressible else len(body))

    context.on("response", count)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.evaluate(SETUP)
    search = page.locator("input.md-search__input")
    search.click()
    timings = []
    # The first query loads the index and warms up the worker; it is reported on its own.
    first = SearchTiming(queries[0], 0.0, 0)
    for n, query in enumerate([queries[0], *queries * rounds]):
        loading[0] = n == 0
        search.fill("")
        _settle(page)
        page.evaluate("() => { window.__bench.keys = []; window.__bench.changes = []; }")
        for char in query:
            page.wait_for_timeout(key_delay_ms)
            _keystroke(page, char)
        # Material renders something (results or "no matching documents") after each query.
        page.wait_for_function(
            """() => { const b = window.__bench;
                       return b.changes.some(t => t >= b.keys[b.keys.length - 1]); }""",
            timeout=30_000,
        )
        _settle(page)
        keys, changes = page.evaluate("() => [window.__bench.keys, window.__bench.changes]")
        shown = page.locator(".md-search-result__item").count()
        last_key = keys[-1]
        after = [t for t in changes if t >= last_key]
        timing = SearchTiming(query, (after[-1] - last_key) if after else 0.0, shown)
        if n == 0:
            first = SearchTiming(query, timing.ms, shown, sum(downloads))
        else:
            timings.append(timing)
    context.close()
    medians = [
        SearchTiming(
            query,
            statistics.median(t.ms for t in timings if t.query == query),
            min(t.results for t in timings if t.query == query),
        )
        for query in queries
    ]
    return first, medians


def median_ms(timings: list[SearchTiming]) -> float:
    return statistics.median(t.ms for t in timings)
