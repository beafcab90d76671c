# Redress: `make run` brings the demo site up; `make test` runs the whole suite.
# Every target is safe to run again; the stamps make a second run quick.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST := 127.0.0.1

.PHONY: run serve test setup test-setup system-packages frontend messages messages-update check pytest bench clean

## run: set everything up, load the demo landlord and serve it on http://127.0.0.1:$(PORT)/
run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py load_demo --address http://$(HOST):$(PORT)/ --cases 400
	$(PY) manage.py runserver $(HOST):$(PORT)

## serve: production: collect the static files (hashed, compressed) and serve the site with
## gunicorn and the production settings, all from the environment (README, "Deploying")
serve:
	DJANGO_SETTINGS_MODULE=portal.settings.production $(PY) manage.py collectstatic --noinput -v 0
	DJANGO_SETTINGS_MODULE=portal.settings.production PORT=$(PORT) $(VENV)/bin/gunicorn

## test: install what the tests need, then lint, check migrations and run pytest
test: test-setup check pytest

setup: $(VENV)/.installed frontend messages

test-setup: system-packages setup

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --editable '.[dev]'
	touch $@

system-packages:
	scripts/system-packages

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

frontend: node_modules/.installed
	npm run --silent build

# Compiles every catalogue in locale/ and the apps (skipped while there are none yet), after
# `msgfmt --check` (placeholders kept, header complete). gettext comes from system-packages.
messages: $(VENV)/.installed
	@if find locale portal casework cms_pages -name '*.po' 2>/dev/null | grep -q .; then \
		command -v msgfmt >/dev/null 2>&1 || scripts/system-packages; \
		for po in $$(find locale portal casework cms_pages -name '*.po'); do \
			msgfmt --check --output-file=/dev/null "$$po" || exit 1; \
		done; \
		$(PY) manage.py compilemessages --ignore=node_modules --ignore=.venv -v 0; \
	fi

## messages-update: regenerate locale/cy and locale/ur from the code and templates, then
## list what residents read that is still to translate (manage.py catalogues untranslated)
messages-update: $(VENV)/.installed
	$(PY) manage.py catalogues update
	$(PY) manage.py catalogues untranslated | grep '^# '

check: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run --settings=portal.settings.test

# One test process per processor (pytest-xdist; each has its own test database). PYTEST_ARGS
# narrows the run, e.g. PYTEST_ARGS='-m "not benchmark and not browser"', or PYTEST_ARGS='-n 0'
# for one process.
pytest: $(VENV)/.installed
	$(VENV)/bin/pytest -n auto $(PYTEST_ARGS)

## bench: the benchmarks in tests/benchmarks/, run on demand. The figures benchmark needs
## PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/redress_bench make bench
## (pytest-django creates and drops its own test_redress_bench database on that server).
bench: test-setup
	$(VENV)/bin/pytest tests/benchmarks -m benchmark -s

clean:
	rm -rf $(VENV) node_modules static/dist var db.sqlite3
