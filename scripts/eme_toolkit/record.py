"""The translation record: which English text each translated section was last checked against.

docs/<lang>/translation-record.yml holds, per `page#section` marked translated, a hash of the
English section as it was then (see blocks.digest) and that English text itself, so
that a reviewer reads in the diff of a pull request what was marked, and `eme-i18n diff` shows
a translator what changed in English since. Only `mark-translated` writes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from eme_toolkit.page import PageError
from eme_toolkit.site import Site
from eme_toolkit.yamlfile import YamlSyntaxError, key_line, parse

RECORD_FILE = "translation-record.yml"
RECORD_HEADER = (
    "# Written by `eme-i18n mark-translated`: do not edit by hand.\n"
    "# For each section marked translated: a hash of the English section it was checked\n"
    "# against, and that English text (`eme-i18n diff` shows what changed in it since).\n"
)
BROKEN = "restore the file from version control, then run mark-translated again"


@dataclass(frozen=True)
class Mark:
    """What the record keeps of one section: the English it was translated from."""

    digest: str
    english: str


def record_path(site: Site, lang: str) -> Path:
    return site.docs_dir / lang / RECORD_FILE


def parse_record(text: str) -> dict[str, Mark]:
    """A record's text read; PageError naming the line when it is broken."""
    try:
        data = parse(text) or {}
    except YamlSyntaxError as error:
        raise PageError(error.line, f"not valid YAML ({error.problem}): {BROKEN}") from None
    if not isinstance(data, dict):
        raise PageError(1, f"not a translation record: {BROKEN}")
    record = {}
    for key, value in data.items():
        if (
            not isinstance(key, str)
            or "#" not in key
            or not isinstance(value, dict)
            or not isinstance(value.get("digest"), str)
            or not isinstance(value.get("english"), str)
        ):
            line = key_line(text, str(key))
            raise PageError(line, f"{key!r} is not a 'page#section' entry: {BROKEN}")
        record[key] = Mark(value["digest"], value["english"])
    return record


class _Dumper(yaml.SafeDumper):
    """Multi-line text as a literal block, the way it reads in the page."""


def _text(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _text)


def write_record(site: Site, lang: str, record: dict[str, Mark]) -> None:
    data = {
        key: {"digest": mark.digest, "english": mark.english}
        for key, mark in sorted(record.items())
    }
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    record_path(site, lang).write_text(RECORD_HEADER + (text if data else ""), encoding="utf-8")
