# doithoai — `make help` lists the targets.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
# The first Python >= 3.12 on the PATH (pyenv shims included); `make PYTHON=/path/to/python3.12` overrides.
PYTHON ?= $(shell for p in python3.13 python3.12 python3 python; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; \
	then echo $$p; break; fi; done)

.PHONY: help demo test venv install install-dev system-deps lint typecheck migrations-check \
	test-sqlite test-postgres serve worker messages bench clean openapi-snapshot

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(PY):
	@if [ -z "$(PYTHON)" ]; then echo "doithoai needs Python 3.12 or newer; none found on PATH (try: pyenv install 3.12, or make PYTHON=/path/to/python3.12)" >&2; exit 1; fi
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

venv: $(PY) ## Create the virtual environment in .venv

install: $(PY) ## Install the application into .venv
	$(PY) -m pip install --quiet -e .

install-dev: $(PY) ## Install the application and the test tools into .venv
	$(PY) -m pip install --quiet -e '.[dev]'

demo: install ## Set up SQLite, load the demo and serve it on http://127.0.0.1:8000 with the task worker and hourly follow-up checks
	$(BIN)/doithoai migrate --no-input -v 0
	$(BIN)/doithoai demo
	@echo "Serving on http://127.0.0.1:8000 (Ctrl-C stops the server and the worker)"
	@trap 'kill 0' EXIT INT TERM; \
	$(BIN)/doithoai worker & \
	while true; do $(BIN)/doithoai followup_tick >/dev/null 2>&1; sleep 3600; done & \
	$(BIN)/doithoai runserver 127.0.0.1:8000

serve: install ## Serve with granian (production-like; set DJANGO_SETTINGS_MODULE and secrets)
	$(BIN)/granian --interface wsgi --workers 2 --blocking-threads 4 --respawn-failed-workers --host 127.0.0.1 --port 8000 config.wsgi:application

worker: install ## Run the background task worker (reconnects by itself after a database restart)
	$(BIN)/doithoai worker

system-deps: ## Install Debian packages the tests need (PostgreSQL, Chromium, fonts) where missing
	bash scripts/system-deps.sh

lint: install-dev ## ruff lint and format check; import-linter's layers (ADR 0009)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

typecheck: install-dev ## mypy with django-stubs
	$(BIN)/mypy doithoai config

migrations-check: install-dev ## Fail if a model change has no migration
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/doithoai makemigrations --check --dry-run

test-sqlite: install-dev ## The whole suite on SQLite
	$(BIN)/pytest -q

test-postgres: install-dev system-deps ## The whole suite on a throwaway PostgreSQL server
	bash scripts/with-postgres.sh $(BIN)/pytest -q

test: install-dev system-deps lint typecheck migrations-check test-sqlite test-postgres ## Everything CI runs: lint, types, migrations, tests on SQLite and PostgreSQL
	@echo "All checks passed on SQLite and PostgreSQL."

openapi-snapshot: ## Refresh the committed OpenAPI snapshot after an intended API change (then commit it)
	UPDATE_SNAPSHOTS=1 $(BIN)/pytest -q -p no:cacheprovider doithoai/core/tests/test_openapi_snapshot.py

messages: install-dev ## Extract and compile the English translation
	cd doithoai && ../$(BIN)/doithoai makemessages -l en --no-obsolete && ../$(BIN)/doithoai compilemessages -l en

clean: ## Remove the virtual environment and local data
	rm -rf $(VENV) var/*.sqlite3*
