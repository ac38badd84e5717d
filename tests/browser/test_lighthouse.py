"""Lighthouse, in the same Chromium as the other browser tests: a score of 100 for
accessibility, best practices and SEO, every page of a translated language and some of the
others (English, the language added in the test). Each page is a test of its own."""

from __future__ import annotations

import json
import select
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT
from playwright.sync_api import Browser

from .conftest import ADDED, PAGES, Site

RUNNER = ROOT / "tests" / "browser" / "lighthouse.mjs"
CATEGORIES = {"accessibility", "best-practices", "seo"}
ADDRESSES = [
    *(("fi", path) for path in PAGES),
    *((lang, path) for lang in ("en", *ADDED) for path in ("", "peer-groups/")),
]
TIMEOUT = 300  # seconds for one page, far more than it takes


class Lighthouse:
    """lighthouse.mjs, started once per session, auditing in the session's Chromium."""

    def __init__(self, process: subprocess.Popen[str], log: Path) -> None:
        self.process = process
        self.log = log

    def audit(self, url: str) -> dict:
        process = self.process
        assert process.stdin and process.stdout
        if process.poll() is not None:
            pytest.fail(f"lighthouse.mjs ended ({process.returncode}): {self.errors()}")
        process.stdin.write(url + "\n")
        process.stdin.flush()
        ready, _, _ = select.select([process.stdout], [], [], TIMEOUT)
        line = process.stdout.readline() if ready else ""
        if not line:
            pytest.fail(f"no answer from Lighthouse for {url}: {self.errors()}")
        return json.loads(line)

    def errors(self) -> str:
        return self.log.read_text(encoding="utf-8")[-3000:]


@pytest.fixture(scope="session")
def lighthouse(
    browser: Browser, devtools_port: int, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Lighthouse]:
    node = shutil.which("node")
    assert node, "Node.js is needed (it installs axe-core and Lighthouse: npm ci)"
    log = tmp_path_factory.mktemp("lighthouse") / "stderr.txt"
    with (
        log.open("w", encoding="utf-8") as stderr,
        # Closing its input at the end of the session ends it.
        subprocess.Popen(
            [node, str(RUNNER), str(devtools_port)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        ) as process,
    ):
        yield Lighthouse(process, log)


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "path"), ADDRESSES)
def test_lighthouse_gives_100_for_accessibility_best_practices_and_seo(
    lighthouse: Lighthouse, site: Site, lang: str, path: str
) -> None:
    url = site.page_url(lang, path)
    result = lighthouse.audit(url)
    assert result["url"] == url
    assert not result["runtimeError"], f"{url}: {result['runtimeError']}"
    assert set(result["scores"]) == CATEGORIES, result["scores"]
    short = any(score != 1 for score in result["scores"].values())
    assert not short, f"{url} {result['scores']}: {result['failed']}"
