"""`add-language`: a new language, in progress, in mkdocs.yml and in its own folder.

The edit of mkdocs.yml, the one our tools make to it, is a text insertion: every other byte of
the file, comments and tags included, stays as it was, and the result is parsed again to prove
it means the old file plus the language. Nothing is written unless every check passed, and an
existing folder of the language is never touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from eme_toolkit import internals
from eme_toolkit.options import IN_PROGRESS, PLUGIN
from eme_toolkit.record import RECORD_FILE, RECORD_HEADER
from eme_toolkit.site import CODE, Site, plugin_entry
from eme_toolkit.strings import FILE as STRINGS_FILE
from eme_toolkit.yamlfile import YamlSyntaxError, parse


class ConfigEditError(ValueError):
    """mkdocs.yml is laid out in a way the edit cannot handle safely."""


class LanguageError(ValueError):
    """add-language was asked for something it refuses, with the reason and what to do."""


@dataclass(frozen=True)
class Added:
    name: str
    folder: Path


def add_language(site: Site, code: str, name: str) -> Added:
    """Add language `code`, called `name` in itself, in progress: its entry in mkdocs.yml,
    its strings file (the default language's, to translate) and an empty translation record."""
    name = name.strip()
    if not CODE.match(code):
        raise LanguageError(
            f"{code!r} is not a language code: use a lowercase ISO 639 code such as sv, "
            "optionally with a region or script, such as pt-BR"
        )
    if not name or any(c in name for c in "\n\r"):
        raise LanguageError("--name must be the language's own name on one line, such as Svenska")
    if site.language(code):
        raise LanguageError(f"{code!r} is already a language of the site")
    if not internals.material_has_language(code):
        raise LanguageError(
            f"Material for MkDocs has no interface translation for {code!r}: pick a code it "
            f"supports ({', '.join(internals.material_languages())})"
        )
    folder = site.docs_dir / code
    if folder.exists():
        raise LanguageError(
            f"{site.display(folder)} already exists: nothing was changed; move it away or "
            "register the language by hand"
        )
    english_strings = site.docs_dir / site.default.code / STRINGS_FILE
    if not english_strings.is_file():
        raise LanguageError(f"{site.display(english_strings)} is missing: restore it first")
    try:
        edited = add_language_to_config(
            site.config_text, code, name, reader_texts(site.settings, site.nav_titles)
        )
        verify_config_edit(site.settings, edited, code, name)
    except ConfigEditError as error:
        raise LanguageError(
            f"{site.display(site.config_path)}: cannot add the language safely ({error}); "
            "nothing was changed. Add it by hand as CONTRIBUTING.md describes"
        ) from None
    folder.mkdir(parents=True)
    (folder / STRINGS_FILE).write_text(
        strings_to_translate(english_strings.read_text(encoding="utf-8"), name), encoding="utf-8"
    )
    (folder / RECORD_FILE).write_text(RECORD_HEADER, encoding="utf-8")
    site.config_path.write_text(edited, encoding="utf-8")
    return Added(name, folder)


def strings_to_translate(english: str, name: str) -> str:
    """The default language's strings file for a new language: its texts, under a header that
    speaks of the new language instead of the original's comments."""
    lines = english.splitlines(keepends=True)
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    header = (
        f"# The site's own words in {name}: notices on pages, the translation status page and\n"
        "# the 404 page. Translate the text in quotes after each colon; keep the keys on the\n"
        "# left and placeholders such as {language} as they are. Until a text is translated,\n"
        "# readers see it as it is here, in the original language.\n"
    )
    return header + "".join(lines)


def reader_texts(settings: dict[str, Any], nav_titles: list[str]) -> dict[str, object]:
    """The settings that hold words readers see, as the default language has them.

    A new language starts from these (the site name and description, the colour scheme
    toggles, the menu titles) so that its translator finds every one in its entry.
    """
    texts: dict[str, object] = {
        k: settings[k] for k in ("site_name", "site_description") if k in settings
    }
    palette = (settings.get("theme") or {}).get("palette")
    if isinstance(palette, list) and any(isinstance(p, dict) and "toggle" in p for p in palette):
        texts["theme"] = {"palette": palette}
    if nav_titles:
        texts["nav_translations"] = {title: title for title in nav_titles}
    return texts


def _block_end(lines: list[str], start: int, indent: int) -> int:
    """Index after the last line of the block that starts at `start` (deeper than `indent`)."""
    last = start
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line.strip() and not line.lstrip().startswith("#"):
            if len(line) - len(line.lstrip()) <= indent:
                break
            last = index
    return last + 1


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _find(lines: list[str], pattern: str, start: int = 0, end: int | None = None) -> int | None:
    stop = len(lines) if end is None else end
    return next((i for i in range(start, stop) if re.match(pattern, lines[i])), None)


def add_language_to_config(text: str, code: str, name: str, texts: dict[str, object]) -> str:
    """Insert the language into the i18n languages list and the plugin's translations.

    Only new lines are inserted; the rest of the text is returned unchanged.
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    if text and not text.endswith("\n"):
        text += newline  # the last line gets its end, so a line can follow it
    lines = text.splitlines(keepends=True)
    i18n = _find(lines, r"^\s*-\s+i18n:\s*$")
    if i18n is None:
        raise ConfigEditError("no '- i18n:' entry under plugins:")
    languages = _find(lines, r"^\s+languages:\s*$", i18n + 1)
    if languages is None:
        raise ConfigEditError("no 'languages:' list in the i18n plugin")
    end = _block_end(lines, languages, _indent(lines[languages]))
    item_indent = " " * _indent(lines[languages + 1])
    inner = item_indent + "  "
    entry = [
        f"{item_indent}- locale: {code}",
        f"{inner}name: {_yaml_str(name)}",
        f"{inner}build: true",
    ]
    if texts:
        entry.append(f"{inner}# In English until translated: translate the text after each colon.")
        dumped = yaml.safe_dump(texts, allow_unicode=True, sort_keys=False, width=88)
        entry += [f"{inner}{line}" for line in dumped.splitlines()]
    lines[end:end] = [line + newline for line in entry]

    ours = _find(lines, rf"^\s*-\s+{PLUGIN}:\s*$")
    if ours is None:
        raise ConfigEditError(f"no '- {PLUGIN}:' entry with options under plugins:")
    ours_end = _block_end(lines, ours, _indent(lines[ours]))
    translations = _find(lines, r"^\s+translations:\s*$", ours + 1, ours_end)
    if translations is None:
        raise ConfigEditError(f"no 'translations:' mapping in the {PLUGIN} plugin's options")
    key_indent = _indent(lines[translations])
    end = _block_end(lines, translations, key_indent)
    lines.insert(end, f"{' ' * (key_indent + 2)}{code}: {IN_PROGRESS}{newline}")
    return "".join(lines)


def verify_config_edit(before: dict[str, Any], after_text: str, code: str, name: str) -> None:
    """The edited file must mean the old one plus the new language, and nothing else."""
    try:
        after = parse(after_text)
    except YamlSyntaxError as error:
        raise ConfigEditError(f"the edit is not valid YAML ({error})") from None
    if not isinstance(after, dict):
        raise ConfigEditError("the edited file is not a mapping")
    i18n = plugin_entry(after.get("plugins"), "i18n")
    ours = plugin_entry(after.get("plugins"), PLUGIN)
    if not isinstance(i18n, dict) or not isinstance(ours, dict):
        raise ConfigEditError("the edit lost a plugin entry")
    added = (i18n.get("languages") or [{}]).pop()
    kind = (ours.get("translations") or {}).pop(code, None)
    if after != before or added.get("locale") != code or added.get("name") != name or not kind:
        raise ConfigEditError("the edit would change more than the new language")


def _yaml_str(value: str) -> str:
    """A YAML scalar for `value`, quoted only when plain style would misread it."""
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1000)
    return dumped.removesuffix("\n...\n").strip()
