"""Performance benchmark of the site and its tools; writes benchmarks/RESULTS.md.

    .venv/bin/python -m benchmarks.run            # the full run (make bench)
    .venv/bin/python -m benchmarks.run --quick    # a small smoke run

Measures build scaling against a plain single-language Material site, the `mkdocs serve` edit
loop, the translation CLI, first-visit page weight, search indexes and search latency, and marks
each budget as met or not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import importlib.metadata
import json
import os
import platform
import pstats
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from benchmarks import browser, measure
from benchmarks.corpus import (
    LANGUAGES,
    ROOT,
    Corpus,
    compression,
    copy_real_site,
    estimated_bytes,
    generate,
    load_config,
    source_language,
)

RESULTS = ROOT / "benchmarks" / "RESULTS.md"
PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "mkdocs-static-i18n",
    "pymdown-extensions",
    "Markdown",
    "PyYAML",
    "playwright",
)
# Budgets.
MAX_I18N_RATIO = 1.1
MAX_TOOLS_SECONDS = 2.0
MAX_FIRST_VISIT_GZIP = 80 * 1024
MAX_SEARCH_MS = 50.0  # once the index is loaded: a reader sees results as they type
MAX_PEAK_MIB = 300
MAX_EDIT_SECONDS = 1.5
# Peak memory of a build grows with pages; measured near 0.1 MiB a page, budgeted at 1 MiB.
BASE_MEMORY = 200 * 2**20
MEMORY_PER_PAGE = 2**20
QUERIES = {
    "en": ["peer", "tutor", "working life", "counsellor", "vocational", "immigrants"],
    "fi": ["vertais", "työelämä", "neuvoja", "vertaisryhmä", "maahanmuuttajille", "ammatti"],
}


def positive_ints(text: str, low: int, high: int) -> list[int]:
    try:
        values = sorted({int(v) for v in text.split(",") if v.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a comma-separated list of whole numbers"
        ) from None
    if not values or values[0] < low or values[-1] > high:
        raise argparse.ArgumentTypeError(f"{text!r}: each value must be between {low} and {high}")
    return values


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="benchmarks/run.py", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--practices",
        type=lambda t: positive_ints(t, 1, 5000),
        default=[1, 10, 100],
        help="practice counts, comma-separated (default 1,10,100)",
    )
    parser.add_argument(
        "--languages",
        type=lambda t: positive_ints(t, 2, len(LANGUAGES)),
        default=[2, 3, 7],
        help=f"language counts, 2..{len(LANGUAGES)}, comma-separated (default 2,3,7)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="builds per size (median; default 3)")
    parser.add_argument("--edits", type=int, default=3, help="edits per edit-loop site (default 3)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: 1 and 10 practices, 2 languages, 1 repetition",
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help="report file")
    args = parser.parse_args(argv)
    if args.quick:
        args.practices, args.languages, args.repeat, args.edits = [1, 10], [2], 1, 1
    if not 1 <= args.repeat <= 50 or not 1 <= args.edits <= 50:
        parser.error("--repeat and --edits must be between 1 and 50")
    return args


def check_room(practices: list[int], languages: list[int], tmp: Path) -> None:
    """Refuse corpora this machine cannot hold, before writing anything."""
    need = sum(estimated_bytes(p, n) for p in practices for n in languages)
    free = shutil.disk_usage(tmp).free
    if need > free * 0.8:
        sys.exit(
            f"benchmarks/run.py: the corpora need about {need / 2**30:.1f} GiB in {tmp}, which has "
            f"{free / 2**30:.1f} GiB free; choose fewer --practices or --languages"
        )
    pages = (max(practices) + 4) * max(languages)
    memory = BASE_MEMORY + pages * MEMORY_PER_PAGE
    available = available_memory()
    if available is not None and memory > available * 0.8:
        sys.exit(
            f"benchmarks/run.py: a build of {max(practices)} practices × {max(languages)} "
            f"languages may need about {memory / 2**30:.1f} GiB of memory, and "
            f"{available / 2**30:.1f} GiB is available; choose fewer --practices or --languages"
        )


def available_memory() -> int | None:
    try:
        text = Path("/proc/meminfo").read_text()
    except OSError:
        return None
    match = re.search(r"^MemAvailable:\s+(\d+) kB", text, re.MULTILINE)
    return int(match.group(1)) * 1024 if match else None


def interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


# Measurements ---------------------------------------------------------------------------------


@dataclass
class BuildRow:
    practices: int
    languages: int
    pages: int
    i18n: list[measure.Run]
    plain: list[measure.Run]

    @property
    def i18n_s(self) -> float:
        return measure.median([r.seconds for r in self.i18n])

    @property
    def plain_s(self) -> float:
        return measure.median([r.seconds for r in self.plain])

    @property
    def ratio(self) -> float:
        return self.i18n_s / (self.languages * self.plain_s)


def page_count(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def build_scaling(corpora: dict[tuple[int, int], Corpus], repeat: int) -> list[BuildRow]:
    rows = []
    for (practices, languages), corpus in sorted(corpora.items()):
        i18n_runs, plain_runs = [], []
        # Alternate the two builds so drift in machine load hits both alike.
        for _ in range(repeat):
            i18n_runs.append(measure.build(corpus.i18n_config, corpus.root / "site"))
            plain_runs.append(measure.build(corpus.plain_config, corpus.root / "plain-site"))
        rows.append(
            BuildRow(practices, languages, page_count(corpus.root / "site"), i18n_runs, plain_runs)
        )
        print(
            f"  build {practices} × {languages}: {rows[-1].i18n_s:.2f} s "
            f"(plain {rows[-1].plain_s:.2f} s)",
            flush=True,
        )
    return rows


@dataclass
class Profile:
    by_package: list[tuple[str, float]]
    template_compiles: int
    template_compile_s: float


def profile_build(config: Path, site: Path) -> Profile:
    """Own time of one strict build, summed by the package the code belongs to."""
    out = site.parent / "build.prof"
    args = ["-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site)]
    subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(out), *args],
        check=True,
        env=measure.ENV,
        cwd=config.parent,
        capture_output=True,
    )
    stats = pstats.Stats(str(out)).stats  # type: ignore[attr-defined]
    totals: dict[str, float] = {}
    for (filename, _, _), (_, _, tottime, _, callers) in stats.items():
        if filename != "~":
            totals[package_of(filename)] = totals.get(package_of(filename), 0.0) + tottime
            continue
        # Built-in functions (re, json, str methods) count for the code that called them.
        for (caller, _, _), (_, _, caller_tottime, _) in callers.items():
            name = package_of(caller)
            totals[name] = totals.get(name, 0.0) + caller_tottime
    compiles, compile_s = 0, 0.0
    for (filename, _, function), (calls, _, _, cumtime, _) in stats.items():
        if filename.endswith("jinja2/environment.py") and function == "compile":
            compiles, compile_s = calls, cumtime
    return Profile(sorted(totals.items(), key=lambda kv: -kv[1]), compiles, compile_s)


def package_of(filename: str) -> str:
    if filename.startswith(str(ROOT / "scripts")):
        return "our plugin (scripts/)"
    if filename.startswith(str(ROOT / "overrides")):
        return "our theme overrides (overrides/)"
    match = re.search(r"site-packages/([^/]+)", filename)
    if match:
        name = match.group(1).removesuffix(".py")
        names = {"mkdocs_static_i18n": "mkdocs-static-i18n", "material": "mkdocs-material"}
        return names.get(name, name)
    return "Python standard library and built-ins"


@dataclass
class EditLoop:
    name: str
    page: str
    seconds: list[float]


@dataclass
class Tools:
    runs: dict[str, list[measure.Run]] = field(default_factory=dict)

    def median(self, command: str) -> float:
        return measure.median([r.seconds for r in self.runs[command]])


def translation_tools(corpus: Corpus, repeat: int) -> Tools:
    tools = Tools()
    for command in ("check", "status"):
        tools.runs[command] = [measure.i18n_cli(corpus.i18n_config, command) for _ in range(repeat)]
    return tools


@dataclass
class SearchIndex:
    path: str
    raw: int
    gzip: int
    config_lang: list[str]
    docs: int
    page_languages: dict[str, int]
    expected: str

    @property
    def only_own(self) -> bool:
        return set(self.page_languages) == {self.expected}


def html_lang(page: Path) -> str | None:
    if not page.is_file():
        return None
    match = re.search(r'<html[^>]*\blang="([^"]+)"', page.read_text(encoding="utf-8"))
    return match.group(1).split("-")[0] if match else None


def search_indexes(site: Path, languages: tuple[str, ...]) -> list[SearchIndex]:
    """Every search index of a built site and the languages of the pages it points to."""
    found = []
    # The whole index where the site splits it (search_index.full.json), else Material's.
    for index in sorted(site.rglob("search_index*.json")):
        if index.with_name("search_index.full.json").is_file() and index.name != (
            "search_index.full.json"
        ):
            continue
        data = json.loads(index.read_bytes())
        base = index.parent.parent  # the folder the index's locations are relative to
        prefix = base.relative_to(site).parts
        expected = prefix[0] if prefix and prefix[0] in languages else languages[0]
        counts: dict[str, int] = {}
        for doc in data.get("docs", []):
            page = doc["location"].split("#", 1)[0]
            lang = html_lang(base / page / "index.html") or html_lang(base / page)
            if lang is None:  # locations relative to the site root
                lang = html_lang(site / page / "index.html") or "?"
            counts[lang] = counts.get(lang, 0) + 1
        raw = index.read_bytes()
        config_lang = data.get("config", {}).get("lang", [])
        found.append(
            SearchIndex(
                str(index.relative_to(site)),
                len(raw),
                len(gzip.compress(raw, 6)),
                config_lang if isinstance(config_lang, list) else [config_lang],
                len(data.get("docs", [])),
                counts,
                expected,
            )
        )
    return found


@dataclass
class Visit:
    site: str
    url: str
    weight: browser.Weight


@dataclass
class Search:
    site: str
    lang: str
    first: browser.SearchTiming  # the visit's first query, which loads the index
    timings: list[browser.SearchTiming]


def browser_measurements(
    sites: list[tuple[str, Path, list[tuple[str, str]]]],
    searches: list[tuple[str, Path, str]],
) -> tuple[list[Visit], list[Search], str]:
    visits, results = [], []
    with browser.chromium() as chromium:
        version = chromium.version
        for name, site, pages in sites:
            with browser.serve_directory(site) as base:
                for _, path in pages:
                    visits.append(Visit(name, path, browser.first_visit(chromium, base + path)))
        for name, site, lang in searches:
            with browser.serve_directory(site) as base:
                path = "" if lang == "en" else f"{lang}/"
                words = QUERIES.get(lang, QUERIES[source_language(lang)])
                first, timings = browser.search_latency(chromium, base + path, words)
                results.append(Search(name, lang, first, timings))
    return visits, results, version


# Report ---------------------------------------------------------------------------------------


def kib(n: float) -> str:
    return f"{n / 1024:.1f}"


def met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def machine() -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = Path("/proc/meminfo").read_text().split("\n", 1)[0].split(":")[1].strip()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    changed = subprocess.run(
        ["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True
    ).stdout.split("\n")
    others = sorted(line[3:] for line in changed if line and "benchmarks/" not in line)
    if others:
        commit += f" plus uncommitted work in {', '.join(others)}"
    versions = ", ".join(f"{p} {importlib.metadata.version(p)}" for p in PACKAGES)
    return [
        f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; commit {commit}",
        f"- Machine: {os.cpu_count()} cores, {cpu}, {memory} memory, {platform.platform()}",
        f"- Python {platform.python_version()}; {versions}",
    ]


def report(args: argparse.Namespace, data: dict[str, Any], seconds: float) -> str:
    rows: list[BuildRow] = data["builds"]
    tools: Tools = data["tools"]
    visits: list[Visit] = data["visits"]
    searches: list[Search] = data["searches"]
    indexes: dict[str, list[SearchIndex]] = data["indexes"]
    big = data["big"]
    out = [
        "# Performance benchmark",
        "",
        "Written by `make bench` (`benchmarks/run.py`); every "
        "number below comes from the run described here.",
        "",
    ]
    out += machine()
    out += [
        f"- Chromium {data['chromium']}; command: `benchmarks/run.py "
        f"{' '.join(data['argv'])}`; the run took {seconds / 60:.1f} min",
        "",
    ]

    # Budgets.
    worst_ratio = max(rows, key=lambda r: r.ratio)
    worst_visit = max(
        (v for v in visits if v.site != "stock Material"), key=lambda v: v.weight.total_gzip
    )
    own_indexes = all(i.only_own for site in indexes.values() for i in site)
    worst_search = max(searches, key=lambda s: browser.median_ms(s.timings))
    out += ["## Budgets", "", "| Budget | Limit | Measured | |", "| --- | --- | --- | --- |"]
    out.append(
        f"| i18n overhead: bilingual build / (languages × single-language build) | "
        f"≤ {MAX_I18N_RATIO} | {worst_ratio.ratio:.2f} at worst ({worst_ratio.practices} practices "
        f"× {worst_ratio.languages} languages) | {met(worst_ratio.ratio <= MAX_I18N_RATIO)} |"
    )
    total = tools.median("check") + tools.median("status")
    out.append(
        f"| `check` + `status`, {big[0]} practices × {big[1]} languages | "
        f"< {MAX_TOOLS_SECONDS:.0f} s | {total:.2f} s | "
        f"{met(total < MAX_TOOLS_SECONDS)} |"
    )
    out.append(
        f"| First visit of any page, gzip, fonts included | ≤ {kib(MAX_FIRST_VISIT_GZIP)} "
        f"KiB | {kib(worst_visit.weight.total_gzip)} KiB at worst ({worst_visit.site}, "
        f"/{worst_visit.url}) | {met(worst_visit.weight.total_gzip <= MAX_FIRST_VISIT_GZIP)} |"
    )
    by_page = {(v.site, v.url): v.weight.total_gzip for v in visits}
    ours, stock = by_page[("real site", "")], by_page[("stock Material", "")]
    out.append(
        f"| First visit of the home page against stock Material's, gzip | ≤ {kib(stock)} KiB "
        f"| {kib(ours)} KiB | {met(ours <= stock)} |"
    )
    small = by_page[("real site", "peer-groups/")]
    large_name = f"{big[0]} practices × {big[1]} languages"
    large = next(  # the English page: no language folder in its address
        v.weight.total_gzip for v in visits if v.site == large_name and v.url.count("/") == 1
    )
    growth_pct = (large / small - 1) * 100
    out.append(
        f"| First visit flat as the site grows: a practice page, 1 × 2 against {big[0]} × "
        f"{big[1]} (en) | within 5 % | {kib(small)} → {kib(large)} KiB ({growth_pct:+.1f} %) "
        f"| {met(abs(growth_pct) <= 5)} |"
    )
    index_summary = "; ".join(
        f"{name}: "
        + ", ".join(f"{i.path} holds {', '.join(sorted(i.page_languages))}" for i in site)
        for name, site in indexes.items()
    )
    out.append(
        f"| Each language's search index holds only that language | yes | "
        f"{index_summary} | {met(own_indexes)} |"
    )
    worst_ms = browser.median_ms(worst_search.timings)
    out.append(
        f"| Search: last keystroke to results, median | ≤ {MAX_SEARCH_MS:.0f} ms | "
        f"{worst_ms:.0f} ms at worst ({worst_search.site}, {worst_search.lang}) | "
        f"{met(worst_ms <= MAX_SEARCH_MS)} |"
    )
    fast = [loop for loop in data["edit_loops"] if "LANGUAGES=" in loop.name]
    for loop in fast:
        seconds = measure.median(loop.seconds)
        out.append(
            f"| Edit loop, {loop.name}, {loop.page} | ≤ {MAX_EDIT_SECONDS} s | {seconds:.2f} s "
            f"| {met(seconds <= MAX_EDIT_SECONDS)} |"
        )
    biggest = max(rows, key=lambda r: (r.practices, r.languages))
    peak = max(x.peak_rss_mib for x in biggest.i18n)
    out.append(
        f"| Peak memory of the {biggest.practices} × {biggest.languages} build | "
        f"≤ {MAX_PEAK_MIB} MiB | {peak:.0f} MiB | {met(peak <= MAX_PEAK_MIB)} |"
    )
    for lang, (real, made) in data["compression"].items():
        off = made / real - 1
        out.append(
            f"| The corpus compresses like the real pages ({lang}, gzip ratio of the Markdown) "
            f"| within 25 % | real {real:.3f}, corpus {made:.3f} ({off * 100:+.0f} %) "
            f"| {met(abs(off) <= 0.25)} |"
        )
    out.append("")
    out += on_paper(rows, indexes, tools, big)

    # 1. Build scaling.
    out += [
        "## 1. Build scaling",
        "",
        f"Strict builds (`mkdocs build --strict`), median of {args.repeat}; peak memory is the "
        "largest resident set of the build process. *i18n* is the project's mkdocs.yml (theme, "
        "overrides, hooks, plugins) adapted to the corpus' languages; *plain* is the same English "
        "pages as one stock MkDocs + Material site (search and tags plugins, no i18n plugin, "
        "hooks or overrides), built alternately with it. Ratio = i18n / (languages × plain).",
        "",
        "| Practices | Languages | Pages built | i18n build (s) | i18n peak (MiB) | "
        "Plain build (s) | Plain peak (MiB) | Ratio | i18n ms per page |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        out.append(
            f"| {r.practices} | {r.languages} | {r.pages} | {r.i18n_s:.2f} | "
            f"{max(x.peak_rss_mib for x in r.i18n):.0f} | {r.plain_s:.2f} | "
            f"{max(x.peak_rss_mib for x in r.plain):.0f} | {r.ratio:.2f} | "
            f"{1000 * r.i18n_s / r.pages:.1f} |"
        )
    out += ["", *growth(rows), ""]
    profile: Profile = data["profile"]
    total = sum(t for _, t in profile.by_package)
    out += [
        f"Where the time of one i18n build of {big[0]} practices × {big[1]} languages goes "
        f"(cProfile, {total:.1f} s profiled; own time by package, built-in functions counted "
        "for their caller):",
        "",
        "| Code | Seconds | Share |",
        "| --- | ---: | ---: |",
    ]
    out += [f"| {name} | {t:.2f} | {100 * t / total:.0f} % |" for name, t in profile.by_package[:9]]
    out += [
        "",
        f"Jinja2 compiled {profile.template_compiles} templates in "
        f"{profile.template_compile_s:.2f} s "
        "of that: the i18n plugin builds each language with a fresh theme environment, so the "
        "theme's templates are compiled again for every language, a fixed cost per language "
        "that a single-language build pays once.",
        "",
    ]

    # 2. Edit loop.
    out += [
        "## 2. Edit loop",
        "",
        "`make serve` (the command its recipe runs, `mkdocs serve --strict`): the time from "
        "saving an edited page to the server returning the rebuilt page with the edit (polled "
        "every 10 ms on 127.0.0.1). `make serve` rebuilds the whole site on every save; "
        "`make serve LANGUAGES=fi` (`--dirty`) builds English and Finnish only, and after its "
        "first build only the pages a save changed: the page itself and, for an English page, "
        "its Finnish translation.",
        "",
        "| Site | Page | Edits | Median (s) | Each (s) |",
        "| --- | --- | ---: | ---: | --- |",
    ]
    for loop in data["edit_loops"]:
        out.append(
            f"| {loop.name} | {loop.page} | {len(loop.seconds)} | "
            f"{measure.median(loop.seconds):.2f} | "
            f"{', '.join(f'{s:.2f}' for s in loop.seconds)} |"
        )
    out.append("")

    # 3. Translation tools.
    out += ["## 3. Translation tools", ""]
    out += [
        f"`eme-i18n <command> --config <corpus>/mkdocs.yml` on {big[0]} "
        f"practices × {big[1]} languages, median of {args.repeat}:",
        "",
        "| Command | Median (s) | Peak memory (MiB) | Exit code |",
        "| --- | ---: | ---: | ---: |",
    ]
    for command, runs in tools.runs.items():
        out.append(
            f"| `{command}` | {tools.median(command):.2f} | "
            f"{max(r.peak_rss_mib for r in runs):.0f} | {runs[-1].returncode} |"
        )
    out.append("")

    # 4. Page weight.
    out += [
        "## 4. Page weight",
        "",
        "A first visit in Chromium with an empty cache, until the network is idle (Material's "
        "search worker fetches its index on load, so that is included). Gzip is computed at "
        "level 6 for the text types a static host compresses; images are counted as they are. "
        "No fonts are downloaded: the theme uses the system font stack (`font: false`).",
        "",
        "| Site | Page | Requests | Raw (KiB) | Gzip (KiB) | HTML | CSS | JS | Search index "
        "| Images | Fonts | Other |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for v in visits:
        g = v.weight.gzip
        cells = " | ".join(
            kib(g.get(k, 0))
            for k in ("html", "css", "js", "search index", "images", "fonts", "other")
        )
        ok = v.weight.total_gzip <= MAX_FIRST_VISIT_GZIP
        out.append(
            f"| {v.site} | /{v.url} | {len(v.weight.files)} | {kib(v.weight.total_raw)} | "
            f"{kib(v.weight.total_gzip)}{'' if ok else ' ✗'} | {cells} |"
        )
    heaviest = max(visits, key=lambda v: v.weight.total_gzip)
    out += [
        "",
        f"Every file of the heaviest first visit ({heaviest.site}, /{heaviest.url}):",
        "",
        "| File | Raw (KiB) | Gzip (KiB) |",
        "| --- | ---: | ---: |",
    ]
    out += [
        f"| {path} | {kib(raw)} | {kib(packed)} |"
        for path, raw, packed in sorted(heaviest.weight.files, key=lambda f: -f[2])
    ]
    out += [
        "",
        "Search indexes:",
        "",
        "| Site | File | Raw (KiB) | Gzip (KiB) | `config.lang` | Entries | Entries by page "
        "language | Only its own language |",
        "| --- | --- | ---: | ---: | --- | ---: | --- | --- |",
    ]
    for name, site in indexes.items():
        for i in site:
            langs = ", ".join(f"{k}: {v}" for k, v in sorted(i.page_languages.items()))
            out.append(
                f"| {name} | {i.path} | {kib(i.raw)} | {kib(i.gzip)} | "
                f"{', '.join(i.config_lang)} | {i.docs} | {langs} | "
                f"{'yes' if i.only_own else '**no**'} |"
            )
    out.append("")

    # 5. Search.
    out += [
        "## 5. Search",
        "",
        "Chromium, typing key by key (100 ms apart) into Material's search box; the time from "
        "the last keystroke's change of the query text to the last change of "
        "the result list. The first query of a visit loads the language's index and Material's "
        "search worker (nothing of them comes with the page): its time and download are shown "
        "on their own; each query after it is typed 3 times and its median shown, and the "
        "median is of those.",
        "",
        "| Site | Language | First query: ms, KiB gzip | Median (ms) | Per query: ms (results) |",
        "| --- | --- | ---: | ---: | --- |",
    ]
    for s in searches:
        each = ", ".join(f"{t.query!r} {t.ms:.0f} ({t.results})" for t in s.timings)
        first = f"{s.first.ms:.0f} ms, {kib(s.first.gzip_bytes)} KiB"
        median = browser.median_ms(s.timings)
        out.append(f"| {s.site} | {s.lang} | {first} | {median:.0f} | {each} |")
    out.append("")
    return "\n".join(out)


def fast_config(config: Path, languages: str) -> Path:
    """The corpus' mkdocs.yml as `make serve LANGUAGES=…` runs it (the plugin's build_only)."""
    data = load_config(config)
    for entry in data.get("plugins", []):
        if isinstance(entry, dict) and "eme-toolkit" in entry:
            entry["eme-toolkit"]["build_only"] = languages
    fast = config.with_name(f"mkdocs.{languages}.yml")
    fast.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return fast


def on_paper(
    rows: list[BuildRow], indexes: dict[str, list[SearchIndex]], tools: Tools, big: tuple[int, int]
) -> list[str]:
    """1,000 practices × 10 languages, extrapolated linearly from the largest two sizes run."""
    by = {(r.practices, r.languages): r for r in rows}
    languages = max(r.languages for r in rows)
    small, large = sorted(p for p, n in by if n == languages)[-2:]
    a, b = by[small, languages], by[large, languages]
    per_page_s = (b.i18n_s - a.i18n_s) / (b.pages - a.pages)
    per_page_mib = (max(x.peak_rss_mib for x in b.i18n) - max(x.peak_rss_mib for x in a.i18n)) / (
        b.pages - a.pages
    )
    pages = (1000 + 4) * 10
    build_s = b.i18n_s + (pages - b.pages) * per_page_s
    peak = max(x.peak_rss_mib for x in b.i18n) + (pages - b.pages) * per_page_mib
    site_indexes = indexes[f"{big[0]} practices × {big[1]} languages"]
    index_kib = max(i.gzip for i in site_indexes) / 1024 * 1000 / big[0]
    tools_s = (tools.median("check") + tools.median("status")) * pages / b.pages
    return [
        "## On paper: 1,000 practices × 10 languages",
        "",
        f"Extrapolated linearly from {small} → {large} practices × {languages} languages "
        f"({a.pages} → {b.pages} pages): {per_page_s * 1000:.1f} ms and "
        f"{per_page_mib:.2f} MiB more a page. For {pages:,} pages:",
        "",
        f"- One build: about {build_s / 60:.0f} min in one process, peak memory about "
        f"{peak:.0f} MiB. MkDocs builds in one process, and static-i18n builds the languages one "
        "after the other, so a 4-core CI runner is no faster than one core.",
        f"- Split by language, one process each (`EME_BUILD_ONLY=<code>`, the default language "
        f"with each), on 4 cores: about {build_s / 10 * 2 * 10 / 4 / 60:.0f} min, each process "
        "building two languages into its own folder, then the folders merged; the search "
        "indexes and sitemaps are per language already, and the status page reads every "
        "language's files itself.",
        f"- `check` + `status`: at most about {tools_s:.0f} s (scaled from {b.pages} pages, "
        "start-up included; parsed pages are kept between runs).",
        f"- The first search of a visit downloads one language's index: about {index_kib:.0f} KiB "
        "gzip; the page itself weighs the same as today.",
        "",
    ]


def growth(rows: list[BuildRow]) -> list[str]:
    """How build time grows with pages and with languages, read off the table."""
    lines = []
    by = {(r.practices, r.languages): r for r in rows}
    practices = sorted({r.practices for r in rows})
    languages = sorted({r.languages for r in rows})
    if len(practices) > 1:
        lo, hi = practices[0], practices[-1]
        for n in languages:
            a, b = by[lo, n], by[hi, n]
            lines.append(
                f"- With pages, {n} languages: {lo} → {hi} practices ({a.pages} → "
                f"{b.pages} pages, ×{b.pages / a.pages:.1f}) took {a.i18n_s:.2f} → "
                f"{b.i18n_s:.2f} s (×{b.i18n_s / a.i18n_s:.1f}); marginal "
                f"{1000 * (b.i18n_s - a.i18n_s) / (b.pages - a.pages):.1f} ms per page."
            )
    if len(languages) > 1:
        lo, hi = languages[0], languages[-1]
        for p in practices:
            a, b = by[p, lo], by[p, hi]
            lines.append(
                f"- With languages, {p} practices: {lo} → {hi} languages took "
                f"{a.i18n_s:.2f} → {b.i18n_s:.2f} s (×{b.i18n_s / a.i18n_s:.1f})."
            )
    return lines


# Run ------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    signal.signal(signal.SIGTERM, interrupt)
    tmp = Path(tempfile.gettempdir())
    check_room(args.practices, args.languages, tmp)
    big = (max(args.practices), max(args.languages))
    try:
        with tempfile.TemporaryDirectory(prefix="eme-bench-") as work:
            data = run_all(args, Path(work), big)
    except KeyboardInterrupt:
        print("benchmarks/run.py: interrupted; temporary sites removed", file=sys.stderr)
        return 130
    except measure.CommandFailed as error:
        print(f"benchmarks/run.py: {error}", file=sys.stderr)
        return 1
    data["argv"] = sys.argv[1:] if argv is None else argv
    data["big"] = big
    args.output.write_text(report(args, data, time.perf_counter() - started), encoding="utf-8")
    print(f"wrote {args.output} in {(time.perf_counter() - started) / 60:.1f} min")
    return 0


def run_all(args: argparse.Namespace, work: Path, big: tuple[int, int]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    print("generating corpora", flush=True)
    corpora = {}
    for p in args.practices:
        for n in args.languages:
            root = work / f"p{p}-l{n}"
            root.mkdir()
            corpora[p, n] = generate(root, p, n)
    real_root = work / "real"
    real_root.mkdir()
    real_config = copy_real_site(real_root)

    print("1. build scaling", flush=True)
    data["builds"] = build_scaling(corpora, args.repeat)
    large = corpora[big]
    data["profile"] = profile_build(large.i18n_config, work / "profile-site")

    print("2. edit loop", flush=True)
    data["edit_loops"] = [
        EditLoop(
            "real site",
            "docs/en/peer-groups.md",
            measure.edit_loop(
                real_config, real_root / "docs/en/peer-groups.md", "peer-groups/", args.edits
            ),
        ),
        EditLoop(
            f"{big[0]} practices × {big[1]} languages",
            f"docs/en/{large.practice_files()[-1]}",
            measure.edit_loop(
                large.i18n_config,
                large.docs / "en" / large.practice_files()[-1],
                large.practice_files()[-1].removesuffix(".md") + "/",
                args.edits,
            ),
        ),
        *(
            EditLoop(
                f"{big[0]} practices × {big[1]} languages, `make serve LANGUAGES=fi`",
                f"docs/{lang}/{large.practice_files()[-1]}",
                measure.edit_loop(
                    fast_config(large.i18n_config, "fi"),
                    large.docs / lang / large.practice_files()[-1],
                    folder + large.practice_files()[-1].removesuffix(".md") + "/",
                    args.edits,
                    languages="fi",
                ),
            )
            for lang, folder in (("fi", "fi/"), ("en", ""))
        ),
    ]

    print("3. translation tools", flush=True)
    data["tools"] = translation_tools(large, args.repeat)
    data["compression"] = compression(large)

    print("4. page weight and 5. search", flush=True)
    measure.build(real_config, real_root / "site")
    plain_real = corpora[min(args.practices), min(args.languages)]
    last = large.practice_files()[-1].removesuffix(".md") + "/"
    first = plain_real.practice_files()[0].removesuffix(".md") + "/"
    sites = [
        (
            "real site",
            real_root / "site",
            [("en", ""), ("en", "peer-groups/"), ("fi", "fi/"), ("fi", "fi/peer-groups/")],
        ),
        ("stock Material", plain_real.root / "plain-site", [("en", ""), ("en", first)]),
        (
            f"{big[0]} practices × {big[1]} languages",
            large.root / "site",
            [(lang, ("" if lang == "en" else f"{lang}/") + last) for lang in large.languages],
        ),
    ]
    data["indexes"] = {
        "real site": search_indexes(real_root / "site", ("en", "fi")),
        sites[2][0]: search_indexes(large.root / "site", large.languages),
    }
    searches = [("real site", real_root / "site", lang) for lang in QUERIES]
    searches += [(sites[2][0], large.root / "site", lang) for lang in QUERIES]
    # A language written right to left and one without a stemmer: their pages are the
    # corpus' Finnish ones, searched with Finnish words.
    searches += [
        (sites[2][0], large.root / "site", lang) for lang in large.languages if lang in ("ar", "uk")
    ]
    data["visits"], data["searches"], data["chromium"] = browser_measurements(sites, searches)
    return data


if __name__ == "__main__":
    sys.exit(main())
