# Everything runs from a local virtual environment built from the hashed lock file.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
comma := ,

.PHONY: install browser serve build compare-engines test test-fast test-browser lint lock bench clean check status mark-translated diff add-language remove-language export-po import-po

install: $(STAMP)

$(STAMP): requirements.lock package-lock.json pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	# Our package (scripts/eme_toolkit), editable, built by the locked setuptools: no index needed.
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --no-index -e .
	npm ci --silent --no-audit --no-fund
	touch $@

# make serve PORT=8001 serves on another port. make serve LANGUAGES=fi is the quick mode for
# editing: it builds English and Finnish only (comma-separated codes), and after its first
# build only the pages a save changed (mkdocs serve --dirty; CONTRIBUTING.md says what lags).
# ENGINE=properdocs builds and serves with ProperDocs, the maintained fork of MkDocs 1.x,
# installed beside it (make compare-engines: both build the same site).
PORT ?= 8000
LANGUAGES ?=
ENGINE ?= mkdocs
engine = $(if $(filter $(ENGINE),mkdocs properdocs),$(BIN)/$(ENGINE),$(error ENGINE is mkdocs or properdocs, not $(ENGINE)))
serve: install
	EME_BUILD_ONLY=$(LANGUAGES) $(engine) serve -f mkdocs.yml --strict $(if $(LANGUAGES),--dirty) --dev-addr 127.0.0.1:$(PORT)

build: install
	$(engine) build -f mkdocs.yml --strict --site-dir site

# Build the site with MkDocs and with ProperDocs, and fail on any difference between the two
# builds, naming each file with a short diff (scripts/eme_toolkit/engines.py; CI's engines job).
compare-engines: install
	$(BIN)/python -m eme_toolkit.engines

# Browser tests use a system Chromium (Debian's chromium, Google Chrome, $CHROMIUM) when there
# is one (scripts/eme_toolkit/chromium.py); otherwise Playwright downloads its own build once.
browser: install
	@$(BIN)/python -m eme_toolkit.chromium >/dev/null || $(BIN)/python -m playwright install chromium

test: install browser
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -n auto --dist worksteal

# The edit loop: lint, then every test but the browser tests (tests/unit, including the
# JavaScript ones, tests/cli, tests/site), in well under a minute.
test-fast: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -n auto --dist worksteal -m "not browser"

# The browser tests only; SHARD=K/N runs share K of N of them (tests/conftest.py deals them),
# as each of CI's browser jobs does.
SHARD ?=
test-browser: install browser
	$(BIN)/python -m pytest -n auto --dist worksteal -m browser $(if $(SHARD),--shard=$(SHARD))

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Translations (CONTRIBUTING.md): compare every language with English, section by section;
# show what is translated, outdated and not translated; record a translation as up to date
# (FORCE=1 even with problems); show what changed in English since; add a language (NAME=
# defaults to its own name in CLDR) or remove one (its files kept unless FORCE=1).
# Examples: make mark-translated CODE=fi PAGE=about.md#eme, make diff CODE=fi,
# make add-language CODE=sv NAME=Svenska, make remove-language CODE=sv, make status FORMAT=json|markdown,
# make check FORMAT=github (annotations for GitHub Actions).
FORMAT ?= text
check: install
	$(BIN)/eme-i18n check --format $(if $(filter github,$(FORMAT)),github,text)

status: install
	$(BIN)/eme-i18n status --format $(FORMAT)

mark-translated: install
	$(BIN)/eme-i18n mark-translated $(CODE) $(PAGE) $(if $(FORCE),--force)

diff: install
	$(BIN)/eme-i18n diff $(CODE) $(PAGE)

add-language: install
	$(BIN)/eme-i18n add-language $(CODE) $(if $(NAME),--name "$(NAME)")

remove-language: install
	$(BIN)/eme-i18n remove-language $(CODE) $(if $(FORCE),--force)

# Translation tools (CONTRIBUTING.md, "Translate in a translation tool"): po/<code>/<page>.po
# per page and po/<code>/strings.po, or XLIFF (.xlf) with FORMAT=xliff; exporting again keeps
# what translators did in po/. Import writes their translations into docs/<code>/ (FILE= one
# file), or refuses with file:line and writes nothing. `make check` checks po/ too.
export-po: install
	$(BIN)/eme-i18n export-po $(CODE) --format $(if $(filter xliff,$(FORMAT)),xliff,po)

import-po: install
	$(BIN)/eme-i18n import-po $(CODE) $(if $(FILE),--file $(FILE))

# Performance benchmark: build scaling, edit loop, translation tools, page weight and search,
# against budgets; writes benchmarks/RESULTS.md (about 5-10 minutes; --quick for a smoke run).
bench: install browser
	$(BIN)/python -m benchmarks.run

# Re-resolve the pinned, hashed lock file after editing pyproject.toml. It keeps every pin it
# can; UPGRADE=name (comma-separated) moves those packages to their newest allowed version.
UPGRADE ?=
lock: install
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
		$(foreach name,$(subst $(comma), ,$(UPGRADE)),--upgrade-package $(name)) \
		--custom-compile-command "make lock" -o requirements.lock

clean:
	rm -rf site
