"""Shared fixtures and helpers: the project's paths and languages, a strict build, the CLI.

Tests live in four folders: unit (pure functions, no build), cli (the editors' commands on
copies of the project), site (the built HTML, one build per test session) and browser (the
built site in Chromium).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

import pytest
from click.testing import CliRunner

from eme_toolkit.cli import main
from eme_toolkit.page import Page, Reader
from eme_toolkit.rendering import Renderer
from eme_toolkit.site import Site, load_site, plugin_entry

# Pages read by the tests are kept in a cache folder of their own, not the user's.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="eme-toolkit-tests-")
ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FIXTURE = ROOT / "tests" / "fixtures" / "i18n" / "project"
# The site's languages, default first, as mkdocs.yml has them: nothing assumes which.
SITE = load_site(ROOT / "mkdocs.yml")
LANGUAGES = tuple(lang.code for lang in sorted(SITE.languages, key=lambda lang: not lang.default))
DEFAULT = SITE.default.code
# Complete languages have every page and section; one in progress shows English where it lacks.
COMPLETE = tuple(code for code in LANGUAGES if (lang := SITE.language(code)) and lang.complete)


READER = Reader(Renderer(SITE.markdown))


def read_page(path: Path, text: str | None = None) -> Page:
    """A page read as the tools read the site's pages: with its markdown_extensions."""
    return READER.read(path, text)


def nav_title(lang: str, title: str) -> str:
    """A menu title as the language's entry in mkdocs.yml translates it."""
    i18n = plugin_entry(SITE.settings.get("plugins"), "i18n")
    assert isinstance(i18n, dict)
    entry = next(e for e in i18n["languages"] if e.get("locale") == lang)
    return (entry.get("nav_translations") or {}).get(title, title)


CLI = (sys.executable, "-m", "eme_toolkit")


def mkdocs_build(site_dir: Path, config: Path = ROOT / "mkdocs.yml", **env: str) -> None:
    """Run a strict MkDocs build; fail the test with MkDocs' own output if it warns or errors."""
    command = ["build", "--strict", "-f", str(config), "-d", str(site_dir)]
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", *command],
        cwd=config.parent,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}{result.stderr}")


def run_cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The editors' command line with its real output, run in this process (click's runner)
    for speed, in the config's folder; it must never end in a traceback. The console script
    itself runs as a subprocess in tests/site (test_config_reads, test_bench_corpus)."""
    argv = [*args, "--config", str(config)]
    with contextlib.chdir(config.parent):
        result = CliRunner().invoke(main, argv)
    assert result.exception is None or isinstance(result.exception, SystemExit), "".join(
        traceback.format_exception(*result.exc_info)  # type: ignore[misc]
    )
    return subprocess.CompletedProcess(argv, result.exit_code, result.stdout, result.stderr)


def copy_project(tmp_path: Path) -> Path:
    """What the site is built from (mkdocs.yml, docs/, overrides/), in a temporary folder."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("docs", "overrides"):
        shutil.copytree(ROOT / folder, project / folder)
    return project


def start_afresh(config: Path, code: str) -> None:
    """The project copy at `config` without language `code`, if the site has it, removed as an
    editor removes one (remove-language --force), so that a test can add the language anew."""
    if code in LANGUAGES:
        result = run_cli(config, "remove-language", code, "--force")
        assert result.returncode == 0, result.stdout + result.stderr


def fixture_site(tmp_path: Path) -> Site:
    """A copy of the small three-language fixture site, read as the tools read it."""
    return load_site(Path(shutil.copytree(FIXTURE, tmp_path / "project")) / "mkdocs.yml")


def edit(site: Site, name: str, old: str, new: str) -> None:
    """Replace `old` (which must be there) by `new` in docs/<name> of the site."""
    path = site.docs_dir / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def parse_shard(text: str) -> tuple[int, int]:
    """`--shard=K/N`: the K-th (from 1) of N shares."""
    k, _, n = text.partition("/")
    if not (k.isdigit() and n.isdigit() and 1 <= int(k) <= int(n)):
        raise argparse.ArgumentTypeError(f"{text!r} is not K/N with 1 <= K <= N, such as 1/2")
    return int(k), int(n)


def shard(ids: list[str], k: int, n: int) -> set[str]:
    """The test ids of share K of N: the ids sorted, dealt round-robin. Sorted ids keep each
    test's parameters together, so dealing spreads them over the shares; every process and
    machine that collects the same tests deals them alike."""
    return set(sorted(ids)[k - 1 :: n])


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--shard",
        type=parse_shard,
        metavar="K/N",
        help="run only share K of N of the selected tests (CI runs the browser tests so)",
    )


# Last, so that the shares are dealt from what -m and -k selected.
@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    share = config.getoption("shard")
    if share is None:
        return
    kept = shard([item.nodeid for item in items], *share)
    deselected = [item for item in items if item.nodeid not in kept]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
    items[:] = [item for item in items if item.nodeid in kept]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly into a temporary folder."""
    site = tmp_path_factory.mktemp("site")
    mkdocs_build(site)
    return site
