"""docs: every language's pages, each read once."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURE, read_page

from eme_toolkit.docs import Docs, page_names, section_ids
from eme_toolkit.page import Page, PageError
from eme_toolkit.site import load_site


def fixture_docs(tmp_path: Path) -> Docs:
    project = Path(shutil.copytree(FIXTURE, tmp_path / "project"))
    return Docs(load_site(project / "mkdocs.yml"))


def test_page_names_are_sorted_posix_paths_of_markdown_files(tmp_path: Path) -> None:
    for name in ("b.md", "a/index.md", "a/z.md", "notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# x\n", encoding="utf-8")
    assert page_names(tmp_path) == ["a/index.md", "a/z.md", "b.md"]
    assert page_names(tmp_path / "missing") == []


def test_pages_are_read_once_per_language(tmp_path: Path) -> None:
    docs = fixture_docs(tmp_path)
    first = docs.pages("fi")
    assert sorted(first) == ["guide.md", "index.md"]
    assert docs.pages("fi") is first
    assert docs.pages("fi")["guide.md"] is first["guide.md"]
    assert sorted(docs.pages("sv")) == ["index.md"]
    assert docs.pages("de") == {}


def test_a_page_that_is_not_utf8_becomes_a_page_error(tmp_path: Path) -> None:
    docs = fixture_docs(tmp_path)
    (docs.folder("fi") / "guide.md").write_bytes("# Äänet { #voices }\n".encode("latin-1"))
    page = docs.pages("fi")["guide.md"]
    assert isinstance(page, PageError)
    assert (page.line, page.message) == (1, "the file is not UTF-8 text: save it as UTF-8")
    assert isinstance(docs.pages("fi")["index.md"], Page)


def test_a_page_with_broken_front_matter_becomes_its_page_error(tmp_path: Path) -> None:
    docs = fixture_docs(tmp_path)
    (docs.folder("fi") / "index.md").write_text("---\ntitle: x\n", encoding="utf-8")
    page = docs.pages("fi")["index.md"]
    assert isinstance(page, PageError)
    assert page.message == "front matter opened with --- is never closed: add a line ---"


def test_path_is_as_an_editor_types_it(tmp_path: Path) -> None:
    assert fixture_docs(tmp_path).path("fi", "guide.md") == "docs/fi/guide.md"


def test_ids_are_a_pages_anchors_or_none_when_unreadable(tmp_path: Path) -> None:
    docs = fixture_docs(tmp_path)
    assert docs.ids("en", "index.md") == {"home", "start"}
    assert docs.ids("sv", "guide.md") is None


def test_section_ids_keep_order_and_each_once() -> None:
    page = read_page(
        Path("x.md"),
        "# T { #top }\n\n## B { #b }\n\n## A { #a }\n\n## No id\n\n## B again { #b }\n",
    )
    assert section_ids(page) == ["top", "b", "a"]
