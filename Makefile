# tiepdan: `make run` serves the demo site, `make test` runs the whole suite.
# Both create .venv and install the pinned dependencies first when needed.
PY      := .venv/bin/python
PIP     := .venv/bin/pip
PORT    ?= 8000
STAMP   := .venv/.installed
CHECKS  := check-lint check-format check-types check-migrations check-catalogues

.PHONY: help run test check $(CHECKS) messages seed install hooks clean-db

help:
	@echo "make run       serve the demo site on http://127.0.0.1:$(PORT) (PORT=8123 make run)"
	@echo "make test      the whole test suite; TIEPDAN_TEST_DATABASE_URL=postgres://... for PostgreSQL"
	@echo "make check     ruff, ruff format --check, mypy, makemigrations --check, catalogues (make -k check: all)"
	@echo "make messages  refresh and compile every Vietnamese catalogue"
	@echo "make seed      load the demo data (idempotent)"
	@echo "make hooks     install the pre-commit hooks"
	@echo "make clean-db  delete the local SQLite database and job queue"

$(PY):
	python3 -m venv .venv

# Re-install only when the pinned dependencies change. -qq: errors only, no index chatter.
# XStatic-Bootstrap is an sdist whose setup still imports pkg_resources: old setuptools, no isolation.
$(STAMP): pyproject.toml | $(PY)
	@echo "Installing the pinned dependencies into .venv (about a minute the first time)..."
	$(PIP) install -qq --upgrade pip
	$(PIP) install -qq "setuptools<81" wheel
	$(PIP) install -qq --no-build-isolation XStatic-Bootstrap==5.3.8.0
	$(PIP) install -qq -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	PORT=$(PORT) bash scripts/run.sh

# pytest exits 5 when it collected no test: that means the suite is broken, so say so.
test: $(STAMP)
	@status=0; $(PY) -m pytest $(PYTEST_ARGS) || status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: pytest collected no tests" >&2; fi; \
	exit $$status

# Each check is its own target, so `make -k check` reports every failing one.
check: $(CHECKS)

check-lint: $(STAMP)
	.venv/bin/ruff check .
check-format: $(STAMP)
	.venv/bin/ruff format --check .
check-types: $(STAMP)
	.venv/bin/mypy config tiepdan
check-migrations: $(STAMP)
	DJANGO_SETTINGS_MODULE=config.settings_test $(PY) manage.py makemigrations --check --dry-run
check-catalogues: $(STAMP)
	$(PY) -m pytest -q tiepdan/lib/tests/test_translations.py

messages: $(STAMP)
	bash scripts/messages.sh

seed: $(STAMP)
	$(PY) manage.py seed_demo

hooks: $(STAMP)
	.venv/bin/pre-commit install

clean-db:
	rm -f db.sqlite3 db.sqlite3-wal db.sqlite3-shm var/huey.sqlite3*
