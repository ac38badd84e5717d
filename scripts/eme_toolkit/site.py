"""The site as our code sees it: its folders, its languages, the plugin's options and the
Markdown settings its pages are rendered with.

The plugin builds a `Site` from the configuration MkDocs has already parsed; the editors'
command line reads mkdocs.yml once itself, with the plain YAML loader, so that its commands
stay fast and do not start MkDocs. Both validate the plugin's options the same way (options.py).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eme_toolkit.errors import LocatedError
from eme_toolkit.options import COMPLETE, IN_PROGRESS, PLUGIN, ToolkitConfig, validate_options
from eme_toolkit.rendering import MarkdownConfig, MarkdownSettings
from eme_toolkit.yamlfile import ConfigLoader, YamlSyntaxError, line_of, parse

# ISO 639 language, optionally a script or region: fi, sv, pt-BR, zh-Hant.
CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$")


@dataclass
class Language:
    code: str
    name: str
    default: bool
    complete: bool

    @property
    def kind(self) -> str:
        return COMPLETE if self.complete else IN_PROGRESS


@dataclass
class Site:
    """The site: where its files are, its languages, and the plugin's options."""

    config_path: Path
    docs_dir: Path
    languages: list[Language]
    keep_in_english: list[str] = field(default_factory=list)
    nav_titles: list[str] = field(default_factory=list)
    help_page: str = "about.md#translate"
    print_pages: list[str] = field(default_factory=list)  # pages with a Print button
    config_text: str = ""  # mkdocs.yml as read, for the lines that messages name
    markdown: MarkdownSettings = field(default_factory=lambda: MarkdownSettings([]))
    settings: dict[str, Any] = field(default_factory=dict)  # mkdocs.yml parsed (CLI only)

    @property
    def root(self) -> Path:
        return self.config_path.parent

    @property
    def default(self) -> Language:
        return next(lang for lang in self.languages if lang.default)

    def language(self, code: str) -> Language | None:
        return next((lang for lang in self.languages if lang.code == code), None)

    def folder(self, code: str) -> str:
        """The language's folder in the built site: '' for the default language, else 'fi/'."""
        return "" if code == self.default.code else f"{code}/"

    def display(self, path: Path) -> str:
        """A path as an editor types it: relative to the project when possible."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def nav_titles(nav: object) -> list[str]:
    """Every title in the nav, in order, each once: what nav_translations translates."""
    titles: list[str] = []
    if isinstance(nav, list):
        for item in nav:
            if isinstance(item, dict):
                for title, child in item.items():
                    if title not in titles:
                        titles.append(str(title))
                    titles += [t for t in nav_titles(child) if t not in titles]
    return titles


def plugin_entry(plugins: object, name: str) -> object:
    """The options of plugin `name` in a raw `plugins:` list ({} when it has none), as written:
    the caller checks that they are a mapping."""
    for plugin in plugins if isinstance(plugins, list) else []:
        if plugin == name:
            return {}
        if isinstance(plugin, dict) and name in plugin:
            return {} if plugin[name] is None else plugin[name]
    return None


def read_config_text(config_path: Path) -> str:
    try:
        return config_path.read_text(encoding="utf-8")
    except OSError as error:
        raise LocatedError(
            config_path, 1, f"cannot read the configuration ({error.strerror})"
        ) from None
    except UnicodeDecodeError:
        raise LocatedError(config_path, 1, "not UTF-8 text: save it as UTF-8") from None


def make_site(
    config_path: Path,
    docs_dir: Path,
    i18n_languages: list[dict[str, Any]],
    options: ToolkitConfig,
    nav: object,
    text: str,
    markdown: MarkdownSettings,
) -> Site:
    """The Site from the i18n plugin's languages and our options, checked against each other."""
    languages_line = line_of(text, r"^\s+languages:", line_of(text, r"^plugins:"))
    kinds: dict[str, str] = dict(options.translations)
    kinds_line = line_of(text, r"^\s+translations:")
    languages = []
    for entry in i18n_languages:
        code = str(entry.get("locale") or "")
        if not code:
            raise LocatedError(config_path, languages_line, "a language has no locale: code")
        languages.append(
            Language(
                code,
                str(entry.get("name") or code),
                bool(entry.get("default")),
                # A language not listed is in progress: it may lack pages.
                kinds.get(code, IN_PROGRESS) == COMPLETE,
            )
        )
    if sum(lang.default for lang in languages) != 1:
        raise LocatedError(
            config_path, languages_line, "exactly one language must have default: true"
        )
    codes = {lang.code for lang in languages}
    for code in kinds:
        if code not in codes:
            raise LocatedError(
                config_path,
                line_of(text, rf"^\s+{re.escape(str(code))}:", kinds_line),
                f"{PLUGIN}: translations: lists {code!r}, which is not among the i18n "
                "languages: remove the line or add the language with add-language",
            )
    return Site(
        config_path,
        docs_dir,
        languages,
        list(options.keep_in_english),
        nav_titles(nav),
        options.help_page,
        print_button(options, config_path, docs_dir, languages, text),
        text,
        markdown,
    )


def print_button(
    options: ToolkitConfig, config_path: Path, docs_dir: Path, languages: list[Language], text: str
) -> list[str]:
    """The pages the print_button option names; an error names a page the site lacks."""
    default = next((lang.code for lang in languages if lang.default), "")
    names = [str(name) for name in options.print_button]
    option_line = line_of(text, r"^\s+print_button:")
    for name in names:
        if not (docs_dir / default / name).is_file():
            raise LocatedError(
                config_path,
                line_of(text, rf"^\s+-\s+{re.escape(name)}\s*$", option_line),
                f"{PLUGIN}: print_button: lists {name!r}, which is no page of "
                f"{default} (no docs/{default}/{name}): write a page's file name, such as plan.md",
            )
    return names


def load_site(config_path: Path) -> Site:
    """Read mkdocs.yml once, for the CLI.

    Raises LocatedError naming the line and the fix when the file is unusable.
    """
    config_path = config_path.resolve()
    text = read_config_text(config_path)
    try:
        raw = parse(text, ConfigLoader) or {}
    except YamlSyntaxError as error:
        raise LocatedError(config_path, error.line, f"not valid YAML: {error.problem}") from None
    if not isinstance(raw, dict):
        raise LocatedError(config_path, 1, "not a mapping of settings such as 'site_name: …'")
    i18n = plugin_entry(raw.get("plugins"), "i18n")
    if not isinstance(i18n, dict) or not isinstance(i18n.get("languages"), list):
        raise LocatedError(
            config_path,
            line_of(text, r"^\s*-\s+i18n\b", line_of(text, r"^plugins:")),
            "no i18n plugin with a languages: list under plugins:",
        )
    ours = plugin_entry(raw.get("plugins"), PLUGIN)
    if ours is None:
        raise LocatedError(
            config_path, line_of(text, r"^plugins:"), f"add the {PLUGIN} plugin under plugins:"
        )
    if not isinstance(ours, dict):
        raise LocatedError(
            config_path,
            line_of(text, rf"^\s*-\s+{PLUGIN}:"),
            f"the {PLUGIN} plugin's options must be 'name: value' lines below it",
        )
    options = validate_options(ours, config_path, text)
    docs_dir = config_path.parent / str(raw.get("docs_dir") or "docs")
    entries = [e if isinstance(e, dict) else {} for e in i18n["languages"]]
    markdown = markdown_settings(raw.get("markdown_extensions", []), config_path, text)
    site = make_site(config_path, docs_dir, entries, options, raw.get("nav"), text, markdown)
    site.settings = raw
    return site


def markdown_settings(extensions: object, config_path: Path, text: str) -> MarkdownSettings:
    """mkdocs.yml's markdown_extensions as MkDocs reads them; an error names the option."""
    config = MarkdownConfig(config_file_path=str(config_path))
    config.load_dict({"markdown_extensions": copy.deepcopy(extensions)})  # it takes them apart
    errors, _ = config.validate()
    for _, problem in errors:
        raise LocatedError(
            config_path, line_of(text, r"^markdown_extensions:"), f"markdown_extensions: {problem}"
        )
    return MarkdownSettings(list(config.markdown_extensions), dict(config.mdx_configs or {}))
