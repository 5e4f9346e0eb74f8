# The two commands of the README: `make run` and `make test`.
PYTHON := .venv/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help run run-engine test setup lint messages

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /  make \1\t/' | expand -t 20

setup:  ## install what is missing: Debian packages, .venv, npm packages
	./scripts/bootstrap

run: setup  ## the demo site and the content of ../shared, on 127.0.0.1:8000 (HOST, PORT)
	$(PYTHON) manage.py migrate --noinput
	$(PYTHON) manage.py load_site
	$(PYTHON) manage.py runserver $(HOST):$(PORT)

# Three pytest sessions. Most modules run in parallel (pytest-xdist, one worker per core, each
# module whole on one worker, so module fixtures such as the demo tree are built once); then,
# in parallel too, the tests that end with a flush of the database (marker `transactional`:
# the flush removes the rows migrations wrote, so nothing else may follow them in a session);
# then, in one process, the suites that share the one running search engine, nginx or fixed
# Redis databases, or bound elapsed time. `make test PYTEST_PARALLEL=` runs them in one process.
PYTEST_PARALLEL ?= -n auto --dist loadfile
SERIAL_SUITES := search_engine or proxy or shared_redis or timing

test: setup  ## the whole suite on SQLite (two parallel sessions, then the serial suites)
	./scripts/services start  # PostgreSQL and Redis: installed by setup, started here if not running
	$(PYTHON) -m pytest $(PYTEST_PARALLEL) -m "not transactional and not ($(SERIAL_SUITES))"
	$(PYTHON) -m pytest $(PYTEST_PARALLEL) -m "transactional and not ($(SERIAL_SUITES))"
	$(PYTHON) -m pytest -m "$(SERIAL_SUITES)"

lint: setup  ## ruff, formatting and the migrations check
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	$(PYTHON) manage.py makemigrations --check --dry-run

# Refresh the .po catalogues after changing interface strings (needs GNU gettext).
# Each app owns its catalogue (<app>/locale); locale/ holds templates/, core/ and config/.
APPS := home documents transparency media_office search participation wordpress_import
LANGS := -l sq -l sr_Latn -l tr
IGNORE := --ignore=var --ignore=.venv --ignore=node_modules --ignore=tests --ignore=bench
messages: setup  ## refresh and compile the .po catalogues (GNU gettext)
	$(PYTHON) manage.py makemessages $(LANGS) $(IGNORE) $(addprefix --ignore=,$(APPS)) --no-obsolete
	for app in $(APPS); do (cd $$app && ../$(PYTHON) ../manage.py makemessages $(LANGS) --no-obsolete) || exit 1; done
	$(PYTHON) manage.py compilemessages $(IGNORE)

# The site on the live search engine (OpenSearch, scripts/search-engine; README: Search engine).
run-engine: setup  ## `make run` on the live search engine (OpenSearch)
	@url=$$(./scripts/search-engine start) && echo "search engine: $$url" && \
	OPENSEARCH_URL=$$url $(PYTHON) manage.py migrate --noinput && \
	OPENSEARCH_URL=$$url $(PYTHON) manage.py update_index && \
	OPENSEARCH_URL=$$url $(MAKE) --no-print-directory run
