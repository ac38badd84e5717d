"""The EME peer groups toolkit: an MkDocs plugin for the bilingual site and the editors' CLI.

Modules, by concern:
- site, options: the site's folders, languages and Markdown settings, and this plugin's options
- rendering, blocks, page: a page read as MkDocs renders it, into front matter and sections
- strings: the site's own words (docs/<lang>/strings.yml)
- docs, cache: every language's pages, each read once, kept between commands
- check, record, mark, diff, status: the translation tools over every language's pages
- languages: adding a language
- cli: the editors' command line (`eme-i18n`)
- plugin: the MkDocs plugin, which routes build events to context, notices, permalinks,
  status_page, search, head, sitemaps, handout (what a printed page shows), not_found,
  checklist, serve and templates
- errors, yamlfile, chromium: the one place for located messages, YAML and finding Chromium
- internals: the private parts of MkDocs, Material, static-i18n and Python-Markdown we rely on
"""
