"""Every sentence of each source text appears, unchanged, on the built pages of its language."""

from __future__ import annotations

import re
from pathlib import Path

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


def source_sentences(lang: str) -> list[str]:
    sentences = []
    for raw in (SOURCES / SOURCE_OF[lang]).read_text(encoding="utf-8").splitlines():
        line = BULLET.sub("", raw.strip())
        if not line or LEFTOVERS.match(line) or line.startswith("#"):
            continue  # hashtags become tags: see test_site.py
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
