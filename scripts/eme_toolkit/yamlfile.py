"""The one YAML reader for mkdocs.yml, strings files, translation records and front matter.

libyaml's loader when PyYAML has it (many times faster), safe for every file an editor writes.
Tags such as `!ENV [NAME, default]` read as their default, so the tools never depend on the
environment. mkdocs.yml alone may also name Python objects, as MkDocs' own loader allows.
"""

from __future__ import annotations

import importlib
import re

import yaml


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loader that reads tagged values (!ENV [NAME, default], !relative) as their default."""


def _tagged(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.SequenceNode):
        items = loader.construct_sequence(node)
        return items[-1] if items else None
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


Loader.add_multi_constructor("!", _tagged)
Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


class ConfigLoader(Loader):  # type: ignore[misc,valid-type]
    """mkdocs.yml's loader: also makes the Python objects it names, as MkDocs' loader does (a
    toc option `slugify: !!python/name:pymdownx.slugs.slugify`, say)."""


def _python_name(_loader: yaml.SafeLoader, suffix: str, _node: yaml.Node) -> object:
    module, _, name = suffix.rpartition(".")
    return getattr(importlib.import_module(module), name)


def _python_apply(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    function = _python_name(loader, suffix, node)
    assert callable(function)
    if isinstance(node, yaml.SequenceNode):
        return function(*loader.construct_sequence(node, deep=True))
    value = loader.construct_mapping(node, deep=True) if isinstance(node, yaml.MappingNode) else {}
    return function(*value.get("args", []), **value.get("kwds", {}))


# Looked up before the tags of any other kind, which read as their default.
ConfigLoader.yaml_multi_constructors = {
    "tag:yaml.org,2002:python/name:": _python_name,
    "tag:yaml.org,2002:python/object/apply:": _python_apply,
    **Loader.yaml_multi_constructors,
}


class YamlSyntaxError(ValueError):
    """Text that is not valid YAML: the 1-based line within that text, and the problem."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(f"line {line}: {problem}")
        self.line = line
        self.problem = problem


def parse(text: str, loader: type[Loader] = Loader) -> object:
    """The YAML document in `text`; raise YamlSyntaxError naming the line when it is broken."""
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise YamlSyntaxError(mark.line + 1 if mark else 1, problem) from None


def line_of(text: str, pattern: str, default: int = 1) -> int:
    """1-based line of the first match of `pattern` (a multi-line regex) in `text`."""
    match = re.search(pattern, text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else default


def key_line(text: str, key: str, default: int = 1) -> int:
    """1-based line of `key:` in YAML text, at any indentation."""
    return line_of(text, rf"^[ \t]*{re.escape(key)}[ \t]*:", default)
