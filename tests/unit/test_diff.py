"""diff: what changed in English since a translation was marked, word by word."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import edit, fixture_site

from eme_toolkit.diff import DiffError, block_diff, changes, format_changes, word_diff


def test_word_diff_marks_removed_and_added_words() -> None:
    assert word_diff("Meet once a week.", "Meet twice a week.") == "Meet [-once-]{+twice+} a week."
    assert word_diff("a b", "a b c") == "a b {+c+}"
    assert word_diff("a b c", "a c") == "a [-b-] c"


def test_block_diff_shows_only_changed_blocks_and_ignores_wrapping() -> None:
    old = "# T\n\nFirst paragraph,\nwrapped.\n\nSecond one."
    new = "# T\n\nFirst paragraph, wrapped.\n\nSecond one, longer."
    assert block_diff(old, new) == ["Second [-one.-]{+one, longer.+}"]


def test_an_english_edit_shows_in_the_outdated_section_only(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    edit(site, "en/guide.md", "- Invite people.", "- Invite people you know.")
    found = changes(site, "fi")
    assert [(c.key, c.state) for c in found] == [("guide.md#steps", "outdated")]
    assert found[0].where == "docs/en/guide.md:12"
    assert found[0].diff == "- Invite [-people.-]{+people you know.+}"
    assert format_changes(found).splitlines()[:3] == [
        "guide.md#steps (docs/en/guide.md:12): English changed since it was marked:",
        "",
        "  - Invite [-people.-]{+people you know.+}",
    ]


def test_re_wrapping_english_changes_nothing(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    edit(site, "en/guide.md", "2.5 hours each time. See", "2.5 hours each time.\nSee")
    assert changes(site, "fi") == []
    assert format_changes([]) == "Nothing to update: every marked section is up to date."


def test_one_section_asked_for_is_shown_even_when_up_to_date(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    found = changes(site, "fi", "guide.md#steps")
    assert [(c.key, c.state, c.diff) for c in found] == [("guide.md#steps", "translated", "")]
    assert "up to date, nothing changed" in format_changes(found)


def test_a_section_never_marked_has_nothing_to_compare(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    found = changes(site, "sv", "index.md")
    assert found == []  # both sections of sv/index.md are marked and current
    (site.docs_dir / "sv" / "translation-record.yml").unlink()
    found = changes(site, "sv", "index.md#start")
    assert found[0].state == "untranslated"
    assert "never marked translated" in format_changes(found)


@pytest.mark.parametrize(
    ("lang", "target", "message"),
    [
        ("en", None, "'en' is not a translated language of the site: use fi, sv"),
        ("fi", "nope.md", "docs/en/nope.md does not exist"),
        ("fi", "guide.md#nope", "docs/en/guide.md has no heading { #nope }"),
    ],
)
def test_what_does_not_exist_is_named(
    tmp_path: Path, lang: str, target: str | None, message: str
) -> None:
    with pytest.raises(DiffError) as caught:
        changes(fixture_site(tmp_path), lang, target)
    assert str(caught.value) == message
