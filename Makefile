# tiepdan: `make run` serves the demo site, `make test` runs the whole suite.
PY      := .venv/bin/python
PIP     := .venv/bin/pip
PORT    ?= 8000
STAMP   := .venv/.installed

.PHONY: run test check messages seed install clean-db

$(PY):
	python3 -m venv .venv

# Re-install only when the pinned dependencies change.
$(STAMP): pyproject.toml | $(PY)
	$(PIP) install -q --upgrade pip
	# XStatic-Bootstrap is an sdist whose setup still imports pkg_resources.
	$(PIP) install -q "setuptools<81" wheel
	$(PIP) install -q --no-build-isolation XStatic-Bootstrap==5.3.8.0
	$(PIP) install -q -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	PORT=$(PORT) bash scripts/run.sh

test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

check: $(STAMP)
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy config tiepdan
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest -q tiepdan/lib/tests/test_translations.py

messages: $(STAMP)
	bash scripts/messages.sh

seed: $(STAMP)
	$(PY) manage.py seed_demo
