"""The units a translator sees, on the blocks our pages can hold, and writing one back."""

from __future__ import annotations

from pathlib import Path

from conftest import read_page

from eme_toolkit.units import markup, page_units, replace

PAGE = """---
title: Groups
description: >-
  A long description that
  wraps.
tags:
  - peer groups
---

# Groups { #groups }

!!! note "Before you start"

    Read the practice first,
    then plan.

??? tip "Collapsed"
    Hidden text.

Term
:   The definition,
    continued.

> Quoted words
> that wrap.

- [ ] a task
- an item that
  wraps

| Week | Hours |
| --- | --- |
| 1 | 3–4 \\| x |

A paragraph with attributes.
{: .lead }

```text
code stays out
```

<div>HTML stays out</div>
"""


def units(text: str = PAGE) -> dict[str, tuple[str, str]]:
    page = read_page(Path("x.md"), text)
    return {unit.key.partition("/")[2]: (unit.kind, unit.text) for unit in page_units("x.md", page)}


def test_each_block_is_a_unit_without_its_markup() -> None:
    assert units() == {
        "title": ("front-matter", "Groups"),
        "description": ("front-matter", "A long description that wraps."),
        "tags-1": ("front-matter", "peer groups"),
        "heading": ("heading", "Groups"),
        "admonition-title-1": ("admonition-title", "Before you start"),
        "admonition-1": ("admonition", "Read the practice first, then plan."),
        "admonition-title-2": ("admonition-title", "Collapsed"),
        "admonition-2": ("admonition", "Hidden text."),
        "term-1": ("term", "Term"),
        "definition-1": ("definition", "The definition, continued."),
        "quote-1": ("quote", "Quoted words that wrap."),
        "task-1": ("task", "a task"),
        "item-1": ("item", "an item that wraps"),
        "table-1-row-1-cell-1": ("cell", "Week"),
        "table-1-row-1-cell-2": ("cell", "Hours"),
        "table-1-row-2-cell-1": ("cell", "1"),
        "table-1-row-2-cell-2": ("cell", "3–4 \\| x"),
        "paragraph-1": ("paragraph", "A paragraph with attributes."),
    }


def test_a_translation_replaces_only_its_text_keeping_markers_ids_and_attributes() -> None:
    page = read_page(Path("x.md"), PAGE)
    found = {unit.key.partition("/")[2]: unit for unit in page_units("x.md", page)}
    new = {
        "heading": "Grupper",
        "admonition-1": "Läs först praktiken, planera sedan.",
        "admonition-title-2": "Hopfällt",
        "definition-1": "Definitionen.",
        "quote-1": "Citerade ord.",
        "task-1": "en uppgift",
        "table-1-row-2-cell-2": "3–4 timmar",
        "table-1-row-1-cell-1": "Vecka",
        "paragraph-1": "Ett stycke.",
        "tags-1": "kamratgrupper",
        "description": "En beskrivning.",
    }
    lines = replace(PAGE.split("\n"), [(found[key], text) for key, text in new.items()])
    text = "\n".join(lines)
    assert "# Grupper { #groups }" in text
    assert '!!! note "Before you start"\n\n    Läs först praktiken, planera sedan.\n' in text
    assert '??? tip "Hopfällt"' in text
    assert "Term\n:   Definitionen.\n" in text
    assert "> Citerade ord.\n" in text
    assert "- [ ] en uppgift\n- an item that\n  wraps" in text
    assert "| Vecka | Hours |" in text and "| 1 | 3–4 timmar |" in text
    assert "Ett stycke.\n{: .lead }" in text
    assert "tags:\n  - kamratgrupper\n" in text and "description: >-\n  En beskrivning.\n" in text
    assert "```text\ncode stays out\n```" in text
    # Read again, each unit holds its translation and nothing else moved.
    again = units(text)
    assert {key: again[key][1] for key in new} == {
        key: " ".join(v.split()) for key, v in new.items()
    }
    assert again["item-1"] == ("item", "an item that wraps")


def test_writing_every_unit_as_it_is_changes_no_line_but_rewrapped_paragraphs() -> None:
    page = read_page(Path("x.md"), PAGE)
    one_line = [u for u in page_units("x.md", page) if u.end - u.line == 1 and not u.style]
    assert replace(PAGE.split("\n"), [(u, u.text) for u in one_line]) == PAGE.split("\n")


def test_a_span_marking_another_languages_words_is_no_kept_markup() -> None:
    """Each version quotes the other language in its own places."""
    english = '‘<span lang="fi">Resurssit</span>’ and <span class="x">kept</span> `code`'
    assert markup(english) == ["`code`", '<span class="x">']
