"""The site's own words (notices, the status page, 404), one file per language.

docs/<lang>/strings.yml maps a key to its text in that language; translators edit it. A
language that lacks a key, or the whole file, gets the default language's text for it, key by
key, so a reader never sees a blank.
"""

from __future__ import annotations

from pathlib import Path

from eme_toolkit.errors import LocatedError
from eme_toolkit.yamlfile import YamlSyntaxError, parse

FILE = "strings.yml"


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
