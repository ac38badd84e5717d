"""templates: each template is compiled once for all language builds, again when it changes."""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from eme_toolkit.templates import CompiledTemplates


class CountingEnvironment(Environment):
    """An environment that counts what it compiles."""

    compiled = 0

    def compile(self, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        CountingEnvironment.compiled += 1
        return super().compile(*args, **kwargs)


def test_a_second_language_build_compiles_nothing_and_an_edit_compiles_again() -> None:
    cache = CompiledTemplates()
    sources = {"page.html": "{{ title }} ({{ lang }})"}
    CountingEnvironment.compiled = 0
    for lang in ("en", "fi", "sv"):
        env = cache.share_with(CountingEnvironment(loader=DictLoader(sources)))
        assert env.get_template("page.html").render(title="Tila", lang=lang) == f"Tila ({lang})"
    assert CountingEnvironment.compiled == 1
    sources["page.html"] = "{{ title }}!"
    env = cache.share_with(CountingEnvironment(loader=DictLoader(sources)))
    assert env.get_template("page.html").render(title="Tila") == "Tila!"
    assert CountingEnvironment.compiled == 2


def test_json_rewritten_in_a_script_cannot_end_it_or_open_a_comment() -> None:
    from eme_toolkit.templates import read_json_script, rewrite_json_script

    script = ("data", "a template")
    html = '<script id="data" type="application/json">{"a": 1}</script>'
    text = "</script><!-- x"
    rewritten = rewrite_json_script(html, script, "x.html", lambda data: data.update(b=text))
    assert "</script><!--" not in rewritten.removesuffix("</script>")
    assert read_json_script(rewritten, script, "x.html") == {"a": 1, "b": text}
