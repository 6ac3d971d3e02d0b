# Prozesshandbuch: the two commands are `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000
# Material prints a banner about MkDocs 2.0 on every run; the project pins mkdocs<2.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint check schema bench codeowners clean fuzz

# --dirty lets MkDocs skip pages whose HTML is current; the plugin decides which those are
# and keeps the search index complete (plugins/prozesshandbuch/build/incremental.py).
serve: $(VENV)/.installed
	@scripts/ensure-system.sh graphviz
	$(BIN)/mkdocs serve --dirty -a $(HOST)

build: $(VENV)/.installed
	@scripts/ensure-system.sh graphviz
	$(BIN)/mkdocs build

check: $(VENV)/.installed
	$(BIN)/prozesshandbuch check --strict content

test: $(VENV)/.installed-test
	@scripts/ensure-system.sh graphviz chromium
	$(BIN)/ruff check plugins tests bench
	$(BIN)/ruff format --check plugins tests bench
	$(BIN)/mypy
	$(BIN)/prozesshandbuch schema --check
	$(BIN)/pytest -n 2 -m "not slow"

lint: $(VENV)/.installed-test
	$(BIN)/ruff check plugins tests bench
	$(BIN)/ruff format --check plugins tests bench
	$(BIN)/mypy

schema: $(VENV)/.installed
	$(BIN)/prozesshandbuch schema

# Property-based security tests with many random examples (`make test` runs a few fixed
# ones); failures are kept in .hypothesis/ and replayed first on the next run.
FUZZ_EXAMPLES ?= 200
fuzz: $(VENV)/.installed-test
	@scripts/ensure-system.sh graphviz
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest -n 2 tests/test_properties.py tests/test_history_properties.py

bench: $(VENV)/.installed-test
	@scripts/ensure-system.sh graphviz
	$(BIN)/python -m bench.run $(BENCH_ARGS)

$(BIN)/python:
	@scripts/ensure-system.sh venv
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	@touch $@

# The test tools include bpmn-js from npm, in a test-only folder (git-ignored).
$(VENV)/.installed-test: pyproject.toml tests/js/package-lock.json $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test]'
	@scripts/ensure-system.sh node
	cd tests/js && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

clean:
	rm -rf site .cache .pytest_cache .mypy_cache .ruff_cache tests/js/node_modules
