"""yamlfile: the safe loader for mkdocs.yml, strings files and front matter."""

from __future__ import annotations

import pytest

from eme_toolkit.yamlfile import YamlSyntaxError, parse


def test_env_tag_reads_as_its_default_whatever_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SITE_URL", "https://elsewhere.example/")
    assert parse('site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]\n') == {
        "site_url": "http://127.0.0.1:8000/"
    }


def test_env_tag_with_only_a_name_reads_as_that_name() -> None:
    """A one-item !ENV list has no default: the last item is all there is."""
    assert parse("a: !ENV [NAME]\nb: !ENV []\n") == {"a": "NAME", "b": None}


def test_other_tags_read_as_their_plain_value() -> None:
    assert parse("path: !relative $config_dir\nmap: !custom {k: v}\n") == {
        "path": "$config_dir",
        "map": {"k": "v"},
    }


def test_python_tags_are_not_executed() -> None:
    assert parse("x: !!python/name:os.system\n") == {"x": ""}


def test_broken_yaml_names_its_one_based_line() -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        parse("site_name: ok\nnav:\n  - a: b\n   - c\n")
    assert caught.value.line == 4
    assert str(caught.value) == f"line 4: {caught.value.problem}"


def test_unclosed_flow_list_is_reported_where_the_text_ends() -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        parse("plugins: [\n")
    assert caught.value.line == 2
    # libyaml's wording, or PyYAML's pure-Python loader's where libyaml is missing.
    assert caught.value.problem in {
        "did not find expected node content",
        "expected the node content, but found '<stream end>'",
    }
