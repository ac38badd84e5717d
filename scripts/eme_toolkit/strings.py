"""The site's own words (notices, the status page, 404), one file per language.

docs/<lang>/strings.yml maps a key to its text in that language; translators edit it. A
language that lacks a key, or the whole file, gets the default language's text for it, key by
key, so a reader never sees a blank.
"""

from __future__ import annotations

import re
from pathlib import Path

from eme_toolkit.errors import LocatedError
from eme_toolkit.yamlfile import YamlSyntaxError, parse

FILE = "strings.yml"
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# The placeholders each string may hold, filled in by the plugin; any other is a typo.
PLACEHOLDERS: dict[str, set[str]] = {
    "fallback_text": {"language"},
    "partial_text": {"language"},
    "print_source": {"address", "language"},
}
# Languages that write language names in lower case in running text ("till svenska").
LOWER_CASE_NAMES = frozenset(
    [
        "ca",
        "cs",
        "da",
        "es",
        "et",
        "fi",
        "fr",
        "hr",
        "hu",
        "it",
        "lt",
        "lv",
        "nb",
        "nn",
        "no",
        "pl",
        "pt",
        "pt-BR",
        "ro",
        "sk",
        "sl",
        "sv",
    ]
)


class StringsError(LocatedError):
    """A strings file that cannot be read, at `path:line`."""


def read_strings_file(path: Path) -> dict[str, str]:
    """One language's own strings, exactly as its file has them; {} when there is no file."""
    if not path.is_file():
        return {}
    try:
        data = parse(path.read_text(encoding="utf-8"))
    except YamlSyntaxError as error:
        raise StringsError(path, error.line, f"not valid YAML ({error.problem})") from None
    except UnicodeDecodeError:
        raise StringsError(path, 1, "the file is not UTF-8 text: save it as UTF-8") from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise StringsError(path, 1, "each line must be 'key: text', with the text in quotes")
    return {str(key): value for key, value in data.items()}


def load_strings(docs_dir: Path, lang: str, default_lang: str) -> dict[str, str]:
    """The strings for `lang`, falling back key by key to the default language's."""
    strings = read_strings_file(Path(docs_dir) / default_lang / FILE)
    if lang != default_lang:
        strings.update(read_strings_file(Path(docs_dir) / lang / FILE))
    return strings


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def placeholder_problem(key: str, text: str) -> str | None:
    """What is wrong with the placeholders of string `key`, or None."""
    known = PLACEHOLDERS.get(key, set())
    unknown = sorted(placeholders(text) - known)
    if not unknown:
        return None
    if known:
        allowed = ", ".join(f"{{{name}}}" for name in sorted(known))
        return f"'{key}' has {{{unknown[0]}}}, which is no placeholder: write {allowed}"
    return f"'{key}' has {{{unknown[0]}}}, but takes no placeholder: remove the braces"


def placeholder_problems(ours: dict[str, str], english: dict[str, str]) -> list[tuple[str, str]]:
    """(key, what is wrong) for each string whose placeholders are mistyped or not those of
    the English text: either would reach readers as typed."""
    found = []
    for key, text in ours.items():
        problem = placeholder_problem(key, text)
        if problem is None and key in english and placeholders(text) != placeholders(english[key]):
            problem = (
                f"'{key}' must keep the placeholders of the English text “{english[key]}”, "
                "such as {language}, untranslated"
            )
        if problem:
            found.append((key, problem))
    return found


def name_in_text(name: str, text_lang: str) -> str:
    """A language's name as it stands inside a sentence of language `text_lang`."""
    return name[:1].lower() + name[1:] if text_lang in LOWER_CASE_NAMES else name
