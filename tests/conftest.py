"""Shared fixtures and helpers: the project's paths and languages, a strict build, the CLI.

Tests live in four folders: unit (pure functions, no build), cli (the editors' commands on
copies of the project), site (the built HTML, one build per test session) and browser (the
built site in Chromium).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from eme_toolkit.config import load_site

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FIXTURE = ROOT / "tests" / "fixtures" / "i18n" / "project"
# The site's languages, default first, as mkdocs.yml has them: nothing assumes which.
SITE = load_site(ROOT / "mkdocs.yml")
LANGUAGES = tuple(lang.code for lang in sorted(SITE.languages, key=lambda lang: not lang.default))
DEFAULT = SITE.default.code
CLI = (sys.executable, "-m", "eme_toolkit")


def mkdocs_build(site_dir: Path, config: Path = ROOT / "mkdocs.yml", **env: str) -> None:
    """Run a strict MkDocs build; fail the test with MkDocs' own output if it warns or errors."""
    command = ["build", "--strict", "-q", "-f", str(config), "-d", str(site_dir)]
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
    """The editors' command line, as they run it; it must never show a traceback."""
    result = subprocess.run(
        [*CLI, *args, "--config", str(config)],
        cwd=config.parent,
        capture_output=True,
        text=True,
    )
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    return result


def copy_project(tmp_path: Path) -> Path:
    """What the site is built from (mkdocs.yml, docs/, overrides/), in a temporary folder."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("docs", "overrides"):
        shutil.copytree(ROOT / folder, project / folder)
    return project


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly into a temporary folder."""
    site = tmp_path_factory.mktemp("site")
    mkdocs_build(site)
    return site
