"""record: which English sections each translation was last checked against."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE

from eme_toolkit.config import Site, load_site
from eme_toolkit.markdown import PageError, read_page
from eme_toolkit.record import (
    RECORD_HEADER,
    MarkError,
    mark_translated,
    read_record,
    record_path,
    write_record,
)


def fixture_site(tmp_path: Path) -> Site:
    return load_site(Path(shutil.copytree(FIXTURE, tmp_path / "project")) / "mkdocs.yml")


def english_digest(site: Site, name: str, section_id: str) -> str:
    """The hash that a record keeps for an English section as it is now."""
    section = read_page(site.docs_dir / "en" / name).section(section_id)
    assert section is not None
    return section.digest


def test_record_path_is_in_the_language_folder(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    assert record_path(site, "fi") == site.docs_dir / "fi" / "translation-record.txt"


def test_write_then_read_round_trips_with_the_header_and_sorted_lines(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    write_record(site, "fi", {"index.md#start": "bbb", "guide.md#guide": "aaa"})
    text = record_path(site, "fi").read_text(encoding="utf-8")
    assert text == RECORD_HEADER + "guide.md#guide aaa\nindex.md#start bbb\n"
    assert read_record(site, "fi") == {"guide.md#guide": "aaa", "index.md#start": "bbb"}


def test_no_record_reads_as_empty(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    assert read_record(site, "en") == {}


def test_a_malformed_line_is_a_page_error_on_its_line(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    path = record_path(site, "fi")
    path.write_text(RECORD_HEADER + "guide.md#guide aaa\n\nguide.md abc\n", encoding="utf-8")
    with pytest.raises(PageError) as caught:
        read_record(site, "fi")
    assert caught.value.line == 6
    assert caught.value.message == (
        "not a 'page#section hash' line: restore the file from version control, then "
        "run mark-translated again"
    )


def test_mark_translated_records_every_shared_section(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    record_path(site, "sv").write_text(RECORD_HEADER, encoding="utf-8")
    assert mark_translated(site, "sv") == ["index.md#home", "index.md#start"]
    assert read_record(site, "sv") == {
        "index.md#home": english_digest(site, "index.md", "home"),
        "index.md#start": english_digest(site, "index.md", "start"),
    }


def test_mark_translated_one_section_changes_only_its_line(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    before = read_record(site, "fi")
    write_record(site, "fi", {**before, "guide.md#steps": "000000000000"})
    assert mark_translated(site, "fi", "guide.md#steps") == ["guide.md#steps"]
    assert read_record(site, "fi") == before


def test_mark_translated_forgets_sections_that_no_longer_exist(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    write_record(site, "sv", {"index.md#gone": "abc", "guide.md#guide": "def"})
    mark_translated(site, "sv", "index.md")
    assert sorted(read_record(site, "sv")) == ["index.md#home", "index.md#start"]


@pytest.mark.parametrize(
    ("lang", "target", "message"),
    [
        ("xx", None, "'xx' is not a language of the site (mkdocs.yml)"),
        ("en", None, "English is the original language: there is nothing to mark"),
        ("fi", "nope.md", "docs/en/nope.md does not exist"),
        ("sv", "guide.md", "docs/sv/guide.md does not exist"),
        ("fi", "guide.md#nope", "docs/en/guide.md has no heading { #nope }"),
    ],
)
def test_mark_translated_refuses_what_does_not_exist(
    tmp_path: Path, lang: str, target: str | None, message: str
) -> None:
    site = fixture_site(tmp_path)
    before = record_path(site, "fi").read_bytes()
    with pytest.raises(MarkError) as caught:
        mark_translated(site, lang, target)
    assert str(caught.value) == message
    assert record_path(site, "fi").read_bytes() == before


def test_a_section_without_its_page_is_refused_with_the_form_to_use(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    with pytest.raises(MarkError, match=r"name the page of #start: PAGE#SECTION"):
        mark_translated(site, "fi", "#start")


def test_a_record_that_is_not_utf8_is_a_page_error(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    record_path(site, "fi").write_bytes("guide.md#start ä\n".encode("latin-1"))
    with pytest.raises(PageError) as caught:
        read_record(site, "fi")
    assert caught.value.line == 1 and "not UTF-8" in caught.value.message
