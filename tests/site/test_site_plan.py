"""The "Plan your group" checklist: the practice's own words, regrouped, in every language.

Besides its title and one lead-in paragraph, the page may hold only words of the practice
page of the same language: its headings, the sentences that open a list, and the checklist
items; each group opens with a link back to its section of the practice, named by that
section's heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import COMPLETE, DEFAULT, DOCS
from html_text import built_page, normalise

from eme_toolkit.strings import load_strings

PLAN, PRACTICE = "plan.md", "peer-groups.md"
BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li"}


@dataclass
class Block:
    tag: str
    attrs: dict[str, str | None]
    parts: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (href, text)
    boxes: list[dict[str, str | None]] = field(default_factory=list)  # checkbox attributes
    labelled: bool = False  # its box is inside a label, with the item's words

    @property
    def text(self) -> str:
        return normalise("".join(self.parts))


class Blocks(HTMLParser):
    """The headings, paragraphs and list items inside Material's `<article>`, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_article = False
        self.skip = 0  # inside a permalink
        self.blocks: list[Block] = []
        self.open: Block | None = None
        self.link: list[str] | None = None
        self.label = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "article":
            self.in_article = True
        if not self.in_article:
            return
        if tag in BLOCKS:
            self.open = Block(tag, attr)
            self.blocks.append(self.open)
        elif self.skip or "headerlink" in (attr.get("class") or ""):
            self.skip += 1
        elif tag == "a" and self.open:
            self.link = [attr.get("href") or ""]
        elif tag == "label":
            self.label = True
        elif tag == "input" and self.open:
            self.open.boxes.append(attr)
            self.open.labelled = self.label

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article = False
        elif self.skip and tag == "a":
            self.skip -= 1
        elif tag == "a" and self.link and self.open:
            self.open.links.append((self.link[0], normalise("".join(self.link[1:]))))
            self.link = None
        elif tag == "label":
            self.label = False
        elif tag in BLOCKS:
            self.open = None

    def handle_data(self, data: str) -> None:
        if self.open and not self.skip:
            self.open.parts.append(data)
            if self.link is not None:
                self.link.append(data)


def blocks(site: Path, lang: str, name: str) -> list[Block]:
    parser = Blocks()
    parser.feed(built_page(site, lang, name).read_text(encoding="utf-8"))
    return parser.blocks


def items(found: list[Block]) -> list[Block]:
    return [b for b in found if b.tag == "li" and "task-list-item" in (b.attrs.get("class") or "")]


def practice_text(site: Path, lang: str) -> str:
    """The words of the practice page's headings, paragraphs and items (not its tags)."""
    return " ".join(block.text for block in blocks(site, lang, PRACTICE))


def markdown_items(lang: str) -> int:
    text = (DOCS / lang / PLAN).read_text(encoding="utf-8")
    return len(re.findall(r"^- \[ \] ", text, re.MULTILINE))


@pytest.mark.parametrize("lang", COMPLETE)
def test_every_checklist_item_is_the_practices_own_words(built_site: Path, lang: str) -> None:
    practice = practice_text(built_site, lang)
    found = items(blocks(built_site, lang, PLAN))
    assert found and len(found) == markdown_items(lang)
    not_in_practice = [item.text for item in found if item.text not in practice]
    assert not not_in_practice, (
        f"items of docs/{lang}/{PLAN} that docs/{lang}/{PRACTICE} does not have, word for word "
        "(copy them from the practice):\n" + "\n".join(not_in_practice)
    )


@pytest.mark.parametrize("lang", COMPLETE)
def test_each_group_links_back_to_its_section_and_adds_no_words(
    built_site: Path, lang: str
) -> None:
    practice = practice_text(built_site, lang)
    sections = {b.attrs["id"]: b.text for b in blocks(built_site, lang, PRACTICE) if b.tag == "h2"}
    found = [
        b for b in blocks(built_site, lang, PLAN) if b.attrs.get("class") != "eme-checklist-actions"
    ]
    assert [b.tag for b in found[:2]] == ["h1", "p"]  # the title and the lead-in
    groups = [i for i, b in enumerate(found) if b.tag == "h2"]
    assert len(groups) == 5
    labels = set()
    for start, end in zip(groups, [*groups[1:], len(found)], strict=True):
        heading, source, *rest = found[start:end]
        assert heading.text in practice, f"heading {heading.text!r} is not in the practice"
        # The group's first paragraph is one link to a section of the practice, by its name.
        assert source.tag == "p" and len(source.links) == 1, source.text
        href, name = source.links[0]
        anchor = href.removeprefix("../peer-groups/#")
        assert anchor != href and sections.get(anchor) == name, (href, name)
        labels.add(source.text.replace(name, "").strip())
        for block in rest:
            assert not block.links, block.text
            assert block.text in practice, f"{block.tag} {block.text!r} is not in the practice"
        assert items(rest), f"group {heading.text!r} has no checklist items"
    assert len(labels) == 1, f"each link back has the same words before it: {labels}"


@pytest.mark.parametrize("lang", COMPLETE)
def test_each_box_is_named_by_its_item_and_starts_unticked(built_site: Path, lang: str) -> None:
    for item in items(blocks(built_site, lang, PLAN)):
        assert len(item.boxes) == 1 and item.labelled, item.text
        box = item.boxes[0]
        assert box.get("type") == "checkbox" and "checked" not in box and "disabled" not in box


@pytest.mark.parametrize("lang", COMPLETE)
def test_the_button_and_script_are_on_the_checklist_only_in_its_language(
    built_site: Path, lang: str
) -> None:
    words = load_strings(DOCS, lang, DEFAULT)["checklist_clear"]
    html = built_page(built_site, lang, PLAN).read_text(encoding="utf-8")
    button = re.search(
        r'<div class="eme-checklist-actions" hidden>\s*<button type="button"[^>]*>([^<]*)</button>',
        html,
    )
    assert button and button.group(1) == words
    assert re.search(r'<script src="[./]*assets/javascripts/checklist\.js">', html)
    # Other pages have neither the button nor the script that keeps ticks.
    for other in (DOCS / lang).glob("*.md"):
        if other.name != PLAN:
            page = built_page(built_site, lang, other.name).read_text(encoding="utf-8")
            assert "eme-checklist-actions" not in page and "checklist.js" not in page, other.name
