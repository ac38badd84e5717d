"""The "Plan your group" checklist in Chromium: ticks kept per page and language, by mouse and
keyboard, cleared by the page's button and brought back by Undo, announced; boxes centred on
their line and 3:1 or more on either palette; printed with its boxes; a plain list without
scripts."""

from __future__ import annotations

import pytest
from conftest import DEFAULT
from playwright.sync_api import Browser, Locator

from eme_toolkit.strings import load_strings

from .colours import CONTRAST
from .conftest import LANGUAGES, Reader, Site

PLAN = "plan/"
# Each language with the next one: ticks on one language's page leave the other's alone.
PAIRS = [(lang, LANGUAGES[(i + 1) % len(LANGUAGES)]) for i, lang in enumerate(LANGUAGES)]


def boxes(reader: Reader) -> Locator:
    return reader.page.locator("article .task-list-item input[type=checkbox]")


def ticked(reader: Reader) -> list[int]:
    states = boxes(reader).evaluate_all("boxes => boxes.map(box => box.checked)")
    return [index for index, state in enumerate(states) if state]


def words(site: Site, lang: str, key: str) -> str:
    return load_strings(site.config.docs_dir, lang, DEFAULT)[key]


def clear_words(site: Site, lang: str) -> str:
    return words(site, lang, "checklist_clear")


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
    # Black on paper: a border for each box, a tick (not a fill, which printers leave out) for
    # a ticked one.
    inks = boxes(reader).evaluate_all(
        """boxes => boxes.map(box => [box.checked, getComputedStyle(box).borderTopColor,
          getComputedStyle(box).backgroundColor,
          getComputedStyle(box, '::before').borderRightColor])"""
    )
    for checked, border, fill, tick in inks:
        assert border == "rgb(0, 0, 0)" and fill == "rgba(0, 0, 0, 0)", (border, fill)
        assert tick == ("rgb(0, 0, 0)" if checked else "rgba(0, 0, 0, 0)"), (checked, tick)
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


def focused(reader: Reader) -> str:
    return reader.page.evaluate("() => document.activeElement.textContent.trim()")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_undo_brings_the_cleared_ticks_back_by_keyboard_and_says_so(
    reader: Reader, site: Site, lang: str
) -> None:
    reader.open(lang, PLAN)
    status = reader.page.get_by_role("status")
    undo = reader.page.get_by_role("button", name=words(site, lang, "checklist_undo"), exact=True)
    assert not undo.is_visible() and status.inner_text() == ""
    tick_two(reader)
    reader.page.get_by_role("button", name=clear_words(site, lang), exact=True).focus()
    reader.page.keyboard.press("Enter")
    assert ticked(reader) == []
    assert status.inner_text() == words(site, lang, "checklist_cleared")
    reader.page.keyboard.press("Tab")  # Undo is the next stop
    assert focused(reader) == words(site, lang, "checklist_undo")
    reader.page.keyboard.press("Enter")
    assert ticked(reader) == [0, 4]
    assert status.inner_text() == words(site, lang, "checklist_restored")
    assert not undo.is_visible() and focused(reader) == clear_words(site, lang)
    reader.page.reload()
    assert ticked(reader) == [0, 4]
    # A box ticked after clearing ends what Undo can bring back.
    reader.page.keyboard.press("Tab")
    reader.page.get_by_role("button", name=clear_words(site, lang), exact=True).click()
    assert undo.is_visible()
    boxes(reader).nth(2).check()
    assert not undo.is_visible() and status.inner_text() == ""
    assert ticked(reader) == [2]
    assert not reader.errors


@pytest.mark.parametrize("lang", LANGUAGES)
def test_clear_with_nothing_ticked_offers_no_undo(reader: Reader, site: Site, lang: str) -> None:
    reader.open(lang, PLAN)
    reader.page.get_by_role("button", name=clear_words(site, lang), exact=True).click()
    undo = reader.page.get_by_role("button", name=words(site, lang, "checklist_undo"))
    assert not undo.is_visible() and reader.page.get_by_role("status").inner_text() == ""


# Each box's middle against the middle of its item's first line of text (the first letter's
# box), in CSS pixels.
OFFSETS = """() => [...document.querySelectorAll('article .task-list-item label')].map(label => {
  const box = label.querySelector('input').getBoundingClientRect();
  const text = [...label.childNodes].find(n => n.nodeType === 3 && n.nodeValue.trim());
  const start = text.nodeValue.search(/\\S/);
  const range = document.createRange();
  range.setStart(text, start);
  range.setEnd(text, start + 1);
  const line = range.getClientRects()[0];
  return (box.top + box.height / 2) - (line.top + line.height / 2);
})"""


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("width", [360, 1280])
def test_each_box_is_centred_on_its_first_line(reader: Reader, lang: str, width: int) -> None:
    reader.page.set_viewport_size({"width": width, "height": 900})
    reader.open(lang, PLAN)
    offsets = reader.page.evaluate(OFFSETS)
    assert len(offsets) >= 10
    assert max(abs(offset) for offset in offsets) < 1, offsets


# The contrast of each part of a control that shows it (WCAG 1.4.11: 3:1) against what is
# next to it: a box's border and a ticked box's fill against the page, its tick against the
# fill; a button's border against the page. Colours from the computed styles.
CONTROLS = (
    """() => {
"""
    + CONTRAST
    + """  const page = el => {
    const layers = [];
    for (let e = el.parentElement; e; e = e.parentElement) {
      layers.push(rgba(getComputedStyle(e).backgroundColor));
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255]);
  };
  const found = [];
  for (const box of document.querySelectorAll('article .task-list-item input')) {
    const style = getComputedStyle(box);
    const back = page(box);
    const border = over(rgba(style.borderTopColor), back);
    found.push(['box border', box.checked, ratio(border, back), parseFloat(style.borderTopWidth)]);
    if (box.checked) {
      const fill = over(rgba(style.backgroundColor), back);
      const tick = over(rgba(getComputedStyle(box, '::before').borderRightColor), fill);
      found.push(['ticked fill', true, ratio(fill, back), 1]);
      found.push(['tick', true, ratio(tick, fill), 1]);
    }
  }
  for (const button of document.querySelectorAll('article ~ * .md-button, article .md-button')) {
    if (!button.checkVisibility()) continue;
    const style = getComputedStyle(button);
    const back = page(button);
    const border = over(rgba(style.borderTopColor), back);
    const width = parseFloat(style.borderTopWidth);
    found.push([button.textContent.trim(), false, ratio(border, back), width]);
  }
  return found;
}"""
)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_control_contrasts_3_to_1_ticked_or_empty(
    reader: Reader, site: Site, lang: str, scheme: str
) -> None:
    reader.page.emulate_media(color_scheme=scheme)  # Material picks its palette on load
    reader.open(lang, PLAN)
    expected = {"light": "default", "dark": "slate"}[scheme]
    assert reader.page.get_attribute("body", "data-md-color-scheme") == expected
    tick_two(reader)
    reader.page.mouse.move(0, 0)  # no control is hovered
    reader.page.locator("body").focus()
    reader.page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running')"
    )
    found = reader.page.evaluate(CONTROLS)
    parts = {(what, state) for what, state, _, _ in found}
    assert {("box border", True), ("box border", False), ("ticked fill", True), ("tick", True)} <= (
        parts
    )
    assert (words(site, lang, "print_button"), False) in parts
    assert (clear_words(site, lang), False) in parts
    low = [(what, state, round(ratio, 2)) for what, state, ratio, width in found if ratio < 3]
    assert not low, (scheme, low)
    assert all(width >= 1 for _, _, _, width in found), found
