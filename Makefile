# Every target bootstraps .venv from the pinned requirements when it is missing or stale.
# Set-up chatter goes to stderr, so `make plan FORMAT=json | jq` sees only the plan.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STACK ?= dev
FORMAT ?= tree

.PHONY: plan test lint schema snapshots bench preview-templates help

help:
	@echo "make plan STACK=<dev|qa|prod> [FORMAT=tree|json|markdown]   desired state of a stack, offline"
	@echo "make test                                                    ruff, then pytest"
	@echo "make schema                                                  regenerate schema/*.json from the model"
	@echo "make preview-templates                                       render shipped email/page templates with sample values to build/preview/"
	@echo "make snapshots                                               rewrite tests/snapshots/<stack>.urns after a reviewed URN change"
	@echo "make bench                                                   time the offline plan (figures, no assertions)"

$(BIN)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")' >&2
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) >&2
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt >&2
	@touch $@

plan: $(BIN)/.installed
	@$(BIN)/python -m cli.plan --stack $(STACK) --format $(FORMAT)

lint: $(BIN)/.installed
	@$(BIN)/ruff check .

# Action and custom-database JavaScript under assets/ is tested with Node's own runner.
JS_TESTS := $(shell find assets -name '*.test.js' 2>/dev/null | sort)

test: lint
	@$(BIN)/python -m pytest
	@if [ -n "$(JS_TESTS)" ]; then node --test $(JS_TESTS); fi

schema: $(BIN)/.installed
	@$(BIN)/python -m cli.schema --write

snapshots: $(BIN)/.installed
	@$(BIN)/python -m cli.snapshot

bench: $(BIN)/.installed
	@$(BIN)/python -m cli.bench

preview-templates: $(BIN)/.installed
	@$(BIN)/python -m cli.preview
