# The two commands a newcomer needs: `make run` and `make test`.
SHELL := bash
export TRUNK_SKIP_VERSION_CHECK := true
PORT ?= 8080

.PHONY: run test tree-before tree-unchanged setup build build-next lint test-native test-data test-wasm test-e2e e2e-repeat test-engines screenshots package bench fuzz-smoke fuzz-long fuzz-seeds

## Sets up, builds the release and serves it on http://127.0.0.1:$(PORT)
run: setup build
	@echo "peixun: http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

## Sets up and runs every check: format, lint, native, in-browser and end-to-end tests
test: tree-before setup lint test-native test-data fuzz-smoke test-wasm build build-next test-e2e tree-unchanged

# `make test` leaves the checkout as it found it: git status before and after, compared
# (screenshots are `make screenshots`; everything else goes to ignored or temporary places).
TREE_BEFORE := $(or $(TMPDIR),/tmp)/peixun-tree-before-$(shell id -u)-$(notdir $(CURDIR)).txt
tree-before:
	@git status --porcelain --untracked-files=all > $(TREE_BEFORE) 2>/dev/null || true
tree-unchanged:
	@git status --porcelain --untracked-files=all | diff -u $(TREE_BEFORE) - \
		|| { echo "make test changed the checkout (git status above)"; exit 1; }
	@echo "make test left the checkout as it was"

setup:
	bash scripts/setup.sh

build:
	trunk build --release

# A second deployment whose wasm differs (a build note on 数据与设置), for the test of an
# update under open tabs (e2e/update.test.js).
build-next:
	PEIXUN_BUILD_NOTE=next trunk build --release --dist dist-next

lint:
	cargo fmt --check
	# view! markup, as leptosfmt.toml says (leptosfmt, installed by scripts/setup.sh).
	leptosfmt --check --quiet src/
	# The top-level modules form layers (ARCHITECTURE.md): it prints them, or each cycle and fails.
	python3 scripts/layers.py src
	cargo clippy --all-targets --features xlsx -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings
	# The release app as scripts/build_app.py builds it, with its split points.
	python3 scripts/build_app.py --clippy

test-native:
	cargo test --features xlsx

test-wasm:
	cargo test --target wasm32-unknown-unknown --test web

# The holiday table (tests/js/holidays.test.js) and the Rust Calendar's summary due dates
# (examples/peixun-due-dates.rs, run into a temp dir, read by tests/js/due-dates.test.js),
# each checked day by day against chinese-days.
test-data:
	set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	cargo run --quiet --features xlsx --example peixun-due-dates > "$$tmp/due-dates.json"; \
	PEIXUN_DUE_DATES_FILE="$$tmp/due-dates.json" node --test tests/js/
	PYTHONDONTWRITEBYTECODE=1 python3 -m unittest discover -s tests/py

## Every end-to-end test: Chromium (e2e/*.test.js, the package under nginx among them) and
## the smoke flows in WebKitGTK and Firefox ESR (e2e/engines/, W3C WebDriver)
test-e2e:
	node --test --test-concurrency=1 e2e/

## The WebKitGTK and Firefox ESR smoke flows alone (part of test-e2e)
test-engines:
	node --test --test-concurrency=1 e2e/engines/

## The end-to-end suite three times in a row against the build already in dist/, stopping
## at the first failing run, to catch a test that fails only now and then (not part of
## `make test`). E2E=e2e/tabs.test.js repeats one file.
E2E ?= e2e/
e2e-repeat:
	@for run in 1 2 3; do \
	  echo "e2e-repeat: run $$run of 3"; \
	  if ! node --test --test-concurrency=1 $(E2E); then echo "e2e-repeat: run $$run of 3 failed"; exit 1; fi; \
	done; echo "e2e-repeat: all 3 runs passed"

## Packs the built site with nginx and Caddy configs: target/package/peixun-<version>.tar.gz
## and .zip (site/ with precompressed .br/.gz, deploy/, SHA256SUMS; deploy/README.md in it)
package: build
	python3 scripts/package.py

## Rewrites the README's screenshots in docs/screenshots from a fresh build (the only target
## that does: under `make test` the same tests write them to e2e/artifacts/screenshots)
screenshots: setup build
	PEIXUN_SCREENSHOTS=1 node --test --test-concurrency=1 e2e/screenshot.test.js e2e/phone.test.js

# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP lets stable accept them. No sanitizer:
# the core has no unsafe code, and overflow checks and debug assertions stay on.
FUZZ := RUSTC_BOOTSTRAP=1 cargo fuzz
FUZZ_TARGETS := parse migrate import_plan batch result rule_set sealed
FUZZ_FLAGS := -dict=fuzz/bundle.dict -print_final_stats=1
FUZZ_SECONDS ?= 20
FUZZ_RUNS ?= 1000000

## Each fuzz target for $(FUZZ_SECONDS) s from the committed seeds (new inputs go to a temp dir)
fuzz-smoke:
	$(FUZZ) build -s none
	@set -e; for t in $(FUZZ_TARGETS); do \
	  tmp=$$(mktemp -d); \
	  if ! $(FUZZ) run -s none $$t $$tmp fuzz/seeds/$$t -- $(FUZZ_FLAGS) -max_total_time=$(FUZZ_SECONDS) > $$tmp.log 2>&1; then \
	    tail -40 $$tmp.log; echo "fuzz target $$t failed: the input is in fuzz/artifacts/$$t"; exit 1; \
	  fi; \
	  echo "$$t: $$(grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' $$tmp.log | tr -s ' ' | tr '\n' ' ')"; \
	  rm -rf $$tmp $$tmp.log; \
	done

## Each fuzz target for $(FUZZ_RUNS) inputs, one core, growing fuzz/corpus (not part of `make test`)
fuzz-long:
	$(FUZZ) build -s none
	set -e; for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$t; \
	  $(FUZZ) run -s none $$t fuzz/corpus/$$t fuzz/seeds/$$t -- $(FUZZ_FLAGS) -runs=$(FUZZ_RUNS); \
	done

## Replaces fuzz/seeds: the fewest inputs under 450 bytes covering the edges that the
## seeds and fuzz/corpus reach (edges only, so the committed corpus stays small)
fuzz-seeds:
	$(FUZZ) build -s none
	set -e; for t in $(FUZZ_TARGETS); do \
	  rm -rf fuzz/seeds.new; mkdir -p fuzz/seeds.new/small fuzz/seeds.new/$$t fuzz/corpus/$$t; \
	  find fuzz/seeds/$$t fuzz/corpus/$$t -type f -size -450c -exec cp {} fuzz/seeds.new/small/ \; ; \
	  $(FUZZ) run -s none $$t fuzz/seeds.new/$$t fuzz/seeds.new/small -- -set_cover_merge=1 -use_counters=0 -use_cmp=0; \
	  rm -rf fuzz/seeds/$$t; mv fuzz/seeds.new/$$t fuzz/seeds/$$t; \
	done; rm -rf fuzz/seeds.new

## Performance table beside SurveyJS (docs/PERFORMANCE.md; not part of `make test`)
bench: setup build
	bash scripts/bench.sh
