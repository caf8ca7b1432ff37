# Every target bootstraps .venv from the pinned requirements when it is missing or stale.
# Set-up chatter goes to stderr, so `make plan FORMAT=json | jq` sees only the plan.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Each CLI is a fresh process: with PYTHONDONTWRITEBYTECODE set (some CI images set it) the project's ~100 modules
# are compiled from source on every run (about 0.3 s). Their .pyc go to the git-ignored __pycache__/.
unexport PYTHONDONTWRITEBYTECODE
# The stacks are the Pulumi.<stack>.yaml files: STACK and FROM default to the first in promotion order (`make
# stacks`), TO to the last; each is looked up once, and only by a target that uses it.
_stack_end = $(or $(shell $(BIN)/python -m cli.stacks --$1),$(error no $1 stack in promotion order to default to (no Pulumi.<stack>.yaml, or one that cannot be read, above): name the stack, e.g. $2=<stack>))
_first_stack = $(eval _first_stack := $(call _stack_end,first,STACK=<stack> or FROM))$(_first_stack)
_last_stack = $(eval _last_stack := $(call _stack_end,last,TO))$(_last_stack)
STACK ?= $(_first_stack)
# A defaulted stack is named on stderr, so that `make check` on the first stack is not read as a check of the last.
defaulted = $(if $(filter file,$(origin $1)),echo "$1 not given: $($1) ($2 in promotion order; make stacks lists them)" >&2;)
FORMAT ?= tree
FROM ?= $(_first_stack)
TO ?= $(_last_stack)
FILE ?= -
FUZZ_SECONDS ?= 120

# A stack name reaches a shell and every URN: only [a-z0-9][a-z0-9-]*, checked in make itself (exit 2).
_name_chars := a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 3 4 5 6 7 8 9 -
_strip_chars = $(if $2,$(call _strip_chars,$(subst $(firstword $2),,$1),$(wordlist 2,99,$2)),$1)
valid_stack = $(if $(or $(call _strip_chars,$(subst $(empty) $(empty),_,$1),$(_name_chars)),$(filter -%,$1),$(if $1,,empty)),$(error $2='$1' is not a stack name: expected [a-z0-9][a-z0-9-]*))
empty :=

BASE ?=

.PHONY: fuzz stacks import export plan changes test test-js lint schema snapshots bench preview-templates check diff guard protection scopes integration help

help:
	@echo "make stacks                                           the stacks (one per Pulumi.<stack>.yaml) in promotion order"
	@echo "make plan STACK=<stack> [FORMAT=tree|json|markdown]   desired state of a stack, offline"
	@echo "make changes [BASE=<ref>] [STACK=<stack>] [FORMAT=tree|markdown|json] [DETAILED=1]  what this change does per stack, offline (DETAILED=1: fails when there are changes)"
	@echo "make check STACK=<stack>                              Auth0 production checks on the offline plan (fails on a mandatory one)"
	@echo "make diff FROM=<stack> TO=<stack>                     resources and properties that differ between two stacks"
	@echo "make import FROM=<a0deploy export> [CONFIG=\"dev=config.dev.json ...\"] [INTO=.] [FORCE=1] [STRICT=1]  adopt an auth0-deploy-cli export"
	@echo "make export STACK=<stack> [INTO=.] [FORCE=1]          read the stack's live tenant into tenant.yaml, assets and import.json"
	@echo "make guard [FILE=preview.json] [BASE=<ref>]           fail a prod preview --json that costs data, protection or logins (stdin without FILE)"
	@echo "make protection [BASE=origin/main] [STACK=<stack>]    fail a stack file that lowers its protection against BASE"
	@echo "make test [TEST_WORKERS=auto]                         lint, then pytest on TEST_WORKERS processes beside test-js (what CI runs)"
	@echo "make lint                                             ruff on the Python code"
	@echo "make test-js                                          node --test on the *.test.js under assets/ and .github/"
	@echo "make snapshots                                        rewrite tests/tenant/snapshots/<stack>.urns after a reviewed URN change"
	@echo "make schema                                           regenerate schema/*.json from the model"
	@echo "make preview-templates [STACK=<stack>]                render the email/page templates in the tenant's brand to build/preview/"
	@echo "make scopes [EXPORT=1]                                Management API scopes the deploy application (or make export) needs"
	@echo "make fuzz [FUZZ_SECONDS=120]                          mutate a fixture tenant and export for a while; print failures"
	@echo "make bench                                            time the offline plan (figures, no assertions)"
	@echo "make integration                                      tests/integration against a real tenant (skips without one)"

$(BIN)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")' >&2
	@# Two makes in a fresh clone would both create .venv: the first holds the lock, the second waits.
	@$(if $(shell command -v flock),flock $(VENV).lock,) sh -c 'test -x $(BIN)/python || $(PYTHON) -m venv $(VENV); \
	  $(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt' >&2
	@# The plan's lazily created SDK classes are compiled once into caches beside the SDK's .pyc (cli/lazy_classes.py).
	@$(BIN)/python -c 'from cli import lean_auth0; lean_auth0.prepare()' >&2
	@touch $@

plan: $(BIN)/.installed
	@$(call valid_stack,$(STACK),STACK)$(call defaulted,STACK,the first)$(BIN)/python -m cli.plan --stack '$(STACK)' --format '$(subst ','\'',$(FORMAT))'

# BASE defaults to the merge base with main; STACK, when not given, means every stack (not the default first stack).
changes: $(BIN)/.installed
	@$(BIN)/python -m cli.changes --format '$(subst ','\'',$(FORMAT))' $(if $(BASE),--base '$(subst ','\'',$(BASE))') \
		$(if $(filter-out file,$(origin STACK)),$(call valid_stack,$(STACK),STACK)--stack '$(STACK)') \
		$(if $(filter 1,$(DETAILED)),--detailed-exitcode)

lint: $(BIN)/.installed
	@# No cache file: a read-only checkout must lint too.
	@$(BIN)/ruff check --no-cache .

# Action and custom-database JavaScript under assets/ (and the workflows' scripts) is tested with Node's own runner.
JS_TESTS := $(shell find assets .github -name '*.test.js' 2>/dev/null | sort)

# pytest on TEST_WORKERS processes (pytest-xdist; `auto`: one per core), the JavaScript tests beside it, their
# output after pytest's; fails when either fails.
TEST_WORKERS ?= auto
test: lint
	@js_log=$$(mktemp); $(MAKE) --no-print-directory test-js >$$js_log 2>&1 & js=$$!; \
	$(BIN)/python -m pytest -n '$(subst ','\'',$(TEST_WORKERS))' --dist loadgroup; py=$$?; \
	wait $$js; js_status=$$?; cat $$js_log; rm -f $$js_log; \
	if [ $$js_status -ne 0 ]; then echo "make test-js failed" >&2; fi; \
	[ $$py -eq 0 ] && [ $$js_status -eq 0 ]

test-js:
	@if [ -n "$(JS_TESTS)" ]; then node --test $(JS_TESTS); fi

schema: $(BIN)/.installed
	@$(BIN)/python -m cli.schema --write

snapshots: $(BIN)/.installed
	@$(BIN)/python -m cli.snapshot

bench: $(BIN)/.installed
	@$(BIN)/python -m cli.bench

# The brand and settings of STACK when given, else of the first production stack.
preview-templates: $(BIN)/.installed
	@$(BIN)/python -m cli.preview $(if $(filter-out file,$(origin STACK)),--stack $(STACK))

check: $(BIN)/.installed
	@$(call valid_stack,$(STACK),STACK)$(call defaulted,STACK,the first)$(BIN)/python -m cli.check --stack '$(STACK)' $(if $(BASE),--base '$(BASE)')

diff: $(BIN)/.installed
	@$(call valid_stack,$(FROM),FROM)$(call valid_stack,$(TO),TO)$(call defaulted,FROM,the first)$(call defaulted,TO,the last)$(BIN)/python -m cli.diff --from '$(FROM)' --to '$(TO)'

# Reads `pulumi preview --json` (FILE, or stdin); CIAM_ALLOW_DESTRUCTIVE=1 (the deploy workflow's allow-destructive input) lets a reviewed change through.
# The stack comes from the preview itself; STACK is passed on only when given explicitly (never the default first stack).
guard: $(BIN)/.installed
	@$(BIN)/python -m cli.guard --file '$(subst ','\'',$(FILE))' $(if $(filter-out file,$(origin STACK)),$(call valid_stack,$(STACK),STACK)--stack '$(STACK)') $(if $(BASE),--base '$(BASE)')

# Fails when a stack file lowers its protection against BASE (production -> other, protect_data off).
# Every stack, or only STACK when given explicitly (the deploy job compares its own stack with its last deployment).
protection: $(BIN)/.installed
	@$(BIN)/python -m cli.stack_protection --base '$(subst ','\'',$(or $(BASE),origin/main))' $(if $(filter-out file,$(origin STACK)),$(call valid_stack,$(STACK),STACK)--stack '$(STACK)')

stacks: $(BIN)/.installed
	@$(BIN)/python -m cli.stacks

# FROM is also diff's source stack; an import passes the export path in it (never the default stack).
INTO ?= .
import: $(BIN)/.installed
	@$(if $(filter file,$(origin FROM)),$(error make import needs FROM=<a0deploy export>))$(BIN)/python -m cli.import_tenant --from "$(FROM)" --config "$(CONFIG)" --into "$(INTO)" $(if $(FORCE),--force) $(if $(STRICT),--strict) $(if $(ENVIRONMENT),--environment $(ENVIRONMENT)) $(if $(IMPORT_IDS),--import-ids $(IMPORT_IDS))

export: $(BIN)/.installed
	@$(call valid_stack,$(STACK),STACK)$(call defaulted,STACK,the first)$(BIN)/python -m cli.export_tenant --stack '$(STACK)' --into "$(INTO)" $(if $(FORCE),--force)

scopes: $(BIN)/.installed
	@$(BIN)/python -m cli.scopes $(if $(EXPORT),--export)

integration: $(BIN)/.installed
	@$(BIN)/python -m pytest tests/integration -rs

# The bad-input properties of tests/engine/test_bad_input_properties.py, for FUZZ_SECONDS instead of a few examples.
fuzz: $(BIN)/.installed
	@FUZZ_SECONDS='$(subst ','\'',$(FUZZ_SECONDS))' $(BIN)/python -m tests.engine.fuzz
