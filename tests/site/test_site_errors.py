"""An editor's broken file fails the strict build with the file, the line and the fix named,
never a traceback; a byte order mark is no problem."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_project, mkdocs_build, run_cli


def build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def break_about(project: Path, how: str) -> None:
    page = project / "docs" / "fi" / "about.md"
    text = page.read_text(encoding="utf-8")
    if how == "unclosed front matter":
        front, _, rest = text.removeprefix("---\n").partition("---\n")
        page.write_text("---\n" + front + rest, encoding="utf-8")
    elif how == "latin-1":
        page.write_bytes(text.encode("latin-1", errors="replace"))
    elif how == "placeholder":
        strings = project / "docs" / "fi" / "strings.yml"
        edited = strings.read_text(encoding="utf-8").replace("({language})", "({kieli})", 1)
        strings.write_text(edited, encoding="utf-8")


@pytest.mark.parametrize(
    ("how", "message"),
    [
        (
            "unclosed front matter",
            "docs/fi/about.md:1: front matter opened with --- is never closed: add a line ---",
        ),
        ("latin-1", "docs/fi/about.md:1: the file is not UTF-8 text: save it as UTF-8"),
        (
            "placeholder",
            "docs/fi/strings.yml: 'fallback_text' has {kieli}, which is no placeholder",
        ),
    ],
)
def test_a_broken_file_fails_the_build_naming_it(tmp_path: Path, how: str, message: str) -> None:
    project = copy_project(tmp_path)
    break_about(project, how)
    result = build(project, tmp_path / "site")
    assert result.returncode != 0, result.stderr
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    check = run_cli(project / "mkdocs.yml", "check")
    assert check.returncode == 1 and message.split(": ", 1)[0] in check.stdout


def test_a_byte_order_mark_is_read_as_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    page = project / "docs" / "fi" / "about.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    assert run_cli(project / "mkdocs.yml", "check").returncode == 0
    mkdocs_build(tmp_path / "site", config=project / "mkdocs.yml")
    html = (tmp_path / "site" / "fi" / "about" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>Tietoa työkalupakista - ", html), html[:500]
