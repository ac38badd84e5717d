"""The "Plan your group" checklist in Chromium: ticks kept per page and language, by mouse and
keyboard, cleared by the page's button; printed with its boxes; a plain list without scripts."""

from __future__ import annotations

import pytest
from conftest import DEFAULT
from playwright.sync_api import Browser, Locator

from eme_toolkit.strings import load_strings

from .conftest import LANGUAGES, Reader, Site

PLAN = "plan/"
# Each language with the next one: ticks on one language's page leave the other's alone.
PAIRS = [(lang, LANGUAGES[(i + 1) % len(LANGUAGES)]) for i, lang in enumerate(LANGUAGES)]


def boxes(reader: Reader) -> Locator:
    return reader.page.locator("article .task-list-item input[type=checkbox]")


def ticked(reader: Reader) -> list[int]:
    states = boxes(reader).evaluate_all("boxes => boxes.map(box => box.checked)")
    return [index for index, state in enumerate(states) if state]


def clear_words(site: Site, lang: str) -> str:
    return load_strings(site.config.docs_dir, lang, DEFAULT)["checklist_clear"]


def tick_two(reader: Reader) -> None:
    """The first item by a click on its words; the fifth by keyboard, Tab from the fourth."""
    reader.page.locator("article .task-list-item label").first.click()
    boxes(reader).nth(3).focus()
    reader.page.keyboard.press("Tab")
    assert boxes(reader).nth(4).evaluate("box => box === document.activeElement")
    reader.page.keyboard.press("Space")


@pytest.mark.parametrize(("lang", "other"), PAIRS)
def test_ticks_are_kept_for_the_page_in_its_language(reader: Reader, lang: str, other: str) -> None:
    reader.open(lang, PLAN)
    items = reader.page.locator("article .task-list-item")
    assert items.count() >= 10 and boxes(reader).count() == items.count()
    # Each box is named by its item's words.
    for text in items.all_inner_texts():
        assert reader.page.get_by_role("checkbox", name=text.strip(), exact=True).count() == 1
    assert ticked(reader) == []
    tick_two(reader)
    assert ticked(reader) == [0, 4]

    reader.page.reload()
    assert ticked(reader) == [0, 4]
    reader.open(other, PLAN)
    assert ticked(reader) == []
    boxes(reader).nth(1).check()
    reader.open(lang, PLAN)
    assert ticked(reader) == [0, 4]
    assert not reader.errors


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_clear_button_removes_the_ticks_for_good(reader: Reader, site: Site, lang: str) -> None:
    reader.open(lang, PLAN)
    tick_two(reader)
    button = reader.page.get_by_role("button", name=clear_words(site, lang), exact=True)
    button.focus()
    reader.page.keyboard.press("Enter")
    assert ticked(reader) == []
    reader.page.reload()
    assert ticked(reader) == []
    assert not reader.errors


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printed_the_list_shows_its_boxes_and_ticks(reader: Reader, site: Site, lang: str) -> None:
    reader.open(lang, PLAN)
    tick_two(reader)
    reader.page.emulate_media(media="print")
    shown = boxes(reader).evaluate_all(
        """boxes => boxes.map(box => {
          const style = getComputedStyle(box);
          const rect = box.getBoundingClientRect();
          return style.display !== 'none' && style.visibility === 'visible'
            && Number(style.opacity) === 1 && rect.width > 8 && rect.height > 8;
        })"""
    )
    assert shown and all(shown), shown
    assert ticked(reader) == [0, 4]
    assert not reader.page.get_by_role("button", name=clear_words(site, lang)).is_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_scripts_the_list_has_its_boxes(browser: Browser, site: Site, lang: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.page_url(lang, PLAN))
        items = page.locator("article .task-list-item")
        assert items.count() >= 10
        for text in items.all_inner_texts():
            box = page.get_by_role("checkbox", name=text.strip(), exact=True)
            assert box.is_visible() and not box.is_checked()
        assert not page.get_by_role("button", name=clear_words(site, lang)).is_visible()
        page.emulate_media(media="print")
        assert page.locator("article .task-list-item input[type=checkbox]:visible").count() == (
            items.count()
        )
    finally:
        context.close()
