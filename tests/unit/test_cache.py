"""cache: pages read before, kept as JSON outside the checkout, used only while they still hold."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from conftest import fixture_site, run_cli

from eme_toolkit import cache as cache_module
from eme_toolkit.cache import PAGE, PageCache, cache_file, reader_key
from eme_toolkit.docs import Docs, page_cache
from eme_toolkit.page import Page
from eme_toolkit.site import Site


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The paths read with the Markdown reader from now on."""
    parsed: list[Path] = []
    read = PageCache.read

    def counting(self: PageCache, path: Path, parse, kind):  # type: ignore[no-untyped-def]
        def parse_counted(path: Path, text: str) -> Page:
            if kind is PAGE:
                parsed.append(path)
            return parse(path, text)

        return read(self, path, parse_counted, kind)

    monkeypatch.setattr(PageCache, "read", counting)
    return parsed


def kept_file(site: Site) -> Path:
    return cache_file(site.root)


def read_and_keep(site: Site, lang: str) -> dict:
    """The language's pages, as a command reads them and keeps them for the next."""
    docs = Docs(site)
    pages = docs.pages(lang)
    docs.save()
    return pages


def test_the_cache_lives_in_the_users_cache_folder_not_in_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    site = fixture_site(tmp_path)
    read_and_keep(site, "fi")
    file = kept_file(site)
    assert file.is_file() and file.is_relative_to(tmp_path / "cache" / "eme-toolkit")
    assert not list(site.root.rglob("*.json")) and not (site.root / ".cache").exists()
    assert json.loads(file.read_text(encoding="utf-8"))["key"] == page_cache(site).key


def test_a_later_run_parses_only_the_pages_that_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = fixture_site(tmp_path)
    parsed = count_parses(monkeypatch)
    first = read_and_keep(site, "fi")
    assert len(parsed) == len(first) > 1

    parsed.clear()
    again = read_and_keep(site, "fi")
    assert parsed == []
    assert again.keys() == first.keys()
    guide = site.docs_dir / "fi" / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\nUusi kappale.\n", encoding="utf-8")
    changed = read_and_keep(site, "fi")
    assert parsed == [guide]
    page = changed["guide.md"]
    assert isinstance(page, Page) and "Uusi kappale." in page.sections[-1].source


def test_a_kept_translation_record_answers_as_a_freshly_read_one(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    docs = Docs(site)
    fresh = docs.record("fi")
    docs.save()
    kept = Docs(site).record("fi")
    assert fresh and kept == fresh
    kept_files = json.loads(kept_file(site).read_text(encoding="utf-8"))["pages"]
    assert kept_files[str(site.docs_dir / "fi" / "translation-record.yml")][1] == "record"


def test_a_kept_page_answers_as_a_freshly_read_one(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    fresh = read_and_keep(site, "en")["guide.md"]
    kept = read_and_keep(site, "en")["guide.md"]
    assert isinstance(kept, Page) and isinstance(fresh, Page)
    assert kept is not fresh
    assert kept == fresh


def test_another_reader_key_is_not_used_and_is_written_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = fixture_site(tmp_path)
    read_and_keep(site, "en")
    monkeypatch.setattr(cache_module, "reader_key", lambda _settings: "another")
    monkeypatch.setattr("eme_toolkit.docs.reader_key", lambda _settings: "another")
    parsed = count_parses(monkeypatch)
    read_and_keep(site, "en")
    assert len(parsed) > 1
    assert json.loads(kept_file(site).read_text(encoding="utf-8"))["key"] == "another"


def test_the_key_changes_with_the_sites_markdown_extensions(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    assert reader_key(site.markdown.key()) == reader_key(site.markdown.key())
    other = site.markdown.__class__([*site.markdown.extensions, "footnotes"], {})
    assert reader_key(other.key()) != reader_key(site.markdown.key())


@pytest.mark.parametrize(
    "content",
    [
        b"\x80\x81 not even text",
        b"[1, 2, 3]",
        b'{"key": "%s", "pages": {"x": "y"}}',
        b'{"key": "%s", "pages": {"%s": ["%s", {"sections": [{"nonsense": 1}]}]}}',
        b"\x80\x04\x95 a pickle from an older version",
    ],
    ids=["not-utf8", "not-a-mapping", "foreign-entries", "foreign-page", "pickle"],
)
def test_an_unreadable_or_foreign_cache_is_read_afresh_never_a_traceback(
    tmp_path: Path, content: bytes
) -> None:
    site = fixture_site(tmp_path)
    file = kept_file(site)
    file.parent.mkdir(parents=True, exist_ok=True)
    guide = site.docs_dir / "en" / "guide.md"
    digest = hashlib.sha1(guide.read_bytes()).hexdigest()
    if content.count(b"%s") == 1:
        content = content % page_cache(site).key.encode()
    elif content.count(b"%s") == 3:
        content = content % (page_cache(site).key.encode(), str(guide).encode(), digest.encode())
    file.write_bytes(content)
    pages = read_and_keep(site, "en")
    assert pages and all(isinstance(page, Page) for page in pages.values())
    assert json.loads(file.read_text(encoding="utf-8"))["key"] == page_cache(site).key


def test_a_cache_folder_that_cannot_be_written_leaves_the_pages_readable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    site = fixture_site(tmp_path)
    pages = read_and_keep(site, "en")
    assert pages and all(isinstance(page, Page) for page in pages.values())


def test_a_page_json_cannot_hold_is_read_but_not_kept(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    guide = site.docs_dir / "en" / "guide.md"
    guide.write_text("---\ntitle: Guide\ndate: 2026-01-01\n---\n\n# Guide { #guide }\n")
    page = read_and_keep(site, "en")["guide.md"]
    assert isinstance(page, Page) and page.front_matter["title"] == "Guide"
    kept = json.loads(kept_file(site).read_text(encoding="utf-8"))["pages"]
    assert str(guide) not in kept


def test_each_command_keeps_what_it_read_for_the_next_one(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    assert run_cli(site.config_path, "status").returncode == 0
    kept = json.loads(kept_file(site).read_text(encoding="utf-8"))["pages"]
    assert str(site.docs_dir / "fi" / "guide.md") in kept
    assert str(site.docs_dir / "fi" / "translation-record.yml") in kept


def test_reading_without_saving_writes_nothing(tmp_path: Path) -> None:
    site = fixture_site(tmp_path)
    Docs(site).pages("fi")
    assert not kept_file(site).exists()
