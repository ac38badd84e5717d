"""`make compare-engines` (python -m eme_toolkit.engines) on copies of the project: MkDocs and
ProperDocs build the site, and the command says whether the two builds are the same."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, copy_project


def compare(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eme_toolkit.engines", "--config", str(config), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_both_engines_build_the_site_byte_for_byte_alike(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    result = compare(project / "mkdocs.yml", "--keep", str(tmp_path / "builds"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("mkdocs and properdocs built the same "), result.stdout
    for engine in ("mkdocs", "properdocs"):
        built = tmp_path / "builds" / engine
        assert (built / "index.html").is_file() and (built / "fi" / "index.html").is_file()
        assert (built / "status" / "index.html").is_file()  # our plugin ran


# A hook that writes which engine's classes the build ran on: a difference to find.
HOOK = """\
from pathlib import Path


def on_post_build(config, **kwargs):
    Path(config.site_dir, "engine.txt").write_text(type(config).__module__ + "\\n")
"""


def test_a_difference_fails_naming_the_file_and_showing_each_side(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "engine_hook.py").write_text(HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "\nhooks:\n  - engine_hook.py\n", "utf-8")
    result = compare(config)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "engine.txt: differs from line 1, column 1" in lines, lines
    assert "  mkdocs: 'mkdocs.config.defaults'" in lines, lines
    assert "  properdocs: 'properdocs.config.defaults'" in lines, lines
    assert "    -mkdocs.config.defaults" in lines and "    +properdocs.config.defaults" in lines
    assert "    --- mkdocs/engine.txt" in lines and "    +++ properdocs/engine.txt" in lines
    assert lines[-1].startswith("1 of ") and lines[-1].endswith(
        " files differ between mkdocs and properdocs"
    )


def test_a_build_that_fails_strictly_is_shown_with_its_engines_output(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "\nno_such_setting: 1\n", "utf-8")
    result = compare(config)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "mkdocs build --strict failed:" in result.stderr
    assert "no_such_setting" in result.stderr
