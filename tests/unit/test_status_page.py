"""status_page: the translation status page, generated in every language."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURE, ROOT, run_cli
from jinja2 import Environment, FileSystemLoader
from mkdocs.config import load_config

from eme_toolkit import internals
from eme_toolkit.context import BuildContext, LanguageBuild
from eme_toolkit.status_page import MARKER, body, is_status_page, markdown, page_title, src_uri


def fixture_context(tmp_path: Path, build: LanguageBuild) -> BuildContext:
    project = Path(shutil.copytree(FIXTURE, tmp_path / "project"))
    config = load_config(str(project / "mkdocs.yml"))
    context = BuildContext(config, config.plugins["eme-toolkit"].config)
    build.env = Environment(loader=FileSystemLoader([ROOT / "overrides", internals.MATERIAL]))
    context.languages.append(build)
    return context


def test_src_uri_puts_the_default_language_at_the_root() -> None:
    assert src_uri("en", "en") == "status.md"
    assert src_uri("fi", "en") == "fi/status.md"


def test_markdown_quotes_the_title_and_escapes_the_heading() -> None:
    assert markdown('Say "hi" <b> {x}') == (
        '---\ntitle: "Say \\"hi\\" <b> {x}"\nsearch:\n  exclude: true\n---\n\n'
        '# Say "hi" &lt;b> &#123;x} { #status }\n\n'
        f"{MARKER}\n"
    )


def test_link_is_relative_with_an_anchor_or_none_for_an_unknown_page() -> None:
    build = LanguageBuild("fi", urls={"about.md": "fi/about/", "index.md": "fi/"})
    assert build.link("about.md", "fi/status/", "translate") == "../about/#translate"
    assert build.link("index.md", "fi/status/") == "../"
    assert build.link("missing.md", "fi/status/", "x") is None


def test_is_status_page_is_the_page_generated_for_the_language_built(tmp_path: Path) -> None:
    context = fixture_context(tmp_path, LanguageBuild("fi"))
    assert is_status_page("fi/status.md", context)
    assert not is_status_page("fi/guide.md", context)
    context.languages.append(LanguageBuild("en"))
    assert is_status_page("en/status.md", context)


def test_page_title_prefers_the_translation_then_english(tmp_path: Path) -> None:
    context = fixture_context(tmp_path, LanguageBuild("sv"))
    assert page_title(context, "fi", "guide.md") == "Opas"
    assert page_title(context, "sv", "guide.md") == "Guide"
    assert page_title(context, "sv", "nope.md") == "nope.md"


def test_body_shows_every_language_and_what_this_one_lacks(tmp_path: Path) -> None:
    urls = {"index.md": "sv/", "guide.md": "sv/guide/", "status.md": "sv/status/"}
    html = body(fixture_context(tmp_path, LanguageBuild("sv", urls=urls)))
    # Each name and each phrase isolated: the brackets stay with their words in any direction;
    # the fixture's Swedish words that are still English are marked English.
    english = 'lang="en" dir="ltr"'
    assert f'<td><bdi lang="fi" dir="ltr">Suomi</bdi> <bdi {english}>(complete)</bdi></td>' in html
    assert (
        f'<td><bdi lang="en" dir="ltr">English</bdi> <bdi {english}>(original)</bdi></td>' in html
    )
    assert (
        f'<td><bdi lang="sv" dir="ltr">Svenska</bdi> <bdi {english}>(in progress)</bdi></td>\n'
        in html
    )
    assert '<td class="eme-number"><bdi>33 %</bdi></td>' in html
    assert (
        f'<h2 id="details"><bdi lang="sv">Svenska</bdi>: <span {english}>Pages in this '
        "language</span></h2>"
    ) in html
    assert f'<li><bdi {english}><a href="../guide/">Guide</a></bdi></li>' in html
    assert 'id="partly"' not in html
    assert "Help translate this site" not in html  # the help page is not in this build


def test_a_page_with_some_sections_translated_is_partly_translated(tmp_path: Path) -> None:
    project = Path(shutil.copytree(FIXTURE, tmp_path / "project"))
    english = (project / "docs" / "en" / "guide.md").read_text(encoding="utf-8")
    swedish = (
        english.replace("## Steps { #steps }", "## Steg { #steps }")
        .replace(
            "- Plan the group.\n- Invite people.\n- Meet weekly.",
            "- Planera gruppen.\n- Bjud in folk.\n- Träffas varje vecka.",
        )
        .replace(
            '!!! note "Remember"\n\n    Keep it simple.',
            '!!! note "Kom ihåg"\n\n    Håll det enkelt.',
        )
    )
    (project / "docs" / "sv" / "guide.md").write_text(swedish, encoding="utf-8")
    assert (
        run_cli(project / "mkdocs.yml", "mark-translated", "sv", "guide.md#steps").returncode == 0
    )
    config = load_config(str(project / "mkdocs.yml"))
    context = BuildContext(config, config.plugins["eme-toolkit"].config)
    urls = {"index.md": "sv/", "guide.md": "sv/guide/", "status.md": "sv/status/"}
    build = LanguageBuild("sv", urls=urls)
    build.env = Environment(loader=FileSystemLoader([ROOT / "overrides", internals.MATERIAL]))
    context.languages.append(build)
    html = body(context)
    assert (
        '<h3 id="partly" lang="en" dir="ltr">Partly translated (some sections shown in '
        'English)</h3>\n<ul>\n  <li><bdi><a href="../guide/">Guide</a></bdi></li>\n</ul>'
    ) in html
    assert 'id="missing"' not in html
