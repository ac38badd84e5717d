"""The theme's templates, compiled once for every language build and every rebuild, and the
JSON that rendered pages carry to their scripts.

static-i18n builds each language with a new theme environment, and Jinja compiles every
template it renders again (about 290 of Material's, some 2.5 s at 100 practices × 5 languages).
A bytecode cache kept by the plugin, shared by those environments, compiles each template once;
Jinja checks each cached template against its source, so an edited override is compiled anew.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.exceptions import PluginError


class CompiledTemplates(BytecodeCache):
    """Compiled templates in memory, by Jinja's key (template name and file)."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()

    def share_with(self, env: Environment) -> Environment:
        env.bytecode_cache = self
        return env


def _json_script(element_id: str) -> re.Pattern[str]:
    return re.compile(
        rf'(<script id="{re.escape(element_id)}" type="application/json">)(.*?)(</script>)',
        re.DOTALL,
    )


def _find(html: str, script: tuple[str, str], where: str) -> re.Match[str]:
    element_id, template = script
    match = _json_script(element_id).search(html)
    if not match:
        raise PluginError(f"{where}: no {element_id} script; has {template} changed?")
    return match


def read_json_script(html: str, script: tuple[str, str], where: str) -> Any:
    """The JSON of the page's `<script id="…" type="application/json">`; `script`: its id and
    the template that writes it."""
    return json.loads(_find(html, script, where).group(2))


def rewrite_json_script(
    html: str, script: tuple[str, str], where: str, change: Callable[[Any], None]
) -> str:
    """The page with `change` applied to the JSON of its script (see read_json_script)."""
    match = _find(html, script, where)
    data = json.loads(match.group(2))
    change(data)
    # Nothing in it may end the script element, or start a comment in it.
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\u0021--")
    return html[: match.start(2)] + text + html[match.end(2) :]
