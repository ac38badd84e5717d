"""Every sentence of each source text appears, unchanged, on the built pages of its language,
and each of its hashtags is a tag of the practice page, written as words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import DOCS, ROOT
from html_text import article_text, built_page, normalise

SOURCES = ROOT / "tests" / "sources"
SOURCE_OF = {"en": "000_1eef7012984188dd.txt", "fi": "002_2930dab92c61faee.txt"}
# Web-page leftovers in the copied text: not content.
LEFTOVERS = re.compile(r"^(\[astra_breadcrumb\]|[a-z0-9]+(?:-[a-z0-9]+)+)$")
BULLET = re.compile(r"^[•\-*]\s*")
# A sentence ends at . ! ? (optionally closed by a quote) before a capital or an opening quote.
SENTENCE_END = re.compile(r"(?<=[.!?])(?<!e\.g\.)(?<!esim\.)[’”]?\s+(?=[A-ZÄÖÅ‘”(])")
HASHTAG = re.compile(r"#(\w+)")
# Reviewed by hand: each source hashtag, and the tag that stands for it on the practice page,
# written as words (the peer groups in the plural). Nothing else is a tag.
TAGS = {
    "en": {
        "skillsdevelopment": "skills development",
        "empowerment": "empowerment",
        "method": "method",
        "peergroup": "peer groups",
    },
    "fi": {
        "osaamisenkehittäminen": "osaamisen kehittäminen",
        "voimaannuttaminen": "voimaannuttaminen",
        "menetelmä": "menetelmä",
        "vertaisryhmä": "vertaisryhmät",
    },
}


def source_sentences(lang: str) -> list[str]:
    sentences = []
    for raw in (SOURCES / SOURCE_OF[lang]).read_text(encoding="utf-8").splitlines():
        line = BULLET.sub("", raw.strip())
        if not line or LEFTOVERS.match(line) or line.startswith("#"):
            continue  # hashtags become tags: see test_tags_come_from_the_source_hashtags
        sentences += [normalise(s) for s in SENTENCE_END.split(line) if s.strip()]
    return sentences


def site_text(site: Path, lang: str) -> str:
    pages = sorted((DOCS / lang).glob("*.md"))
    return " ".join(article_text(built_page(site, lang, p.name)) for p in pages)


def test_sources_are_split_into_sentences() -> None:
    english = source_sentences("en")
    assert "The groups have 6–8 weekly sessions, of 3–4 hours per session." in english
    assert "Best practices" in english and len(english) > 40
    finnish = source_sentences("fi")
    assert "Ohjeet ja vinkit" in finnish and "peer-groups" not in finnish  # leftover slug dropped


@pytest.mark.parametrize("lang", sorted(SOURCE_OF))
def test_every_source_sentence_is_on_the_site(built_site: Path, lang: str) -> None:
    text = site_text(built_site, lang)
    missing = [s for s in source_sentences(lang) if s not in text]
    assert not missing, (
        f"{len(missing)} sentence(s) of tests/sources/{SOURCE_OF[lang]} are not on the {lang} "
        f"pages; restore them word for word in docs/{lang}/:\n" + "\n".join(missing)
    )


def source_hashtags(lang: str) -> list[str]:
    lines = (SOURCES / SOURCE_OF[lang]).read_text(encoding="utf-8").splitlines()
    return [tag for line in lines if line.startswith("#") for tag in HASHTAG.findall(line)]


@dataclass
class Tag:
    words: str
    href: str | None  # a tag link's target; None for the tags page's heading of a tag
    section: str | None  # the id of the tags page's heading it is in


class Tags(HTMLParser):
    """Material's tags in a page's article: the tags (`.md-tag`), and on the tags page, the
    pages listed under each tag's heading."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_article = False
        self.tags: list[Tag] = []
        self.listed: dict[str, list[str]] = {}  # tag heading id -> hrefs of pages under it
        self.section: str | None = None
        self.tag: Tag | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        classes = (attr.get("class") or "").split()
        self.in_article = self.in_article or tag == "article"
        if not self.in_article:
            return
        if tag == "h2" and (attr.get("id") or "").startswith("tag:"):
            self.section = attr["id"]
            self.listed[self.section or ""] = []
        if "md-tag" in classes:
            self.tag = Tag("", attr.get("href") if tag == "a" else None, self.section)
            self.tags.append(self.tag)
        elif (
            tag == "a" and self.section and not {"headerlink", "md-content__button"} & set(classes)
        ):
            self.listed[self.section].append(attr.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article = False
        if tag in {"a", "span"} and self.tag:
            self.tag.words = normalise(self.tag.words)
            self.tag = None

    def handle_data(self, data: str) -> None:
        if self.tag:
            self.tag.words += data


def tags_of(page: Path) -> Tags:
    parser = Tags()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_the_table_has_every_source_hashtag_and_a_tag_of_its_words() -> None:
    for lang in SOURCE_OF:
        assert list(TAGS[lang]) == source_hashtags(lang), f"TAGS[{lang!r}] and the source differ"
        for hashtag, words in TAGS[lang].items():
            # The tag is the hashtag's letters split into words, with at most an ending added.
            assert " " not in hashtag and words.replace(" ", "").startswith(hashtag), words


def resolve(page: Path, href: str) -> tuple[Path, str]:
    """The built file a link of `page` leads to, and the anchor, decoded as a browser does."""
    url = urlsplit(href)
    return (page.parent / unquote(url.path)).resolve() / "index.html", unquote(url.fragment)


@pytest.mark.parametrize("lang", sorted(SOURCE_OF))
def test_tags_come_from_the_source_hashtags(built_site: Path, lang: str) -> None:
    """The practice page has a tag for each hashtag, in words, and no other; each tag leads to
    its heading on the tags page, which lists these tags only, each leading back."""
    expected = sorted(TAGS[lang].values())
    practice = built_page(built_site, lang, "peer-groups.md")
    tags_page = built_page(built_site, lang, "tags.md")
    pills = tags_of(practice).tags
    assert sorted(tag.words for tag in pills) == expected, f"{lang} practice page: {pills}"
    listing = tags_of(tags_page)
    headings = {tag.section: tag.words for tag in listing.tags if tag.section}
    assert sorted(headings.values()) == expected, f"{lang} tags page lists {headings}"
    for pill in pills:
        assert pill.href, pill
        target, anchor = resolve(practice, pill.href)
        assert target == tags_page.resolve(), pill.href
        assert headings.get(anchor) == pill.words, f"{pill.href} leads to no tag {pill.words!r}"
    for section, hrefs in listing.listed.items():
        assert [resolve(tags_page, href)[0] for href in hrefs] == [practice.resolve()], section
