"""Material's interface words for a language Material does not translate (Somali, Tigrinya...).

Material's documented way to add a language is `theme.language: <code>` (static-i18n sets it
for each language's build) and a template `partials/languages/<code>.html` in the theme's
custom_dir whose macro `t(key)` gives each interface word. add-language writes that template
for such a language: it holds only the language's code and its direction (from CLDR), and
reads each word from the language's strings file, under the key `theme.<Material's key>`
(`theme.search.placeholder: "Search"`), which add-language fills with Material's English.
A word the strings file lacks falls back to Material's English, as Material's own
partials/language.html does for every language.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment

from eme_toolkit import internals

PREFIX = "theme."
GLOBAL = "eme_theme_word"  # the function the template calls: (code, key) -> the word or ""
# Settings of Material's search, not words: always Material's English values.
NOT_WORDS = ("search.config.",)


def template_path(custom_dir: Path, code: str) -> Path:
    return custom_dir / "partials" / "languages" / f"{code}.html"


def template(code: str, name: str, direction: str) -> str:
    """The template add-language writes for language `code`."""
    return (
        "{#-\n"
        f"  Material's interface words in {name}: Material has no translation for {code!r}, so\n"
        f"  they come from docs/{code}/strings.yml (keys theme.*), written by add-language.\n"
        "  Translate them there; this file only says the language's code and direction.\n"
        "-#}\n"
        "{% macro t(key) %}{{ {\n"
        f'  "language": "{code}",\n'
        f'  "direction": "{direction}",\n'
        f'}}[key] or {GLOBAL}("{code}", key) }}}}{{% endmacro %}}\n'
    )


def keys() -> tuple[str, ...]:
    """Material's word keys a strings file holds for a language Material does not translate."""
    return tuple(k for k in internals.material_keys() if not k.startswith(NOT_WORDS))


def english_words() -> dict[str, str]:
    """Material's English interface words, by key (from its English template)."""
    return internals.material_english_words(keys())


def strings_section(words: dict[str, str]) -> str:
    """The lines add-language appends to the new language's strings file."""
    lines = [
        "",
        "# The theme's own words (search box, menus, footer): Material for MkDocs has no",
        "# translation for this language, so they come from here. Translate them as the rest.",
    ]
    for key, word in words.items():
        escaped = word.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'{PREFIX}{key}: "{escaped}"')
    return "\n".join(lines) + "\n"


def provide(env: Environment, strings: Callable[[str], dict[str, str]]) -> Environment:
    """Let our language templates read their words: `strings(code)` is the language's strings."""

    def word(code: str, key: str) -> str:
        return strings(code).get(PREFIX + key, "")

    env.globals[GLOBAL] = word
    return env
