"""The built site: every page in both languages, same structure, right language, no third party."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import COMPLETE, DEFAULT, DOCS, LANGUAGES, copy_project
from html_text import article, built_page

PAGES = sorted(p.name for p in (DOCS / "en").glob("*.md"))
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


def test_every_language_has_the_pages_of_english_and_no_others() -> None:
    for lang in LANGUAGES:
        names = sorted(p.name for p in (DOCS / lang).glob("*.md"))
        missing = sorted(set(PAGES) - set(names))
        extra = sorted(set(names) - set(PAGES))
        # A language in progress may lack pages: readers see them in English.
        assert lang not in COMPLETE or not missing, (
            f"docs/{lang}/ lacks {missing}: copy each from docs/en/ and translate it"
        )
        assert not extra, (
            f"docs/{lang}/ has {extra} with no English original in docs/en/: add the English page "
            "or remove the file"
        )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_heading_has_an_explicit_id(lang: str) -> None:
    """Ids shared by both languages keep anchors and cross-language links stable."""
    problems = []
    for md in sorted((DOCS / lang).glob("*.md")):
        in_fence = False
        for number, line in enumerate(md.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith(("```", "~~~")):
                in_fence = not in_fence
            match = HEADING.match(line)
            if match and not in_fence and not re.search(r"\{\s*#[\w-]+\s*\}\s*$", line):
                problems.append(
                    f"docs/{lang}/{md.name}:{number}: heading "
                    f"{match.group(2)!r} has no id: end it with {{ #some-id }}"
                )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_is_built_in_its_language(built_site: Path, lang: str, name: str) -> None:
    page = built_page(built_site, lang, name)
    assert page.is_file(), f"docs/{lang}/{name} was not built to {page}"
    html = page.read_text(encoding="utf-8")
    assert re.search(rf'<html lang="{lang}"', html), f"{page} does not declare lang={lang}"
    # The edit button opens the file of the page's own language (English while it lacks one).
    source = lang if (DOCS / lang / name).is_file() else DEFAULT
    assert f'/edit/main/docs/{source}/{name}"' in html, (
        f"{page} has no edit link to docs/{source}/{name}"
    )


def _section_ids(page: Path) -> list[tuple[str, str]]:
    # Headings the tags plugin generates ("tag:<name>") are per language by design.
    return [(tag, id_) for tag, id_ in article(page).heading_ids if not id_.startswith("tag:")]


@pytest.mark.parametrize("name", PAGES)
def test_sections_match_across_languages(built_site: Path, name: str) -> None:
    english = _section_ids(built_page(built_site, "en", name))
    assert english, f"docs/en/{name} has no headings with ids"
    for lang in LANGUAGES[1:]:
        translated = _section_ids(built_page(built_site, lang, name))
        assert translated == english, (
            f"docs/{lang}/{name}: sections {translated} differ from docs/en/{name} {english}: "
            "give each translated heading the id of its English heading, in the same order"
        )


def test_no_third_party_assets(built_site: Path) -> None:
    """Pages load nothing from other hosts: no web fonts, scripts or styles from a CDN."""
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*>", html):
            if re.search(r'rel="(?:alternate|canonical)"', tag):
                continue  # links for search engines, never fetched by the browser
            url = re.search(r'(?:src|href)="([^"]*)"', tag)
            assert not (url and re.match(r"(?:https?:)?//", url.group(1))), (
                f"{page.relative_to(built_site)} loads a third-party asset: {tag}"
            )


def test_broken_link_fails_the_build_naming_the_file(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    page = project / "docs" / "fi" / "about.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n[Rikki](no-such-page.md)\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=project,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode != 0, "a broken link must fail the strict build"
    assert "fi/about.md" in result.stderr and "no-such-page.md" in result.stderr, result.stderr


def test_no_page_carries_the_english_generator_line(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        assert "Made with" not in page.read_text(encoding="utf-8"), page
