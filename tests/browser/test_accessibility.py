"""WCAG 2.1 AA in Chromium: axe-core on every page, both languages, both palettes, search open
and closed; and the keyboard: skip link, visible focus, search and selector without a mouse."""

from __future__ import annotations

import re

import pytest
from conftest import DEFAULT

from .conftest import AXE, LANGUAGES, Reader, Site

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# A word of each language's pages; a language in progress shows English pages.
QUERY = {"en": "peer", "fi": "vertais"}


def axe_violations(reader: Reader, state: str) -> list[str]:
    # Colours are measured once Material's fades and transitions have ended.
    reader.page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running')"
    )
    if not reader.page.evaluate("() => typeof axe !== 'undefined'"):
        reader.page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = reader.page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => `${v.id} (${v.impact}): ${v.help} at `"
        " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))",
        WCAG_AA,
    )
    return [f"{reader.page.url} [{state}] {violation}" for violation in found]


def toggle_palette(reader: Reader) -> str:
    """Click the palette button as a reader does; return the scheme now shown."""
    before = reader.page.get_attribute("body", "data-md-color-scheme")
    reader.page.locator("form[data-md-component=palette] label:visible").first.click()
    reader.page.wait_for_function(
        "before => document.body.getAttribute('data-md-color-scheme') !== before", arg=before
    )
    return reader.page.get_attribute("body", "data-md-color-scheme") or ""


def page_ids(site: Site) -> list[tuple[str, str]]:
    return [(lang, path) for lang in site.languages for path in site.pages[lang]]


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_wcag_violation_on_any_page_palette_or_search_state(
    reader: Reader, site: Site, lang: str, scheme: str
) -> None:
    problems: list[str] = []
    paths = [*site.pages[lang], "no-such-page/"]
    for path in paths:
        reader.open(lang, path)
        if reader.page.get_attribute("body", "data-md-color-scheme") != scheme:
            assert toggle_palette(reader) == scheme
        problems += axe_violations(reader, f"{scheme}, search closed")
        reader.search(QUERY.get(lang, QUERY[DEFAULT]))
        reader.page.locator(".md-search-result__link").first.wait_for()
        problems += axe_violations(reader, f"{scheme}, search open")
    assert not problems, "\n".join(problems)


FOCUS_STYLE = """() => {
  const el = document.activeElement;
  // Material's palette toggle is a visually hidden radio input: its label shows the focus.
  const shown = el.matches('input.md-option') ? el.nextElementSibling : el;
  const style = getComputedStyle(shown);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== 'none';
  const line = style.textDecorationLine.includes('underline');
  return {visible: el.matches(':focus-visible') && (outline || shadow || line),
          what: el.outerHTML.slice(0, 120)};
}"""


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_skip_link_and_visible_focus_by_keyboard(reader: Reader, lang: str) -> None:
    reader.open(lang, "peer-groups/")
    reader.page.keyboard.press("Tab")
    skip = reader.page.locator(".md-skip")
    assert reader.page.evaluate("() => document.activeElement.classList.contains('md-skip')")
    assert skip.is_visible()
    assert skip.inner_text().strip() == {"en": "Skip to content", "fi": "Hyppää sisältöön"}[lang]
    focus = reader.page.evaluate(FOCUS_STYLE)
    assert focus["visible"], focus["what"]
    reader.page.keyboard.press("Enter")
    reader.page.wait_for_url(re.compile(r".*#practice$"))
    # Every element reached with Tab shows where the focus is (focus on <body> is focus on no
    # element, between the page's last stop and the browser's own controls).
    checked = 0
    for _ in range(25):
        reader.page.keyboard.press("Tab")
        if reader.page.evaluate("() => document.activeElement === document.body"):
            continue
        focus = reader.page.evaluate(FOCUS_STYLE)
        assert focus["visible"], f"focus not visible on {focus['what']}"
        checked += 1
    assert checked >= 15, f"only {checked} elements were reached with Tab"
    assert not reader.errors


@pytest.mark.parametrize("lang, query", [("en", "counsellors"), ("fi", "vertaisohjaajan")])
def test_search_by_keyboard_alone(reader: Reader, site: Site, lang: str, query: str) -> None:
    reader.open(lang)
    reader.page.keyboard.press("/")  # Material's shortcut; "s" and "f" work too
    assert reader.page.evaluate("() => document.activeElement.matches('.md-search__input')")
    # The whole word at once (as a phone keyboard or a paste gives it): one query, so the list
    # that shows is the word's and not one a later keystroke replaces under the focus.
    reader.page.keyboard.insert_text(query)
    reader.page.locator(".md-search-result__link").first.wait_for()
    reader.page.keyboard.press("ArrowDown")
    focused = reader.page.evaluate("() => document.activeElement.href")
    assert focused and focused.startswith(site.page_url(lang)), focused
    with reader.page.expect_navigation():
        reader.page.keyboard.press("Enter")

    # Material adds ?h=<words> to a result's address for highlighting.
    def page_of(url: str) -> str:
        return url.split("#")[0].split("?")[0]

    assert page_of(reader.page.url) == page_of(focused), (reader.page.url, focused)
    assert not reader.errors
