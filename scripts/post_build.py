#!/usr/bin/env python3
"""Trunk post_build hook: runs on the staging folder before it becomes dist/.

0. Builds the app's split wasm and puts its loader into index.html (scripts/build_app.py).
1. Puts the sha256 of the inline loader script (build_app.py's) into the Content-Security-Policy, so
   the page runs no inline script but that one.
2. Moves the export worker into a folder named by its content, and writes the deployment's
   version and the worker's path into index.html.
3. Writes the service worker's lists (installed with it; the rest, by need; each page's
   files) and version (the hashed file names change with every build, so sw.js changes
   too and browsers see the update).
"""
import base64
import hashlib
import os
import re
import sys
from pathlib import Path

staging = Path(os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else ""))
if not staging.is_dir():
    sys.exit("post_build: TRUNK_STAGING_DIR is not a folder")

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_app  # noqa: E402
import split_loader  # noqa: E402

build_app.main(staging)

index = staging / "index.html"
html = index.read_text(encoding="utf-8")
inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
if len(inline) != 1:
    sys.exit(f"post_build: expected exactly one inline script (the app's loader), found {len(inline)}")
digest = base64.b64encode(hashlib.sha256(inline[0].encode("utf-8")).digest()).decode()
if "'sha256-LOADER'" not in html:
    sys.exit("post_build: index.html has no 'sha256-LOADER' placeholder in its CSP")
html = html.replace("'sha256-LOADER'", f"'sha256-{digest}'")
index.write_text(html, encoding="utf-8")

# The export worker goes into a folder named by its content, like the app's chunks: a page
# of one deployment never loads another's worker (the page finds it by a meta tag).
WORKER = ["peixun-xlsx_loader.js", "peixun-xlsx.js", "peixun-xlsx_bg.wasm"]
if all((staging / name).is_file() for name in WORKER):
    digest_w = hashlib.sha256()
    for name in WORKER:
        digest_w.update((staging / name).read_bytes())
    folder = staging / f"worker-{digest_w.hexdigest()[:16]}"
    folder.mkdir()
    for name in WORKER:
        (staging / name).rename(folder / name)
    worker_meta = f'<meta name="peixun-worker" content="./{folder.name}/{WORKER[0]}" />'
else:
    sys.exit("post_build: the export worker's files are missing")

files = sorted(p for p in staging.rglob("*") if p.is_file() and p.name != "sw.js")
version = hashlib.sha256()
for p in files:
    version.update(p.relative_to(staging).as_posix().encode())
    version.update(p.read_bytes())
# The page says which deployment it is (the service worker keeps that one's files while it
# is open) and where its worker is.
metas = f'<meta name="peixun-version" content="{version.hexdigest()[:16]}" />\n    {worker_meta}\n    '
if '<meta name="description"' not in html:
    sys.exit("post_build: index.html has no description meta to put the version before")
html = html.replace('<meta name="description"', metas + '<meta name="description"', 1)
index.write_text(html, encoding="utf-8")
# What the service worker installs with: the first page (shell, first module, the split
# loader; the reader, below). The rest (the other pages' chunks, the export worker) comes
# when a page first needs it, or when the browser is idle on a fast, unmetered connection
# (sw-register.js).
rel = lambda p: "./" + p.relative_to(staging).as_posix()
app_dir = next(staging.glob("app-*"))
first = {app_dir / "peixun.js", app_dir / "peixun_bg.wasm", app_dir / "__wasm_split.js"}
missing = [p.name for p in first if not p.is_file()]
if missing:
    sys.exit(f"post_build: the app has no {', '.join(missing)}")
core = ["./"] + [rel(p) for p in files if p in first or (app_dir not in p.parents and folder not in p.parents)]
# start_<page>.wasm (build_app.py) serves only a first visit opened on that page: never
# cached itself; the files in it are.
rest = [rel(p) for p in files if rel(p) not in core and not p.name.startswith("start_")]

# Each page's files (its split module and the chunks it loads), so the page can say what
# is available offline: from the split loader that build_app.py wrote.
try:
    loads = split_loader.parse((app_dir / "__wasm_split.js").read_text(encoding="utf-8"))
except split_loader.LoaderFormatError as e:
    sys.exit(f"post_build: {e}")


def part(name):
    """A split point's files: its own module first, then the chunks it awaits."""
    files = split_loader.files(loads, name)
    return [rel(app_dir / f) for f in [files[-1], *files[:-1]]]


parts = {split: part(load.name) for split, load in split_loader.splits(loads).items()}
parts["worker"] = [rel(folder / name) for name in WORKER]
for name, paths in parts.items():
    absent = [p for p in paths if not (staging / p[2:]).is_file()]
    if absent:
        sys.exit(f"post_build: part {name} names missing files {absent}")

# The reader of stored drafts is installed with the first page too: whoever saved something
# needs it to start, also offline (ui::start awaits it when the browser has saved data).
if "reader" not in parts:
    sys.exit("post_build: no reader split point in __wasm_split.js")
core += [p for p in parts["reader"] if p not in core]
rest = [p for p in rest if p not in core]

sw = staging / "sw.js"
text = sw.read_text(encoding="utf-8")
for placeholder in ("'__PEIXUN_VERSION__'", "__PEIXUN_PRECACHE__", "__PEIXUN_REST__", "__PEIXUN_PARTS__"):
    if placeholder not in text:
        sys.exit(f"post_build: sw.js lacks {placeholder}")
as_js = lambda paths: "[\n  " + ",\n  ".join(f"'{p}'" for p in paths) + "\n]"
text = text.replace("'__PEIXUN_VERSION__'", repr(version.hexdigest()[:16]))
text = text.replace("__PEIXUN_PRECACHE__", as_js(core))
text = text.replace("__PEIXUN_REST__", as_js(rest))
text = text.replace("__PEIXUN_PARTS__", "{\n  " + ",\n  ".join(f"{k}: {as_js(v)}" for k, v in sorted(parts.items())) + "\n}")
sw.write_text(text, encoding="utf-8")
print(f"post_build: CSP loader sha256-{digest}; service worker installs {len(core)} files, {len(rest)} more by need; parts {', '.join(sorted(parts))}")
