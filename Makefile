# planmerge: the two commands a new machine needs are `make demo` and `make test`.
SWIFT ?= swift
BIN := .build/debug/planmerge
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build demo lint format test integration bench bench-quick dist dist-check fuzz clean

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
	@echo; echo "== The plan in a browser: serve the demo hub on http://127.0.0.1:8086 (sign in as coordinator, password demo-password-1):"; echo "   rm -rf /tmp/planmerge-demo && $(BIN) demo --keep /tmp/planmerge-demo >/dev/null && echo demo-password-1 | $(BIN) serve account add coordinator --accounts /tmp/planmerge-demo/accounts && $(BIN) serve --repo /tmp/planmerge-demo/hub.git --listen 127.0.0.1:8086 --auth accounts:/tmp/planmerge-demo/accounts"

# The full test suite (what .ci/run runs): the unit and command tests first, in parallel
# (each test is independent: its own temporary folders, HOME and ports), then the check of
# the Cabinet documents in real viewers.
# The formatter's check (.swift-format; `make format` rewrites the files in place).
FORMATTED := Package.swift Sources Tests Fuzz
lint:
	$(SWIFT) format lint --strict --recursive $(FORMATTED)

format:
	$(SWIFT) format --in-place --recursive $(FORMATTED)

test: deps lint
	$(SWIFT) build --build-tests
	./scripts/import-tools
	$(SWIFT) test --skip-build --disable-swift-testing --parallel
	./scripts/integration-check
	./scripts/server-check
	./scripts/browser-check

# The Cabinet documents opened for real: DOCX through LibreOffice, HTML through Chromium.
integration: build
	./scripts/integration-check

# The binaries timed are built as `make dist` ships planmerge: the Swift runtime and Foundation
# linked statically (--static-swift-stdlib), so the dynamic loader relocates about 25 shared
# libraries instead of 40. Measured on the Leicester plan (callgrind, instructions per
# process): --version 39.4 M -> 22.2 M, validate 92.9 M -> 74.5 M, consolidate --offline
# 241.7 M -> 221.7 M; wall medians of 40 interleaved runs: --version 40 -> 25 ms, validate
# 61 -> 45 ms, consolidate --offline 137 -> 107 ms (a loaded machine). The flag changes every
# compile command, so these builds have their own folder (BENCH_BUILD) instead of switching
# .build back and forth. PLANMERGE_BIN (and SERVE_BIN) still choose another binary.
BENCH_BUILD ?= .build-bench
BENCH_BINS = PLANMERGE_BIN=$${PLANMERGE_BIN:-$(abspath $(BENCH_BUILD))/release/planmerge} \
	SERVE_BIN=$${SERVE_BIN:-$(abspath $(BENCH_BUILD))/release/planmerge-serve}
bench: deps
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path $(BENCH_BUILD)
	$(BENCH_BINS) ./Benchmarks/run
	$(BENCH_BINS) python3 Benchmarks/serve_load.py

# The same at a tenth of the national size (20 partners, 1,000 files), one timed run each,
# and a 5-second serve load run: under a minute once the release binary is built.
bench-quick: deps
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path $(BENCH_BUILD)
	$(BENCH_BINS) BENCH_SCALE=$${BENCH_SCALE:-0.1} BENCH_RUNS=$${BENCH_RUNS:-1} BENCH_REMOTES=$${BENCH_REMOTES:-10} ./Benchmarks/run
	$(BENCH_BINS) LOAD_SECONDS=$${LOAD_SECONDS:-5} LOAD_OFFICERS=$${LOAD_OFFICERS:-10} python3 Benchmarks/serve_load.py

# A relocatable Linux tarball (static Swift runtime, libgit2 and its libraries bundled) in
# dist/, and its check in a minimal Debian chroot made by debootstrap (needs root; not part
# of `make test`).
dist: deps
	./scripts/dist

dist-check: dist
	./scripts/dist-check

# libFuzzer on the section parser, manifest reader, due-date reader and section merge,
# FUZZ_SECONDS each (built in .build-fuzz from Fuzz/Package.swift; see Fuzz/run).
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) ./Fuzz/run

clean:
	rm -rf .build .build-bench .build-dist .build-fuzz dist
