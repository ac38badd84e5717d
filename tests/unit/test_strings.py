"""strings: the site's own words per language, falling back to the default language's."""

from __future__ import annotations

from pathlib import Path

import pytest

from eme_toolkit.strings import StringsError, load_strings, read_strings_file


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_reads_as_no_strings(tmp_path: Path) -> None:
    assert read_strings_file(tmp_path / "strings.yml") == {}


def test_empty_file_reads_as_no_strings(tmp_path: Path) -> None:
    assert read_strings_file(write(tmp_path / "strings.yml", "# only a comment\n")) == {}


def test_strings_are_read_exactly_as_written(tmp_path: Path) -> None:
    path = write(tmp_path / "strings.yml", 'title: "Käännösten tila"\ntext: "In {language}."\n')
    assert read_strings_file(path) == {"title": "Käännösten tila", "text": "In {language}."}


def test_broken_yaml_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path / "strings.yml", 'a: "one"\nb: "two\nc: three\n')
    with pytest.raises(StringsError) as caught:
        read_strings_file(path)
    assert caught.value.path == path
    assert caught.value.line == 4
    assert caught.value.message.startswith("not valid YAML (")


def test_a_value_that_is_not_text_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "strings.yml", 'a: "one"\nb:\n  - two\n')
    with pytest.raises(StringsError) as caught:
        read_strings_file(path)
    assert (caught.value.line, caught.value.message) == (
        1,
        "each line must be 'key: text', with the text in quotes",
    )


def test_a_list_instead_of_a_mapping_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StringsError):
        read_strings_file(write(tmp_path / "strings.yml", "- a\n- b\n"))


def test_a_file_that_is_not_utf8_is_a_strings_error(tmp_path: Path) -> None:
    path = tmp_path / "strings.yml"
    path.write_bytes('title: "Käännös"\n'.encode("latin-1"))
    with pytest.raises(StringsError) as caught:
        read_strings_file(path)
    assert str(caught.value) == f"{path}:1: the file is not UTF-8 text: save it as UTF-8"


def test_load_strings_falls_back_key_by_key(tmp_path: Path) -> None:
    write(tmp_path / "en" / "strings.yml", 'title: "Status"\nhelp: "Help"\n')
    write(tmp_path / "fi" / "strings.yml", 'title: "Tila"\n')
    assert load_strings(tmp_path, "fi", "en") == {"title": "Tila", "help": "Help"}
    assert load_strings(tmp_path, "en", "en") == {"title": "Status", "help": "Help"}
    assert load_strings(tmp_path, "sv", "en") == {"title": "Status", "help": "Help"}
