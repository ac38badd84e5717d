"""The practice and the checklist printed to PDF in Chromium, as an organisation prints them
for a handout.

The PDF's text is read back with pypdf, in reading order (its layout mode): the title comes
first, then the page's address and language, no address is percent-encoded, no sheet ends with
a heading or the line under one (a checklist's "Source:") without what follows, and the
practice takes at most three A4 sheets. In print media every text is black enough on its
background (7:1). The Print button prints, by mouse and keyboard, and is not printed itself.
"""

from __future__ import annotations

import io
import re
import unicodedata
from urllib.parse import unquote, urljoin

import pytest
from playwright.sync_api import Browser
from playwright.sync_api import Page as Tab
from pypdf import PdfReader

from eme_toolkit.strings import load_strings

from .conftest import LANGUAGES, Reader, Site

PRACTICE = "peer-groups/"
PLAN = "plan/"
MAX_SHEETS = 3
ENCODED = re.compile(r"%[0-9A-Fa-f]{2}")


def squeeze(text: str) -> str:
    """Text with ligatures (ﬁ) as letters and every run of white space as one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def sheets(tab: Tab) -> list[str]:
    """The text of each A4 sheet of the page printed to PDF."""
    pdf = PdfReader(io.BytesIO(tab.pdf(format="A4")))
    return [
        in_reading_order(squeeze(sheet.extract_text(extraction_mode="layout")))
        for sheet in pdf.pages
    ]


# Letters of the scripts written right to left (Hebrew, Arabic and their presentation forms),
# a run of them with the spaces inside it.
RTL_RUN = re.compile(
    r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]"
    r"(?:[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\s]*[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc])?"
)


def in_reading_order(text: str) -> str:
    """pypdf gives a run of right-to-left text in the order it is drawn, left to right:
    "العربية" comes out as "ةيبرعلا". Each run is turned back into the order it is read."""
    return RTL_RUN.sub(lambda run: run[0][::-1], text)


def headings(tab: Tab) -> list[str]:
    texts = tab.locator("article :is(h1, h2, h3, h4, h5, h6)").evaluate_all(
        "els => els.map(h => h.textContent.replace('¶', ''))"
    )
    return [squeeze(text) for text in texts]


def source_line(site: Site, lang: str, path: str) -> str:
    """The print line of page `path`: its decoded address and its language, in its words."""
    strings = load_strings(site.config.docs_dir, lang, site.config.default.code)
    language = site.config.language(lang)
    assert language is not None
    return (
        strings["print_source"]
        .replace("{address}", unquote(site.page_url(lang, path)))
        .replace("{language}", language.name)
    )


def under_headings(tab: Tab) -> list[str]:
    """As printed, the first paragraph under each heading that more of its section follows (a
    checklist's "Source:" line): its text, and its links' addresses after them."""
    texts = tab.locator(
        "article :is(h1, h2, h3, h4, h5, h6) + p:not(:has(+ :is(h1, h2, h3, h4, h5, h6)))"
    ).evaluate_all(
        """els => els.filter(p => p.checkVisibility()).map(p => {
          const copy = p.cloneNode(true);
          copy.querySelectorAll('a[data-print-href]').forEach(a => a.append(
            ` (${a.dataset.printHref})`));
          return copy.textContent;
        })"""
    )
    return [squeeze(text) for text in texts]


def assert_no_sheet_ends_alone(tab: Tab, printed: list[str]) -> None:
    """No sheet but the last ends with a heading, or a heading and the line under it."""
    titles = headings(tab)
    lines = under_headings(tab)
    assert titles and lines
    for number, sheet in enumerate(printed[:-1], start=1):
        alone = [title for title in titles if sheet.endswith(title)]
        alone += [line for line in lines if "".join(sheet.split()).endswith("".join(line.split()))]
        assert not alone, f"sheet {number} ends with {alone}"


def assert_handout(
    tab: Tab, site: Site, lang: str, printed: list[str], path: str = PRACTICE
) -> None:
    whole = " ".join(printed)
    titles = headings(tab)
    # The title, then the page's address and language (which may wrap anywhere in the
    # address: compared without white space); no tags, navigation or notice before them.
    first = "".join((titles[0] + source_line(site, lang, path)).split())
    assert "".join(whole.split()).startswith(first), whole[:300]
    assert len(printed) <= MAX_SHEETS, len(printed)
    assert not ENCODED.findall(whole), ENCODED.findall(whole)
    assert_no_sheet_ends_alone(tab, printed)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", [PRACTICE, PLAN])
def test_the_practice_and_checklist_print_as_handouts(
    reader: Reader, site: Site, lang: str, path: str
) -> None:
    reader.open(lang, path)
    printed = sheets(reader.page)
    assert_handout(reader.page, site, lang, printed, path)
    assert not reader.errors


def print_words(site: Site, lang: str) -> str:
    return load_strings(site.config.docs_dir, lang, site.config.default.code)["print_button"]


# The browser's print dialog cannot be driven headless: the test counts the calls that open it.
COUNT_PRINTS = "window.__prints = 0; window.print = () => { window.__prints += 1; };"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", [PRACTICE, PLAN])
def test_the_print_button_prints_and_is_not_printed(
    reader: Reader, site: Site, lang: str, path: str
) -> None:
    reader.page.add_init_script(COUNT_PRINTS)
    reader.open(lang, path)
    button = reader.page.get_by_role("button", name=print_words(site, lang), exact=True)
    button.click()
    assert reader.page.evaluate("window.__prints") == 1
    button.focus()
    reader.page.keyboard.press("Enter")
    reader.page.keyboard.press("Space")
    assert reader.page.evaluate("window.__prints") == 3
    reader.page.emulate_media(media="print")
    assert not button.is_visible()
    printed = " ".join(sheets(reader.page))
    assert not re.search(rf"\b{re.escape(print_words(site, lang))}\b", printed), printed[:200]
    assert not reader.errors


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_no_print_button_shows(browser: Browser, site: Site, lang: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site.page_url(lang, PLAN))
        assert not tab.get_by_role("button", name=print_words(site, lang)).is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_the_print_is_the_same(
    browser: Browser, reader: Reader, site: Site, lang: str
) -> None:
    reader.open(lang, PRACTICE)
    with_script = sheets(reader.page)
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site.page_url(lang, PRACTICE))
        without = sheets(tab)
        assert_handout(tab, site, lang, without)
    finally:
        context.close()
    assert without == with_script


@pytest.mark.parametrize("lang", LANGUAGES)
def test_print_leaves_the_sites_navigation_and_tags_out(reader: Reader, lang: str) -> None:
    reader.open(lang, PRACTICE)
    reader.page.emulate_media(media="print")
    chrome = (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer", ".md-select")
    for part in (*chrome, ".md-tags", ".md-content__button"):
        shown = reader.page.locator(part).evaluate_all(
            "els => els.some(e => e.getClientRects().length > 0)"
        )
        assert not shown, f"{part} is printed"
    assert reader.page.locator("article h1").is_visible()
    assert reader.page.locator(".eme-print-source").is_visible()
    reader.page.emulate_media(media="screen")
    assert not reader.page.locator(".eme-print-source").is_visible()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printed_links_show_their_full_readable_address(
    reader: Reader, site: Site, lang: str
) -> None:
    """On the home page, which links to the practice's sections and to the about page."""
    reader.open(lang)
    reader.page.emulate_media(media="print")
    links = reader.page.locator("article a[href]:visible").evaluate_all(
        "els => els.map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])"
    )
    addresses = []
    for href, after in links:
        if href.startswith("#"):
            assert after == "none", (href, after)
            continue
        address = unquote(urljoin(site.page_url(lang), href))
        assert after == f'" (" "{address}" ")"' or after == f'" ({address})"', (href, after)
        addresses.append(address)
    assert any(address.startswith(site.page_url(lang, PRACTICE)) for address in addresses)
    # On paper: the addresses, in full.
    printed = "".join("".join(sheets(reader.page)).split())
    for address in addresses:
        assert address in printed, address


# Each language's practice (shown from English with a notice in the added language) with its
# quotes, and the status page with its table.
CONTRAST = """() => {
  const rgba = value => {
    const parts = value.match(/[\\d.]+/g).map(Number);
    return parts.length === 3 ? [...parts, 1] : parts;
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat(1);
  };
  const luminance = rgb => {
    const [r, g, b] = rgb.slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = el => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) layers.push(rgba(getComputedStyle(e).backgroundColor));
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  const found = [];
  for (const el of document.querySelectorAll("article, article *, .eme-print-source")) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.nodeValue.trim());
    if (!own || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== "visible") continue;
    const back = background(el);
    const fore = over(rgba(style.color), back);
    const [light, dark] = [luminance(fore), luminance(back)].sort((x, y) => y - x);
    found.push([el.textContent.trim().slice(0, 40), (light + 0.05) / (dark + 0.05)]);
  }
  return found;
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_printed_text_is_black_on_white(reader: Reader, lang: str, scheme: str) -> None:
    """At least 7:1 in print media, whatever colour scheme the reader's screen has."""
    reader.page.emulate_media(color_scheme=scheme)  # Material picks its palette on load
    for path in (PRACTICE, "status/"):
        reader.open(lang, path)
        reader.page.emulate_media(media="print", color_scheme=scheme)
        texts = reader.page.evaluate(CONTRAST)
        assert len(texts) > 10, (path, texts)
        low = [(text, round(ratio, 2)) for text, ratio in texts if ratio < 7]
        assert not low, (path, scheme, low)
        reader.page.emulate_media(media="screen")


# The printable area of an A4 sheet in CSS pixels: 210 × 297 mm less the margins of site.css's
# @page (15 mm each side, 16 mm top and bottom), at 96 px to the inch.
SHEET_WIDTH, SHEET_HEIGHT = 680, 1001.5
PUSH = """([selector, top]) => {
  const target = document.querySelector(selector);
  const article = document.querySelector("article");
  // The blocks before it, also inside a wrapper (a page shown from English is one).
  for (let el = target; el !== article; el = el.parentElement) {
    for (let block = el.previousElementSibling; block; block = block.previousElementSibling) {
      block.style.display = "none";
    }
  }
  const at = target.getBoundingClientRect().top - article.getBoundingClientRect().top;
  const spacer = document.createElement("div");
  spacer.style.height = (top - at) + "px";
  article.prepend(spacer);
}"""


def push(tab: Tab, selector: str, top: float) -> None:
    """Put the top of `selector` `top` px below the top of the first sheet's printable area:
    the text before it is left out, a blank block put in its place, at the sheet's width."""
    tab.set_viewport_size({"width": SHEET_WIDTH, "height": 1000})
    tab.emulate_media(media="print")
    tab.evaluate(PUSH, [selector, top])


def test_a_heading_at_the_foot_of_a_sheet_moves_to_the_next(reader: Reader) -> None:
    reader.open("en", PRACTICE)
    heading = reader.page.locator("#why")
    height = heading.evaluate("h => h.offsetHeight")
    push(reader.page, "#why", SHEET_HEIGHT - height - 10)  # it fits, its text does not
    printed = sheets(reader.page)
    assert printed[1].startswith(squeeze(heading.inner_text())), printed[1][:80]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_checklist_heading_at_the_foot_of_a_sheet_moves_with_its_source_line(
    reader: Reader, lang: str
) -> None:
    """Each group of the checklist put where its heading and "Source:" line would fit at the
    foot of the first sheet, but not what follows them."""
    reader.open(lang, PLAN)
    ids = reader.page.locator("article h2[id]").evaluate_all("hs => hs.map(h => h.id)")
    assert len(ids) >= 4
    for id in ids:
        reader.open(lang, PLAN)
        heading = reader.page.locator(f"#{id}")
        title = squeeze(heading.inner_text().replace("¶", ""))
        room = heading.evaluate(
            "h => h.nextElementSibling.getBoundingClientRect().bottom"
            " - h.getBoundingClientRect().top"
        )
        push(reader.page, f"#{id}", SHEET_HEIGHT - room - 10)
        printed = sheets(reader.page)
        assert printed[1].startswith(title), (id, printed[0][-120:], printed[1][:80])
        assert_no_sheet_ends_alone(reader.page, printed)


def test_a_quote_across_the_foot_of_a_sheet_stays_whole(reader: Reader) -> None:
    reader.open("en", PRACTICE)
    quote = squeeze(reader.page.locator("article blockquote").inner_text())
    push(reader.page, "article blockquote", SHEET_HEIGHT - 60)  # its first lines would fit
    printed = sheets(reader.page)
    assert any(quote in sheet for sheet in printed), printed


def test_headings_quotes_and_table_rows_are_not_split(reader: Reader) -> None:
    reader.open("en", "status/")
    reader.page.emulate_media(media="print")
    style = "(el, name) => getComputedStyle(el)[name]"
    assert reader.page.locator("article h1").evaluate(style, "breakAfter") == "avoid"
    assert reader.page.locator("article tr").first.evaluate(style, "breakInside") == "avoid"
    reader.open("en", PRACTICE)
    reader.page.emulate_media(media="print")
    assert reader.page.locator("article h2").first.evaluate(style, "breakAfter") == "avoid"
    assert reader.page.locator("article blockquote").evaluate(style, "breakInside") == "avoid"
