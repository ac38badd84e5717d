"""errors: the one `path:line: message` format, and the values that carry it."""

from __future__ import annotations

from pathlib import Path

import pytest

from eme_toolkit.errors import LocatedError, Problem, located


def test_located_joins_path_line_and_message_with_colons() -> None:
    assert (
        located(Path("docs/fi/about.md"), 12, "translate it") == "docs/fi/about.md:12: translate it"
    )
    assert located("mkdocs.yml", 1, "x") == "mkdocs.yml:1: x"


def test_located_error_is_a_value_error_with_its_parts() -> None:
    error = LocatedError(Path("mkdocs.yml"), 3, "add the plugin")
    assert isinstance(error, ValueError)
    assert str(error) == "mkdocs.yml:3: add the plugin"
    assert (error.path, error.line, error.message) == (Path("mkdocs.yml"), 3, "add the plugin")


def test_problems_sort_by_path_then_line_then_message() -> None:
    problems = [
        Problem("b.md", 1, "a"),
        Problem("a.md", 10, "a"),
        Problem("a.md", 2, "z"),
        Problem("a.md", 2, "b"),
    ]
    assert sorted(problems) == [
        Problem("a.md", 2, "b"),
        Problem("a.md", 2, "z"),
        Problem("a.md", 10, "a"),
        Problem("b.md", 1, "a"),
    ]


def test_problem_prints_as_a_located_message_and_is_frozen() -> None:
    problem = Problem("docs/fi/guide.md", 7, "section missing")
    assert str(problem) == "docs/fi/guide.md:7: section missing"
    with pytest.raises(AttributeError):
        problem.line = 8  # type: ignore[misc]


def test_problem_annotation_escapes_for_github_actions() -> None:
    problem = Problem("docs/a,b:c.md", 3, "50% done\nnext")
    assert problem.annotation() == "::error file=docs/a%2Cb%3Ac.md,line=3::50%25 done%0Anext"
