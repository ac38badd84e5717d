"""The plugin's options, under `- eme-toolkit:` in mkdocs.yml, validated as MkDocs validates a
plugin's options, for the plugin and the editors' command line alike."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from eme_toolkit.errors import LocatedError
from eme_toolkit.yamlfile import line_of

PLUGIN = "eme-toolkit"
COMPLETE = "complete"
IN_PROGRESS = "in progress"
KINDS = (COMPLETE, IN_PROGRESS)


class ToolkitConfig(base.Config):
    """The plugin's options, under `- eme-toolkit:` in mkdocs.yml."""

    translations = c.DictOfItems(c.Choice(KINDS), default={})
    """Per language code, `complete` (every page and section of English) or `in progress`
    (pages may be missing; readers see English with a notice). Unlisted: in progress."""

    keep_in_english = c.ListOfItems(c.Type(str), default=[])
    """Names that translations keep as in English: not reported as untranslated text."""

    help_page = c.Type(str, default="about.md#translate")
    """Page and section that tells readers how to contribute a translation (notices link it)."""

    print_button = c.ListOfItems(c.Type(str), default=[])
    """Pages (file names, the same in every language's folder) that show a Print button under
    their title, in the reader's language."""

    build_only = c.Type(str, default="")
    """Language codes, comma-separated, to build besides the default language; empty: all.
    `make serve LANGUAGES=fi` sets it, so that a translator's edits show fast."""


def validate_options(options: dict[str, Any], config_path: Path, text: str) -> ToolkitConfig:
    """The plugin's options, validated as MkDocs validates them; an error names the option."""
    plugin_line = line_of(text, rf"^\s*-\s+{PLUGIN}:?\s*$")
    kinds = options.get("translations")
    for code, kind in kinds.items() if isinstance(kinds, dict) else ():
        if kind not in KINDS:
            line = rf"^\s+{re.escape(str(code))}:\s*{re.escape(str(kind))}"
            raise LocatedError(
                config_path,
                line_of(text, line, plugin_line),
                f"language {code!r} is {kind!r} under {PLUGIN}: translations: "
                f"write '{code}: {COMPLETE}' or '{code}: {IN_PROGRESS}'",
            )
    config = ToolkitConfig(config_file_path=str(config_path))
    config.load_dict(options)
    errors, warnings = config.validate()
    for key, problem in [*errors, *warnings]:
        raise LocatedError(
            config_path,
            line_of(text, rf"^\s+{re.escape(key)}:", plugin_line),
            f"{PLUGIN} option '{key}': {problem}",
        )
    return config
