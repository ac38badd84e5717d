"""The one YAML loader for mkdocs.yml, strings files and front matter.

libyaml's loader when PyYAML has it (many times faster), safe in every case. Tags such as
`!ENV [NAME, default]` read as their default, so the tools never depend on the environment.
"""

from __future__ import annotations

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


class YamlSyntaxError(ValueError):
    """Text that is not valid YAML: the 1-based line within that text, and the problem."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(f"line {line}: {problem}")
        self.line = line
        self.problem = problem


def parse(text: str) -> object:
    """The YAML document in `text`; raise YamlSyntaxError naming the line when it is broken."""
    try:
        return yaml.load(text, Loader=Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise YamlSyntaxError(mark.line + 1 if mark else 1, problem) from None
