"""The walk CONTRIBUTING.md describes, on a copy of the project: add Swedish, translate one
section of a page, see the status, mark it, change the English, see the diff, update, mark."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import copy_project, mkdocs_build, run_cli, start_afresh

ENGLISH_EME = (
    "EME (Empowering Migrants for Employment) is an EU project that published a description of\n"
    "profession-focused peer groups for immigrant job-seekers as one of its good practices. The\n"
    "concept was developed in Finland in the Catch Up with Work and EME projects."
)
SWEDISH_EME = (
    "EME (Empowering Migrants for Employment) är ett EU-projekt som har publicerat en beskrivning\n"
    "av yrkesinriktade kamratgrupper för arbetssökande invandrare som en av sina goda metoder.\n"
    "Konceptet utvecklades i Finland i projekten Catch Up with Work och EME."
)


def sections(config: Path, lang: str) -> dict[str, str]:
    """page#section -> its state, for the page about.md."""
    result = run_cli(config, "status", "--format", "json")
    language = next(x for x in json.loads(result.stdout)["languages"] if x["code"] == lang)
    states = {key: "outdated" for key in language["outdated_sections"]}
    states |= {x["section"]: x["reason"] for x in language["untranslated_sections"]}
    return {key: state for key, state in states.items() if key.startswith("about.md#")}


def test_a_swedish_translator_s_walk(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    start_afresh(config, "sv")  # the walk adds Swedish, even to a site that has it already
    docs = project / "docs"
    assert run_cli(config, "add-language", "sv", "--name", "Svenska").returncode == 0

    # Copy a page and translate one section of it.
    english = (docs / "en" / "about.md").read_text(encoding="utf-8")
    assert ENGLISH_EME in english
    page = docs / "sv" / "about.md"
    page.write_text(
        english.replace("## The EME project { #eme }", "## EME-projektet { #eme }").replace(
            ENGLISH_EME, SWEDISH_EME
        ),
        encoding="utf-8",
    )
    assert run_cli(config, "check").returncode == 0  # work in progress is no problem
    assert sections(config, "sv") == {
        "about.md#about": "english",
        "about.md#eme": "unmarked",
        "about.md#source": "english",
        "about.md#changes": "english",
        "about.md#translate": "english",
    }

    # Mark it; then the English changes, and the diff shows how.
    marked = run_cli(config, "mark-translated", "sv", "about.md#eme")
    assert marked.returncode == 0 and "Marked 1 section of Svenska" in marked.stdout
    assert "about.md#eme" not in sections(config, "sv")
    source = docs / "en" / "about.md"
    source.write_text(english.replace("EU project", "European Union project"), encoding="utf-8")
    assert sections(config, "sv")["about.md#eme"] == "outdated"
    diff = run_cli(config, "diff", "sv", "about.md")
    assert "about.md#eme (docs/en/about.md:12): English changed since it was marked:" in diff.stdout
    assert "is an [-EU-]{+European Union+} project" in diff.stdout, diff.stdout

    # Update the translation and mark it again: up to date.
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "ett EU-projekt", "ett projekt i Europeiska unionen"
        ),
        encoding="utf-8",
    )
    assert run_cli(config, "mark-translated", "sv", "about.md#eme").returncode == 0
    assert "about.md#eme" not in sections(config, "sv")
    assert run_cli(config, "diff", "sv", "about.md#eme").stdout.endswith("nothing changed\n")

    # Readers of the Swedish page see which parts are still in English.
    mkdocs_build(tmp_path / "site", config=config)
    html = (tmp_path / "site" / "sv" / "about" / "index.html").read_text(encoding="utf-8")
    words = re.sub(r"<[^>]+>", "", html)
    assert "Parts of this page have not been translated into svenska yet" in words
    assert re.search(r'<div lang="en" dir="ltr"><h2 id="source"', html)
    assert 'lang="en"><h2 id="eme"' not in html
