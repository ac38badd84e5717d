"""`add-language`: a new language, in progress, in mkdocs.yml and in its own folder.

The edit of mkdocs.yml, the one our tools make to it, is a text insertion: every other byte of
the file, comments and tags included, stays as it was, and the result is parsed again to prove
it means the old file plus the language. Nothing is written unless every check passed, and an
existing folder of the language is never touched.
"""

from __future__ import annotations

import copy
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError

from eme_toolkit import internals, theme_words
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
    direction: str  # ltr or rtl, as CLDR writes the language
    theme_template: Path | None  # our template of Material's words, when Material has none


def cldr_locale(code: str) -> Locale:
    """The language as CLDR (the Unicode Consortium's locale data, through babel) knows it."""
    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise LanguageError(
            f"{code!r} is no language that CLDR knows: check the code (ISO 639, such as so for "
            "Somali or ti for Tigrinya, optionally with a region or script, such as pt-BR)"
        ) from None


def native_name(locale: Locale) -> str:
    """The language's own name, as it starts a line: 'svenska' -> 'Svenska'."""
    name = locale.get_display_name(locale) or str(locale)
    return name[:1].upper() + name[1:]


def direction(locale: Locale) -> str:
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def custom_dir(site: Site) -> Path:
    theme = site.settings.get("theme")
    folder = theme.get("custom_dir") if isinstance(theme, dict) else None
    if not isinstance(folder, str) or not folder:
        raise LanguageError(
            f"{site.display(site.config_path)}: theme: has no custom_dir, where the template of "
            "the theme's words for a language Material does not translate goes: add "
            "custom_dir: overrides"
        )
    return site.root / folder


def add_language(site: Site, code: str, name: str | None = None) -> Added:
    """Add language `code`, called `name` in itself (by default its name in CLDR), in
    progress: its entry in mkdocs.yml, its strings file (the default language's, to translate)
    and an empty translation record. For a language Material does not translate, the strings
    file also holds Material's words, read by a template of the theme (theme_words.py)."""
    if not CODE.match(code):
        raise LanguageError(
            f"{code!r} is not a language code: use a lowercase ISO 639 code such as sv, "
            "optionally with a region or script, such as pt-BR"
        )
    if site.language(code):
        raise LanguageError(f"{code!r} is already a language of the site")
    locale = cldr_locale(code)
    name = (name or "").strip() or native_name(locale)
    if any(c in name for c in "\n\r"):
        raise LanguageError("--name must be the language's own name on one line, such as Svenska")
    folder = site.docs_dir / code
    if folder.exists():
        raise LanguageError(
            f"{site.display(folder)} already exists: nothing was changed; move it away or "
            "register the language by hand"
        )
    english_strings = site.docs_dir / site.default.code / STRINGS_FILE
    if not english_strings.is_file():
        raise LanguageError(f"{site.display(english_strings)} is missing: restore it first")
    theme_template = None
    words = ""
    if not internals.material_has_language(code):
        theme_template = theme_words.template_path(custom_dir(site), code)
        if theme_template.exists():
            raise LanguageError(
                f"{site.display(theme_template)} already exists: nothing was changed; move it "
                "away, or register the language by hand"
            )
        words = theme_words.strings_section(theme_words.english_words())
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
    strings = strings_to_translate(english_strings.read_text(encoding="utf-8"), name) + words
    (folder / STRINGS_FILE).write_text(strings, encoding="utf-8")
    (folder / RECORD_FILE).write_text(RECORD_HEADER, encoding="utf-8")
    if theme_template is not None:
        theme_template.parent.mkdir(parents=True, exist_ok=True)
        theme_template.write_text(
            theme_words.template(code, name, direction(locale)), encoding="utf-8"
        )
    site.config_path.write_text(edited, encoding="utf-8")
    return Added(name, folder, direction(locale), theme_template)


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


def _i18n_languages(lines: list[str]) -> tuple[int, int]:
    """The line of the i18n plugin's `languages:` and the index after its block."""
    i18n = _find(lines, r"^\s*-\s+i18n:\s*$")
    if i18n is None:
        raise ConfigEditError("no '- i18n:' entry under plugins:")
    languages = _find(lines, r"^\s+languages:\s*$", i18n + 1)
    if languages is None:
        raise ConfigEditError("no 'languages:' list in the i18n plugin")
    return languages, _block_end(lines, languages, _indent(lines[languages]))


def add_language_to_config(text: str, code: str, name: str, texts: dict[str, object]) -> str:
    """Insert the language into the i18n languages list and the plugin's translations.

    Only new lines are inserted; the rest of the text is returned unchanged.
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    if text and not text.endswith("\n"):
        text += newline  # the last line gets its end, so a line can follow it
    lines = text.splitlines(keepends=True)
    languages, end = _i18n_languages(lines)
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


@dataclass(frozen=True)
class Removed:
    name: str
    files: list[Path]  # the language's files: kept, or deleted when asked (force)
    deleted: bool


def remove_language(site: Site, code: str, force: bool = False) -> Removed:
    """Undo add-language: mkdocs.yml without the language's entries, as it was before, and
    the language's files (its folder, its po/ folder, its template of the theme's words) kept,
    or deleted when `force` is given. Refused, changing nothing, when the entries are not as
    add-language wrote them (translated words, other settings) unless `force` is given."""
    language = site.language(code)
    if language is None:
        codes = ", ".join(lang.code for lang in site.languages)
        raise LanguageError(f"{code!r} is not a language of the site ({codes})")
    if language.default:
        raise LanguageError(f"{code!r} is the default language: it cannot be removed")
    try:
        removed, lines, line = remove_language_from_config(site.config_text, code)
        verify_removal(site.settings, removed, code)
        readded = add_language_to_config(
            removed, code, language.name, reader_texts(site.settings, site.nav_titles)
        )
        as_added = remove_language_from_config(readded, code)[1] == lines
    except ConfigEditError as error:
        raise LanguageError(
            f"{site.display(site.config_path)}: cannot remove the language safely ({error}); "
            "nothing was changed. Remove its entries by hand"
        ) from None
    if not as_added and not force:
        raise LanguageError(
            f"{site.display(site.config_path)}:{line}: the entries of {language.name} are not "
            "as add-language wrote them (translated words, or other settings, would be lost): "
            "nothing was changed; FORCE=1 removes them anyway"
        )
    candidates = [site.docs_dir / code, site.root / "po" / code]
    if not internals.material_has_language(code):
        candidates.append(theme_words.template_path(custom_dir(site), code))
    files = [path for path in candidates if path.exists()]
    site.config_path.write_text(removed, encoding="utf-8")
    if force:
        for path in files:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
    return Removed(language.name, files, force)


def remove_language_from_config(text: str, code: str) -> tuple[str, list[str], int]:
    """The text without the language's i18n entry and its line under our translations, the
    lines taken out, and the line (from 1) where the entry was; the rest of the text as it
    was."""
    lines = text.splitlines(keepends=True)
    languages, end = _i18n_languages(lines)
    quoted = rf"['\"]?{re.escape(code)}['\"]?"
    entry = _find(lines, rf"^\s*-\s+locale:\s*{quoted}\s*$", languages, end)
    if entry is None:
        raise ConfigEditError(f"no '- locale: {code}' entry in the i18n plugin's languages")
    entry_end = _block_end(lines, entry, _indent(lines[entry]))
    taken = lines[entry:entry_end]
    del lines[entry:entry_end]
    ours = _find(lines, rf"^\s*-\s+{PLUGIN}:\s*$")
    if ours is None:
        raise ConfigEditError(f"no '- {PLUGIN}:' entry with options under plugins:")
    ours_end = _block_end(lines, ours, _indent(lines[ours]))
    translations = _find(lines, r"^\s+translations:\s*$", ours + 1, ours_end)
    if translations is not None:
        kinds_end = _block_end(lines, translations, _indent(lines[translations]))
        kind = _find(lines, rf"^\s+{quoted}:\s", translations + 1, kinds_end)
        if kind is not None:
            taken.append(lines.pop(kind))
    return "".join(lines), taken, entry + 1


def verify_removal(before: dict[str, Any], after_text: str, code: str) -> None:
    """The edited file must mean the old one without the language, and nothing else."""
    try:
        after = parse(after_text)
    except YamlSyntaxError as error:
        raise ConfigEditError(f"the edit is not valid YAML ({error})") from None
    expected = copy.deepcopy(before)
    i18n = plugin_entry(expected.get("plugins"), "i18n")
    ours = plugin_entry(expected.get("plugins"), PLUGIN)
    if not isinstance(i18n, dict) or not isinstance(ours, dict):
        raise ConfigEditError("a plugin entry is missing")
    i18n["languages"] = [e for e in i18n.get("languages") or [] if e.get("locale") != code]
    (ours.get("translations") or {}).pop(code, None)
    if after != expected:
        raise ConfigEditError("the edit would change more than the language's entries")


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
