"""mkdocs.yml is parsed once per build and once per CLI run, whatever the number of pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

# Counts every YAML parse of mkdocs.yml's text (whichever loader, stream or string), then runs
# the command given in argv in this process.
COUNTER = """
import io, sys, yaml
config = open(sys.argv[1], encoding="utf-8").read()
count = 0
real_load = yaml.load
def load(stream, Loader):
    global count
    text = stream if isinstance(stream, str) else getattr(stream, "name", "")
    if text == config or str(text).endswith("mkdocs.yml"):
        count += 1
    return real_load(stream, Loader)
yaml.load = load
try:
    if sys.argv[2] == "build":
        from mkdocs.__main__ import cli
        cli(["build", "--strict", "-f", sys.argv[1], "-d", sys.argv[3]])
    else:
        from eme_toolkit.cli import main
        main([*sys.argv[2:], "--config", sys.argv[1]])
except SystemExit as exit:
    assert not exit.code, exit.code
finally:
    print(f"parsed {count}")
"""


def parses(*args: str) -> int:
    result = subprocess.run(
        [sys.executable, "-c", COUNTER, str(ROOT / "mkdocs.yml"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    return int(result.stdout.strip().splitlines()[-1].removeprefix("parsed "))


def test_a_build_of_every_language_parses_mkdocs_yml_once(tmp_path: Path) -> None:
    assert parses("build", str(tmp_path / "site")) == 1


def test_each_cli_command_parses_mkdocs_yml_once() -> None:
    for command in (["check"], ["status", "--format", "json"]):
        assert parses(*command) == 1, command
