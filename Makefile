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
FUZZ_SECONDS ?= 120

# A stack name reaches a shell and every URN: only [a-z0-9][a-z0-9-]*, checked in make itself (exit 2).
_name_chars := a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 3 4 5 6 7 8 9 -
_strip_chars = $(if $2,$(call _strip_chars,$(subst $(firstword $2),,$1),$(wordlist 2,99,$2)),$1)
valid_stack = $(if $(or $(call _strip_chars,$(subst $(empty) $(empty),_,$1),$(_name_chars)),$(filter -%,$1),$(if $1,,empty)),$(error $2='$1' is not a stack name: expected [a-z0-9][a-z0-9-]*))
empty :=

.PHONY: fuzz plan test lint schema snapshots bench preview-templates check diff guard scopes integration help

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
	@echo "make fuzz [FUZZ_SECONDS=120]                                 mutate a fixture tenant for a while; print bad-input failures"
	@echo "make guard [FILE=preview.json]                               fail a prod preview --json that deletes/replaces data (stdin without FILE)"

$(BIN)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")' >&2
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) >&2
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt >&2
	@touch $@

plan: $(BIN)/.installed
	@$(call valid_stack,$(STACK),STACK)$(BIN)/python -m cli.plan --stack '$(STACK)' --format '$(subst ','\'',$(FORMAT))'

lint: $(BIN)/.installed
	@$(BIN)/ruff check .

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
	@$(call valid_stack,$(STACK),STACK)$(BIN)/python -m cli.check --stack '$(STACK)'

diff: $(BIN)/.installed
	@$(call valid_stack,$(FROM),FROM)$(call valid_stack,$(TO),TO)$(BIN)/python -m cli.diff --from '$(FROM)' --to '$(TO)'

# Reads `pulumi preview --json` (FILE, or stdin); CIAM_ALLOW_DESTRUCTIVE=1 lets a reviewed deletion through.
# The stack comes from the preview itself; STACK is passed on only when given explicitly (never the default dev).
guard: $(BIN)/.installed
	@$(BIN)/python -m cli.guard --file '$(subst ','\'',$(FILE))' $(if $(filter-out file,$(origin STACK)),$(call valid_stack,$(STACK),STACK)--stack '$(STACK)')

scopes: $(BIN)/.installed
	@$(BIN)/python -m cli.scopes

integration: $(BIN)/.installed
	@$(BIN)/python -m pytest tests/integration -rs

# The bad-input properties of tests/engine/test_bad_input_properties.py, for FUZZ_SECONDS instead of a few examples.
fuzz: $(BIN)/.installed
	@FUZZ_SECONDS='$(subst ','\'',$(FUZZ_SECONDS))' $(BIN)/python -m tests.engine.fuzz
