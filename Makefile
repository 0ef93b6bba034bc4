# planmerge: the two commands a new machine needs are `make demo` and `make test`.
SWIFT ?= swift
BIN := .build/debug/planmerge
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build demo test integration bench fuzz clean

all: build

# libgit2's development package (and pkg-config, which SwiftPM uses to find it).
deps:
	@if ! pkg-config --exists libgit2 2>/dev/null; then \
		echo "planmerge: installing libgit2-dev and pkg-config with apt"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libgit2-dev pkg-config git; \
	fi

build: deps
	$(SWIFT) build

# The end-to-end demo on the example plans in Repos/.
demo: build
	@echo "== Validating the example plans (Repos/leicester, Repos/derby)"
	@$(BIN) validate Repos/leicester --quiet
	@$(BIN) validate Repos/derby --quiet
	@echo
	@echo "== Statutory deadline of the Leicester plan (report published 3 June 2008, 70 working days)"
	@$(BIN) deadline --from 2008-06-03 --working-days 70
	@echo
	@echo "== The whole workflow on the Leicester plan: hub, partners, consolidate, a day of work"
	@$(BIN) demo --plan leicester

# The full test suite (what .ci/run runs).
test: deps
	$(SWIFT) build --build-tests
	./scripts/integration-check
	$(SWIFT) test --skip-build --disable-swift-testing

# The Cabinet documents opened for real: DOCX through LibreOffice, HTML through Chromium.
integration: build
	./scripts/integration-check

bench: deps
	$(SWIFT) build -c release
	./Benchmarks/run

# libFuzzer on the section parser, manifest reader, due-date reader and section merge,
# FUZZ_SECONDS each (built in .build-fuzz from Fuzz/Package.swift; see Fuzz/run).
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) ./Fuzz/run

clean:
	rm -rf .build
