"""status: per language, each section translated, outdated or not translated yet."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import edit, fixture_site

from eme_toolkit.status import (
    OUTDATED,
    TRANSLATED,
    UNTRANSLATED,
    LanguageStatus,
    PageStatus,
    format_json,
    format_markdown,
    format_text,
    status,
)


def language(*sections: str) -> LanguageStatus:
    """A language whose one page has sections in the given states."""
    states = {f"s{i}": state for i, state in enumerate(sections)}
    reasons = {sid: "english" for sid, state in states.items() if state == UNTRANSLATED}
    page = PageStatus("a.md", OUTDATED, states, reasons=reasons)
    return LanguageStatus("fi", "Suomi", "complete", False, [page])


def test_percent_rounds_down_so_that_100_means_all() -> None:
    assert language(TRANSLATED, TRANSLATED, OUTDATED).percent == 66
    assert language(*[TRANSLATED] * 199, UNTRANSLATED).percent == 99
    assert language(TRANSLATED).percent == 100


def test_percent_of_a_language_with_no_sections_is_100() -> None:
    assert LanguageStatus("fi", "Suomi", "complete", False, []).percent == 100


def test_as_dict_keys_and_counts() -> None:
    data = language(TRANSLATED, OUTDATED, UNTRANSLATED).as_dict()
    assert list(data) == [
        "code",
        "name",
        "kind",
        "default",
        "percent",
        "pages",
        "sections",
        "entries",
        "missing_pages",
        "outdated_sections",
        "untranslated_sections",
    ]
    assert data["pages"] == {
        "total": 1,
        "translated": 0,
        "outdated": 1,
        "untranslated": 0,
        "missing": 0,
    }
    assert data["sections"] == {"total": 3, "translated": 1, "outdated": 1, "untranslated": 1}
    assert data["outdated_sections"] == ["a.md#s1"]
    assert data["untranslated_sections"] == [{"section": "a.md#s2", "reason": "english"}]


def test_status_of_the_fixture(tmp_path: Path) -> None:
    english, finnish, swedish = status(fixture_site(tmp_path))
    assert (english.code, english.percent, english.total_sections) == ("en", 100, 6)
    assert (finnish.code, finnish.percent, finnish.count_pages(TRANSLATED)) == ("fi", 100, 2)
    assert swedish.as_dict()["pages"] == {
        "total": 2,
        "translated": 1,
        "outdated": 0,
        "untranslated": 1,
        "missing": 1,
    }
    assert swedish.as_dict()["missing_pages"] == ["guide.md"]
    assert (swedish.percent, swedish.count_sections(UNTRANSLATED)) == (33, 4)


def test_an_english_edit_outdates_exactly_that_section(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    edit(site, "en/guide.md", "Invite people.", "Invite everyone.")
    finnish = status(site)[1].as_dict()
    assert finnish["outdated_sections"] == ["guide.md#steps"]
    assert finnish["untranslated_sections"] == []
    assert finnish["pages"]["outdated"] == 1 and finnish["percent"] == 83


def test_wrapping_an_english_paragraph_anew_outdates_nothing(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    edit(site, "en/guide.md", "2.5 hours each time. See", "2.5 hours  each time.   \nSee")
    assert status(site)[1].percent == 100


def test_a_section_never_marked_is_not_translated_yet_not_outdated(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    (site.docs_dir / "sv" / "translation-record.yml").unlink()
    swedish = status(site)[2].as_dict()
    assert swedish["outdated_sections"] == []
    assert swedish["untranslated_sections"] == [
        {"section": "index.md#home", "reason": "unmarked"},
        {"section": "index.md#start", "reason": "unmarked"},
    ]


def test_a_half_translated_page_counts_each_section_still_in_english_once(
    tmp_path: Path,
) -> None:
    site = fixture_site(tmp_path)
    english = (site.docs_dir / "en" / "guide.md").read_text(encoding="utf-8")
    # The page copied from English, with its first section translated.
    half = english.replace("# Guide { #guide }", "# Guide { #guide }").replace(
        "The groups meet 6–8 times, 2.5 hours each time.",
        "Grupperna träffas 6–8 gånger, 2,5 timmar varje gång.",
    )
    (site.docs_dir / "sv" / "guide.md").write_text(half, encoding="utf-8")
    guide = status(site)[2].page("guide.md")
    assert guide is not None and not guide.missing
    assert guide.reasons == {
        "guide": "unmarked",
        "steps": "english",
        "voices": "english",
        "numbers": "english",
    }
    assert guide.untranslated_here == ["steps", "voices", "numbers"]


def test_format_text_shows_the_numbers_and_why(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    edit(site, "en/guide.md", "Invite people.", "Invite everyone.")
    lines = format_text(status(site)).splitlines()
    assert lines[0] == "Translation status: sections up to date with English"
    assert (
        "Svenska (sv, in progress): 33 %  pages 1/2 translated, 0 outdated, 1 not translated; "
        "sections 2/6 translated, 0 outdated, 4 not translated"
    ) in lines
    assert "  missing pages (shown in English): guide.md" in lines
    assert (
        "  outdated: guide.md#steps (English changed since it was marked: see "
        "`make diff CODE=fi PAGE=guide.md#steps`)"
    ) in lines


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
        "untranslated": 4,
    }
