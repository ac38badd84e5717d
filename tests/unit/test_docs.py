"""docs: every language's pages, each read once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE, fixture_site

from eme_toolkit import docs as docs_module
from eme_toolkit.config import load_site
from eme_toolkit.docs import Docs, page_names, section_ids
from eme_toolkit.markdown import Page, PageError, read_page


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


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The paths the Markdown parser reads from now on."""
    parsed: list[Path] = []

    def counting(path: Path, text: str | None = None) -> Page:
        parsed.append(path)
        return read_page(path, text)

    monkeypatch.setattr(docs_module, "read_page", counting)
    return parsed


def test_a_later_run_parses_only_the_pages_that_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = fixture_site(tmp_path)
    parsed = count_parses(monkeypatch)
    first = Docs(site).pages("fi")
    assert len(parsed) == len(first) > 1
    assert (site.root / ".cache" / "eme-toolkit" / "pages.pickle").is_file()

    parsed.clear()
    again = Docs(site).pages("fi")
    assert parsed == []
    assert again.keys() == first.keys()
    guide = site.docs_dir / "fi" / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\nUusi kappale.\n", encoding="utf-8")
    changed = Docs(site).pages("fi")
    assert parsed == [guide]
    page = changed["guide.md"]
    assert isinstance(page, Page) and "Uusi kappale." in page.sections[-1].source


def test_a_kept_page_answers_as_a_freshly_read_one(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    Docs(site).pages("en")
    kept = Docs(site).pages("en")["guide.md"]
    fresh = read_page(site.docs_dir / "en" / "guide.md")
    assert isinstance(kept, Page)
    assert kept.ids() == fresh.ids()
    for ours, theirs in zip(kept.sections, fresh.sections, strict=True):
        assert (ours.id, ours.digest, ours.counts, ours.links, ours.numbers, ours.blocks) == (
            theirs.id,
            theirs.digest,
            theirs.counts,
            theirs.links,
            theirs.numbers,
            theirs.blocks,
        )


def test_a_cache_of_another_reader_version_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = fixture_site(tmp_path)
    Docs(site).pages("en")
    monkeypatch.setattr(docs_module, "reader_version", lambda: "another")
    parsed = count_parses(monkeypatch)
    Docs(site).pages("en")
    assert len(parsed) > 1


def test_a_read_only_project_still_reads_its_pages(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    (site.root / ".cache").write_text("not a folder", encoding="utf-8")
    pages = Docs(site).pages("en")
    assert pages and all(isinstance(page, Page) for page in pages.values())
