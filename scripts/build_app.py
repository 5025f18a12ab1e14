#!/usr/bin/env python3
"""Builds the app's wasm in pieces: what the first page needs, and one chunk per lazy page.

Trunk 0.21 cannot split a wasm, so the Trunk post_build hook (scripts/post_build.py) calls
this instead of a `rel="rust"` asset for the app (the XLSX worker is still Trunk's):

1. cargo builds `peixun` with `--cfg peixun_split` (the functions of src/ui/lazy.rs become
   split points) and `--emit-relocs` (wasm-split follows relocations, not the
   function table), into target/split so Trunk's own builds stay cached;
2. wasm-split-cli cuts it into the main module and the chunks, plus __wasm_split.js, the
   loader the main module imports to fetch a chunk on first use;
3. wasm-bindgen (--keep-lld-exports: the chunks link against the main module's exports)
   and wasm-opt -Oz on every module;
4. all of it goes to app-<content hash>/ in the staging folder (the files refer to each
   other by relative names, so the folder carries the hash), and index.html gets the
   loader script (scripts/app_loader.js) and preload links Trunk would have written;
5. the first module and each page's files also go into one start_<page>.wasm, which a first
   visit opened on that page fetches instead of the first module and its dozens of chunks
   (one request on a slow link, not one each, and the first module first).
"""
import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import split_loader  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# PEIXUN_SPLIT_TARGET: a cargo target folder of one's own (parallel builds on one tree).
TARGET = Path(os.environ.get("PEIXUN_SPLIT_TARGET") or ROOT / "target" / "split")
# Must stay equal to Trunk's (data-wasm-opt="z" and the features it enables).
WASM_OPT = ["wasm-opt", "-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int",
            "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types"]
MARKER = "<!-- peixun-app -->"


TOOLS = ("cargo", "wasm-split-cli", "wasm-bindgen", "wasm-opt")


def run(cmd, **kw):
    print("build_app:", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, **kw)


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def cargo_env() -> dict:
    """The split build's cargo environment (for the build and for `make lint`'s clippy)."""
    env = dict(os.environ)
    # Replaces .cargo/config.toml's wasm32 rustflags, so erase_components is repeated here.
    env["CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS"] = (
        "--cfg erase_components --cfg peixun_split -C link-arg=--emit-relocs"
    )
    env["CARGO_TARGET_DIR"] = str(TARGET)
    return env


def clippy():
    """`make lint`: clippy on the app as this script builds it, with its split points."""
    run(["cargo", "clippy", "--release", "--target", "wasm32-unknown-unknown", "--bin", "peixun",
         "--", "-D", "warnings"], env=cargo_env())


def build(staging: Path, release: bool) -> str:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        sys.exit(f"build_app: {', '.join(missing)} not found: run scripts/setup.sh (make setup)")
    profile = ["--release"] if release else []
    run(["cargo", "build", "--target", "wasm32-unknown-unknown", "--bin", "peixun", *profile], env=cargo_env())
    linked = TARGET / "wasm32-unknown-unknown" / ("release" if release else "debug") / "peixun.wasm"

    with tempfile.TemporaryDirectory() as tmp:
        split, out = Path(tmp, "split"), Path(tmp, "out")
        run(["wasm-split-cli", "--out-name", "peixun", linked, split])
        run(["wasm-bindgen", "--target", "web", "--no-typescript", "--keep-lld-exports",
             "--out-dir", out, split / "peixun.wasm"])
        (out / "__wasm_split.js").write_text(with_start_files((split / "__wasm_split.js").read_text(encoding="utf-8")),
                                             encoding="utf-8")
        for chunk in split.glob("*.wasm"):
            if chunk.name != "peixun.wasm":
                shutil.copy(chunk, out)
        # PEIXUN_WASM_NAMES=1 keeps function names for profiles (scripts/bench-profile.js).
        if release and os.environ.get("PEIXUN_WASM_NAMES") != "1":
            for module in out.glob("*.wasm"):
                run([*WASM_OPT, module, "-o", module])
        files = sorted(f for f in out.rglob("*") if f.is_file())
        digest = hashlib.sha256()
        for f in files:
            digest.update(f.relative_to(out).as_posix().encode())
            digest.update(f.read_bytes())
        folder = f"app-{digest.hexdigest()[:16]}"
        dest = staging / folder
        shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree(out, dest)
    return folder


# The route (first segment of the hash) whose page is each split point; src/ui/route.rs.
PAGES = {"apply": "editor", "unit": "unit", "execution": "execution", "rules": "rules",
         "data": "data", "card": "card", "rule-sets": "rule_sets"}


# Not pages: the reader of stored drafts, which a browser with saved data needs at start.
LOADS = {"@saved": "reader"}


def page_files(split_js: str) -> dict:
    """Each page's wasm files (its split module and every chunk it needs), from the loader."""
    try:
        loads = split_loader.parse(split_js)
    except split_loader.LoaderFormatError as e:
        sys.exit(f"build_app: {e}")
    named = split_loader.splits(loads)
    absent = [s for s in [*PAGES.values(), *LOADS.values()] if s not in named]
    if absent:
        sys.exit(f"build_app: __wasm_split.js has no split point for {absent} (src/ui/lazy.rs)")
    return {slug: split_loader.files(loads, named[split].name) for slug, split in [*PAGES.items(), *LOADS.items()]}


# The loader fetches a chunk through this `fetch`: the file from the page's start file when
# the page came by one (scripts/app_loader.js), else from the network; a file from the
# start file comes compiled already (compiled while the first module still loaded).
FETCH = """const fetch = (url) => (globalThis.peixunStartFile && globalThis.peixunStartFile(url)) || globalThis.fetch(url);
const WebAssembly = { instantiateStreaming: async (src, imports) => {
    const r = await src;
    if (!r.peixunModule) return globalThis.WebAssembly.instantiateStreaming(r, imports);
    const module = await r.peixunModule;
    return { module, instance: await globalThis.WebAssembly.instantiate(module, imports) };
} };
"""


def with_start_files(split_js: str) -> str:
    head = split_loader.HEAD
    if not split_js.startswith(head) or "globalThis.fetch" in split_js:
        sys.exit("build_app: __wasm_split.js does not start as expected; see with_start_files")
    return head + FETCH + split_js[len(head):]


def write_start_files(app: Path, pages: dict):
    """start_<page>.wasm: the first module and a page's files in one response, for a first
    visit opened on that page (scripts/app_loader.js).

    A little-endian u32, that many bytes of JSON [[name, size], ...], then the files, the
    first module first. Not a wasm module; named .wasm so that hosts compress it as they
    compress the chunks.
    """
    for slug in PAGES:
        files = [(f, (app / f).read_bytes()) for f in ["peixun_bg.wasm", *pages[slug]]]
        head = json.dumps([[f, len(b)] for f, b in files], separators=(",", ":")).encode()
        (app / f"start_{slug}.wasm").write_bytes(len(head).to_bytes(4, "little") + head + b"".join(b for _, b in files))


def loader_html(staging: Path, folder: str, pages: dict) -> str:
    js, wasm, split = (staging / folder / n for n in ("peixun.js", "peixun_bg.wasm", "__wasm_split.js"))
    # Trunk.toml's public_url ("./": the site works under any sub-path).
    public_url = os.environ.get("TRUNK_PUBLIC_URL") or "./"
    base = public_url + ("" if public_url.endswith("/") else "/") + folder
    # Opened on a page other than 工作台 (the member card by its link, a reload on the
    # editor): its chunks download beside the first module (with it, in one response, when
    # no service worker serves them), not one round trip after it; so does the reader of
    # stored drafts when this browser has some (ui::start awaits it).
    script = (ROOT / "scripts" / "app_loader.js").read_text(encoding="utf-8")
    script = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("//")) + "\n"
    script = (script.replace("__BASE__", base).replace("__FIRST__", sri(wasm.read_bytes()))
              .replace("__PAGES__", json.dumps(pages, separators=(",", ":"))))
    return (
        f'<script>\n{script}</script>\n'
        f'<link rel="modulepreload" href="{base}/peixun.js" crossorigin="anonymous" integrity="{sri(js.read_bytes())}">\n'
        f'<link rel="modulepreload" href="{base}/__wasm_split.js" crossorigin="anonymous" integrity="{sri(split.read_bytes())}">'
    )


def main(staging: Path):
    release = os.environ.get("TRUNK_PROFILE", "release") == "release"
    folder = build(staging, release)
    index = staging / "index.html"
    html = index.read_text(encoding="utf-8")
    if html.count(MARKER) != 1:
        sys.exit(f"build_app: index.html must hold {MARKER} exactly once")
    pages = page_files((staging / folder / "__wasm_split.js").read_text(encoding="utf-8"))
    write_start_files(staging / folder, pages)
    index.write_text(html.replace(MARKER, loader_html(staging, folder, pages)), encoding="utf-8")
    print(f"build_app: {folder}/ with {len(list((staging / folder).glob('*.wasm')))} wasm modules")


if __name__ == "__main__":
    if sys.argv[1:] == ["--clippy"]:
        clippy()
    else:
        main(Path(os.environ.get("TRUNK_STAGING_DIR") or sys.argv[1]))
