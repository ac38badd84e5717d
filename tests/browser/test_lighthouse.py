"""Lighthouse, in the same Chromium as the other browser tests: a score of 100 for
accessibility, best practices and SEO, every page of a translated language and some of the
others (English, the language added in the test)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import ROOT

from eme_toolkit import chromium

from .conftest import ADDED, Site

RUNNER = ROOT / "tests" / "browser" / "lighthouse.mjs"
CATEGORIES = {"accessibility", "best-practices", "seo"}


def audit(site: Site, lang: str, paths: list[str]) -> dict[str, dict]:
    node = shutil.which("node")
    assert node, "Node.js is needed (it installs axe-core and Lighthouse: npm ci)"
    urls = [site.page_url(lang, path) for path in paths]
    flags = json.dumps(chromium.launch_args())
    result = subprocess.run(
        [node, str(RUNNER), str(chromium.find()), flags, *urls],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


@pytest.mark.parametrize("lang", ["fi", "en", ADDED])
def test_lighthouse_gives_100_for_accessibility_best_practices_and_seo(
    site: Site, lang: str
) -> None:
    paths = site.pages[lang] if lang == "fi" else ["", "peer-groups/"]
    found = audit(site, lang, paths)
    assert set(found) == {site.page_url(lang, path) for path in paths}
    short = []
    for url, result in found.items():
        assert not result["runtimeError"], f"{url}: {result['runtimeError']}"
        assert set(result["scores"]) == CATEGORIES, result["scores"]
        if any(score != 1 for score in result["scores"].values()):
            short.append(f"{url} {result['scores']}: {result['failed']}")
    assert not short, "\n".join(short)
