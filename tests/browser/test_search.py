"""Search per language, in Chromium: each language finds its own pages, with its own stemmer."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .colours import CONTRAST
from .conftest import LANGUAGES, Reader, Site
from .search_queries import NOT_FOUND, queries, ranked, rankings

# Material's own words for "no results", in each language.
NO_RESULTS = {"en": "No matching documents", "fi": "Ei täsmääviä dokumentteja"}
WORD = re.compile(r"[^\W\d_]{6,}")


def wait_for_result(reader: Reader, location: str) -> None:
    """Wait until the result list links to `location` (absolute URL, '#section' included)."""
    reader.page.wait_for_function(
        "want => [...document.querySelectorAll('.md-search-result__link')]"
        ".some(a => decodeURI(a.href.replace(/\\?h=[^#]*/, '')) === want)",
        arg=location,
        timeout=5_000,
    )


def found(reader: Reader) -> list[str]:
    """The result list's sections, in order, as URLs without the highlight query."""
    return [unquote(re.sub(r"\?h=[^#]*", "", link)) for link in reader.result_links()]


SETTLED = """() => new Promise(resolve => {
  const list = document.querySelector(".md-search-result");
  let timer;
  const observer = new MutationObserver(() => wait());
  function wait() {
    clearTimeout(timer);
    timer = setTimeout(() => { observer.disconnect(); resolve(); }, 300);
  }
  observer.observe(list, {childList: true, subtree: true, characterData: true});
  wait();
})"""


def search_settled(reader: Reader, typed: str) -> None:
    """Type a query, wait for the worker's answer to it, then until the result list has not
    changed for 300 ms: the whole query's results."""
    reader.search(typed, whole=True)
    reader.answered(typed)
    reader.page.locator(".md-search-result__meta").wait_for()
    reader.page.evaluate(SETTLED)


def relative(site: Site, lang: str, links: list[str]) -> list[str]:
    root = site.page_url(lang)
    return [link[len(root) :] if link.startswith(root) else link for link in links]


def section_words(site: Site, lang: str) -> list[tuple[str, str]]:
    """(word as it stands in the text, the section's URL): the longest word of each section."""
    pairs = []
    for doc in site.index(lang)["docs"]:
        words = WORD.findall(re.sub(r"<[^>]+>", " ", doc["text"]))
        if words:
            pairs.append((max(words, key=len), site.page_url(lang, doc["location"])))
    assert len(pairs) > 10, f"too few sections with text in the {lang} index"
    return pairs


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fi"])
def test_every_section_is_found_by_its_words_typed_as_they_stand(
    reader: Reader, site: Site, lang: str
) -> None:
    reader.open(lang)
    own = site.page_url(lang)
    for word, location in section_words(site, lang):
        # As it stands, then capitalised as at the start of a sentence.
        for typed in (word, word[0].upper() + word[1:]):
            reader.search(typed)
            try:
                wait_for_result(reader, location)
            except PlaywrightTimeoutError:
                pytest.fail(f"{lang}: {typed!r} did not find {location}: {reader.result_links()}")
            for link in reader.result_links():
                assert link.startswith(own), f"{lang} search for {typed!r} listed {link}"
                if lang == "en":
                    assert not any(link.startswith(site.page_url(o)) for o in ("fi",)), link
    assert not reader.errors


@pytest.mark.parametrize(
    "lang, typed, in_text, section",
    [
        # Not in the text: the stemmer relates it to the form that is.
        ("en", "counsellors", "counsellor", "peer-groups/#nutshell"),
        ("en", "developing", "developed", "peer-groups/#developer"),
        ("fi", "vertaisohjaajan", "vertaisohjaaja", "peer-groups/#nutshell"),
        ("fi", "vertaisohjaajalle", "vertaisohjaaja", "peer-groups/#resources"),
        ("fi", "maahanmuuttajalle", "maahanmuuttajille", "peer-groups/#target-group"),
    ],
)
def test_inflected_forms_find_each_other(
    reader: Reader, site: Site, lang: str, typed: str, in_text: str, section: str
) -> None:
    page = (site.root if lang == "en" else site.root / lang) / section.split("#")[0]
    text = (page / "index.html").read_text(encoding="utf-8")
    assert typed not in text and in_text in text, "the example no longer fits the page's text"
    reader.open(lang)
    reader.search(typed)
    wait_for_result(reader, site.page_url(lang, section))
    assert all(link.startswith(site.page_url(lang)) for link in reader.result_links())
    assert not reader.errors


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_query_finds_its_section_in_any_form_without_diacritics_or_with_a_typo(
    reader: Reader, site: Site, lang: str
) -> None:
    """The query lists of search_queries.py: inflected forms, parts of compound words, words
    without (or with) diacritics and words with one typo find the section they name."""
    reader.open(lang)
    missed = []
    for query in queries(lang):
        reader.search(query.typed)
        try:
            wait_for_result(reader, site.page_url(lang, query.section))
        except PlaywrightTimeoutError:
            missed.append(f"{query.typed!r} ({query.kind}) -> {query.section}")
    assert not missed, f"{lang}: {missed}"
    assert not reader.errors


def test_the_query_examples_fit_the_pages(site: Site) -> None:
    """Each example's form of the word is in its section, so the lists stay true to the text."""
    for lang in LANGUAGES:
        sections = {doc["location"]: doc for doc in site.index(lang)["docs"]}
        for query in queries(lang):
            doc = sections[query.section]
            text = re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}").lower()
            assert (query.note or query.typed).lower() in text, (lang, query)
            if query.kind != "as written":
                assert query.typed.lower() not in text.split(), (lang, query)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sections_holding_the_words_rank_first_and_the_tags_page_never_for_other_words(
    reader: Reader, site: Site, lang: str
) -> None:
    """Every word as typed before every word in some form before some of the words; the
    practice before a page that merely mentions the words; and no query of the lists (none of
    them names a tag) has the Tags page first."""
    reader.open(lang)
    wrong = []
    for ranking in rankings(lang):
        search_settled(reader, ranking.typed)
        links = relative(site, lang, found(reader))
        if not ranked(ranking, links):
            wrong.append(f"{ranking.typed!r}: {ranking.why}: {links[:6]}")
    assert not wrong, f"{lang}: {wrong}"
    tags = relative(site, lang, [site.page_url(lang, "tags/")])[0]
    for query in queries(lang):
        search_settled(reader, query.typed)
        links = relative(site, lang, found(reader))
        assert links[:1] != [tags], f"{lang} {query.typed!r} lists the Tags page first: {links}"
    assert not reader.errors


# What each result shows, for every query of the lists: its highlights, its "Missing:" words,
# its link, its tags. `typed`: the reader's words as typed, hyphenated words kept whole.
RESULTS_SHOWN = """typed => {
  const problems = [];
  const letter = /[\\p{L}\\p{N}]/u;
  for (const item of document.querySelectorAll(".md-search-result__item")) {
    const chips = [...item.querySelectorAll(".md-tag")].map(tag => tag.textContent.trim());
    if (new Set(chips).size !== chips.length) problems.push(`tags shown twice: ${chips}`);
  }
  for (const link of document.querySelectorAll(".md-search-result__link")) {
    if (new URL(link.href).search) problems.push(`address with a query: ${link.href}`);
    for (const del of link.querySelectorAll(".md-search-result__terms del")) {
      if (!typed.includes(del.textContent)) problems.push(`missing ${del.textContent}`);
    }
    const text = link.querySelector("article").textContent;
    if (/[<>]/.test(text)) {
      // The pages hold no angle brackets: one shown is markup.
      problems.push(`markup shown as text: ${text.slice(0, 80)}`);
    }
    for (const mark of link.querySelectorAll("mark")) {
      if (mark.querySelector("mark")) problems.push(`mark in a mark: ${mark.outerHTML}`);
      const before = mark.previousSibling && mark.previousSibling.textContent.slice(-1);
      const after = mark.nextSibling && mark.nextSibling.textContent.slice(0, 1);
      if ((before && letter.test(before)) || (after && letter.test(after))) {
        problems.push(`part of a word marked: ${mark.parentElement.textContent.slice(0, 80)}`);
      }
      const word = mark.textContent.replace(/^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$/gu, "");
      if (!word) problems.push(`empty mark in ${link.href}`);
      else problems.push(`word ${word}`);
    }
  }
  return problems;
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_results_show_the_readers_words_and_whole_words_of_the_page_highlighted(
    reader: Reader, site: Site, lang: str
) -> None:
    """For every query of the lists: each highlight is one whole word of the page (found as
    typed, through a base form, a compound part, without diacritics or with a typo), never
    markup shown as text; "Missing:" names the words as typed; a result's address is its
    section's, without the words; and a result shows its page's tags once."""
    texts = " ".join(f"{doc['title']} {doc['text']}" for doc in site.index(lang)["docs"])
    page_words = set(re.findall(r"[^\W_]+", re.sub(r"<[^>]+>", " ", texts).lower()))
    reader.open(lang)
    problems = []
    marked = 0
    for query in queries(lang):
        search_settled(reader, query.typed)
        typed = re.findall(r"[^\W_]+(?:-[^\W_]+)*", query.typed)
        for problem in reader.page.evaluate(RESULTS_SHOWN, typed):
            if not problem.startswith("word "):
                problems.append(f"{query.typed!r}: {problem}")
            elif not set(re.findall(r"[^\W_]+", problem[5:].lower())) <= page_words:
                problems.append(f"{query.typed!r}: {problem[5:]!r} is not a word of the pages")
            else:
                marked += 1
    assert not problems, f"{lang}: {problems}"
    assert marked > len(queries(lang)), f"{lang}: {marked} highlights only"
    assert not reader.errors


@pytest.mark.parametrize("lang", sorted(NOT_FOUND))
def test_a_near_miss_is_not_found(reader: Reader, site: Site, lang: str) -> None:
    """A word does not find a section that only shares a shorter stem with it."""
    reader.open(lang)
    for query in NOT_FOUND[lang]:
        reader.search(query.typed)
        reader.page.locator(".md-search-result__link").first.wait_for()
        links = found(reader)
        assert site.page_url(lang, query.section) not in links, (
            f"{lang} {query.typed!r} listed {query.section} ({query.note}): {links}"
        )
    assert not reader.errors


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_the_translation_status_page_is_not_in_search(
    reader: Reader, site: Site, lang: str
) -> None:
    """Editors reach it from the footer and About; a reader's search does not list it."""
    assert not [doc for doc in site.index(lang)["docs"] if doc["location"].startswith("status/")]
    reader.open(lang)
    reader.search({"en": "translation status", "fi": "käännösten tila"}[lang])
    wait_for_result(
        reader,
        site.page_url(lang, {"en": "about/#translate", "fi": "peer-groups/#resources"}[lang]),
    )
    assert not [link for link in reader.result_links() if "/status/" in link]
    assert not reader.errors


def test_a_finnish_page_lists_no_english_page_and_the_other_way_round(
    reader: Reader, site: Site
) -> None:
    # Words of only the other language find nothing; a shared name finds only own pages.
    for lang, foreign in (("fi", "counsellor"), ("en", "vertaisohjaaja")):
        reader.open(lang, "peer-groups/")
        reader.search(foreign)
        meta = reader.page.locator(".md-search-result__meta")
        meta.filter(has_text=NO_RESULTS[lang]).wait_for()
        reader.search("Tampere")
        reader.page.locator(".md-search-result__link").first.wait_for()
        links = reader.result_links()
        assert links and all(link.startswith(site.page_url(lang)) for link in links), links
        if lang == "en":
            assert not any("/fi/" in link for link in links), links
    assert not reader.errors


FOUND_BY = ("inflected", "compound part", "diacritics", "typo")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_result_leads_to_its_section_with_the_words_highlighted(
    reader: Reader, site: Site, lang: str
) -> None:
    """A word found through another form of it, a compound part, without diacritics or with a
    typo is highlighted on the page in the page's own form, as whole words; the address is the
    section's own."""
    tried = []
    for kind in FOUND_BY:
        query = next((q for q in queries(lang) if q.kind == kind and " " not in q.note), None)
        if query is None:  # English writes no compounds as one word
            continue
        tried.append(kind)
        reader.open(lang)
        search_settled(reader, query.typed)
        section = query.section.split("#")[1]
        wanted = site.page_url(lang, query.section)
        wait_for_result(reader, wanted)
        link = reader.page.locator(
            f'.md-search-result__link[href*="{query.section.split("#")[0]}"][href$="#{section}"]'
        )
        if not link.first.is_visible():
            reader.page.locator(".md-search-result__more summary").first.click()
        link.first.click()
        reader.page.wait_for_url(re.compile(rf".*#{section}$"))
        assert unquote(reader.page.url) == wanted
        assert reader.page.locator(f"#{section}").is_visible()
        marks = reader.page.locator("article mark")
        marks.first.wait_for()
        words = [word.lower() for word in marks.all_inner_texts()]
        assert query.note.lower() in words, (query, words)
        assert all(re.fullmatch(r"[^\W_]+", word) for word in words), (query, words)
        # Each is the whole word: no letter just before or after it.
        around = reader.page.eval_on_selector_all(
            "article mark",
            "marks => marks.map(m => (m.previousSibling?.textContent.slice(-1) || '') +"
            " (m.nextSibling?.textContent.slice(0, 1) || ''))",
        )
        assert not [pair for pair in around if re.search(r"[^\W_]", pair)], (query, around)
        # Opened again from its address, the page shows no highlights.
        reader.page.reload()
        reader.page.wait_for_load_state("load")
        assert reader.page.locator("article mark").count() == 0
    assert len(tried) >= 3, tried
    assert not reader.errors


SELECTED = (
    """() => {
"""
    + CONTRAST
    + """  const el = document.activeElement;
  const layers = [];
  for (let e = el; e; e = e.parentElement) layers.push(rgba(getComputedStyle(e).backgroundColor));
  const back = layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255]);
  const style = getComputedStyle(el);
  const line = over(rgba(style.outlineColor), back);
  return {
    selected: el.className,
    tag: el.tagName,
    style: style.outlineStyle,
    width: parseFloat(style.outlineWidth),
    contrast: ratio(line, back),
  };
}"""
)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_result_the_arrow_keys_select_is_outlined_at_3_to_1(
    reader: Reader, lang: str, scheme: str
) -> None:
    """The selected result has an outline of 3:1 or more against what is behind it (WCAG 2.2
    2.4.13 as a guide), in both palettes; the "more" button too."""
    reader.page.emulate_media(color_scheme=scheme)  # Material picks its palette on load
    reader.open(lang)
    query = next(query for query in queries(lang) if query.kind == "as written")
    search_settled(reader, query.typed)
    seen = set()
    for _ in range(12):
        reader.page.keyboard.press("ArrowDown")
        found = reader.page.evaluate(SELECTED)
        assert found["style"] != "none" and found["width"] >= 2, (scheme, found)
        assert found["contrast"] >= 3, (scheme, found)
        seen.add(found["selected"].split()[0] if found["selected"] else found["tag"])
    assert "md-search-result__link" in seen, seen
    assert not reader.errors


@pytest.mark.parametrize("lang, typed", [("en", "professi"), ("fi", "ammattipain")])
def test_suggestions_complete_the_word_being_typed_with_a_word_of_the_text(
    reader: Reader, site: Site, lang: str, typed: str
) -> None:
    """The index holds stems; a suggestion is still a whole word of the text, never a stem."""
    reader.open(lang)
    reader.search(typed)
    reader.page.wait_for_function(
        "typed => document.querySelector('.md-search__suggest').textContent.trim().length"
        " > typed.length",
        arg=typed,
    )
    suggested = reader.page.locator(".md-search__suggest").inner_text().strip()
    assert suggested.startswith(typed), suggested
    texts = " ".join(doc["title"] + " " + doc["text"] for doc in site.index(lang)["docs"])
    assert re.search(rf"\b{re.escape(suggested)}\b", texts.lower()), suggested
    # The arrow key takes the suggestion into the search box.
    reader.page.keyboard.press("ArrowRight")
    assert reader.page.locator(".md-search__input").input_value() == suggested
    assert not reader.errors


BAD_QUERIES = {
    "no match": "qxzvkwpj",
    "punctuation": "!?.,;:()[]{}\"'",
    "operators only": "*+-~^",
    "500 characters": "x" * 500,
    # Names of JavaScript object properties are words like any other to the worker's tables.
    "property names": "constructor __proto__ hasOwnProperty",
}


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_bad_input_says_no_results_in_the_readers_language(reader: Reader, lang: str) -> None:
    reader.open(lang)
    meta = reader.page.locator(".md-search-result__meta")
    for name, query in BAD_QUERIES.items():
        reader.search(query, delay=0)
        try:
            meta.filter(has_text=NO_RESULTS[lang]).wait_for(timeout=5_000)
        except PlaywrightTimeoutError:
            pytest.fail(f"{lang}, {name}: {meta.inner_text()!r} instead of no results")
    # 500 characters of real words of the language: results, and no error.
    reader.search({"en": "peer group ", "fi": "työ ryhmä "}[lang] * 50, delay=0)
    reader.page.locator(".md-search-result__link").first.wait_for()
    assert not reader.errors


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_an_empty_search_asks_for_words(reader: Reader, lang: str) -> None:
    placeholder = {"en": "Type to start searching", "fi": "Kirjoita aloittaaksesi haun"}[lang]
    reader.open(lang)
    reader.search("abc")
    reader.page.keyboard.press("ControlOrMeta+a")
    reader.page.keyboard.press("Backspace")
    reader.page.locator(".md-search-result__meta").filter(has_text=placeholder).wait_for()
    assert not reader.errors


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_index_is_loaded_at_the_first_query_not_with_the_page(
    reader: Reader, site: Site, lang: str
) -> None:
    """A first visit fetches only the index's settings and our small worker; the whole index,
    the forgiving part and Material's worker come when the reader searches, and the search
    then answers."""
    lazy = re.compile(
        r"search_index\.full\.json$|/workers/(search\.[0-9a-f]+\.min|search-forgiving)\.js$"
    )
    reader.open(lang, "peer-groups/")
    reader.page.wait_for_load_state("networkidle")
    loaded = [urlsplit(url).path for url in reader.requests]
    assert f"{urlsplit(site.page_url(lang)).path}search/search_index.json" in loaded, loaded
    assert [path for path in loaded if path.endswith("/workers/search-i18n.js")], loaded
    assert not [path for path in loaded if lazy.search(path)], loaded
    index = site.index(lang)
    word = max(re.findall(r"[^\W\d_]{6,}", index["docs"][1]["text"]), key=len)
    reader.search(word)
    reader.page.locator(".md-search-result__link").first.wait_for()
    full = f"{site.page_url(lang)}search/search_index.full.json"
    assert full in reader.requests, [u for u in reader.requests if "search" in u]
    paths = [urlsplit(url).path for url in reader.requests]
    later = {found[0] for path in paths if (found := lazy.search(path))}
    assert len(later) == 3, later
    assert not reader.errors
