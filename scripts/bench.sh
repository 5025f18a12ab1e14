#!/usr/bin/env bash
# `make bench`: the release build in dist/ beside the same 附件1 in SurveyJS (bench/surveyjs),
# one table (scripts/bench.js); method and budgets in docs/PERFORMANCE.md. About 4 minutes.
# NATIVE=0 skips the Criterion run and shows its last figures; RUNS, KEYS as bench.js reads.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "no dist/: run 'trunk build --release' first" >&2; exit 1; }

# The workspaces the browser imports: 1 and 300 applications, and a 5 MB unit bundle; and
# what the bureau opens: 100 units' bundles of 30 groups (each unit and person its own).
mkdir -p target/bench
cargo build -q --example peixun-sample
sample="${CARGO_TARGET_DIR:-target}/debug/examples/peixun-sample"
"$sample" --apps 1 >target/bench/unit-1.peixun.json 2>/dev/null
"$sample" --apps 300 >target/bench/unit-300.peixun.json 2>/dev/null
"$sample" --bytes 5242880 >target/bench/unit-5mb.peixun.json 2>/dev/null
rm -rf target/bench/bureau
"$sample" --units 100 --apps 30 --out-dir target/bench/bureau 2>/dev/null

if [ "${NATIVE:-1}" != 0 ]; then
  echo "[bench] Criterion (short runs; cargo bench --bench validate for the full ones)…" >&2
  cargo bench -q --bench validate -- --warm-up-time 1 --measurement-time 2 >target/bench/criterion.log 2>&1 ||
    { cat target/bench/criterion.log >&2; exit 1; }
fi
echo "[bench] browser…" >&2
node scripts/bench.js
