"""Checklists (Markdown task lists): each box labelled by its item, and the words of the button
that clears the ticks.

pymdownx.tasklist puts a bare `<input type="checkbox"/>` before an item's words. Wrapping the
box and the words in a `<label>` names the box (for screen readers, without scripts too) and
lets a click on the words tick it. The ticks are kept in the reader's browser by
overrides/assets/javascripts/checklist.js; the button, overrides/partials/eme/checklist.html,
follows the text of a page that has a checklist, in the page's language (docs/<lang>/strings.yml).
"""

from __future__ import annotations

import re

from eme_toolkit.context import BuildContext

KEYS = ("checklist_clear", "checklist_cleared", "checklist_undo", "checklist_restored")
# An item's box and its words, up to a block inside the item (a nested list) or its end.
TASK_ITEM = re.compile(
    r'(<li class="(?:[^"]* )?task-list-item(?: [^"]*)?"[^>]*>(?:\s*<p>)?)'
    r'(<input type="checkbox"[^>]*>)(.*?)'
    r"(?=<(?:ul|ol|dl|p|div|pre|table|blockquote|/p|/li)\b)",
    re.DOTALL,
)


def label_boxes(html: str) -> str:
    """The page's HTML with each checklist box and its item's words in one label."""
    return TASK_ITEM.sub(r"\1<label>\2\3</label>", html)


def words(html: str | None, context: BuildContext) -> dict[str, str] | None:
    """The button's words for a page whose HTML has a checklist; None for any other page."""
    if not html or "task-list-item" not in html:
        return None
    strings = context.strings(context.current.code, KEYS)
    return {key: strings[key] for key in KEYS}
