"""mark: a translation is recorded as up to date only when check finds nothing wrong in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import edit, fixture_site, read_page

from eme_toolkit.docs import Docs
from eme_toolkit.mark import MarkError, mark_translated
from eme_toolkit.record import Mark, record_path, write_record
from eme_toolkit.site import Site


def english_mark(site: Site, name: str, section_id: str) -> Mark:
    """What a record keeps for an English section as it is now."""
    section = read_page(site.docs_dir / "en" / name).section(section_id)
    assert section is not None
    return Mark(section.digest, section.source)


def test_every_shared_section_is_recorded_with_its_english(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    record_path(site, "sv").unlink()
    marked = mark_translated(site, "sv")
    assert (marked.sections, marked.skipped) == (["index.md#home", "index.md#start"], [])
    assert Docs(site).record("sv") == {
        "index.md#home": english_mark(site, "index.md", "home"),
        "index.md#start": english_mark(site, "index.md", "start"),
    }


def test_one_section_changes_only_its_entry(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    before = Docs(site).record("fi")
    write_record(site, "fi", {**before, "guide.md#steps": Mark("000000000000", "old")})
    assert mark_translated(site, "fi", "guide.md#steps").sections == ["guide.md#steps"]
    assert Docs(site).record("fi") == before


def test_sections_the_translation_lacks_are_named_as_skipped(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    edit(site, "fi/guide.md", "## Äänet { #voices }", "## Äänet")
    edit(site, "fi/guide.md", "> Hyvä ryhmä.\n\n> Toinen hyvä ryhmä.\n\n", "")
    marked = mark_translated(site, "fi", "guide.md")
    assert marked.skipped == ["guide.md#voices"]
    assert "guide.md#voices" not in Docs(site).record("fi")


def test_sections_that_no_longer_exist_are_forgotten(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    write_record(site, "sv", {"index.md#gone": Mark("abc", "x"), "guide.md#guide": Mark("d", "")})
    mark_translated(site, "sv", "index.md")
    assert sorted(Docs(site).record("sv")) == ["index.md#home", "index.md#start"]


def test_a_section_that_check_flags_is_not_marked_and_nothing_is_written(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    edit(site, "fi/guide.md", "6-8", "6-9")
    write_record(site, "fi", {})
    with pytest.raises(MarkError) as caught:
        mark_translated(site, "fi", "guide.md")
    message = str(caught.value)
    assert message.startswith("nothing marked: check finds 1 problem in what you asked to mark:")
    assert "docs/fi/guide.md:6: section { #guide } lacks the number 6-8" in message
    assert message.endswith("fix them and mark again, or mark anyway with --force")
    assert Docs(site).record("fi") == {}


def test_force_marks_a_flagged_section(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    edit(site, "fi/guide.md", "6-8", "6-9")
    assert mark_translated(site, "fi", "guide.md#guide", force=True).sections == ["guide.md#guide"]


def test_a_section_still_in_english_is_not_marked(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    english = (site.docs_dir / "en" / "guide.md").read_text(encoding="utf-8")
    (site.docs_dir / "sv" / "guide.md").write_text(english, encoding="utf-8")
    with pytest.raises(MarkError, match=r"section \{ #steps \} is still English"):
        mark_translated(site, "sv", "guide.md#steps")


@pytest.mark.parametrize(
    ("lang", "target", "message"),
    [
        ("xx", None, "'xx' is not a language of the site: use one of fi, sv"),
        ("en", None, "English is the original language: there is nothing to mark"),
        ("fi", "nope.md", "docs/en/nope.md does not exist"),
        ("sv", "guide.md", "docs/sv/guide.md does not exist"),
        ("fi", "guide.md#nope", "docs/en/guide.md has no heading { #nope }"),
        ("fi", "#start", "name the page of #start: PAGE#SECTION, such as about.md#eme"),
    ],
)
def test_what_does_not_exist_is_refused_by_name(
    tmp_path: Path, lang: str, target: str | None, message: str
) -> None:
    site = fixture_site(tmp_path)
    before = record_path(site, "fi").read_bytes()
    with pytest.raises(MarkError) as caught:
        mark_translated(site, lang, target)
    assert str(caught.value) == message
    assert record_path(site, "fi").read_bytes() == before
