"""check: what a translation lacks or does differently from the default language."""

from __future__ import annotations

from pathlib import Path

from conftest import fixture_site, read_page

from eme_toolkit.check import (
    check,
    check_headings,
    check_strings,
    compare_pages,
    compare_sections,
    longest_increasing,
    untranslated,
)
from eme_toolkit.errors import Problem
from eme_toolkit.page import Page, Section
from eme_toolkit.strings import read_strings_file


def page(text: str) -> Page:
    return read_page(Path("x.md"), text)


def section(text: str) -> Section:
    """The one section of a page made of `text`."""
    sections = page(text).sections
    assert len(sections) == 1
    return sections[0]


def test_untranslated_finds_words_outside_code_links_and_kept_names() -> None:
    keep = ["Acme Works", "EME"]
    assert untranslated("Hello there", keep)
    assert not untranslated("Acme Works", keep)
    assert not untranslated("EME: `make check` 6–8", keep)
    assert not untranslated("[](guide.md#steps) https://example.org/page", keep)
    assert not untranslated("<b>{ #id }</b>", keep)
    assert untranslated("[the guide](guide.md)", keep)
    assert untranslated("Acme Works well", keep)


def test_longest_increasing_gives_indexes_of_one_longest_run() -> None:
    assert longest_increasing([0, 1, 2]) == {0, 1, 2}
    assert longest_increasing([2, 0, 1]) == {1, 2}
    assert longest_increasing([0, 3, 1, 2]) == {0, 2, 3}
    assert longest_increasing([]) == set()


def test_compare_sections_reports_level_counts_numbers_and_links() -> None:
    english = section("## Steps { #steps }\n\n- One\n- Two, 6–8 times\n\nSee [x](a.md).\n")
    finnish = section("### Vaiheet { #steps }\n\n- Yksi\n\nKatso [x](b.md).\n")
    problems = compare_sections("fi.md", "en.md", english, finnish, [])
    assert [p.message for p in problems] == [
        "heading { #steps } is level 3 (###) but level 2 in English (en.md:1): start it with ##",
        "section { #steps } has 1 list item, English has 2 list items (en.md:1): make them match",
        "section { #steps } lacks the number 6-8 that English has (en.md:4): "
        "write it in the translation",
        "section { #steps } lacks the link to 'a.md' that English has (en.md:1): "
        "link to the same page and anchor",
        "link to 'b.md' is not in the English section (en.md:1): link to what English links to",
    ]
    assert [p.line for p in problems] == [1, 1, 1, 1, 5]


def test_compare_sections_reports_text_left_in_english() -> None:
    english = section("## Intro { #intro }\n\nAcme Works\n\nRead this first.\n")
    finnish = section("## Johdanto { #intro }\n\nAcme Works\n\nRead this first.\n")
    problems = compare_sections("fi.md", "en.md", english, finnish, ["Acme Works"])
    assert problems == [
        Problem(
            "fi.md",
            5,
            "text is the same as in English (en.md:1): translate it (names that stay in "
            "English go under keep_in_english: of the eme-toolkit plugin in mkdocs.yml)",
        )
    ]


def test_compare_sections_of_a_faithful_translation_is_empty() -> None:
    english = section("## Steps { #steps }\n\n- Plan 2 groups\n\n> Quote\n")
    finnish = section("## Vaiheet { #steps }\n\n- Suunnittele 2 ryhmää\n\n> Lainaus\n")
    assert compare_sections("fi.md", "en.md", english, finnish, []) == []


def test_compare_pages_reports_missing_and_extra_sections() -> None:
    """A missing section is reported after the last line of the section before it."""
    english = page("# T { #t }\n\nText.\n\n## A { #a }\n\nA.\n\n## B { #b }\n\nB.\n")
    finnish = page("# O { #t }\n\nTeksti.\n\n## X { #x }\n\nX.\n")
    assert compare_pages("fi.md", "en.md", english, finnish, []) == [
        Problem(
            "fi.md",
            4,
            "section { #a } “A” (en.md:5) is missing: translate it below this line, "
            "under a heading ending in { #a }",
        ),
        Problem(
            "fi.md",
            4,
            "section { #b } “B” (en.md:9) is missing: translate it below this line, "
            "under a heading ending in { #b }",
        ),
        Problem(
            "fi.md",
            5,
            "section { #x } is not in en.md: give the heading the id of the English heading "
            "it translates, or remove the section",
        ),
    ]


def test_compare_pages_reports_a_section_out_of_order() -> None:
    english = page("# T { #t }\n\n## A { #a }\n\n## B { #b }\n")
    finnish = page("# O { #t }\n\n## B2 { #b }\n\n## A2 { #a }\n")
    problems = compare_pages("fi.md", "en.md", english, finnish, [])
    assert problems == [
        Problem(
            "fi.md",
            5,
            "section { #a } is out of order: in English it comes after { #t }; move it there",
        )
    ]


def test_compare_pages_reports_front_matter_missing_or_untranslated() -> None:
    english = page("---\ntitle: Guide\ndescription: How\n---\n\n# Guide { #g }\n")
    finnish = page("---\ntitle: Guide\n---\n\n# Opas { #g }\n")
    assert compare_pages("fi.md", "en.md", english, finnish, []) == [
        Problem("fi.md", 1, "front matter lacks 'description:' (en.md:3): add it, translated"),
        Problem("fi.md", 2, "'title:' is the same as in English: translate it"),
    ]


def test_check_headings_reports_a_missing_and_a_duplicate_id() -> None:
    problems = check_headings("fi.md", page("# T { #t }\n\n## Ilman\n\n## Taas { #t }\n"))
    assert problems == [
        Problem(
            "fi.md",
            3,
            "heading “Ilman” has no id: end it with { #id }, the same id as the English "
            "heading it translates",
        ),
        Problem(
            "fi.md",
            5,
            "heading id { #t } is already used on line 1: give each heading its own id",
        ),
    ]


def test_check_strings_reports_a_placeholder_mismatch(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    strings = site.docs_dir / "fi" / "strings.yml"
    text = strings.read_text(encoding="utf-8")
    strings.write_text(text.replace("({language})", "(kieli)", 1), encoding="utf-8")
    finnish = site.language("fi")
    assert finnish is not None
    assert check_strings(site, finnish) == [
        Problem(
            "docs/fi/strings.yml",
            5,
            "'fallback_text' must keep the placeholders of the English text “This page has not "
            "been translated into {language} yet, so it is shown in English.”, such as "
            "{language}, untranslated",
        )
    ]


def test_check_strings_reports_missing_and_extra_keys(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    (site.docs_dir / "sv" / "strings.yml").write_text(
        'status_title: "Översättningsstatus"\nextra_key: "x"\n', encoding="utf-8"
    )
    swedish = site.language("sv")
    assert swedish is not None
    problems = check_strings(site, swedish)
    english = read_strings_file(site.docs_dir / "en" / "strings.yml")
    assert len(problems) == len(english) - 1 + 1  # every key but status_title lacking, 1 extra
    assert problems[0] == Problem(
        "docs/sv/strings.yml",
        1,
        "lacks 'fallback_title' (English: “Not translated yet”): add 'fallback_title:' with "
        "the text translated",
    )
    assert problems[-1] == Problem(
        "docs/sv/strings.yml", 2, "'extra_key' is not in docs/en/strings.yml: remove it"
    )


def test_check_of_the_fixture_finds_nothing(tmp_path: Path) -> None:
    assert check(fixture_site(tmp_path)) == []


def test_check_reports_a_page_missing_from_a_complete_language(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    (site.docs_dir / "fi" / "guide.md").unlink()
    assert check(site) == [
        Problem(
            "docs/fi/guide.md",
            1,
            "page missing: Suomi is a complete language; copy docs/en/guide.md here and "
            "translate it",
        )
    ]


def test_check_strings_names_a_mistyped_placeholder_in_any_language(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    strings = site.docs_dir / "en" / "strings.yml"
    text = strings.read_text(encoding="utf-8")
    strings.write_text(text.replace("into {language} yet, so it", "into {langauge} yet, so it"))
    english = site.language("en")
    assert english is not None
    assert check_strings(site, english) == [
        Problem(
            "docs/en/strings.yml",
            5,
            "'fallback_text' has {langauge}, which is no placeholder: write {language}",
        )
    ]
