"""What eme_toolkit.page promises: a page read as MkDocs' Python-Markdown renders it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import read_page

from eme_toolkit.page import (
    EXTERNAL,
    Page,
    PageError,
    normalise_number,
    title_text,
)


def page(text: str) -> Page:
    return read_page(Path("page.md"), text)


def headings(text: str) -> list[tuple[int, str]]:
    """(level, anchor) of each heading section, as toc would list them."""
    return [(s.level, s.anchor) for s in page(text).sections if s.level]


PAGE = """\
---
title: Guide
description: >-
  How the groups work.
---

# Guide { #guide }

Intro with 6–8 weekly sessions.

## Steps { #steps }

- Plan the group.
- Invite people.

### Details { #details }

Text.
"""


# --- sections ---------------------------------------------------------------------------------


def test_a_section_runs_from_one_heading_to_the_next_whatever_their_levels() -> None:
    sections = page(PAGE).sections
    assert [(s.id, s.level, s.line) for s in sections] == [
        ("guide", 1, 7),
        ("steps", 2, 11),
        ("details", 3, 16),
    ]
    assert sections[1].lines == [
        (11, "## Steps { #steps }"),
        (12, ""),
        (13, "- Plan the group."),
        (14, "- Invite people."),
        (15, ""),
    ]


def test_the_title_keeps_the_heading_text_as_written_with_its_id() -> None:
    assert page(PAGE).sections[0].title == "Guide { #guide }"
    assert title_text("Steps and tips { #steps }") == "Steps and tips"


def test_the_front_matter_and_text_above_the_first_heading_belong_to_the_first_section() -> None:
    first = page("Above.\n\n# Title { #t }\n\nBelow.\n").sections[0]
    assert [n for n, _ in first.lines] == [1, 2, 3, 4, 5]
    assert page(PAGE).sections[0].lines[0] == (1, "---")
    assert page(PAGE).sections[0].front_matter_end == 5


def test_a_page_without_headings_is_one_section_of_level_0() -> None:
    [only] = page("Just text.\n\nMore.\n").sections
    assert (only.id, only.level, only.title, only.line) == (None, 0, "", 1)
    assert only.source == "Just text.\n\nMore."


def test_the_digest_is_the_start_of_the_sha1_of_the_source_without_trailing_spaces() -> None:
    section = page("# A { #a }  \n\nText.   \n\n\n").sections[0]
    assert section.source == "# A { #a }\n\nText."
    assert section.digest == hashlib.sha1(b"# A { #a }\n\nText.").hexdigest()[:12]


def test_section_finds_a_section_by_its_explicit_id() -> None:
    read = page(PAGE)
    assert read.section("steps") is read.sections[1]
    assert read.section("nowhere") is None


def test_id_is_only_an_explicit_attribute_list_id() -> None:
    sections = page("# No id\n\n# Glued{ #glued }\n\n# Spaced {: #spaced .wide }\n").sections
    # attr_list needs a space before the brace: `Glued{ #glued }` is text, with no id.
    assert [s.id for s in sections] == [None, None, "spaced"]


def test_a_heading_without_an_id_gets_tocs_slug_made_unique() -> None:
    text = (
        "# Käännösten tila\n\n## Intro\n\n## Intro\n\n"
        "## **Bold** `code` { .cls }\n\n## X { #intro_1 }\n"
    )
    assert headings(text) == [
        (1, "kaannosten-tila"),
        (2, "intro"),
        (2, "intro_2"),  # toc skips intro_1: an explicit id on the page has it
        (2, "bold-code"),
        (2, "intro_1"),
    ]


def test_headings_follow_python_markdown_not_commonmark() -> None:
    # No space needed after the hashes; an indented `#` is text; a hash in a word is text.
    assert headings("#Tight\n\n   # indented\n\nC# is a language\n") == [(1, "tight")]
    assert headings("Paragraph\n## Right under it\n") == [(2, "right-under-it")]


def places(text: str) -> list[tuple[str, int]]:
    """(anchor, line) of each heading section."""
    return [(s.anchor, s.line) for s in page(text).sections if s.level]


def test_headings_are_those_python_markdown_renders_where_commonmark_differs() -> None:
    # A line under a table is one of its rows; an abbreviation's definition ends its block;
    # `===` under a definition underlines it.
    assert headings("| a | b |\n| --- | --- |\n| 1 | 2 |\n## After the table { #t }\n") == []
    assert headings("*[EME]: Empowering Migrants\nTitle { #t }\n=====\n") == [(1, "t")]
    assert headings("Term\n: Definition\n===\n") == [(1, "definition")]


def test_each_heading_has_the_line_it_stands_on_even_where_a_fence_holds_its_twin() -> None:
    text = "```\n## Why { #why }\n```\n\n## Why { #why }\n\nTitle\n---\n\n> # Quoted\n"
    assert places(text) == [("why", 5), ("title", 7), ("quoted", 10)]


def test_an_underlined_heading_of_a_line_that_takes_no_marker_is_placed_among_the_others() -> None:
    # A line with `|` that is no table row, over `---`: a heading Python-Markdown makes.
    text = "# First { #first }\n\na | b\n---\n\n# Last { #last }\n"
    assert places(text) == [("first", 1), ("a-b", 3), ("last", 6)]


def test_headings_from_lines_that_take_no_marker_are_placed_on_their_own_lines() -> None:
    # A fenced block right above an underline is a heading's text, from where the fence opens;
    # Markdown after a block's tag is read by md_in_html; an empty quote line over `---` and
    # `===` over `- ` are headings too, and seven hashes are a level-6 heading.
    text = (
        "```\ncode\n```\n---\n\n"
        '<div markdown="1">## Inside { #inside }\n</div>\n\n'
        ">\n---\n\n===\n- \n\n"
        "####### {: #seven .wide }\n"
    )
    assert places(text) == [("code", 1), ("inside", 6), ("_1", 9), ("_2", 12), ("seven", 15)]


def test_ids_toc_makes_come_from_the_text_as_written() -> None:
    text = "## Kieli ja **työ**\n\n## 6–8 tapaamista\n\nOtsikko\n=======\n"
    assert headings(text) == [(2, "kieli-ja-tyo"), (2, "68-tapaamista"), (1, "otsikko")]


# --- what is not a heading --------------------------------------------------------------------


def test_headings_in_fences_of_any_kind_and_length_are_not_sections() -> None:
    text = (
        "```\n# a\n```\n\n~~~python\n# b\n~~~\n\n"
        "````markdown\n```\n# c\n```\n# d\n````\n\n"
        "- item\n\n    ```\n    # e\n    ```\n\n# Real { #real }\n"
    )
    assert headings(text) == [(1, "real")]


def test_a_fence_never_closed_is_text_as_in_superfences() -> None:
    assert headings("```\n# After an unclosed fence\n") == [(1, "after-an-unclosed-fence")]


def test_headings_in_indented_code_are_not_sections() -> None:
    assert headings("Text.\n\n    # code\n\n\t# tab code\n") == []


def test_raw_html_keeps_headings_raw_up_to_its_closing_tag_across_blank_lines() -> None:
    raw = "<div>\n\n# raw\n\n<div>\n</div>\n\n# still raw\n\n</div>\n\n# After { #after }\n"
    assert headings(raw) == [(1, "after")]
    markdown = '<div markdown="1">\n\n## Inside { #inside }\n\n</div>\n'
    assert headings(markdown) == [(2, "inside")]
    assert headings("<!--\n# commented out\n-->\n") == []


def test_setext_headings_are_sections_but_only_on_the_first_line_of_a_block() -> None:
    assert headings("Title { #t }\n=====\n\nSub\n---\n") == [(1, "t"), (2, "sub")]
    # Python-Markdown: two lines over `---` are a paragraph and a rule, not one heading.
    assert headings("One line\ntwo lines\n---\n") == []


def test_thematic_breaks_are_neither_headings_nor_front_matter() -> None:
    read = page("Text.\n\n* * *\n\n---\n\n# Title { #t }\n")
    assert read.front_matter == {}
    assert [(s.level, s.id) for s in read.sections] == [(1, "t")]


def test_headings_in_admonitions_and_details_are_sections() -> None:
    text = (
        '!!! note "Note"\n\n    ## In a note { #note }\n\n'
        "??? tip\n    ## In details { #details }\n\n"
        "???+ info\n    text\n\n\n    ## After two blank lines { #late }\n"
    )
    assert [s.id for s in page(text).sections] == ["note", "details", "late"]


def test_a_tab_indents_list_item_content_four_columns_as_python_markdown_does() -> None:
    assert headings("-\tItem\n\n\t## In the item { #in }\n") == [(2, "in")]
    # Two spaces are not enough to continue an item: that line is a paragraph, no heading.
    assert headings("- Item\n\n  ## Not in the item\n") == []


def test_a_heading_right_after_a_list_or_a_quote_is_a_section() -> None:
    assert headings("- a\n- b\n## After the list { #l }\n\n> quote\n# After the quote\n") == [
        (2, "l"),
        (1, "after-the-quote"),
    ]


# --- front matter -----------------------------------------------------------------------------


def test_front_matter_is_read_with_the_line_of_each_key() -> None:
    read = page(PAGE)
    assert read.front_matter == {"title": "Guide", "description": "How the groups work."}
    assert read.front_matter_lines == {"title": 2, "description": 3}


def test_front_matter_never_closed_is_an_error_on_line_1() -> None:
    with pytest.raises(PageError) as error:
        page("---\ntitle: Guide\n\n# Guide { #guide }\n")
    assert error.value.line == 1
    assert "never closed" in error.value.message


def test_front_matter_that_is_not_yaml_is_an_error_on_its_line_in_the_page() -> None:
    with pytest.raises(PageError) as error:
        page("---\ntitle: Guide\ndescription: [unclosed\n---\n\n# Guide\n")
    assert error.value.line == 4  # the page's line, where the YAML parser gave up
    assert error.value.message.startswith("front matter is not valid YAML")


def test_front_matter_that_is_not_a_mapping_is_an_error() -> None:
    with pytest.raises(PageError) as error:
        page("---\n- a list\n---\n")
    assert error.value.line == 2


def test_front_matter_whose_closing_line_ends_the_file_is_an_error() -> None:
    # MkDocs takes front matter off only when a line break follows its closing ---.
    with pytest.raises(PageError) as error:
        page("---\ntitle: Guide\n---")
    assert (error.value.line, error.value.message) == (
        3,
        "the front matter's closing --- must end with a line break: add one",
    )


def test_multimarkdown_meta_data_is_front_matter_as_mkdocs_reads_it() -> None:
    read = page("Title: Guide\nSummary: short\n\n# Guide { #guide }\n")
    assert read.front_matter == {"title": "Guide", "summary": "short"}
    assert read.front_matter_lines == {"title": 1, "summary": 2}
    assert [(s.id, s.line) for s in read.sections] == [("guide", 4)]


def test_a_byte_order_mark_is_ignored_as_mkdocs_does() -> None:
    read = page("\ufeff" + PAGE)
    assert read.front_matter["title"] == "Guide"
    assert read.sections[0].lines[0] == (1, "---")
    assert read.sections[0].digest == page(PAGE).sections[0].digest


# --- what a section holds ---------------------------------------------------------------------


SECTION = """\
## Section { #s }

Groups meet 6 – 8 times, 2,5 hours each: see [the steps](guide.md#steps) and
[the source](https://example.org/7) or [the start][start].

- One `99` item
- Two items <!-- 42 -->

> A quote
> over lines.

> Another quote.

!!! note "Step 3"

    Keep it simple.

| Week | Hours |
| --- | --- |
| 1 | 3–4 |

![A group](group.png) <img src="x.png">

```
code 77 [x](code.md)
```

[start]: index.md#start
"""


def test_counts_list_items_quotes_admonitions_tables_and_images_as_readers_see_them() -> None:
    assert page(SECTION).sections[0].counts == {
        "list items": 2,
        "quotes": 1,  # Python-Markdown joins quotes with only a blank line between them
        "admonitions": 1,
        "tables": 1,
        "images": 2,
    }


def test_links_leave_out_external_addresses_and_count_a_reference_at_its_definition() -> None:
    assert page(SECTION).sections[0].links == [(3, "guide.md#steps"), (28, "index.md#start")]


def test_numbers_are_normalised_and_leave_out_code_links_comments_and_ids() -> None:
    assert page(SECTION).sections[0].numbers == [
        (3, "6-8"),
        (3, "2.5"),
        (14, "3"),
        (20, "1"),
        (20, "3-4"),
    ]


def test_blocks_are_the_heading_then_each_paragraph_item_quote_and_table() -> None:
    blocks = page(SECTION).sections[0].blocks
    assert blocks[:6] == [
        (1, "Section"),
        (
            3,
            "Groups meet 6 – 8 times, 2,5 hours each: see [the steps](guide.md#steps) and "
            "[the source](https://example.org/7) or [the start][start].",
        ),
        (6, "- One `99` item"),
        (7, "- Two items <!-- 42 -->"),
        (9, "> A quote > over lines."),
        (12, "> Another quote."),
    ]
    assert (14, '!!! note "Step 3"') in blocks
    assert (18, "| Week | Hours | | --- | --- | | 1 | 3–4 |") in blocks
    assert not any("code 77" in text for _, text in blocks)


def test_a_checklist_is_a_list_whose_boxes_are_neither_links_nor_numbers() -> None:
    section = page(
        "## Plan { #plan }\n\n"
        "Source: [Target group](peer-groups.md#target-group)\n\n"
        "- [ ] 6–8 weekly sessions\n- [x] a trained peer tutor\n- [X] premises\n"
    ).sections[0]
    assert section.counts["list items"] == 3
    assert section.links == [(3, "peer-groups.md#target-group")]
    assert section.numbers == [(5, "6-8")]
    assert (6, "- [x] a trained peer tutor") in section.blocks


def test_ids_are_every_anchor_a_link_may_point_at() -> None:
    text = (
        "# Title { #title }\n\n## No id\n\nA paragraph.\n{: #para }\n\n"
        '<div id="box">x</div>\n\n[a link](x.md){ #link }\n'
    )
    assert page(text).ids() == {"title", "no-id", "para", "box", "link"}


def test_normalise_number() -> None:
    assert normalise_number("6–8") == "6-8"
    assert normalise_number("6 — 8") == "6-8"
    assert normalise_number("1,5") == "1.5"
    assert normalise_number("1.000,5") == "1.000.5"


def test_external_matches_addresses_with_a_scheme_or_a_host() -> None:
    assert EXTERNAL.match("https://example.org")
    assert EXTERNAL.match("mailto:someone@example.org")
    assert EXTERNAL.match("//cdn.example.org/x.js")
    assert not EXTERNAL.match("guide.md#steps")
    assert not EXTERNAL.match("#steps")
