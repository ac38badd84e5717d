"""`eme-i18n check`: each check fires on a fixture that breaks it, silent on the whole.

The fixture (tests/fixtures/i18n/project) is a small site in English, Finnish (complete) and
Swedish (in progress, one page missing) that passes every check. Each case copies it, breaks
one thing and runs the real command, which must exit 1 and name the file, the line and the
problem.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURE, ROOT, run_cli


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A fresh copy of the fixture site."""
    return Path(shutil.copytree(FIXTURE, tmp_path / "site"))


def edit(site: Path, name: str, old: str, new: str) -> None:
    path = site / "docs" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def write(site: Path, name: str, text: str) -> None:
    (site / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
    (site / "docs" / name).write_text(text, encoding="utf-8")


FI_GUIDE = "fi/guide.md"
VOICES_FI = "## Äänet { #voices }\n\n> Hyvä ryhmä.\n\n> Toinen hyvä ryhmä.\n\n"


def move_voices_first(site: Path) -> None:
    edit(site, FI_GUIDE, VOICES_FI, "")
    edit(site, FI_GUIDE, "## Vaiheet", VOICES_FI + "## Vaiheet")


# id -> (break the fixture, what check must print)
BREAKS: dict[str, tuple[Callable[[Path], None], str]] = {
    "page missing": (
        lambda s: (s / "docs" / FI_GUIDE).unlink(),
        "docs/fi/guide.md:1: page missing: Suomi is a complete language; copy docs/en/guide.md",
    ),
    "page orphaned": (
        lambda s: write(s, "fi/old.md", "# Vanha { #old }\n\nVanha sivu.\n"),
        "docs/fi/old.md:1: page has no English original docs/en/old.md",
    ),
    "section missing": (
        lambda s: edit(s, FI_GUIDE, VOICES_FI, ""),
        "docs/fi/guide.md:21: section { #voices } “Voices” (docs/en/guide.md:22) is missing",
    ),
    "section extra": (
        lambda s: edit(s, FI_GUIDE, "## Äänet", "## Lisää { #more }\n\nLisää tekstiä.\n\n## Äänet"),
        "docs/fi/guide.md:22: section { #more } is not in docs/en/guide.md",
    ),
    "section moved": (
        lambda s: move_voices_first(s),
        "docs/fi/guide.md:18: section { #steps } is out of order: in English it comes after "
        "{ #guide }",
    ),
    "heading level": (
        lambda s: edit(s, FI_GUIDE, "### Numerot", "## Numerot"),
        "docs/fi/guide.md:28: heading { #numbers } is level 2 (##) but level 3 in English",
    ),
    "list items": (
        lambda s: edit(s, FI_GUIDE, "- Kutsu ihmiset.\n", ""),
        "docs/fi/guide.md:12: section { #steps } has 2 list items, English has 3",
    ),
    "quotes": (
        # A paragraph between two quotes makes them two; a blank line alone joins them.
        lambda s: edit(s, FI_GUIDE, "> Hyvä ryhmä.\n", "> Hyvä ryhmä.\n\nSanoi yksi.\n"),
        "docs/fi/guide.md:22: section { #voices } has 2 quotes, English has 1 quote",
    ),
    "admonitions": (
        lambda s: edit(s, FI_GUIDE, '!!! note "Muista"\n\n    ', "Muista: "),
        "docs/fi/guide.md:12: section { #steps } has 0 admonitions, English has 1 admonition",
    ),
    "tables": (
        lambda s: edit(s, FI_GUIDE, "| --- | --- |\n", ""),
        "docs/fi/guide.md:28: section { #numbers } has 0 tables, English has 1 table",
    ),
    "images": (
        lambda s: edit(s, FI_GUIDE, "![Ryhmä](group.png)", "Ryhmä."),
        "docs/fi/guide.md:28: section { #numbers } has 0 images, English has 1 image",
    ),
    "number": (
        lambda s: edit(s, FI_GUIDE, "6-8 kertaa", "6-9 kertaa"),
        "docs/fi/guide.md:6: section { #guide } lacks the number 6-8 that English has "
        "(docs/en/guide.md:10)",
    ),
    "decimal": (
        lambda s: edit(s, FI_GUIDE, "2,5 tuntia", "2 tuntia"),
        "docs/fi/guide.md:6: section { #guide } lacks the number 2.5 that English has",
    ),
    "link differs": (
        lambda s: edit(s, FI_GUIDE, "(index.md#start)", "(index.md#home)"),
        "docs/fi/guide.md:10: link to 'index.md#home' is not in the English section",
    ),
    "link missing": (
        lambda s: edit(s, FI_GUIDE, "[alku](index.md#start)", "alku"),
        "docs/fi/guide.md:6: section { #guide } lacks the link to 'index.md#start' that English "
        "has",
    ),
    "anchor unresolved": (
        lambda s: edit(s, "fi/index.md", "{ #start }", "{ #begin }"),
        "docs/fi/guide.md:10: link to 'index.md#start' does not resolve: docs/fi/index.md has "
        "no heading { #start }",
    ),
    "page unresolved": (
        lambda s: edit(s, "en/index.md", "(guide.md)", "(guides.md)"),
        "docs/en/index.md:7: link to 'guides.md' does not resolve: there is no docs/en/guides.md",
    ),
    "identical paragraph": (
        lambda s: edit(s, FI_GUIDE, "- Kutsu ihmiset.", "- Invite people."),
        "docs/fi/guide.md:15: text is the same as in English (docs/en/guide.md:12): translate it",
    ),
    "identical heading": (
        lambda s: edit(s, FI_GUIDE, "## Äänet", "## Voices"),
        "docs/fi/guide.md:22: text is the same as in English (docs/en/guide.md:22)",
    ),
    "identical title": (
        lambda s: edit(s, FI_GUIDE, "title: Opas", "title: Guide"),
        "docs/fi/guide.md:2: 'title:' is the same as in English: translate it",
    ),
    "duplicate id": (
        lambda s: edit(s, FI_GUIDE, "{ #voices }", "{ #steps }"),
        "docs/fi/guide.md:22: heading id { #steps } is already used on line 12",
    ),
    "broken front matter": (
        lambda s: edit(s, FI_GUIDE, "title: Opas", "title: [Opas"),
        "docs/fi/guide.md:3: front matter is not valid YAML",
    ),
    "unclosed front matter": (
        lambda s: edit(s, "fi/index.md", "title: Etusivu\n---", "title: Etusivu\n"),
        "docs/fi/index.md:1: front matter opened with --- is never closed",
    ),
    "number in the description": (
        lambda s: edit(s, "en/guide.md", "How the groups work.", "How the 6 groups work."),
        "docs/fi/guide.md:3: 'description:' lacks the number 6 that English has "
        "(docs/en/guide.md:3): write it in the translation",
    ),
    "tab-indented list item": (
        lambda s: edit(s, FI_GUIDE, "- Suunnittele ryhmä.\n", "\t- Suunnittele ryhmä.\n\n"),
        "docs/fi/guide.md:14: indented by a tab or 4 spaces, this shows as code, not as text",
    ),
    "mistyped placeholder": (
        lambda s: edit(s, "en/strings.yml", "into {language} yet, so it", "into {lang} yet, so it"),
        "docs/en/strings.yml:5: 'fallback_text' has {lang}, which is no placeholder: "
        "write {language}",
    ),
    "heading without id": (
        lambda s: edit(s, FI_GUIDE, "## Äänet { #voices }", "## Äänet"),
        "docs/fi/guide.md:22: heading “Äänet” has no id: end it with { #id }",
    ),
    "unregistered folder": (
        lambda s: write(s, "de/index.md", "# Start { #home }\n"),
        "mkdocs.yml:8: docs/de/ holds pages, but 'de' is not among the languages here",
    ),
    "in-progress page incomplete": (
        lambda s: edit(
            s, "sv/index.md", "## Börja här { #start }\n\nBörja med [stegen](guide.md#steps).\n", ""
        ),
        "docs/sv/index.md:8: section { #start } “Start here” (docs/en/index.md:9) is missing",
    ),
    "in-progress link to a missing anchor": (
        lambda s: edit(s, "sv/index.md", "(guide.md#steps)", "(guide.md#stegen)"),
        "docs/sv/index.md:11: link to 'guide.md#stegen' does not resolve: docs/en/guide.md has "
        "no heading { #stegen }",
    ),
    "missing string": (
        lambda s: edit(s, "fi/strings.yml", 'status_help: "Auta kääntämään sivustoa"\n', ""),
        "docs/fi/strings.yml:1: lacks 'status_help' (English: “Help translate this site”)",
    ),
    "missing print string": (
        lambda s: edit(
            s, "fi/strings.yml", 'print_source: "Tämä sivu verkossa: {address} · {language}"\n', ""
        ),
        "docs/fi/strings.yml:1: lacks 'print_source' (English: “This page online: {address} · "
        "{language}”)",
    ),
    "print string without its address": (
        lambda s: edit(s, "fi/strings.yml", "verkossa: {address}", "verkossa:"),
        "docs/fi/strings.yml:30: 'print_source' must keep the placeholders",
    ),
    "no strings file": (
        lambda s: (s / "docs" / "sv" / "strings.yml").unlink(),
        "docs/sv/strings.yml:1: missing: readers of Svenska see these notices in English",
    ),
    "lost placeholder": (
        lambda s: edit(s, "fi/strings.yml", "({language})", "(kieli)"),
        "docs/fi/strings.yml:5: 'fallback_text' must keep the placeholders",
    ),
}


def test_whole_fixture_is_clean(site: Path) -> None:
    result = run_cli(site / "mkdocs.yml", "check")
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("No problems"), result.stdout


@pytest.mark.parametrize("case", BREAKS)
def test_check_fires_on_what_breaks_it(site: Path, case: str) -> None:
    breaking, expected = BREAKS[case]
    breaking(site)
    result = run_cli(site / "mkdocs.yml", "check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert expected in result.stdout, result.stdout
    problems = result.stdout.split("\n\n")[0].splitlines()
    # The summary counts what was listed.
    assert f"{len(problems)} problem" in result.stdout.split("\n\n")[-1]


def test_allowed_differences_pass(site: Path) -> None:
    """A kept name, an en dash for a hyphen and a decimal comma are not problems."""
    edit(site, FI_GUIDE, "6-8 kertaa", "6–8 kertaa")
    edit(site, "en/guide.md", "2.5 hours", "2,5 hours")
    edit(site, FI_GUIDE, "2,5 tuntia", "2.5 tuntia")
    edit(site, FI_GUIDE, "| 1 | 3–4 |", "| 1 | 3-4 |")
    result = run_cli(site / "mkdocs.yml", "check")
    assert result.returncode == 0, result.stdout


def test_in_progress_language_may_lack_pages(site: Path) -> None:
    assert not (site / "docs" / "sv" / "guide.md").exists()
    (site / "docs" / "sv" / "index.md").unlink()
    result = run_cli(site / "mkdocs.yml", "check")
    assert result.returncode == 0, result.stdout


def test_real_docs_pass_the_check() -> None:
    result = run_cli(ROOT / "mkdocs.yml", "check")
    assert result.returncode == 0, result.stdout


def test_github_format_annotates_each_problem_on_its_line(site: Path) -> None:
    BREAKS["section missing"][0](site)
    result = run_cli(site / "mkdocs.yml", "check", "--format", "github")
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert annotations == [
        "::error file=docs/fi/guide.md,line=21::section { #voices } “Voices” "
        "(docs/en/guide.md:22) is missing: translate it below this line, under a heading "
        "ending in { #voices }"
    ], result.stdout


def copy_english_page(site: Path, lang: str, translate: dict[str, str]) -> None:
    """docs/en/guide.md copied into `lang`, with `translate`'s replacements made."""
    text = (site / "docs" / "en" / "guide.md").read_text(encoding="utf-8")
    for old, new in translate.items():
        assert old in text
        text = text.replace(old, new)
    write(site, f"{lang}/guide.md", text)


HALF = {
    "The groups meet 6–8 times, 2.5 hours each time. See [the start](index.md#start).": (
        "Ryhmät kokoontuvat 6–8 kertaa, 2,5 tuntia kerrallaan. Katso [alku](index.md#start)."
    ),
    "title: Guide": "title: Opas",
    "description: How the groups work.": "description: Miten ryhmät toimivat.",
    "# Guide { #guide }": "# Opas { #guide }",
}


def test_a_half_translated_page_of_a_complete_language_is_one_problem_a_section(
    site: Path,
) -> None:
    copy_english_page(site, "fi", HALF)
    result = run_cli(site / "mkdocs.yml", "check")
    assert result.returncode == 1
    problems = result.stdout.split("\n\n")[0].splitlines()
    assert problems == [
        f"docs/fi/guide.md:{line}: section {{ #{sid} }} is not translated yet: it is the "
        f"English text of docs/en/guide.md:{line}; translate it"
        for line, sid in ((12, "steps"), (22, "voices"), (28, "numbers"))
    ]


def test_a_half_translated_page_of_a_language_in_progress_passes_and_counts(site: Path) -> None:
    copy_english_page(site, "sv", HALF)
    assert run_cli(site / "mkdocs.yml", "check").returncode == 0
    status = run_cli(site / "mkdocs.yml", "status").stdout
    for sid in ("steps", "voices", "numbers"):
        assert f"  not translated: guide.md#{sid} (still the English text)" in status
