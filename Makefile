# Every target bootstraps .venv from the pinned requirements when it is missing or stale.
# Set-up chatter goes to stderr, so `make plan FORMAT=json | jq` sees only the plan.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STACK ?= dev
FORMAT ?= tree
FROM ?= dev
TO ?= prod
FILE ?= -
BASE ?=

.PHONY: plan test lint schema snapshots bench preview-templates check diff guard protection scopes integration help

help:
	@echo "make plan STACK=<dev|qa|prod> [FORMAT=tree|json|markdown]   desired state of a stack, offline"
	@echo "make test                                                    ruff, then pytest"
	@echo "make schema                                                  regenerate schema/*.json from the model"
	@echo "make preview-templates                                       render shipped email/page templates with sample values to build/preview/"
	@echo "make scopes                                                  Management API scopes the deploy application needs"
	@echo "make integration                                             tests/integration against a real tenant (skips without one)"
	@echo "make snapshots                                               rewrite tests/snapshots/<stack>.urns after a reviewed URN change"
	@echo "make bench                                                   time the offline plan (figures, no assertions)"
	@echo "make check STACK=<s>                                         Auth0 production checks on the offline plan (exit 1: mandatory fails)"
	@echo "make diff FROM=<s> TO=<s>                                    resources and properties that differ between two stacks"
	@echo "make guard [FILE=preview.json] [BASE=ref]                    fail a prod preview --json that costs data, protection or logins (stdin without FILE)"
	@echo "make protection [BASE=origin/main]                           fail a stack file that lowers its protection against BASE"

$(BIN)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")' >&2
	@# Two makes in a fresh clone would both create .venv: the first holds the lock, the second waits.
	@$(if $(shell command -v flock),flock $(VENV).lock,) sh -c 'test -x $(BIN)/python || $(PYTHON) -m venv $(VENV); \
	  $(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt' >&2
	@touch $@

plan: $(BIN)/.installed
	@$(BIN)/python -m cli.plan --stack $(STACK) --format $(FORMAT)

lint: $(BIN)/.installed
	@# No cache file: a read-only checkout must lint too.
	@$(BIN)/ruff check --no-cache .

# Action and custom-database JavaScript under assets/ (and the workflows' scripts) is tested with Node's own runner.
JS_TESTS := $(shell find assets .github -name '*.test.js' 2>/dev/null | sort)

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

check: $(BIN)/.installed
	@$(BIN)/python -m cli.check --stack $(STACK) $(if $(BASE),--base $(BASE))

diff: $(BIN)/.installed
	@$(BIN)/python -m cli.diff --from $(FROM) --to $(TO)

# Reads `pulumi preview --json` (FILE, or stdin); CIAM_ALLOW_DESTRUCTIVE=1 (the deploy workflow's allow-destructive input) lets a reviewed change through.
# The stack comes from the preview itself; STACK is passed on only when given explicitly (never the default dev).
guard: $(BIN)/.installed
	@$(BIN)/python -m cli.guard --file $(FILE) $(if $(filter-out file,$(origin STACK)),--stack $(STACK)) $(if $(BASE),--base $(BASE))

# Fails when a stack file lowers its protection against BASE (production -> other, protect_data off).
protection: $(BIN)/.installed
	@$(BIN)/python -m cli.stack_protection --base $(or $(BASE),origin/main)

scopes: $(BIN)/.installed
	@$(BIN)/python -m cli.scopes

integration: $(BIN)/.installed
	@$(BIN)/python -m pytest tests/integration -rs
