"""make export-po and make import-po on fresh copies of the project: PO and XLIFF files read
with translate-toolkit and checked with gettext's `msgfmt -c`, translations written back."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, copy_project, start_afresh
from translate.storage import pypo, xliff

EME_SV = "EME (Empowering Migrants for Employment) är ett EU-projekt."
FI_WHY = "Suomessa tietyt kotoutumispalvelut on suunnattu vain uusille tulijoille."
WHY = "In Finland, some integration services are only for newcomers."


def make(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A Make target of the copy, run with this checkout's installed environment."""
    return subprocess.run(
        ["make", "-s", "--no-print-directory", f"VENV={ROOT / '.venv'}", *args],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy with its Makefile and lock files (older than the installed environment's
    stamp, so `install` has nothing to do)."""
    copy = copy_project(tmp_path)
    for name in ("Makefile", "requirements.lock", "package-lock.json", "pyproject.toml"):
        shutil.copy2(ROOT / name, copy / name)
    return copy


@pytest.fixture
def swedish(project: Path) -> Path:
    start_afresh(project / "mkdocs.yml", "sv")  # Swedish anew, even if the site has it
    result = make(project, "add-language", "CODE=sv", "NAME=Svenska")
    assert result.returncode == 0, result.stderr
    result = make(project, "export-po", "CODE=sv")
    assert result.returncode == 0, result.stderr
    return project


def msgfmt(path: Path) -> str:
    """gettext's own check of a PO file; its statistics line."""
    program = shutil.which("msgfmt")
    assert program, "gettext's msgfmt is not installed: apt-get install gettext (.ci/run does)"
    result = subprocess.run(
        [program, "-c", "--statistics", "-o", os.devnull, str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stderr


def po(path: Path) -> dict[str, pypo.pounit]:
    return {
        unit.getcontext(): unit
        for unit in pypo.pofile(path.read_bytes()).units
        if unit.getcontext()
    }


def translate(path: Path, translations: dict[str, str]) -> None:
    """What a translator's tool does: set the translations and clear fuzzy."""
    store = pypo.pofile(path.read_bytes())
    for unit in store.units:
        if unit.getcontext() in translations:
            unit.target = translations.pop(unit.getcontext())
            unit.markfuzzy(False)
    assert not translations, f"no such entries: {translations}"
    path.write_bytes(bytes(store))


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha1(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_export_writes_a_checked_po_file_per_page_and_one_for_the_sites_words(
    swedish: Path,
) -> None:
    files = sorted(
        p.relative_to(swedish / "po" / "sv").as_posix() for p in (swedish / "po" / "sv").rglob("*")
    )
    pages = sorted(
        p.name.removesuffix(".md") + ".po" for p in (swedish / "docs" / "en").glob("*.md")
    )
    assert files == sorted([*pages, "strings.po"])
    for name in files:
        assert "untranslated messages" in msgfmt(swedish / "po" / "sv" / name)
        assert (
            pypo.pofile((swedish / "po" / "sv" / name).read_bytes()).parseheader()["Language"]
            == "sv"
        )
    about = po(swedish / "po" / "sv" / "about.po")
    heading = about["about.md#eme/heading"]
    assert heading.source == "The EME project" and heading.target == ""  # no { #eme }
    assert heading.getlocations() == ["docs/en/about.md:12"]
    assert about["about.md#about/title"].source == "About this toolkit"  # front matter
    assert about["about.md#changes/table-1-row-3-cell-2"].source.startswith("The sentence ‘That is")
    plan = po(swedish / "po" / "sv" / "plan.po")
    assert plan["plan.md#resources/task-1"].source == "a trained peer tutor"  # no - [ ]
    practice = po(swedish / "po" / "sv" / "peer-groups.po")
    assert practice["peer-groups.md#practice/tags-4"].source == "peer groups"
    assert practice["peer-groups.md#target-group/item-3"].source == "job-seeking immigrants"
    assert practice["peer-groups.md#quotes/quote-1"].source.startswith("‘It is a good environment")
    index = po(swedish / "po" / "sv" / "index.po")
    link = index["index.md#contents/item-4"]
    assert link.source == "[Why it is needed](peer-groups.md#why)"
    assert "](peer-groups.md#why)" in link.getnotes("developer")
    strings = po(swedish / "po" / "sv" / "strings.po")
    assert strings["strings.yml/fallback_text"].source.startswith("This page has not been")


def test_states_map_to_po_and_status_counts_what_msgfmt_counts(project: Path) -> None:
    page = project / "docs" / "en" / "peer-groups.md"
    page.write_text(
        page.read_text("utf-8").replace(WHY, WHY.replace("newcomers", "new arrivals")), "utf-8"
    )
    start_afresh(project / "mkdocs.yml", "sv")
    assert make(project, "add-language", "CODE=sv", "NAME=Svenska").returncode == 0
    for code in ("fi", "sv"):
        result = make(project, "export-po", f"CODE={code}")
        assert result.returncode == 0, result.stderr
    finnish = po(project / "po" / "fi" / "peer-groups.po")
    outdated = finnish["peer-groups.md#why/paragraph-1"]
    assert outdated.isfuzzy() and outdated.target.startswith("Suomessa tietyt")
    assert outdated.prev_source.startswith(WHY)  # the English it was translated from
    fuzzy = [key for key, unit in finnish.items() if unit.isfuzzy()]
    assert fuzzy == ["peer-groups.md#why/paragraph-1"]  # the heading of #why stays translated
    assert finnish["peer-groups.md#why/heading"].target == "Mihin tätä tarvitaan?"
    swedish = po(project / "po" / "sv" / "about.po")
    assert all(unit.target == "" for unit in swedish.values())
    status = make(project, "status", "FORMAT=json").stdout
    counts = {lang["code"]: lang["entries"] for lang in json.loads(status)["languages"]}
    for code in ("fi", "sv"):
        totals = {"translated": 0, "fuzzy": 0, "untranslated": 0}
        for path in (project / "po" / code).glob("*.po"):
            stats = msgfmt(path)
            for state, pattern in (
                ("translated", r"(\d+) translated"),
                ("fuzzy", r"(\d+) fuzzy"),
                ("untranslated", r"(\d+) untranslated"),
            ):
                found = re.search(pattern, stats)
                totals[state] += int(found[1]) if found else 0
        assert {k: counts[code][k] for k in totals} == totals, (code, stats)
    assert counts["fi"]["fuzzy"] == 1 and counts["sv"]["translated"] == 0


def test_import_writes_only_the_translated_blocks_and_marks_the_complete_section(
    swedish: Path,
) -> None:
    about = swedish / "po" / "sv" / "about.po"
    translate(
        about,
        {
            "about.md#eme/heading": "EME-projektet",
            "about.md#eme/paragraph-1": EME_SV,
            "about.md#source/paragraph-1": "Sidorna, se [Planera din grupp](plan.md).",
            "about.md#changes/table-1-row-2-cell-1": "Finska",
        },
    )
    msgfmt(about)
    result = make(swedish, "import-po", "FILE=po/sv/about.po")
    assert result.returncode == 0, result.stderr
    assert (
        "3 sections marked" not in result.stdout
        and "marked translated: about.md#eme" in result.stdout
    )
    english = (swedish / "docs" / "en" / "about.md").read_text("utf-8").split("\n")
    ours = (swedish / "docs" / "sv" / "about.md").read_text("utf-8").split("\n")
    assert ours[11] == "## EME-projektet { #eme }"
    assert ours[13] == EME_SV
    assert "| Finska | The first item of" in "\n".join(ours)
    # Every other line is English's, as it was.
    changed = [line for line in ours if line not in english]
    assert len(changed) == 4, changed
    record = (swedish / "docs" / "sv" / "translation-record.yml").read_text("utf-8")
    assert "about.md#eme:" in record and "about.md#changes:" not in record
    status = make(swedish, "status").stdout
    assert "not translated: about.md#source" in status and "about.md#eme " not in status
    # check asks for the rest of the half-translated section only, as for any page.
    problems = [line for line in make(swedish, "check").stdout.split("\n") if ": " in line]
    # The sections translated in part (#source, #changes), not #eme.
    assert problems and all(re.search(r"\(docs/en/about.md:(18|26)\)", p) for p in problems), (
        problems
    )


REFUSALS = {
    "syntax": (
        lambda t: t.replace(
            'msgstr ""\n\n#: docs/en/about.md:14', 'msgstr "x\n\n#: docs/en/about.md:14', 1
        ),
        r"po/sv/about.po:\d+: not a valid PO file: syntax error",
    ),
    "language": (
        lambda t: t.replace('"Language: sv\\n"', '"Language: fi\\n"'),
        r"po/sv/about.po:\d+: the file says it is in 'fi', not 'sv'",
    ),
    "unknown": (
        lambda t: t.replace(
            'msgctxt "about.md#eme/heading"\nmsgid "The EME project"\nmsgstr ""',
            'msgctxt "about.md#eme/paragraph-9"\nmsgid "The EME project"\nmsgstr "X"',
        ),
        r"po/sv/about.po:\d+: unknown entry 'about.md#eme/paragraph-9'",
    ),
    "english": (
        lambda t: t.replace(
            'msgid "The EME project"\nmsgstr ""', 'msgid "The EME projects"\nmsgstr "X"'
        ),
        r"po/sv/about.po:\d+: the English of 'about.md#eme/heading' is no longer today's "
        r".*export again",
    ),
}


@pytest.mark.parametrize("mistake", sorted(REFUSALS))
def test_import_refuses_with_file_and_line_and_writes_nothing(swedish: Path, mistake: str) -> None:
    path = swedish / "po" / "sv" / "about.po"
    change, message = REFUSALS[mistake]
    text = path.read_text("utf-8")
    path.write_text(change(text), "utf-8")
    assert path.read_text("utf-8") != text
    before = tree(swedish / "docs")
    result = make(swedish, "import-po", "CODE=sv")
    assert result.returncode != 0
    assert re.search(message, result.stderr), result.stderr
    assert "import refused" in result.stderr and "nothing written" in result.stderr
    assert tree(swedish / "docs") == before
    line = int(re.search(r"po/sv/about.po:(\d+):", result.stderr)[1])
    assert 1 <= line <= len(path.read_text("utf-8").split("\n"))
    # The same problem, on the same line, is an annotation of make check FORMAT=github.
    check = make(swedish, "check", "FORMAT=github")
    assert check.returncode != 0 and f"::error file=po/sv/about.po,line={line}::" in check.stdout


@pytest.mark.parametrize(
    ("context", "translation", "message"),
    [
        (
            "index.md#at-a-glance/item-3",
            "**Hur länge:** 6–8 veckoträffar om 3 timmar (18–32 timmar).",
            "lost the number 3-4",
        ),
        (
            "index.md#contents/item-4",
            "[Varför det behövs](peer-groups.md)",
            "lost the link target ](peer-groups.md#why)",
        ),
        ("index.md#home/heading", "- Verktygslåda", "another kind of block"),
    ],
)
def test_import_refuses_a_translation_that_lost_a_number_a_link_or_its_block(
    swedish: Path, context: str, translation: str, message: str
) -> None:
    path = swedish / "po" / "sv" / "index.po"
    translate(path, {context: translation})
    before = tree(swedish / "docs")
    result = make(swedish, "import-po", "CODE=sv")
    assert result.returncode != 0 and message in result.stderr, result.stderr
    assert re.search(r"po/sv/index.po:\d+: ", result.stderr)
    assert tree(swedish / "docs") == before


def test_import_refuses_a_placeholder_lost_in_the_sites_words(swedish: Path) -> None:
    translate(
        swedish / "po" / "sv" / "strings.po",
        {"strings.yml/fallback_text": "Inte översatt till svenska."},
    )
    result = make(swedish, "import-po", "CODE=sv")
    assert result.returncode != 0 and "{language}" in result.stderr
    translate(
        swedish / "po" / "sv" / "strings.po",
        {"strings.yml/fallback_text": "Sidan är inte översatt till {language} än."},
    )
    assert make(swedish, "import-po", "CODE=sv").returncode == 0
    strings = (swedish / "docs" / "sv" / "strings.yml").read_text("utf-8")
    assert 'fallback_text: "Sidan är inte översatt till {language} än."' in strings


def test_a_docs_file_changed_since_the_export_is_never_overwritten(swedish: Path) -> None:
    about = swedish / "po" / "sv" / "about.po"
    translate(about, {"about.md#eme/heading": "EME-projektet"})
    assert make(swedish, "import-po", "CODE=sv").returncode == 0
    page = swedish / "docs" / "sv" / "about.md"
    page.write_text(page.read_text("utf-8").replace("EME-projektet", "Projektet EME"), "utf-8")
    translate(about, {"about.md#eme/paragraph-1": "EME är ett EU-projekt."})
    edited = page.read_bytes()
    result = make(swedish, "import-po", "CODE=sv")
    assert (
        result.returncode != 0
        and "docs/sv/about.md changed since this file was exported" in result.stderr
    )
    assert page.read_bytes() == edited
    # Exporting again merges: the translator's entries stay, the editor's change is offered.
    assert make(swedish, "export-po", "CODE=sv").returncode == 0
    entries = po(about)
    assert entries["about.md#eme/paragraph-1"].target == "EME är ett EU-projekt."
    heading = entries["about.md#eme/heading"]
    assert heading.target == "EME-projektet" and heading.isfuzzy()
    assert "Projektet EME" in heading.getnotes("developer")
    assert make(swedish, "import-po", "CODE=sv").returncode == 0
    assert "EME är ett EU-projekt." in page.read_text("utf-8")
    assert "## Projektet EME { #eme }" in page.read_text("utf-8")  # fuzzy: not written


@pytest.mark.parametrize("fmt", ["po", "xliff"])
def test_finnish_round_trip_changes_nothing(project: Path, fmt: str) -> None:
    before = tree(project / "docs")
    result = make(project, "export-po", "CODE=fi", f"FORMAT={fmt}")
    assert result.returncode == 0, result.stderr
    assert re.search(r"\d+ entries translated, 0 fuzzy, 0 not translated", result.stdout)
    exported = tree(project / "po")
    result = make(project, "import-po", "CODE=fi")
    assert result.returncode == 0, result.stderr
    assert "0 entries written into 0 files, 0 sections marked" in result.stdout
    assert tree(project / "docs") == before
    assert tree(project / "po") == exported


def test_xliff_exports_and_imports_the_same_units_and_states(project: Path) -> None:
    page = project / "docs" / "en" / "peer-groups.md"
    page.write_text(
        page.read_text("utf-8").replace(WHY, WHY.replace("newcomers", "new arrivals")), "utf-8"
    )
    assert make(project, "export-po", "CODE=fi", "FORMAT=xliff").returncode == 0
    path = project / "po" / "fi" / "peer-groups.xlf"
    assert b"urn:oasis:names:tc:xliff:document:1.2" in path.read_bytes()
    store = xliff.xlifffile(path.read_bytes())
    units = {unit.xmlelement.get("id"): unit for unit in store.units}
    why = units["peer-groups.md#why/paragraph-1"]
    target = why.xmlelement.find(f"{{{store.namespace}}}target")
    assert target.get("state") == "needs-review-translation"
    assert any(
        WHY in (note.text or "") for note in why.xmlelement.iter(f"{{{store.namespace}}}note")
    )
    heading = units["peer-groups.md#why/heading"]
    assert heading.xmlelement.find(f"{{{store.namespace}}}target").get("state") == "translated"
    assert len(units) == len(po_units_of_page(project, "peer-groups.md"))
    # A translator settles the entry; import writes it and marks the section again.
    target.text = FI_WHY
    target.set("state", "translated")
    why.xmlelement.set("approved", "yes")
    path.write_bytes(bytes(store))
    result = make(project, "import-po", "FILE=po/fi/peer-groups.xlf")
    assert result.returncode == 0, result.stderr
    assert "marked translated: peer-groups.md#why" in result.stdout
    text = (project / "docs" / "fi" / "peer-groups.md").read_text("utf-8")
    assert f"## Mihin tätä tarvitaan? {{ #why }}\n\n{FI_WHY}\n\n## Resurssit" in text
    assert (
        '"percent": 100'
        in make(project, "status", "FORMAT=json")
        .stdout.split('"code": "sv"')[0]
        .split('"code": "fi"')[1]
    )


def po_units_of_page(project: Path, name: str) -> list[str]:
    assert make(project, "export-po", "CODE=fi").returncode != 0  # one format per page
    other = project / "po-tmp"
    shutil.copytree(project, other, ignore=shutil.ignore_patterns("po"))
    assert make(other, "export-po", "CODE=fi").returncode == 0
    return list(po(other / "po" / "fi" / name.replace(".md", ".po")))
