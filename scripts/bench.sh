#!/usr/bin/env bash
# Prints the first-load table for the release build in dist/: each file raw, gzip -9 and
# brotli (-q 11), the first-load total (wasm + js + css), and time to interactive in
# headless Chromium on 127.0.0.1 (median of 7 cold loads). Budget: ≤ 250 KB brotli, ≤ 300 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "no dist/: run 'trunk build --release' first" >&2; exit 1; }

printf '%-44s %10s %10s %10s\n' file raw gzip-9 brotli
total_raw=0; total_gz=0; total_br=0
while IFS= read -r f; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  printf '%-44s %10d %10d %10d\n' "${f#dist/}" "$raw" "$gz" "$br"
  case "$f" in
    # Not on the first load: the export worker (fetched on export) and the service
    # worker (fetched after the page has loaded).
    */peixun-xlsx*|*/sw.js) ;;
    *.wasm|*.js|*.css)
      total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br)) ;;
  esac
done < <(find dist -type f ! -name '*.png' | sort)
printf '%-44s %10d %10d %10d\n' "first load (wasm + js + css)" "$total_raw" "$total_gz" "$total_br"
printf '%-44s %10s %10s %10s\n' "budget (250 KB brotli)" "" "" "256000"

node scripts/bench-load.js
