"""record: which English sections each translation was last checked against."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import fixture_site

from eme_toolkit.docs import Docs
from eme_toolkit.page import PageError
from eme_toolkit.record import RECORD_HEADER, Mark, record_path, write_record


def test_record_path_is_in_the_language_folder(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    assert record_path(site, "fi") == site.docs_dir / "fi" / "translation-record.yml"


def test_write_then_read_round_trips_sorted_with_the_english_as_a_block(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    record = {
        "index.md#start": Mark("bbb", "## Start { #start }\n\nOne line."),
        "guide.md#guide": Mark("aaa", "# Guide { #guide }"),
    }
    write_record(site, "fi", record)
    text = record_path(site, "fi").read_text(encoding="utf-8")
    assert text == RECORD_HEADER + (
        "guide.md#guide:\n"
        "  digest: aaa\n"
        "  english: '# Guide { #guide }'\n"
        "index.md#start:\n"
        "  digest: bbb\n"
        "  english: |-\n"
        "    ## Start { #start }\n"
        "\n"
        "    One line.\n"
    )
    assert Docs(site).record("fi") == record


def test_no_record_reads_as_empty(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    assert Docs(site).record("en") == {}


def test_an_entry_without_its_english_is_a_page_error_on_its_line(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    path = record_path(site, "fi")
    path.write_text(
        RECORD_HEADER + "guide.md#guide:\n  digest: aaa\n  english: x\nguide.md: abc\n",
        encoding="utf-8",
    )
    with pytest.raises(PageError) as caught:
        Docs(site).record("fi")
    assert caught.value.line == 7
    assert caught.value.message == (
        "'guide.md' is not a 'page#section' entry: restore the file from version control, "
        "then run mark-translated again"
    )


def test_a_record_that_is_not_yaml_is_a_page_error_on_its_line(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    record_path(site, "fi").write_text(RECORD_HEADER + "a: [\n", encoding="utf-8")
    with pytest.raises(PageError, match="not valid YAML") as caught:
        Docs(site).record("fi")
    assert caught.value.line == 5


def test_a_record_that_is_not_utf8_is_a_page_error(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    record_path(site, "fi").write_bytes("guide.md#start: ä\n".encode("latin-1"))
    with pytest.raises(PageError) as caught:
        Docs(site).record("fi")
    assert caught.value.line == 1 and "not UTF-8" in caught.value.message
