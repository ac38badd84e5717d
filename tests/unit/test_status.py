"""status: per language, each English page and section translated, outdated or missing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import FIXTURE

from eme_toolkit.config import Site, load_site
from eme_toolkit.status import (
    MISSING,
    OUTDATED,
    TRANSLATED,
    LanguageStatus,
    PageStatus,
    format_json,
    format_markdown,
    format_text,
    status,
)


def fixture_site(tmp_path: Path) -> Site:
    return load_site(Path(shutil.copytree(FIXTURE, tmp_path / "project")) / "mkdocs.yml")


def language(*sections: str) -> LanguageStatus:
    """A language whose one page has sections in the given states."""
    states = {f"s{i}": state for i, state in enumerate(sections)}
    return LanguageStatus("fi", "Suomi", "complete", False, [PageStatus("a.md", OUTDATED, states)])


def test_percent_rounds_down_so_that_100_means_all() -> None:
    assert language(TRANSLATED, TRANSLATED, OUTDATED).percent == 66
    assert language(*[TRANSLATED] * 199, MISSING).percent == 99
    assert language(TRANSLATED).percent == 100


def test_percent_of_a_language_with_no_sections_is_100() -> None:
    assert LanguageStatus("fi", "Suomi", "complete", False, []).percent == 100


def test_as_dict_keys_and_counts() -> None:
    data = language(TRANSLATED, OUTDATED, MISSING).as_dict()
    assert list(data) == [
        "code",
        "name",
        "kind",
        "default",
        "percent",
        "pages",
        "sections",
        "missing_pages",
        "outdated_sections",
        "unmarked_sections",
        "missing_sections",
    ]
    assert data["pages"] == {"total": 1, "translated": 0, "outdated": 1, "missing": 0}
    assert data["sections"] == {"total": 3, "translated": 1, "outdated": 1, "missing": 1}
    assert data["outdated_sections"] == ["a.md#s1"]
    assert data["missing_sections"] == ["a.md#s2"]


def test_status_of_the_fixture(tmp_path: Path) -> None:
    english, finnish, swedish = status(fixture_site(tmp_path))
    assert (english.code, english.percent, english.total_sections) == ("en", 100, 6)
    assert (finnish.code, finnish.percent, finnish.count_pages(TRANSLATED)) == ("fi", 100, 2)
    assert swedish.as_dict()["pages"] == {"total": 2, "translated": 1, "outdated": 0, "missing": 1}
    assert swedish.as_dict()["missing_pages"] == ["guide.md"]
    assert (swedish.percent, swedish.count_sections(MISSING)) == (33, 4)


def test_an_english_edit_outdates_exactly_that_section(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    guide = site.docs_dir / "en" / "guide.md"
    guide.write_text(
        guide.read_text(encoding="utf-8").replace("Invite people.", "Invite everyone."),
        encoding="utf-8",
    )
    finnish = status(site)[1].as_dict()
    assert finnish["outdated_sections"] == ["guide.md#steps"]
    assert finnish["unmarked_sections"] == []
    assert finnish["pages"] == {"total": 2, "translated": 1, "outdated": 1, "missing": 0}
    assert finnish["percent"] == 83


def test_a_section_never_marked_is_outdated_and_unmarked(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    (site.docs_dir / "sv" / "translation-record.txt").unlink()
    swedish = status(site)[2].as_dict()
    assert swedish["outdated_sections"] == ["index.md#home", "index.md#start"]
    assert swedish["unmarked_sections"] == ["index.md#home", "index.md#start"]


def test_format_text_shows_the_numbers(tmp_path: Path) -> None:
    text = format_text(status(fixture_site(tmp_path)))
    assert text.splitlines()[0] == "Translation status: sections up to date with English"
    assert (
        "Svenska (sv, in progress): 33 %  pages 1/2 translated, 0 outdated, 1 missing; "
        "sections 2/6 translated, 0 outdated, 4 missing"
    ) in text.splitlines()
    assert "  missing pages (shown in English): guide.md" in text.splitlines()
    assert "English (en, original): 100 %" in text


def test_format_markdown_has_a_row_per_language(tmp_path: Path) -> None:
    text = format_markdown(status(fixture_site(tmp_path)))
    assert "| Svenska (sv) | in progress | 33 % | 1/2 | 0 | 1 | 2/6 | 0 | 4 |" in text
    assert "| English (en) | original | 100 % | 2/2 | 0 | 0 | 6/6 | 0 | 0 |" in text
    assert text.endswith("## Svenska (sv)\n\n- missing page: `guide.md`")


def test_format_json_parses_to_each_language(tmp_path: Path) -> None:
    data = json.loads(format_json(status(fixture_site(tmp_path))))
    assert [lang["code"] for lang in data["languages"]] == ["en", "fi", "sv"]
    assert data["languages"][2]["sections"] == {
        "total": 6,
        "translated": 2,
        "outdated": 0,
        "missing": 4,
    }
