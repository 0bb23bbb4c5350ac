# The two quick-start commands: `make up` (set up, ingest the samples, serve)
# and `make test` (set up, run the test suite). Both create .venv on first use.
PYTHON ?= $(shell command -v python3.12 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LINT_DIR := tests/cypher_lint
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: up test train lint bench web clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "newsgraph needs Python >= 3.12; set PYTHON=/path/to/python3.12")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# Neo4j's own Cypher linter (npm); the lint test is skipped, saying so, without npm.
$(LINT_DIR)/node_modules/.installed: $(LINT_DIR)/package.json
	@if command -v npm >/dev/null 2>&1; then \
		npm install --silent --no-audit --no-fund --prefix $(LINT_DIR) && touch $@; \
	else echo "npm not found: the Neo4j Cypher lint test will be skipped"; fi

up: $(STAMP)
	$(BIN)/newsgraph up --host $(HOST) --port $(PORT)

test: $(STAMP) $(LINT_DIR)/node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

# The learned decision, from the annotated corpus in data/train (docs/corpus.md).
train: $(STAMP)
	$(BIN)/newsgraph train --corpus data/train

# The explorer and the offline /docs and /redoc (web/ -> service/static, committed): needs
# Node and npm here, never where newsgraph runs. tests/test_explorer.py fails until it is
# rerun after web/ changes.
web:
	npm ci --silent --no-audit --no-fund --prefix web
	npm run --silent --prefix web build

bench: $(STAMP)
	$(BIN)/python bench/extract.py

clean:
	rm -rf $(VENV) $(LINT_DIR)/node_modules web/node_modules
