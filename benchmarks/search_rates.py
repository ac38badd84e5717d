"""How well search finds and ranks: the query lists of tests/browser/search_queries.py, typed
into the built site in Chromium, in every language of the site and in one added as an editor
adds one (English pages, that language's stemmer), as the browser tests build it.

    .venv/bin/python -m benchmarks.search_rates             # build, then measure
    .venv/bin/python -m benchmarks.search_rates --details   # and each query's first results
    .venv/bin/python -m benchmarks.search_rates --project DIR   # another checkout's pages and theme

Reports per language:
- hit rate: queries whose section is among the results;
- ranking rate: ranking cases met (a section before another the query also finds, or first);
- Tags page first: queries (none of them names a tag) whose first result is the Tags page.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page

from benchmarks import browser
from benchmarks.corpus import ROOT

sys.path.insert(0, str(ROOT / "tests" / "browser"))
import search_queries  # the browser tests' query lists

from eme_toolkit.site import Site, load_site

ADDED = ("sv", "Svenska")  # the language the browser tests add (tests/browser/conftest.py)


def build(work: Path, source: Path = ROOT) -> Path:
    """The site with the added language, built strictly from a copy of the project into
    `work`/site; returns the copy's mkdocs.yml."""
    project = work / "project"
    project.mkdir()
    shutil.copy2(source / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("docs", "overrides"):
        shutil.copytree(source / folder, project / folder)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    config = str(project / "mkdocs.yml")
    code, name = ADDED
    commands = (
        [sys.executable, "-m", "eme_toolkit", "add-language", code, "--name", name],
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(work / "site")],
    )
    for command in commands:
        subprocess.run(
            [*command, "--config" if "eme_toolkit" in command else "-f", config],
            cwd=project,
            env=env,
            check=True,
        )
    return project / "mkdocs.yml"


WAIT = """() => {
  window.__rates = {changes: 0, last: performance.now()};
  new MutationObserver(() => { window.__rates.changes++; window.__rates.last = performance.now(); })
    .observe(document.querySelector(".md-search-result"),
             {childList: true, subtree: true, characterData: true});
}"""


def results(page: Page, typed: str) -> list[str]:
    """The result list's links after typing `typed`, in order, without their highlight query
    and relative to the language's folder."""
    page.locator(".md-search__input").fill("")
    page.wait_for_timeout(50)
    page.evaluate("() => { window.__rates.changes = 0; }")
    page.keyboard.insert_text(typed[:-1])
    page.keyboard.type(typed[-1])
    page.wait_for_function("() => window.__rates.changes > 0", timeout=10_000)
    page.wait_for_function("() => performance.now() - window.__rates.last > 300", polling=50)
    return page.eval_on_selector_all(
        ".md-search-result__link",
        """links => links.map(a => {
             const url = new URL(a.href); const root = new URL(".", location.href).href;
             return decodeURI(url.origin + url.pathname + url.hash).slice(root.length);
           })""",
    )


@dataclass
class Rates:
    lang: str
    hits: int = 0
    queries: int = 0
    ranked: int = 0
    rankings: int = 0
    tags_first: int = 0
    misses: list[str] | None = None
    wrong: list[str] | None = None
    kinds: dict[str, list[int]] = field(default_factory=dict)  # kind -> [hits, queries]


def measure(page: Page, base: str, lang: str, site: Site, details: bool) -> Rates:
    folder = site.folder(lang)
    page.goto(base + folder, wait_until="networkidle")
    if not page.locator(".md-search__input").is_visible():
        page.locator("label.md-header__button[for=__search]").click()
    page.locator(".md-search__input").click()
    page.evaluate(WAIT)
    rates = Rates(lang, misses=[], wrong=[])

    def listed(typed: str) -> list[str]:
        links = results(page, typed)
        if details:
            print(f"  {lang} {typed!r}: {links[:6]}")
        return links

    for query in search_queries.queries(lang):
        links = listed(query.typed)
        rates.queries += 1
        kind = rates.kinds.setdefault(query.kind, [0, 0])
        kind[1] += 1
        if query.section in links:
            rates.hits += 1
            kind[0] += 1
        else:
            rates.misses.append(f"{query.typed!r} ({query.kind}) -> {query.section}")
        if links and links[0] == "tags/":
            rates.tags_first += 1
    for ranking in search_queries.rankings(lang):
        links = listed(ranking.typed)
        rates.rankings += 1
        if search_queries.ranked(ranking, links):
            rates.ranked += 1
        else:
            rates.wrong.append(f"{ranking.typed!r}: {ranking.why}: {links[:5]}")
    return rates


def table(rows: list[Rates]) -> str:
    lines = [
        "| language | hit rate | ranking rate | Tags page first |",
        "| --- | --- | --- | --- |",
    ]
    for r in rows:
        lines.append(
            f"| {r.lang} | {r.hits}/{r.queries} ({100 * r.hits / r.queries:.0f} %) "
            f"| {r.ranked}/{r.rankings} ({100 * r.ranked / max(r.rankings, 1):.0f} %) "
            f"| {r.tags_first}/{r.queries} |"
        )
    kinds = sorted({kind for r in rows for kind in r.kinds})
    lines += ["", "| kind | " + " | ".join(r.lang for r in rows) + " |"]
    lines.append("| --- |" + " --- |" * len(rows))
    for kind in kinds:
        cells = ["{}/{}".format(*r.kinds[kind]) if kind in r.kinds else "–" for r in rows]
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="benchmarks/search_rates.py", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--details", action="store_true", help="print each query's results")
    parser.add_argument(
        "--project",
        type=Path,
        default=ROOT,
        help="the folder whose mkdocs.yml, docs/ and overrides/ to build (default: this one)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        config = load_site(build(Path(tmp), args.project))
        rows = []
        with browser.chromium() as chromium, browser.serve_directory(Path(tmp) / "site") as base:
            for lang in config.languages:
                context = chromium.new_context()
                rows.append(measure(context.new_page(), base, lang.code, config, args.details))
                context.close()
    print(table(rows))
    for r in rows:
        for line in (r.misses or []) + (r.wrong or []):
            print(f"{r.lang}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
