"""checklist: each box of a task list labelled by its item's words; the clear button's words."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
from conftest import ROOT
from mkdocs.config import load_config

from eme_toolkit.checklist import KEYS, label_boxes, words
from eme_toolkit.context import BuildContext, LanguageBuild
from eme_toolkit.strings import read_strings_file


def rendered(text: str) -> str:
    """The HTML of `text` as the site's Python-Markdown renders a task list."""
    return markdown.markdown(
        text,
        extensions=["pymdownx.tasklist", "attr_list"],
        extension_configs={"pymdownx.tasklist": {"clickable_checkbox": True}},
    )


class Boxes(HTMLParser):
    """For each checkbox: whether it is inside a label, and the words of that label."""

    def __init__(self) -> None:
        super().__init__()
        self.labels: list[list[str]] = []  # the words of each open label
        self.boxes: list[tuple[bool, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "label":
            self.labels.append([])
        elif tag == "input" and ("type", "checkbox") in attrs:
            self.boxes.append((bool(self.labels), self.labels[-1] if self.labels else []))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.labels.pop()

    def handle_data(self, data: str) -> None:
        for label in self.labels:
            label.append(data)


def labelled(html: str) -> list[str | None]:
    """Each box's label words, whitespace folded; None for a box outside any label."""
    parser = Boxes()
    parser.feed(html)
    return [" ".join("".join(w).split()) if inside else None for inside, w in parser.boxes]


def test_each_box_is_labelled_by_its_items_words_up_to_a_nested_list() -> None:
    html = label_boxes(
        rendered(
            "- [ ] a trained peer tutor\n"
            "- [x] words with [a link](#x) and *emphasis*\n"
            "  on two lines\n"
            "- [ ] an item with a list\n\n"
            "    - [ ] a nested item\n\n"
            "- [ ] a loose item\n"
        )
    )
    assert labelled(html) == [
        "a trained peer tutor",
        "words with a link and emphasis on two lines",
        "an item with a list",
        "a nested item",
        "a loose item",
    ]
    assert "checked" in html.split("<label>")[2].split("</label>")[0]


def test_a_page_without_a_checklist_is_unchanged() -> None:
    html = rendered('- an item\n- [a link](#x) in an item\n\n<input type="checkbox">\n')
    assert label_boxes(html) == html


@pytest.fixture
def context() -> BuildContext:
    config = load_config(str(ROOT / "mkdocs.yml"))
    built = BuildContext(config, config.plugins["eme-toolkit"].config)
    built.languages.append(LanguageBuild("fi"))
    return built


def test_the_button_speaks_the_pages_language_on_checklist_pages_only(
    context: BuildContext,
) -> None:
    finnish = read_strings_file(ROOT / "docs" / "fi" / "strings.yml")
    html = label_boxes(rendered("- [ ] koulutettu vertaisohjaaja\n"))
    assert words(html, context) == {key: finnish[key] for key in KEYS}
    assert words(rendered("- koulutettu vertaisohjaaja\n"), context) is None
    assert words(None, context) is None
