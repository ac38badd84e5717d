"""The benchmark's corpus generator: a small corpus builds strictly, every language in step."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from conftest import CLI, mkdocs_build
from html_text import article, article_text, built_page

from benchmarks.corpus import generate


def test_generated_corpus_builds_strictly_with_languages_in_step(tmp_path: Path) -> None:
    corpus = generate(tmp_path / "corpus", practices=3, languages=3)
    assert corpus.languages == ("en", "fi", "sv")
    mkdocs_build(tmp_path / "site", corpus.i18n_config)
    mkdocs_build(tmp_path / "plain", corpus.plain_config)

    names = {
        lang: sorted(p.name for p in (corpus.docs / lang).glob("*.md")) for lang in corpus.languages
    }
    assert names["en"] == names["fi"] == names["sv"]
    assert {"practice-001.md", "practice-002.md", "practice-003.md"} <= set(names["en"])
    assert "peer-groups.md" not in names["en"]

    texts = []
    for md in corpus.practice_files():
        ids = {
            lang: [i for _, i in article(built_page(tmp_path / "site", lang, md)).heading_ids]
            for lang in corpus.languages
        }
        number = md.removesuffix(".md").rsplit("-", 1)[1]
        assert ids["en"] and all(i.endswith(f"-{number}") for i in ids["en"]), ids["en"]
        assert ids["en"] == ids["fi"] == ids["sv"], f"{md}: section ids differ between languages"
        page = built_page(tmp_path / "site", "sv", md)
        assert re.search(r'<html[^>]* lang="sv"', page.read_text(encoding="utf-8"))
        assert built_page(tmp_path / "plain", "en", md).is_file()
        texts.append(article_text(built_page(tmp_path / "site", "en", md)))
    assert len(set(texts)) == len(texts), "practices should differ in numbers and titles"

    cli = [*CLI, "--config", str(corpus.i18n_config)]
    check = subprocess.run([*cli, "check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    status = subprocess.run([*cli, "status", "--format", "json"], capture_output=True, text=True)
    for lang in json.loads(status.stdout)["languages"]:
        assert lang["percent"] == 100 and lang["sections"]["outdated"] == 0, lang
