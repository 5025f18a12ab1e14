# The two commands a newcomer needs: `make run` and `make test`.
SHELL := bash
export TRUNK_SKIP_VERSION_CHECK := true
PORT ?= 8080

.PHONY: run test setup build lint test-native test-wasm test-e2e bench

## Sets up, builds the release and serves it on http://127.0.0.1:$(PORT)
run: setup build
	@echo "peixun: http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

## Sets up and runs every check: format, lint, native, in-browser and end-to-end tests
test: setup lint test-native test-wasm build test-e2e

setup:
	bash scripts/setup.sh

build:
	trunk build --release

lint:
	cargo fmt --check
	cargo clippy --all-targets --features xlsx -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings

test-native:
	cargo test --features xlsx

test-wasm:
	cargo test --target wasm32-unknown-unknown --test web

test-e2e:
	node --test --test-concurrency=1 e2e/

## Performance table beside SurveyJS (docs/PERFORMANCE.md; not part of `make test`)
bench: setup build
	bash scripts/bench.sh
