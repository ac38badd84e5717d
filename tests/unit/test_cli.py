"""cli: the editors' commands, run in-process on copies of the fixture site."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import FIXTURE

from eme_toolkit.cli import main
from eme_toolkit.languages import strings_to_translate


def fixture_config(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "project")) / "mkdocs.yml"


def run(*args: str) -> Result:
    """The command's result; it must end by exiting, never with a traceback."""
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_check_of_the_fixture_finds_no_problems(tmp_path: Path) -> None:
    result = run("check", "--config", str(fixture_config(tmp_path)))
    assert result.exit_code == 0
    assert result.stdout == (
        "No problems: checked English (complete), Suomi (complete), Svenska (in progress) "
        "against English.\n"
    )


def test_check_reports_problems_and_exits_1(tmp_path: Path) -> None:
    config = fixture_config(tmp_path)
    (config.parent / "docs" / "fi" / "guide.md").unlink()
    result = run("check", "--config", str(config))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "docs/fi/guide.md:1: page missing: Suomi is a complete language; copy "
        "docs/en/guide.md here and translate it"
    )
    assert "1 problem in 1 file; checked" in result.stdout


def test_status_json_parses(tmp_path: Path) -> None:
    result = run("status", "--format", "json", "--config", str(fixture_config(tmp_path)))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [(lang["code"], lang["percent"]) for lang in data["languages"]] == [
        ("en", 100),
        ("fi", 100),
        ("sv", 33),
    ]


@pytest.mark.parametrize("before", [True, False])
def test_config_goes_before_or_after_the_command(tmp_path: Path, before: bool) -> None:
    config = ["--config", str(fixture_config(tmp_path))]
    result = run(*config, "status") if before else run("status", *config)
    assert result.exit_code == 0
    assert "Svenska (sv, in progress): 33 %" in result.stdout


def test_without_mkdocs_yml_it_says_where_to_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("check")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: no mkdocs.yml here ({tmp_path}): run the command in the project folder, "
        "where mkdocs.yml is, or pass --config PATH\n"
    )


def test_a_broken_config_is_named_with_its_line(tmp_path: Path) -> None:
    config = fixture_config(tmp_path)
    config.write_text(config.read_text("utf-8").replace("sv: in progress", "sv: halfway"), "utf-8")
    result = run("status", "--config", str(config))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {config}:20: language 'sv' is 'halfway'")


def test_add_language_of_a_code_cldr_does_not_know_is_refused(tmp_path: Path) -> None:
    config = fixture_config(tmp_path)
    before = config.read_bytes()
    result = run("add-language", "xx", "--name", "Xx", "--config", str(config))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "error: 'xx' is no language that CLDR knows: check the code (ISO 639, such as so for Somali"
    )
    assert config.read_bytes() == before
    assert not (config.parent / "docs" / "xx").exists()


def test_add_language_registers_the_language(tmp_path: Path) -> None:
    config = fixture_config(tmp_path)
    result = run("add-language", "da", "--name", "Dansk", "--config", str(config))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Added Dansk (da, written ltr), a language in progress:\n")
    docs = config.parent / "docs"
    strings = (docs / "da" / "strings.yml").read_text(encoding="utf-8")
    english = (docs / "en" / "strings.yml").read_text(encoding="utf-8")
    assert strings.startswith("# The site's own words in Dansk:")
    assert strings_to_translate(english, "Dansk") == strings
    assert [line for line in strings.splitlines() if not line.startswith("#")] == [
        line for line in english.splitlines() if not line.startswith("#")
    ]
    assert "        da: in progress\n" in config.read_text("utf-8")


def test_mark_translated_reports_what_it_marked(tmp_path: Path) -> None:
    config = fixture_config(tmp_path)
    result = run("mark-translated", "sv", "--config", str(config))
    assert result.exit_code == 0
    assert result.stdout == (
        "Marked 2 sections of Svenska as up to date in docs/sv/translation-record.yml.\n"
    )


def test_mark_translated_of_the_default_language_is_refused(tmp_path: Path) -> None:
    result = run("mark-translated", "en", "--config", str(fixture_config(tmp_path)))
    assert result.exit_code == 2
    assert result.stderr == ("error: English is the original language: there is nothing to mark\n")
