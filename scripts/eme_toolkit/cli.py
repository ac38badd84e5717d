"""The editors' command line, `eme-i18n`: a thin click layer over check, status, record and
languages. Every command reads ./mkdocs.yml (or --config PATH) once. Problems are printed as
`path:line: message`, the way editors and CI logs link to them; a refused request exits 2.

    eme-i18n check
    eme-i18n status --format text|json|markdown
    eme-i18n mark-translated fi [about.md[#eme]]
    eme-i18n add-language sv [--name Svenska]
    eme-i18n remove-language sv [--force]
    eme-i18n export-po sv [--format po|xliff]
    eme-i18n import-po sv [--file po/sv/about.po]
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from eme_toolkit.check import check
from eme_toolkit.diff import DiffError, changes, format_changes
from eme_toolkit.docs import Docs
from eme_toolkit.errors import LocatedError
from eme_toolkit.exchange import ExchangeError, Refused, check_catalogs, export, import_catalogs
from eme_toolkit.languages import LanguageError, add_language, remove_language
from eme_toolkit.mark import MarkError, mark_translated
from eme_toolkit.options import IN_PROGRESS
from eme_toolkit.page import PageError
from eme_toolkit.record import RECORD_FILE
from eme_toolkit.site import Site, load_site
from eme_toolkit.status import FORMATS, OUTDATED, status
from eme_toolkit.strings import FILE as STRINGS_FILE


class UsageError(Exception):
    """A request we refuse, with the reason and what to do instead."""


CONFIG_HELP = "The site's MkDocs configuration (default: ./mkdocs.yml)."


def config_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--config",
        "config_path",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help=CONFIG_HELP,
    )(function)


def with_site(command: Callable[..., int]) -> Callable[..., None]:
    """Read the site for a command; --config goes before or after the command's words.

    A refused request prints `error: …` and exits 2, never a traceback.
    """

    @config_option
    @click.pass_context
    @functools.wraps(command)
    def run(ctx: click.Context, config_path: Path | None, **kwargs: Any) -> None:
        config_path = config_path or ctx.obj or Path("mkdocs.yml")
        try:
            if not config_path.is_file():
                raise UsageError(
                    f"no {config_path} here ({Path.cwd()}): run the command in the project "
                    "folder, where mkdocs.yml is, or pass --config PATH"
                )
            code = command(load_site(config_path), **kwargs)
        except (LocatedError, UsageError, MarkError, DiffError, LanguageError) as error:
            click.echo(f"error: {error}", err=True)
            code = 2
        except Refused as error:  # every problem at file:line, then what was refused
            for problem in error.problems:
                click.echo(str(problem), err=True)
            click.echo(f"error: {str(error).rpartition(chr(10))[2]}", err=True)
            code = 2
        except ExchangeError as error:
            click.echo(f"error: {error}", err=True)
            code = 2
        except PageError as error:  # a translation record that cannot be read
            click.echo(f"error: translation record, line {error.line}: {error.message}", err=True)
            code = 2
        sys.exit(code)

    return run


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@config_option
@click.pass_context
def main(ctx: click.Context, config_path: Path | None) -> None:
    """Keep the translations of the site whole and current."""
    ctx.obj = config_path


@main.command("check")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "github"]),
    default="text",
    help="text: path:line: message; github: annotations for GitHub Actions as well.",
)
@with_site
def check_command(site: Site, fmt: str) -> int:
    """Compare every language with English, page by page, section by section."""
    docs = Docs(site)
    # The translation tools' files too: what an import of po/ would refuse (exchange.py).
    problems = check(site, docs) + check_catalogs(site, docs)
    outdated = sum(s.count_sections(OUTDATED) for s in status(site, docs))
    docs.save()
    for problem in problems:
        click.echo(str(problem))
        if fmt == "github":
            click.echo(problem.annotation())
    languages = ", ".join(f"{lang.name} ({lang.kind})" for lang in site.languages)
    if problems:
        files = len({p.path for p in problems})
        click.echo(
            f"\n{len(problems)} problem{'s' * (len(problems) != 1)} in {files} "
            f"file{'s' * (files != 1)}; checked {languages}."
        )
        return 1
    click.echo(f"No problems: checked {languages} against {site.default.name}.")
    if outdated:
        click.echo(f"{outdated} translated sections are out of date: see `make status`.")
    return 0


@main.command("status")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text")
@with_site
def status_command(site: Site, fmt: str) -> int:
    """What is translated, outdated and missing, per language."""
    docs = Docs(site)
    click.echo(FORMATS[fmt](status(site, docs)))
    docs.save()
    return 0


@main.command("mark-translated")
@click.argument("lang", metavar="LANG")
@click.argument("page", metavar="[PAGE[#SECTION]]", required=False)
@click.option("--force", is_flag=True, help="Mark even sections that check finds problems in.")
@with_site
def mark_command(site: Site, lang: str, page: str | None, force: bool) -> int:
    """Record that a translation (all, a page or a section) is up to date with English."""
    docs = Docs(site)
    marked = mark_translated(site, lang, page, force, docs)
    docs.save()
    language = site.language(lang)
    assert language is not None
    count = len(marked.sections)
    click.echo(
        f"Marked {count} section{'s' * (count != 1)} of {language.name} as up to date in "
        f"{site.display(site.docs_dir / language.code / RECORD_FILE)}."
    )
    for key in marked.skipped:
        click.echo(f"  not marked: {key} (the translated page has no such section yet)")
    return 0


@main.command("diff")
@click.argument("lang", metavar="LANG")
@click.argument("page", metavar="[PAGE[#SECTION]]", required=False)
@with_site
def diff_command(site: Site, lang: str, page: str | None) -> int:
    """What changed in English since each section was marked translated, word by word."""
    docs = Docs(site)
    click.echo(format_changes(changes(site, lang, page, docs)))
    docs.save()
    return 0


@main.command("add-language")
@click.argument("code", metavar="CODE")
@click.option(
    "--name",
    default=None,
    help="The language's own name, such as Svenska; by default its name in CLDR.",
)
@with_site
def add_language_command(site: Site, code: str, name: str | None) -> int:
    """Register a new language, in progress: mkdocs.yml, its strings and its record."""
    added = add_language(site, code, name)
    folder = site.display(added.folder)
    lines = [
        f"Added {added.name} ({code}, written {added.direction}), a language in progress:",
        f"  {site.display(site.config_path)}: i18n language entry with nav_translations, "
        f"and '{code}: {IN_PROGRESS}' under the eme-toolkit plugin's translations:",
        f"  {folder}/{STRINGS_FILE}: the site's notices, in English: translate them",
        f"  {folder}/{RECORD_FILE}: the translation record (written by mark-translated)",
    ]
    if added.theme_template is not None:
        lines.append(
            f"  {site.display(added.theme_template)}: Material for MkDocs has no translation "
            f"for {code!r}, so the theme's words (theme.* in {folder}/{STRINGS_FILE}) come "
            "from the strings file, in English until translated"
        )
    lines.append(
        f"Every page is shown in English until you copy it from "
        f"{site.display(site.docs_dir / site.default.code)}/ into {folder}/ and translate it."
    )
    click.echo("\n".join(lines))
    return 0


@main.command("remove-language")
@click.argument("code", metavar="CODE")
@click.option(
    "--force",
    is_flag=True,
    help="Also delete the language's files, and remove entries that were edited since.",
)
@with_site
def remove_language_command(site: Site, code: str, force: bool) -> int:
    """Undo add-language: mkdocs.yml as it was; the language's files kept unless --force."""
    removed = remove_language(site, code, force)
    click.echo(f"Removed {removed.name} ({code}) from {site.display(site.config_path)}.")
    for path in removed.files:
        shown = site.display(path) + ("/" if path.is_dir() or removed.deleted else "")
        click.echo(f"  {'deleted' if removed.deleted else 'kept'}: {shown}")
    if removed.files and not removed.deleted:
        click.echo(
            f"Nothing was deleted: `make remove-language CODE={code} FORCE=1` deletes them, "
            f"or `make add-language CODE={code}` needs {site.display(site.docs_dir / code)} "
            "moved away first."
        )
    return 0


@main.command("export-po")
@click.argument("lang", metavar="LANG")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["po", "xliff"]),
    default="po",
    help="po: gettext PO files (.po); xliff: XLIFF 1.2 files (.xlf).",
)
@with_site
def export_command(site: Site, lang: str, fmt: str) -> int:
    """Write po/LANG/: one file per page and one for the site's own words, for translation
    tools; exporting again keeps what translators did there."""
    docs = Docs(site)
    exported = export(site, lang, fmt, docs)
    docs.save()
    counts = exported.counts
    click.echo(
        f"Wrote {len(exported.files)} files in {site.display(site.root / 'po' / lang)}/: "
        f"{counts['translated']} entries translated, {counts['fuzzy']} fuzzy, "
        f"{counts['untranslated']} not translated"
        + (f"; {exported.kept} translations kept from the files there" if exported.kept else "")
        + "."
    )
    for path in exported.orphans:
        click.echo(f"  {path}: its page is gone from English; delete the file")
    return 0


@main.command("import-po")
@click.argument("lang", metavar="[LANG]", required=False)
@click.option(
    "--file",
    "file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="One file, such as po/sv/about.po; otherwise every file of po/LANG/.",
)
@with_site
def import_command(site: Site, lang: str | None, file: Path | None) -> int:
    """Write the translated, non-fuzzy entries of po/LANG/ into docs/LANG/, and record each
    section all of whose entries are translated; refuse, writing nothing, on any problem."""
    if not lang and file is None:
        raise UsageError("name the language (CODE=sv) or the file (FILE=po/sv/about.po)")
    docs = Docs(site)
    imported = import_catalogs(site, lang, file, docs)
    docs.save()
    written = sum(imported.written.values())
    click.echo(
        f"Imported {imported.files} file{'s' * (imported.files != 1)}: {written} "
        f"entr{'ies' if written != 1 else 'y'} written into "
        f"{len(imported.written)} file{'s' * (len(imported.written) != 1)}, "
        f"{len(imported.marked)} section{'s' * (len(imported.marked) != 1)} marked translated."
    )
    for path, count in sorted(imported.written.items()):
        click.echo(f"  {path}: {count} entr{'ies' if count != 1 else 'y'}")
    for key in imported.marked:
        click.echo(f"  marked translated: {key}")
    for why in imported.unmarked:
        click.echo(f"  not marked: {why}")
    return 0
