#!/usr/bin/env bash
# Installs what peixun needs on a fresh machine of this kind, from the package registries
# only (crates.io, npm, Debian). Idempotent: a step whose tool is already there at the
# right version is skipped, so a second run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*"; }
need_apt=()

# wasm-bindgen-cli must match the wasm-bindgen version in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
TRUNK_VERSION=0.21.14
CARGO_FUZZ_VERSION=0.13.2
WASM_SPLIT_VERSION=0.2.4
BINARYEN_VERSION=132.0.0
LEPTOSFMT_VERSION=0.1.33
GECKODRIVER_VERSION=0.37.1

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
command -v brotli >/dev/null || need_apt+=(brotli)
# nginx serves the deployment package in e2e/package.test.js (scripts/package.py).
[ -x /usr/sbin/nginx ] || need_apt+=(nginx)
# The other engines of e2e/engines (W3C WebDriver): WebKitGTK's driver (its package brings
# MiniBrowser) under Xvfb, and Firefox ESR (geckodriver below).
[ -x /usr/bin/WebKitWebDriver ] || need_apt+=(webkit2gtk-driver)
[ -x /usr/bin/Xvfb ] || need_apt+=(xvfb)
[ -x /usr/bin/firefox-esr ] || need_apt+=(firefox-esr)
# CJK fonts, so screenshots and printed PDFs show Chinese, not boxes.
[ -d /usr/share/fonts/opentype/noto ] || need_apt+=(fonts-noto-cjk)
# pdftotext and pdfinfo, to read back the printed forms in the end-to-end tests.
command -v pdftotext >/dev/null || need_apt+=(poppler-utils)
# libfuzzer-sys compiles libFuzzer from C++ for the fuzz targets.
command -v g++ >/dev/null || need_apt+=(g++)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "installing ${need_apt[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# Debian's binaryen (v108) writes wasm that fails at run time; use npm's.
if ! wasm-opt --version 2>/dev/null | grep -q "version_${BINARYEN_VERSION%%.*}"; then
  say "installing binaryen ${BINARYEN_VERSION} (wasm-opt) from npm"
  if dpkg -s binaryen >/dev/null 2>&1; then apt-get remove -y -qq binaryen >/dev/null; fi
  npm install -g --no-audit --no-fund "binaryen@${BINARYEN_VERSION}" >/dev/null
fi

if ! trunk --version 2>/dev/null | grep -q "trunk ${TRUNK_VERSION}"; then
  say "building trunk ${TRUNK_VERSION} (about 6 minutes)"
  cargo install --locked trunk --version "${TRUNK_VERSION}"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen ${WASM_BINDGEN_VERSION}"; then
  say "building wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (about 2 minutes)"
  # Not --locked: one of its locked dependencies is gone from the registry.
  cargo install wasm-bindgen-cli --version "${WASM_BINDGEN_VERSION}"
fi

# Cuts the app's wasm into the first page's module and lazily loaded chunks
# (scripts/build_app.py); the runtime half is wasm_split_helpers, through leptos.
# (It has no --version: cargo's list of installed packages says which one it is.)
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -q "^wasm_split_cli_support v${WASM_SPLIT_VERSION}:"; then
  say "building wasm-split-cli ${WASM_SPLIT_VERSION} (about 2 minutes)"
  cargo install --locked wasm_split_cli_support --version "${WASM_SPLIT_VERSION}" --features build-binary
fi

# Formats the view! markup (`make lint` checks it; leptosfmt.toml).
if ! leptosfmt --version 2>/dev/null | grep -q "leptosfmt ${LEPTOSFMT_VERSION}"; then
  say "building leptosfmt ${LEPTOSFMT_VERSION} (about 4 minutes)"
  cargo install --locked leptosfmt --version "${LEPTOSFMT_VERSION}"
fi

# Firefox ESR's WebDriver (e2e/engines).
# (Its --version prints several lines: grep -q ending early would fail the pipe under pipefail.)
if [[ "$(geckodriver --version 2>/dev/null)" != *"geckodriver ${GECKODRIVER_VERSION}"* ]]; then
  say "building geckodriver ${GECKODRIVER_VERSION} (about 4 minutes)"
  cargo install --locked geckodriver --version "${GECKODRIVER_VERSION}"
fi

# The fuzz targets (`make fuzz-smoke`) run on stable through RUSTC_BOOTSTRAP.
if ! cargo fuzz --version 2>/dev/null | grep -q "cargo-fuzz ${CARGO_FUZZ_VERSION}"; then
  say "building cargo-fuzz ${CARGO_FUZZ_VERSION} (about 1 minute)"
  cargo install --locked cargo-fuzz --version "${CARGO_FUZZ_VERSION}"
fi

# Every npm dev dependency installed at its locked version, or `npm ci`.
if ! node -e "
  const lock = require('./package-lock.json').packages;
  for (const name of Object.keys(require('./package.json').devDependencies)) {
    const want = lock['node_modules/' + name].version;
    if (require('./node_modules/' + name + '/package.json').version !== want) process.exit(1);
  }" 2>/dev/null; then
  say "installing the npm dev dependencies"
  npm ci --no-audit --no-fund >/dev/null
fi

# openpyxl reads the exported .xlsx back in the end-to-end tests.
if ! python3 -c "import openpyxl" 2>/dev/null; then
  say "installing openpyxl from PyPI"
  python3 -m pip install --quiet --disable-pip-version-check "openpyxl==3.1.5"
fi
# python-docx reads the exported .docx (附件1, 单位总体排序意见) back in e2e/docx.test.js.
if ! python3 -c "import docx" 2>/dev/null; then
  say "installing python-docx from PyPI"
  python3 -m pip install --quiet --disable-pip-version-check "python-docx==1.1.2"
fi

say "ready: rustc $(rustc --version | cut -d' ' -f2), trunk ${TRUNK_VERSION}, wasm-bindgen ${WASM_BINDGEN_VERSION}, $(wasm-opt --version), $(chromium --version 2>/dev/null | head -1)"
