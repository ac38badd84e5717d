"""The EME peer groups toolkit: an MkDocs plugin for the bilingual site and the editors' CLI.

Modules, by concern:
- config: the site's languages and this plugin's options, from mkdocs.yml
- markdown: a page's front matter and sections, read with markdown-it-py
- strings: the site's own words (docs/<lang>/strings.yml)
- docs, check, record, mark, diff, status: the translation tools over every language's pages
- languages: adding a language to mkdocs.yml
- cli: the editors' command line (`eme-i18n`)
- plugin: the MkDocs plugin, which routes build events to context, notices, status_page,
  search, head, handout (what a printed page shows), not_found, checklist, serve and
  templates
- errors, yamlfile, chromium: the one place for located messages, YAML and finding Chromium
- internals: the private parts of Material and mkdocs-static-i18n that the plugin relies on
"""
