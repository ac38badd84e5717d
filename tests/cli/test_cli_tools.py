"""status, mark-translated and add-language on the real project (in temporary copies)."""

from __future__ import annotations

import difflib
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE, LANGUAGES, ROOT, copy_project, mkdocs_build, run_cli

from eme_toolkit.strings import load_strings

WHY_SENTENCE = "In Finland, some integration services are only for newcomers."


def status_of(config: Path) -> dict[str, dict]:
    result = run_cli(config, "status", "--format", "json")
    assert result.returncode == 0, result.stderr
    return {lang["code"]: lang for lang in json.loads(result.stdout)["languages"]}


def test_real_docs_are_fully_translated() -> None:
    languages = status_of(ROOT / "mkdocs.yml")
    for code in ("en", "fi"):
        assert languages[code]["percent"] == 100, languages[code]
        assert languages[code]["sections"]["outdated"] == 0
        assert languages[code]["sections"]["untranslated"] == 0
    assert languages["fi"]["sections"]["total"] == languages["en"]["sections"]["total"] > 0


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_status_formats_show_each_language(fmt: str) -> None:
    result = run_cli(ROOT / "mkdocs.yml", "status", "--format", fmt)
    assert result.returncode == 0
    assert re.search(r"English \(en\b.*100 %", result.stdout), result.stdout
    assert re.search(r"Suomi \(fi\b.*100 %", result.stdout), result.stdout


def test_editing_one_english_sentence_outdates_exactly_that_section(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    page = project / "docs" / "en" / "peer-groups.md"
    text = page.read_text(encoding="utf-8")
    assert WHY_SENTENCE in text
    page.write_text(text.replace(WHY_SENTENCE, WHY_SENTENCE.replace("newcomers", "new")), "utf-8")
    record = project / "docs" / "fi" / "translation-record.yml"
    record_before = yaml.safe_load(record.read_text(encoding="utf-8"))

    finnish = status_of(config)["fi"]
    assert finnish["outdated_sections"] == ["peer-groups.md#why"]
    assert finnish["pages"]["outdated"] == 1 and finnish["percent"] < 100
    text_report = run_cli(config, "status").stdout
    assert "outdated: peer-groups.md#why (English changed" in text_report
    assert run_cli(config, "check").returncode == 0  # outdated is not broken
    # What changed, word by word, for the translator.
    diff = run_cli(config, "diff", "fi")
    assert diff.returncode == 0
    assert diff.stdout.splitlines()[0].startswith("peer-groups.md#why (docs/en/peer-groups.md:")
    assert "only for [-newcomers.-]{+new.+}" in diff.stdout, diff.stdout

    # Readers of the Finnish page are told, with a link to the English version.
    site = tmp_path / "site"
    mkdocs_build(site, config=config)
    notice = re.compile(r'<div class="admonition warning translation-notice">(.*?)</div>', re.S)
    outdated_page = (site / "fi" / "peer-groups" / "index.html").read_text(encoding="utf-8")
    found = notice.search(outdated_page)
    assert found and "Käännös on vanhentunut" in found.group(1), outdated_page[:2000]
    assert 'href="../../peer-groups/"' in found.group(1)
    assert (site / "peer-groups" / "index.html").is_file()
    for other in ("index.html", "about/index.html"):
        assert not notice.search((site / "fi" / other).read_text(encoding="utf-8")), other
    assert not notice.search((site / "peer-groups" / "index.html").read_text(encoding="utf-8"))

    result = run_cli(config, "mark-translated", "fi", "peer-groups.md#why")
    assert result.returncode == 0 and "Marked 1 section of Suomi" in result.stdout
    assert status_of(config)["fi"]["percent"] == 100
    record_after = yaml.safe_load(record.read_text(encoding="utf-8"))
    changed = [key for key in record_after if record_after[key] != record_before[key]]
    assert changed == ["peer-groups.md#why"]
    assert WHY_SENTENCE.replace("newcomers", "new") in record_after[changed[0]]["english"]
    assert run_cli(config, "diff", "fi").stdout.startswith("Nothing to update")


# A language the site does not have yet (Swedish, unless it was added), and its own name.
NEW, NEW_NAME = next(
    (code, name)
    for code, name in (("sv", "Svenska"), ("da", "Dansk"), ("nb", "Norsk bokmål"))
    if code not in LANGUAGES
)


def test_add_language_registers_everything_and_builds(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    before = config.read_text(encoding="utf-8")

    result = run_cli(config, "add-language", NEW, "--name", NEW_NAME)
    assert result.returncode == 0, result.stderr
    after = config.read_text(encoding="utf-8")
    # Only lines added: every byte of the old file is still there, in order.
    diff = list(difflib.ndiff(before.splitlines(keepends=True), after.splitlines(keepends=True)))
    assert not [line for line in diff if line.startswith("- ")], "".join(diff)
    added = "".join(line[2:] for line in diff if line.startswith("+ "))
    assert f"- locale: {NEW}\n" in added and f"name: {NEW_NAME}\n" in added
    assert "nav_translations:" in added and f"{NEW}: in progress" in added
    # Everything else a reader of the language sees, ready to translate in its entry.
    assert "site_name:" in added and "name: Switch to dark mode" in added
    assert "!ENV [SITE_URL" in after
    docs = project / "docs"
    strings = (docs / NEW / "strings.yml").read_text(encoding="utf-8")
    assert yaml.safe_load(strings) == yaml.safe_load(
        (docs / "en" / "strings.yml").read_text(encoding="utf-8")
    )
    assert strings.startswith(f"# The site's own words in {NEW_NAME}:")
    assert "copy this file" not in strings and "in English" not in strings.split("\n")[0]

    site = tmp_path / "site"
    mkdocs_build(site, config=config)
    assert run_cli(config, "check").returncode == 0
    swedish = status_of(config)[NEW]
    assert swedish["percent"] == 0 and swedish["kind"] == "in progress"
    assert swedish["pages"]["missing"] == swedish["pages"]["total"] > 0

    # /sv/ serves the English pages, each saying so in the reader's language, marked English.
    about = (site / NEW / "about" / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{NEW}"' in about
    notice = re.search(r'<div class="admonition info translation-notice">(.*?)</div>', about, re.S)
    # Mid-sentence, as Swedish (Danish, Norwegian) writes language names: in lower case.
    in_text = NEW_NAME[0].lower() + NEW_NAME[1:]
    words = re.sub(r"<[^>]+>", "", notice.group(1)) if notice else ""
    assert f"not been translated into {in_text} yet" in words, about[:3000]
    # The language's name isolated from the English words around it.
    assert notice and f'<bdi lang="{NEW}">{in_text}</bdi>' in notice.group(1)
    help_link = re.search(r'href="([^"]*)#translate"', notice.group(1))
    assert help_link and help_link.group(1) == "./"  # the about page itself, in /sv/
    assert 'id="translate"' in about and '<div lang="en" dir="ltr">' in about
    assert (site / NEW / "index.html").is_file()
    sv_status = (site / NEW / "status" / "index.html").read_text(encoding="utf-8")
    assert re.search(
        rf'{NEW_NAME}</bdi> <bdi lang="en" dir="ltr">\(in progress\)</bdi></td>'
        r"\s*<td[^>]*><bdi>0 %",
        sv_status,
    )

    # make serve LANGUAGES=fi: English and Finnish only.
    fast = tmp_path / "fast"
    mkdocs_build(fast, config=config, EME_BUILD_ONLY="fi")
    assert (fast / "index.html").is_file() and (fast / "fi" / "index.html").is_file()
    assert not (fast / NEW).exists()


def test_add_language_refuses_bad_requests_and_changes_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    before = config.read_bytes()
    cases = {
        ("Swedish", "Svenska"): "'Swedish' is not a language code",
        ("xx", "Xx"): "'xx' is no language that CLDR knows",
        ("fi", "Suomi"): "'fi' is already a language of the site",
    }
    for (code, name), message in cases.items():
        result = run_cli(config, "add-language", code, "--name", name)
        assert result.returncode == 2 and message in result.stderr, result.stderr
    # A folder an editor already started is never touched.
    (project / "docs" / "de").mkdir()
    notes = project / "docs" / "de" / "notes.md"
    notes.write_text("# Notizen { #notes }\n", encoding="utf-8")
    result = run_cli(config, "add-language", "de", "--name", "Deutsch")
    assert result.returncode == 2 and "docs/de already exists" in result.stderr
    assert notes.read_text(encoding="utf-8") == "# Notizen { #notes }\n"
    assert sorted(p.name for p in notes.parent.iterdir()) == ["notes.md"]
    assert config.read_bytes() == before


def test_mark_translated_explains_what_is_wrong(tmp_path: Path) -> None:
    site = Path(shutil.copytree(FIXTURE, tmp_path / "site"))
    config = site / "mkdocs.yml"
    cases = {
        ("xx",): "'xx' is not a language of the site",
        ("en",): "English is the original language",
        ("fi", "nope.md"): "docs/en/nope.md does not exist",
        ("sv", "guide.md"): "docs/sv/guide.md does not exist",
        ("fi", "guide.md#nope"): "docs/en/guide.md has no heading { #nope }",
    }
    for args, message in cases.items():
        result = run_cli(config, "mark-translated", *args)
        assert result.returncode == 2 and message in result.stderr, result.stderr


def test_broken_config_is_named_with_its_line(tmp_path: Path) -> None:
    site = Path(shutil.copytree(FIXTURE, tmp_path / "site"))
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("    sv: in progress", "    sv: halfway"),
        encoding="utf-8",
    )
    for command in ("check", "status"):
        result = run_cli(config, command)
        assert result.returncode == 2
        assert re.search(r"mkdocs\.yml:\d+: language 'sv' is 'halfway'", result.stderr)
    config.write_text("plugins: [\n", encoding="utf-8")
    result = run_cli(config, "check")
    assert result.returncode == 2 and "mkdocs.yml:2: not valid YAML" in result.stderr


def test_strings_fall_back_to_english_key_by_key(tmp_path: Path) -> None:
    docs = Path(shutil.copytree(FIXTURE, tmp_path / "site")) / "docs"
    english = load_strings(docs, "en", "en")
    finnish = load_strings(docs, "fi", "en")
    assert set(finnish) == set(english)
    assert finnish["status_title"] == "Käännösten tila"
    strings = docs / "sv" / "strings.yml"
    strings.write_text('status_title: "Översättningsstatus"\n', encoding="utf-8")
    swedish = load_strings(docs, "sv", "en")
    assert swedish["status_title"] == "Översättningsstatus"
    assert swedish["fallback_title"] == english["fallback_title"] == "Not translated yet"
    strings.unlink()
    assert load_strings(docs, "sv", "en") == english
