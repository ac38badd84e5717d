"""The theme's templates, compiled once for every language build and every rebuild.

static-i18n builds each language with a new theme environment, and Jinja compiles every
template it renders again (about 290 of Material's, some 2.5 s at 100 practices × 5 languages).
A bytecode cache kept by the plugin, shared by those environments, compiles each template once;
Jinja checks each cached template against its source, so an edited override is compiled anew.
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


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
