"""Per-build state: what one `mkdocs build` (or one rebuild under `mkdocs serve`) knows.

static-i18n runs one MkDocs build per language on the same config, the other languages from
inside the default language's on_post_build. So a build is a stack of language builds: the
first on_config of a build creates the BuildContext, each language's on_config pushes its
LanguageBuild and its on_post_build pops it. The language is read one way: the theme language
that static-i18n sets for each language's build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from eme_toolkit import internals
from eme_toolkit.cache import PageCache
from eme_toolkit.docs import Docs
from eme_toolkit.errors import LocatedError, located
from eme_toolkit.options import ToolkitConfig
from eme_toolkit.page import PageError
from eme_toolkit.rendering import MarkdownSettings
from eme_toolkit.site import Site, make_site, read_config_text
from eme_toolkit.status import LanguageStatus, status
from eme_toolkit.strings import (
    FILE,
    StringsError,
    load_strings,
    placeholder_problems,
    read_strings_file,
)


@dataclass
class LanguageBuild:
    """One language's build within the site build."""

    code: str
    urls: dict[str, str] = field(default_factory=dict)  # page name -> URL in this build
    env: Environment | None = None  # the theme's templates, for our partials
    alternates: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # URL -> hreflang

    def link(self, name: str, from_url: str, anchor: str = "") -> str | None:
        """A relative link from `from_url` to page `name` of this build, if the build has it."""
        target = self.urls.get(name)
        if target is None:
            return None
        return get_relative_url(target, from_url) + (f"#{anchor}" if anchor else "")


class BuildContext:
    """The site, its pages and their translation status, read once per site build."""

    def __init__(
        self,
        config: MkDocsConfig,
        options: ToolkitConfig,
        serving: bool = False,
        cache: PageCache | None = None,
    ) -> None:
        config_path = Path(config.config_file_path)
        try:
            self.site: Site = make_site(
                config_path,
                Path(config.docs_dir),
                internals.i18n_languages(config),
                options,
                config.nav,
                read_config_text(config_path),
                MarkdownSettings.of(config),
            )
        except LocatedError as error:
            raise PluginError(str(error)) from None
        self.docs = Docs(self.site, cache)
        # Pages that cannot be read: a build fails on them; `mkdocs serve` shows them with the
        # problem on top, and goes on serving the rest (see serve.show_unreadable).
        self.unreadable: dict[str, str] = {
            f"{lang.code}/{name}": located(self.docs.path(lang.code, name), page.line, page.message)
            for lang in self.site.languages
            for name, page in self.docs.pages(lang.code).items()
            if isinstance(page, PageError)
        }
        if self.unreadable and not serving:
            problems = "\n".join(self.unreadable.values())
            raise PluginError(f"pages that cannot be built:\n{problems}")
        self.statuses: dict[str, LanguageStatus] = {s.code: s for s in status(self.site, self.docs)}
        self.languages: list[LanguageBuild] = []
        self.not_found_page: str | None = None
        self._strings: dict[str, dict[str, str]] = {}
        self._untranslated: dict[str, set[str]] = {}
        # Each language's direction, 'ltr' or 'rtl', as the theme writes it (direction.py).
        self.directions: dict[str, str] = {}

    @property
    def current(self) -> LanguageBuild:
        return self.languages[-1]

    def strings(self, lang: str, needed: set[str] | tuple[str, ...] = ()) -> dict[str, str]:
        """The site's words in `lang`; a build error names any of `needed` that is missing."""
        if lang not in self._strings:
            try:
                self._strings[lang] = load_strings(self.site.docs_dir, lang, self.site.default.code)
            except StringsError as error:
                raise PluginError(f"{error}: run `make check`") from None
            self._check_placeholders(lang)
        missing = sorted(set(needed) - set(self._strings[lang]))
        if missing:
            english = self.site.docs_dir / self.site.default.code / "strings.yml"
            raise PluginError(
                f"{self.site.display(english)}: add the site's text for {', '.join(missing)}"
            )
        return self._strings[lang]

    def english(self, lang: str) -> dict[str, str] | None:
        """How to mark a text of `lang`'s strings that is still the default language's (its
        file lacks it, or has the same text): the attributes `lang` and `dir` of that language
        (for partials/eme/*.html), or None where the text needs no mark (the default's own)."""
        default = self.site.default.code
        if lang == default:
            return None
        return {"lang": default, "dir": self.directions.get(default, "ltr")}

    def untranslated(self, lang: str) -> set[str]:
        """The keys whose text `lang` still shows in the default language."""
        if lang not in self._untranslated:
            default = self.site.default.code
            ours = self.strings(lang)
            english = self.strings(default)
            self._untranslated[lang] = (
                set()
                if lang == default
                else {key for key, text in ours.items() if english.get(key) == text}
            )
        return self._untranslated[lang]

    def marks(self, lang: str) -> dict[str, dict[str, str] | None]:
        """For each key of `lang`'s strings: the mark its text needs (`english`), or None."""
        mark = self.english(lang)
        untranslated = self.untranslated(lang)
        return {key: mark if key in untranslated else None for key in self.strings(lang)}

    def _check_placeholders(self, lang: str) -> None:
        """A placeholder that is mistyped, or lost in translation, would reach readers as is."""
        site = self.site
        path = site.docs_dir / lang / FILE
        english = read_strings_file(site.docs_dir / site.default.code / FILE)
        problems = placeholder_problems(read_strings_file(path), english)
        if problems:
            raise PluginError(f"{site.display(path)}: {problems[0][1]}: run `make check`")
