"""WCAG 2.1 AA in Chromium: axe-core on every page, both languages, both palettes, search open
and closed; and the keyboard: skip link, visible focus, search and selector without a mouse."""

from __future__ import annotations

import re

import pytest
from conftest import DEFAULT

from eme_toolkit.site import plugin_entry
from eme_toolkit.strings import load_strings

from .colours import CONTRAST
from .conftest import AXE, LANGUAGES, PAGES, Reader, Site

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


def test_the_audited_pages_are_every_page_of_the_site(site: Site) -> None:
    """The pages audited here and by Lighthouse are listed before the build (PAGES), so that
    each is a test of its own: they must be the pages the build made, in every language."""
    for lang in site.languages:
        assert sorted(site.pages[lang]) == PAGES, lang


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("path", [*PAGES, "no-such-page/"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_wcag_violation_on_any_page_palette_or_search_state(
    reader: Reader, lang: str, path: str, scheme: str
) -> None:
    problems: list[str] = []
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

    # The same page, whatever section its address names.
    def page_of(url: str) -> str:
        return url.split("#")[0].split("?")[0]

    assert page_of(reader.page.url) == page_of(focused), (reader.page.url, focused)
    assert not reader.errors


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# Where the focus is after a Tab, once Material's fades and slides have ended: is it on
# something the reader sees, on the screen, and does it show the focus?
FOCUS_SEEN = """async () => {
  await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // Material's palette toggle is a visually hidden radio input: its label is what is seen.
  const seen = el.matches('input.md-option') ? el.nextElementSibling : el;
  const box = seen.getBoundingClientRect();
  const style = getComputedStyle(seen);
  return {
    what: el.outerHTML.slice(0, 100),
    shown: seen.checkVisibility({opacityProperty: true, visibilityProperty: true}),
    onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
      && box.left < innerWidth && box.top < innerHeight,
    marked: el.matches(':focus-visible') && ((style.outlineStyle !== 'none'
      && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'
      || style.textDecorationLine.includes('underline')),
  };
}"""


def tab_stops(reader: Reader, most: int = 80) -> list[dict]:
    """Every stop of one round of Tab through the page, from the top back to the top."""
    stops: list[dict] = []
    for _ in range(most):
        reader.page.keyboard.press("Tab")
        stop = reader.page.evaluate(FOCUS_SEEN)
        if stop is None:  # past the last stop: the browser's own controls
            return stops
        stops.append(stop)
    pytest.fail(f"no end to the Tab stops after {most}: {[s['what'] for s in stops[-5:]]}")


@pytest.mark.slow
@pytest.mark.parametrize("screen", ["phone", "desktop"])
@pytest.mark.parametrize("path", ["peer-groups/", "status/"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_tab_stop_is_seen_and_shows_the_focus(
    reader: Reader, lang: str, path: str, screen: str
) -> None:
    """No stop in the closed drawer, the closed search box or an empty results frame."""
    reader.page.set_viewport_size(PHONE if screen == "phone" else DESKTOP)
    reader.open(lang, path)
    stops = tab_stops(reader)
    unseen = [s["what"] for s in stops if not (s["shown"] and s["onScreen"])]
    assert not unseen, f"{len(unseen)} of {len(stops)} Tab stops are not on the screen: {unseen}"
    unmarked = [s["what"] for s in stops if not s["marked"]]
    assert not unmarked, f"focus not visible on {unmarked}"
    assert len(stops) >= 8
    assert not reader.errors


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_drawer_takes_tab_stops_only_while_open(reader: Reader, lang: str) -> None:
    reader.page.set_viewport_size(PHONE)
    reader.open(lang, "peer-groups/")
    closed = tab_stops(reader)
    assert not [s for s in closed if "md-nav__link" in s["what"]]
    reader.page.locator("label.md-header__button[for=__drawer]").click()
    reader.page.locator(".md-sidebar--primary .md-nav__link").first.wait_for(state="visible")
    opened = [s for s in tab_stops(reader) if "md-nav__link" in s["what"]]
    assert len(opened) >= 4, "the open drawer's links are not reached with Tab"
    unseen = [s for s in opened if not (s["shown"] and s["onScreen"] and s["marked"])]
    assert not unseen, unseen
    # The page's own contents are an inner panel of the drawer: reached once it is opened.
    assert not [s for s in opened if 'href="#' in s["what"]]
    reader.page.locator(".md-sidebar--primary label.md-nav__link[for=__toc]").click()
    reader.page.locator(".md-sidebar--primary .md-nav--secondary a").first.wait_for()
    contents = [s for s in tab_stops(reader) if 'href="#' in s["what"] and "md-nav" in s["what"]]
    assert len(contents) >= 4 and all(s["shown"] and s["onScreen"] for s in contents)
    assert not reader.errors


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_phone_header_shows_the_title_words_uncut(reader: Reader, lang: str) -> None:
    """Scrolled, the header shows the page title: at least its first two words whole."""
    reader.page.set_viewport_size(PHONE)
    reader.open(lang, "peer-groups/")
    title = reader.page.locator("h1").inner_text().strip()
    reader.page.mouse.wheel(0, 800)
    topic = reader.page.locator(".md-header__title--active .md-header__topic + .md-header__topic")
    topic.wait_for(state="visible")
    words = reader.page.evaluate(
        """el => {
          const text = el.querySelector('.md-ellipsis');
          const box = text.getBoundingClientRect();
          const node = text.firstChild;
          const range = document.createRange();
          const found = [];
          for (const match of node.textContent.matchAll(/\\S+/g)) {
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const r = range.getBoundingClientRect();
            if (r.right > box.right + 1 || r.bottom > box.bottom + 1) break;
            found.push(match[0]);
          }
          return found;
        }""",
        topic.element_handle(),
    )
    assert len(words) >= 2 and " ".join(words) == " ".join(title.split()[: len(words)]), words


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_table_wider_than_a_phone_scrolls_in_a_named_focusable_region_with_a_cue(
    reader: Reader, lang: str
) -> None:
    reader.page.set_viewport_size(PHONE)
    reader.open(lang, "status/")
    frames = reader.page.evaluate(
        """() => [...document.querySelectorAll('.md-typeset__scrollwrap')].map(wrap => ({
          wide: wrap.scrollWidth > wrap.clientWidth,
          tabindex: wrap.getAttribute('tabindex'),
          role: wrap.getAttribute('role'),
          name: (document.getElementById(wrap.getAttribute('aria-labelledby')) || {}).textContent,
          cue: getComputedStyle(wrap).backgroundImage,
        }))"""
    )
    wide = [frame for frame in frames if frame["wide"]]
    assert wide, "the status table fits a phone: nothing to scroll"
    for frame in wide:
        assert frame["tabindex"] == "0" and frame["role"] == "region", frame
        assert frame["name"] and frame["name"].strip(), frame
        assert frame["cue"].count("gradient") == 4, frame


# Each word (or part of a hyphenated one) of the site's name in the header, shown whole inside
# the header's title: the name shown (the whole one, or the short one of strings.yml on a
# narrow screen) and any word cut.
SITE_NAME_SHOWN = """() => {
  const ellipsis = document.querySelector('.md-header__topic .md-ellipsis');
  const shown = [...ellipsis.children].filter(el => getComputedStyle(el).display !== 'none');
  const box = ellipsis.getBoundingClientRect();
  const range = document.createRange();
  const cut = [];
  for (const el of shown) {
    const node = el.firstChild;
    // A word may wrap after a hyphen, never inside a part.
    for (const match of node.textContent.matchAll(/[^\\s-]+-?/g)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const rects = [...range.getClientRects()];
      if (rects.length !== 1 || rects.some(r => r.right > box.right + 0.5
          || r.left < box.left - 0.5 || r.bottom > box.bottom + 0.5)) cut.push(match[0]);
    }
  }
  return {names: shown.map(el => el.textContent), cut};
}"""
WIDTHS = [320, 340, 360, 375, 390, 414, 480, 540, 600, 720, 768, 960, 1024, 1280]


def site_names(site: Site, lang: str) -> tuple[str, str]:
    """The site's name in `lang` (its i18n entry's, or mkdocs.yml's) and its short name."""
    i18n = plugin_entry(site.config.settings.get("plugins"), "i18n")
    assert isinstance(i18n, dict)
    entry = next(e for e in i18n["languages"] if e.get("locale") == lang)
    short = load_strings(site.config.docs_dir, lang, DEFAULT)["site_name_short"]
    return entry.get("site_name") or site.config.settings["site_name"], short


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", ["", "no-such-page/"])
def test_the_header_shows_the_site_name_uncut_at_every_width(
    reader: Reader, site: Site, lang: str, path: str
) -> None:
    """The whole name where it fits, the short one on a narrow screen, never a word cut."""
    full, short = site_names(site, lang)
    seen = set()
    for width in WIDTHS:
        reader.page.set_viewport_size({"width": width, "height": 700})
        reader.open(lang, path)
        shown = reader.page.evaluate(SITE_NAME_SHOWN)
        assert shown["names"] in ([full], [short]) and not shown["cut"], (width, shown)
        seen.add(shown["names"][0])
        if width >= 480:
            assert shown["names"] == [full], (width, shown)
    assert seen == {full, short}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_scrolls_sideways_at_320_px(reader: Reader, site: Site, lang: str) -> None:
    reader.page.set_viewport_size({"width": 320, "height": 640})
    for path in [*site.pages[lang], "no-such-page/"]:
        reader.open(lang, path)
        wide = reader.page.evaluate(
            "() => [document.documentElement.scrollWidth, document.body.scrollWidth, innerWidth]"
        )
        assert max(wide[:2]) <= wide[2], (path, wide)


# The focus indicator of the element that has the focus (the palette toggle's label, for its
# hidden radio input): an outline, or else a box shadow, measured against what is behind it
# (the composite of the backgrounds around the element), as WCAG 2.4.11 and 2.4.13 ask (3:1).
FOCUS_CONTRAST = (
    """async () => {
  await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const seen = el.matches('input.md-option') ? el.nextElementSibling : el;
"""
    + CONTRAST
    + """  const behind = from => {
    const layers = [];
    for (let e = from; e; e = e.parentElement) {
      layers.push(rgba(getComputedStyle(e).backgroundColor));
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255]);
  };
  const style = getComputedStyle(seen);
  const back = behind(seen.parentElement);
  let kind = null, contrast = 0, width = 0;
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) {
    kind = 'outline';
    width = parseFloat(style.outlineWidth);
    contrast = ratio(over(rgba(style.outlineColor), back), back);
  } else if (style.boxShadow !== 'none') {
    kind = 'shadow';
    width = Math.max(...(style.boxShadow.replace(/rgba?\\([^)]*\\)/g, '').match(/[\\d.]+px/g)
      || ['0']).map(parseFloat));
    contrast = ratio(over(rgba(style.boxShadow), back), back);
  }
  return {what: el.outerHTML.slice(0, 90), kind, contrast, width,
          visible: el.matches(':focus-visible')};
}"""
)


def focus_indicators(reader: Reader, most: int = 90) -> list[dict]:
    """The focus indicator of every stop of one round of Tab through the page."""
    stops: list[dict] = []
    for _ in range(most):
        reader.page.keyboard.press("Tab")
        stop = reader.page.evaluate(FOCUS_CONTRAST)
        if stop is None:
            return stops
        stops.append(stop)
    pytest.fail(f"no end to the Tab stops after {most}")


@pytest.mark.slow
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", ["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_focus_indicator_contrasts_3_to_1_on_every_page(
    reader: Reader, site: Site, lang: str, screen: str, scheme: str
) -> None:
    """Every Tab stop of every page, in either palette: an outline or a shadow of 2 px or
    more, 3:1 or more against what is around it. A phone has fewer stops (the drawer and
    search are closed), on the same kinds of element: two pages are enough there."""
    reader.page.set_viewport_size(PHONE if screen == "phone" else DESKTOP)
    reader.page.emulate_media(color_scheme=scheme)  # Material picks its palette on load
    weak: list[str] = []
    paths = [*site.pages[lang], "no-such-page/"] if screen == "desktop" else ["plan/", "tags/"]
    for path in paths:
        reader.open(lang, path)
        stops = focus_indicators(reader)
        assert len(stops) >= 5, (path, stops)
        weak += [
            f"{path}: {stop['kind']} {stop['width']:.1f}px {stop['contrast']:.2f}:1 {stop['what']}"
            for stop in stops
            if not stop["visible"]
            or stop["kind"] is None
            or stop["contrast"] < 3
            or stop["width"] < 2
        ]
    assert not weak, "\n".join(weak)
