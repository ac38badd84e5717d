"""The site's own words (notices, the status page), one file per language that translators edit.

docs/<lang>/strings.yml maps a key to its text in that language. A language that lacks a key,
or the whole file, gets the English text for it, key by key, so a reader never sees a blank.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from site_config import ConfigError

FILE = "strings.yml"
DEFAULT_LANGUAGE = "en"
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StringsError(ConfigError):
    """A strings file that cannot be read, at `path:line`."""


def read_strings_file(path: Path) -> dict[str, str]:
    """One language's own strings, exactly as its file has them; {} when there is no file."""
    if not path.is_file():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise StringsError(
            path, mark.line + 1 if mark else 1, f"not valid YAML ({problem})"
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise StringsError(path, 1, "each line must be 'key: text', with the text in quotes")
    return {str(key): value for key, value in data.items()}


def load_strings(docs_dir: Path, lang: str, default_lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """The strings for `lang`, falling back key by key to the default language's."""
    strings = read_strings_file(Path(docs_dir) / default_lang / FILE)
    if lang != default_lang:
        strings.update(read_strings_file(Path(docs_dir) / lang / FILE))
    return strings
