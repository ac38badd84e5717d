"""The MkDocs plugin `eme-toolkit`: routes build events to the modules that do the work.

It must come after `i18n` under plugins: in mkdocs.yml; the priorities below put each event
after static-i18n's, which runs at -100 (and 50 for page context).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from eme_toolkit import (
    checklist,
    direction,
    handout,
    head,
    header,
    internals,
    not_found,
    notices,
    permalinks,
    repository,
    search,
    serve,
    sitemaps,
    status_page,
    theme_words,
)
from eme_toolkit.cache import PageCache
from eme_toolkit.context import BuildContext, LanguageBuild
from eme_toolkit.options import ToolkitConfig
from eme_toolkit.templates import CompiledTemplates


class ToolkitPlugin(BasePlugin[ToolkitConfig]):
    """Per-language search, head links, translation notices, status and 404 pages, checklists."""

    def __init__(self) -> None:
        self._context: BuildContext | None = None
        self._check_port = False
        self._serving = False
        self._templates = CompiledTemplates()  # kept across language builds and rebuilds
        self._pages: PageCache | None = None  # pages read, kept across rebuilds when serving
        self._quick: serve.QuickRebuilds | None = None  # `mkdocs serve --dirty` only

    @property
    def context(self) -> BuildContext:
        if self._context is None:
            raise RuntimeError("eme-toolkit: used before on_config")
        return self._context

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Defined so that MkDocs keeps one plugin across `mkdocs serve` rebuilds; each rebuild
        still starts from a fresh BuildContext in on_config. The pages read, and under
        `--dirty` what quick rebuilds need (serve.QuickRebuilds), are kept across rebuilds."""
        self._check_port = self._serving = command == "serve"
        if self._serving and dirty:
            self._quick = serve.QuickRebuilds()
            internals.allow_strict_dirty_builds()

    @event_priority(-150)  # after static-i18n has set up this language's build
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self._check_port:  # before the first build of `mkdocs serve` only
            self._check_port = False
            problem = serve.port_problem(config.dev_addr.host, config.dev_addr.port)
            if problem:
                raise PluginError(problem)
        if self._context is None or not self._context.languages:
            if self._quick is not None:
                self._quick.start(config)
                internals.search_index_of_this_build_only(config)
            self._context = BuildContext(config, self.config, self._serving, self._pages)
            if self._serving and self._pages is None:
                self._pages = self._context.docs.cache
            if self.config.build_only:
                internals.build_only(config, set(self.config.build_only.split(",")))
        # static-i18n sets Material's theme language for each language's build.
        code = config.theme.get("language")
        if not code:
            raise PluginError(f"{config.config_file_path}: eme-toolkit needs theme: material")
        self.context.languages.append(LanguageBuild(str(code)))
        return config

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        if self._quick is not None:  # the pages are read, none is built yet
            self._quick.keep_titles(files, self.context.current.code)
            self._quick.keep_whole_site_pages(config)
        return self._share_with(env)

    def _share_with(self, env: Environment) -> Environment:
        """Our compiled templates, and the theme's words of the languages Material lacks."""
        return theme_words.provide(self._templates.share_with(env), self.context.strings)

    @event_priority(-200)  # after static-i18n has chosen this language's files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # Our partials render page content, which MkDocs builds before its own on_env.
        env = self.context.current.env = self._share_with(config.theme.get_env())
        if not self.context.directions:
            codes = [lang.code for lang in self.context.site.languages]
            self.context.directions = {code: direction.of(env, code) for code in codes}
        status_page.add_page(files, config, self.context)
        serve.show_unreadable(files, self.context.unreadable)
        if self._quick is not None:
            site = self.context.site
            self._quick.rebuild_translations(files, self.context.current.code, site)
        return files

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        toc = config.mdx_configs.get("toc") or {}
        html = permalinks.translate_permalinks(
            html, self.context, str(toc.get("permalink_title", "Permanent link"))
        )
        html = checklist.label_boxes(html)
        where = self.context.site.display(Path(page.file.abs_src_path or page.file.src_uri))
        try:
            base = repository.file_base(config.edit_uri, config.repo_url)
            html = repository.link_files(html, base, where)
        except repository.RepositoryError as error:
            raise PluginError(str(error)) from None
        if status_page.is_status_page(page.file.src_uri, self.context):
            html = html.replace(status_page.MARKER, status_page.body(self.context))
        else:
            html = notices.add_notice(html, page, self.context)
        button = handout.printable(internals.page_name(page.file), self.context)
        url = head.site_url(config) + page.url
        return handout.add_source_line(html, url, self.context, button)

    @event_priority(-200)  # after static-i18n has set the language selector for the page
    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        site, build = self.context.site, self.context.current
        if status_page.is_status_page(page.file.src_uri, self.context):
            alternates = internals.page_alternates(config)
            internals.set_page_alternates(
                config, status_page.alternates(config, alternates, site.default.code)
            )
            urls = status_page.urls(
                config, [lang.code for lang in site.languages], site.default.code
            )
        else:
            urls = internals.file_alternates(page.file)
        links = head.alternates(urls, site, head.site_url(config))
        build.alternates[page.url] = links
        context["hreflang_links"] = links
        context["checklist"] = checklist.words(page.content, self.context)
        context["printable"] = handout.printable(internals.page_name(page.file), self.context)
        return context

    @event_priority(-200)  # after static-i18n and the other plugins have finished the page
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        site, build = self.context.site, self.context.current
        base = head.site_url(config)
        links = build.alternates.pop(page.url, [])
        sitemaps.write_page_sitemap(Path(config.site_dir), page.url, links, base)
        # The article as the reader gets it, tag listings (rendered last by Material) included.
        output = handout.mark_links(output, base + page.url)
        output = direction.mark_page(output, self.context.directions[build.code])
        output = header.with_short_name(output, self.context)
        return search.point_at_language(output, page.url, build.code, site, page.file.src_uri)

    def on_template_context(
        self, context: dict[str, Any], *, template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        if template_name == not_found.TEMPLATE:
            env = self.context.current.env
            assert env is not None
            context["not_found"] = not_found.languages(
                self.context,
                env,
                head.site_url(config),
                config.nav or [],
                internals.i18n_languages(config),
                config.site_name,
                list(config.theme.get("palette") or []),
            )
        return context

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        if template_name != not_found.TEMPLATE:
            return output_content
        output = header.with_short_name(not_found.with_search(output_content), self.context)
        output = direction.mark_page(output, self.context.directions[self.context.current.code])
        if self.context.current.code == self.context.site.default.code:
            self.context.not_found_page = output
        return output

    @event_priority(-200)  # after static-i18n has built the other languages into the same folder
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        context = self.context
        build = context.languages.pop()
        site_dir = Path(config.site_dir)
        quick = self._quick
        whole = quick is None or not quick.partial
        search.write_language_index(site_dir, build.code, context.site, whole)
        if build.code != context.site.default.code:
            return
        if not self._serving:  # `mkdocs serve` keeps its pages until it stops
            context.docs.save()
        if context.not_found_page is not None:
            # Written last, over the other languages' 404 pages.
            (site_dir / not_found.TEMPLATE).write_text(context.not_found_page, encoding="utf-8")
        if quick is not None:
            quick.finish()

    def on_build_error(self, *, error: Exception) -> None:
        if self._context is not None:
            self._context.languages.clear()
        if self._quick is not None:
            self._quick.fail()

    def on_shutdown(self) -> None:
        if self._pages is not None:  # for the next command: `make check`, say
            self._pages.save()
