# SUN — entry points. `make run` and `make test` are all a fresh machine needs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installe-run
STAMP_TEST := $(VENV)/.installe-test
HOTE ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test quality bench install install-test audit-accessibilite clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(STAMP_RUN)

install: $(STAMP_RUN)

install-test: $(STAMP_TEST)

## make run: install, migrate, load the territory and demo content if missing, compute the
## indicators once, serve (with the task worker beside the server: sun serve starts it).
run: install
	$(BIN)/sun preparer
	$(BIN)/sun serve --hote $(HOTE) --port $(PORT)

## make test: the whole suite (DATABASE_URL chooses SQLite or PostgreSQL), one pytest-xdist
## worker per CPU, each with its own test database; idle workers take tests from busy ones.
test: install-test
	@[ -x /usr/bin/chromium ] || echo "Note : Chromium absent, les tests navigateur seront ignorés (apt-get install -y chromium)."
	$(BIN)/pytest -n auto --dist worksteal

quality: install-test
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/ruff check src tests benchmarks
	SUN_VAR_DIR=var/qualite $(BIN)/sun django makemigrations --check --dry-run

bench: install-test
	$(BIN)/python benchmarks/api_communes.py
	$(BIN)/python benchmarks/api_lieux.py
	$(BIN)/python benchmarks/doublons.py
	$(BIN)/python benchmarks/doublons_reels.py
	$(BIN)/python benchmarks/import_lieux.py
	$(BIN)/python benchmarks/couverture.py
	$(BIN)/python benchmarks/charge_publique.py
	$(BIN)/python benchmarks/relation_registre.py
	$(BIN)/python benchmarks/telephonie_import.py
	$(BIN)/python benchmarks/telephonie_tableau.py
	$(BIN)/python benchmarks/connectivite_import.py
	$(BIN)/python benchmarks/connectivite_fiches.py
	$(BIN)/python benchmarks/parc_import.py
	$(BIN)/python benchmarks/parc_taux.py
	$(BIN)/python benchmarks/parc_empreinte.py
	$(BIN)/python benchmarks/donnees_validation.py
	$(BIN)/python benchmarks/donnees_regeneration.py

## Re-run the browser checks and record their results for the accessibility statement.
audit-accessibilite: install-test
	SUN_ECRIRE_AUDIT=1 $(BIN)/pytest tests/navigateur -k axe

clean:
	rm -rf $(VENV) var
