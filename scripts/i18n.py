"""Translation tools for editors: check, status, mark-translated, add-language.

    .venv/bin/python scripts/i18n.py check
    .venv/bin/python scripts/i18n.py status --format text|json|markdown
    .venv/bin/python scripts/i18n.py mark-translated fi [about.md[#eme]]
    .venv/bin/python scripts/i18n.py add-language sv --name Svenska

Every command reads ./mkdocs.yml (or --config PATH) and the docs folder it names. Problems are
printed as path:line: message, the way editors and CI logs link to them.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import yaml
from site_config import (
    CODE,
    IN_PROGRESS,
    ConfigError,
    Site,
    _Loader,
    add_language_to_config,
    load_site,
    material_has_language,
    reader_texts,
)
from translations import (
    OUTDATED,
    RECORD_FILE,
    RECORD_HEADER,
    Docs,
    LanguageStatus,
    MarkError,
    check,
    mark_translated,
    status,
)
from ui_strings import FILE as STRINGS_FILE


class UsageError(Exception):
    """A request we refuse, with the reason and what to do instead."""


def run_check(site: Site, _args: argparse.Namespace) -> int:
    docs = Docs(site)
    problems = check(site, docs)
    for problem in problems:
        print(problem)
    languages = ", ".join(f"{lang.name} ({lang.kind})" for lang in site.languages)
    if problems:
        files = len({p.path for p in problems})
        print(
            f"\n{len(problems)} problem{'s' * (len(problems) != 1)} in {files} "
            f"file{'s' * (files != 1)}; checked {languages}."
        )
        return 1
    print(f"No problems: checked {languages} against {site.default.name}.")
    outdated = sum(s.count_sections(OUTDATED) for s in status(site, docs))
    if outdated:
        print(f"{outdated} translated sections are out of date: see `make status`.")
    return 0


def format_text(statuses: list[LanguageStatus]) -> str:
    out = ["Translation status: sections up to date with English", ""]
    for s in statuses:
        d = s.as_dict()
        pages, sections = d["pages"], d["sections"]
        kind = "original" if s.default else s.kind
        out.append(
            f"{s.name} ({s.code}, {kind}): {s.percent} %  "
            f"pages {pages['translated']}/{pages['total']} translated, "
            f"{pages['outdated']} outdated, {pages['missing']} missing; "
            f"sections {sections['translated']}/{sections['total']} translated, "
            f"{sections['outdated']} outdated, {sections['missing']} missing"
        )
        if d["missing_pages"]:
            out.append("  missing pages (shown in English): " + ", ".join(d["missing_pages"]))
        for key in d["outdated_sections"]:
            why = (
                "translated but never marked up to date: check it, then run mark-translated"
                if key in d["unmarked_sections"]
                else "English changed since the translation was marked up to date"
            )
            out.append(f"  outdated: {key} ({why})")
        for key in d["missing_sections"]:
            out.append(f"  missing section: {key}")
    return "\n".join(out)


def format_markdown(statuses: list[LanguageStatus]) -> str:
    out = [
        "| Language | Kind | Translated | Pages translated | Outdated pages | Missing pages "
        "| Sections translated | Outdated sections | Missing sections |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in statuses:
        d = s.as_dict()
        p, c = d["pages"], d["sections"]
        out.append(
            f"| {s.name} ({s.code}) | {'original' if s.default else s.kind} | {s.percent} % "
            f"| {p['translated']}/{p['total']} | {p['outdated']} | {p['missing']} "
            f"| {c['translated']}/{c['total']} | {c['outdated']} | {c['missing']} |"
        )
    for s in statuses:
        d = s.as_dict()
        items = [f"- missing page: `{n}`" for n in d["missing_pages"]]
        items += [f"- outdated: `{k}`" for k in d["outdated_sections"]]
        items += [f"- missing section: `{k}`" for k in d["missing_sections"]]
        if items:
            out += ["", f"## {s.name} ({s.code})", "", *items]
    return "\n".join(out)


def run_status(site: Site, args: argparse.Namespace) -> int:
    statuses = status(site)
    if args.format == "json":
        print(json.dumps({"languages": [s.as_dict() for s in statuses]}, indent=2))
    elif args.format == "markdown":
        print(format_markdown(statuses))
    else:
        print(format_text(statuses))
    return 0


def run_mark_translated(site: Site, args: argparse.Namespace) -> int:
    marked = mark_translated(site, args.lang, args.page)
    lang = site.language(args.lang)
    assert lang is not None
    print(
        f"Marked {len(marked)} section{'s' * (len(marked) != 1)} of {lang.name} as up to date "
        f"in {site.display(site.docs_dir / lang.code / RECORD_FILE)}."
    )
    return 0


def run_add_language(site: Site, args: argparse.Namespace) -> int:
    code, name = args.code, args.name.strip()
    if not CODE.match(code):
        raise UsageError(
            f"{code!r} is not a language code: use a lowercase ISO 639 code such as sv, "
            "optionally with a region or script, such as pt-BR"
        )
    if not name or any(c in name for c in "\n\r"):
        raise UsageError("--name must be the language's own name on one line, such as Svenska")
    if site.language(code):
        raise UsageError(f"{code!r} is already a language of the site")
    if not material_has_language(code):
        raise UsageError(
            f"Material for MkDocs has no interface translation for {code!r} "
            "(material/templates/partials/languages/): pick a code it supports"
        )
    folder = site.docs_dir / code
    if folder.exists():
        raise UsageError(
            f"{site.display(folder)} already exists: nothing was changed; move it away or "
            "register the language by hand"
        )
    english_strings = site.docs_dir / site.default.code / STRINGS_FILE
    if not english_strings.is_file():
        raise UsageError(f"{site.display(english_strings)} is missing: restore it first")

    text = site.config_path.read_text(encoding="utf-8")
    try:
        edited = add_language_to_config(text, code, name, reader_texts(text, site.nav_titles))
    except ValueError as error:
        raise UsageError(
            f"{site.display(site.config_path)}: cannot add the language: {error}"
        ) from None
    _verify_config_edit(text, edited, code, name)

    folder.mkdir(parents=True)
    shutil.copyfile(english_strings, folder / STRINGS_FILE)
    (folder / RECORD_FILE).write_text(RECORD_HEADER, encoding="utf-8")
    site.config_path.write_text(edited, encoding="utf-8")
    print(
        f"Added {name} ({code}), a language in progress:\n"
        f"  {site.display(site.config_path)}: i18n language entry with nav_translations, "
        f"and '{code}: {IN_PROGRESS}' under extra: translations:\n"
        f"  {site.display(folder / STRINGS_FILE)}: the site's notices, in English: translate "
        "them\n"
        f"  {site.display(folder / RECORD_FILE)}: the translation record (written by "
        "mark-translated)\n"
        f"Every page is shown in English until you copy it from "
        f"{site.display(site.docs_dir / site.default.code)}/ into "
        f"{site.display(folder)}/ and translate it."
    )
    return 0


def _verify_config_edit(before: str, after: str, code: str, name: str) -> None:
    """The edited file must mean the old one plus the new language, and nothing else."""
    old, new = yaml.load(before, Loader=_Loader), yaml.load(after, Loader=_Loader)
    for plugin in new.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            added = plugin["i18n"]["languages"].pop()
            break
    else:
        added = {}
    kind = new["extra"]["translations"].pop(code, None)
    if old != new or added.get("locale") != code or added.get("name") != name or not kind:
        raise UsageError(
            "mkdocs.yml is laid out in a way this tool cannot edit safely; nothing was changed. "
            "Add the language by hand as CONTRIBUTING.md describes"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/i18n.py", description="Keep the translations of the site whole and current."
    )
    parser.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs config (./mkdocs.yml)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser(
        "check", help="compare every language with English, page by page, section by section"
    ).set_defaults(run=run_check)
    show = commands.add_parser("status", help="what is translated, outdated and missing")
    show.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    show.set_defaults(run=run_status)
    mark = commands.add_parser(
        "mark-translated", help="record that a translation is up to date with English"
    )
    mark.add_argument("lang", metavar="LANG", help="language code, such as fi")
    mark.add_argument(
        "page", metavar="PAGE[#SECTION]", nargs="?", help="one page or section (default: all)"
    )
    mark.set_defaults(run=run_mark_translated)
    add = commands.add_parser("add-language", help="register a new language, in progress")
    add.add_argument("code", metavar="CODE", help="language code, such as sv")
    add.add_argument("--name", required=True, help="the language's own name, such as Svenska")
    add.set_defaults(run=run_add_language)
    args = parser.parse_args(argv)
    try:
        site = load_site(args.config)
        return args.run(site, args)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
    except (UsageError, MarkError) as error:
        print(f"error: {error}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
