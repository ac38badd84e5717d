"""PO and XLIFF files, read and written with translate-toolkit, the library Weblate uses.

A catalog is one file of po/<lang>/: the entries of one page (entries.py), the language, and
the digest of the language's file in docs/ when the catalog was written, so that an import
never overwrites a file an editor changed since (exchange.py). Imported only by the commands
that need it: the editors' other commands start without it.

In a PO file, an entry's context is its msgctxt, its English file and line a `#:` reference, a
note for the translator a `#.` comment; fuzzy is the `fuzzy` flag, and the English it was
translated from is the previous msgid (`#| msgid`). In XLIFF 1.2, the context is the
trans-unit's id, the reference a location context group, and fuzzy a target whose state is
`needs-review-translation` (or any `needs-…` state, or approved="no"); the previous English is a
note from "previous-source". The digest is the PO header's X-EME-Translation-Digest, or the
XLIFF header's note from "eme-toolkit".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eme_toolkit.entries import Entry

PO, XLIFF = "po", "xliff"
SUFFIXES = {PO: ".po", XLIFF: ".xlf"}
DIGEST_FIELD = "X-EME-Translation-Digest"
FILE_FIELD = "X-EME-Translation-File"
PREVIOUS = "previous-source"
TOOL = "eme-toolkit"
XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"
# Header fields a translator's tool fills in, kept when a file is exported again.
KEPT_FIELDS = ("PO-Revision-Date", "Last-Translator", "Language-Team", "Plural-Forms")
FUZZY_STATES = ("new",)


class CatalogError(ValueError):
    """A file that cannot be read, at a line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Catalog:
    language: str  # the language the file says it is in
    entries: list[Entry]
    digest: str = ""  # the docs file's digest when the file was written
    target: str = ""  # that file, docs/<lang>/<page>
    header: dict[str, str] = field(default_factory=dict)  # the translator's header fields
    language_line: int = 1
    digest_line: int = 1


def read(data: bytes, fmt: str) -> Catalog:
    """A catalog's file read; CatalogError naming the line when it cannot be."""
    return _read_po(data) if fmt == PO else _read_xliff(data)


def write(catalog: Catalog, fmt: str, project: str) -> bytes:
    return _write_po(catalog, project) if fmt == PO else _write_xliff(catalog)


# --- PO -----------------------------------------------------------------------------------


def _read_po(data: bytes) -> Catalog:
    from translate.storage import pypo
    from translate.storage.poparser import PoParseError

    try:
        store = pypo.pofile(data)
    except PoParseError as error:
        found = re.search(r"on line (\d+): (.*)", str(error))
        line = int(found[1]) if found else 1
        what = found[2] if found else str(error)
        raise CatalogError(line, f"not a valid PO file: syntax error at {what}") from None
    except (UnicodeDecodeError, LookupError, ValueError) as error:
        raise CatalogError(1, f"not a valid PO file ({error}): save it as UTF-8") from None
    lines = data.decode("utf-8", "replace").split("\n")
    header = store.parseheader()
    catalog = Catalog(
        language=header.get("Language", ""),
        entries=[],
        digest=header.get(DIGEST_FIELD, ""),
        target=header.get(FILE_FIELD, ""),
        header={key: header[key] for key in KEPT_FIELDS if key in header},
        language_line=_line(lines, r'^"Language:'),
        digest_line=_line(lines, rf'^"{DIGEST_FIELD}:'),
    )
    for unit in store.units:
        if unit.isheader() or unit.isobsolete():
            continue
        first = unit.line_number or 1
        catalog.entries.append(
            Entry(
                context=unit.getcontext(),
                source=str(unit.source),
                target=str(unit.target or ""),
                fuzzy=unit.isfuzzy(),
                previous=str(unit.prev_source or ""),
                line=_line(lines, r"^msgctxt\b", first) if unit.getcontext() else first,
                target_line=_line(lines, r"^msgstr\b", first),
                source_line=_line(lines, r"^msgid\b", first),
            )
        )
    return catalog


def _line(lines: list[str], pattern: str, start: int = 1) -> int:
    """The first line from `start` (1-based) that matches, else `start`."""
    compiled = re.compile(pattern)
    for number in range(start, len(lines) + 1):
        if compiled.match(lines[number - 1]):
            return number
    return start


def _write_po(catalog: Catalog, project: str) -> bytes:
    from translate.storage import pypo

    store = pypo.pofile()
    fields = {
        "Project-Id-Version": project,
        # Filled in by the translator's tool; empty, they say so without a placeholder.
        "PO-Revision-Date": "",
        "Last-Translator": "",
        "Language-Team": "",
        **catalog.header,
        "Language": catalog.language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        FILE_FIELD: catalog.target,
        DIGEST_FIELD: catalog.digest,
    }
    header = store.units[0]
    header.target = "".join(f"{key}: {value}\n" for key, value in fields.items())
    header.markfuzzy(False)
    for entry in catalog.entries:
        unit = store.addsourceunit(entry.source)
        unit.setcontext(entry.context)
        if entry.location:
            unit.addlocation(entry.location)
        if entry.note:
            unit.addnote(entry.note, origin="developer")
        unit.target = entry.target
        if entry.fuzzy and entry.target:
            unit.markfuzzy()
            if entry.previous:
                unit.prev_source = entry.previous
    return bytes(store)


# --- XLIFF --------------------------------------------------------------------------------


def _read_xliff(data: bytes) -> Catalog:
    from lxml import etree
    from translate.storage import xliff

    try:
        store = xliff.xlifffile(data)
    except etree.XMLSyntaxError as error:
        line = error.lineno or 1
        raise CatalogError(line, f"not a valid XLIFF file: {error.msg}") from None
    root = store.document.getroot()
    files = root.findall(f"{{{store.namespace}}}file")
    if not files:
        raise CatalogError(root.sourceline or 1, "not an XLIFF file: it has no <file> element")
    file = files[0]
    catalog = Catalog(
        language=file.get("target-language", ""),
        entries=[],
        language_line=file.sourceline or 1,
        target=file.get("original", ""),
    )
    for note in file.iter(f"{{{store.namespace}}}note"):
        if note.get("from") == TOOL and note.getparent().tag.endswith("header"):
            catalog.digest = (note.text or "").rpartition(" ")[2]
            catalog.digest_line = note.sourceline or 1
    for unit in store.units:
        element = unit.xmlelement
        target = element.find(f"{{{store.namespace}}}target")
        state = target.get("state", "") if target is not None else ""
        previous = [
            note.text or ""
            for note in element.findall(f"{{{store.namespace}}}note")
            if note.get("from") == PREVIOUS
        ]
        line = element.sourceline or 1
        catalog.entries.append(
            Entry(
                context=element.get("id", ""),
                source=str(unit.source or ""),
                target=str(unit.target or ""),
                fuzzy=element.get("approved") == "no"
                or state.startswith("needs-")
                or state in FUZZY_STATES,
                previous=previous[0] if previous else "",
                line=line,
                target_line=target.sourceline if target is not None else line,
                source_line=line,
            )
        )
    return catalog


def _write_xliff(catalog: Catalog) -> bytes:
    from xml.sax.saxutils import quoteattr

    from lxml import etree
    from translate.storage import xliff

    name = catalog.target or "docs"
    skeleton = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="{XLIFF_12}">'
        f'<file original={quoteattr(name)} source-language="en" '
        f'target-language={quoteattr(catalog.language)} datatype="plaintext"><body/></file></xliff>'
    )
    store = xliff.xlifffile(skeleton.encode())
    for entry in catalog.entries:
        unit = store.addsourceunit(entry.source, filename=name)
        unit.setid(entry.context)
        if entry.target:
            unit.target = entry.target
            target = unit.xmlelement.find(f"{{{store.namespace}}}target")
            if entry.fuzzy:
                unit.xmlelement.set("approved", "no")
                target.set("state", "needs-review-translation")
            else:
                unit.xmlelement.set("approved", "yes")
                target.set("state", "translated")
        if entry.location:
            unit.addlocation(entry.location)
        if entry.note:
            unit.addnote(entry.note, origin="developer")
        if entry.fuzzy and entry.previous:
            unit.addnote(entry.previous, origin=PREVIOUS)
    file = store.document.getroot().find(f"{{{store.namespace}}}file")
    assert file is not None
    header = file.find(f"{{{store.namespace}}}header")
    if header is None:
        header = etree.Element(f"{{{store.namespace}}}header")
        file.insert(0, header)
    note = etree.SubElement(header, f"{{{store.namespace}}}note")
    note.set("from", TOOL)
    note.text = f"translation digest of {catalog.target}: {catalog.digest}"
    return etree.tostring(store.document, encoding="UTF-8", xml_declaration=True, pretty_print=True)
