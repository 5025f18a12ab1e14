#!/usr/bin/env python3
"""Trunk post_build hook: runs on the staging folder before it becomes dist/.

0. Builds the app's split wasm and puts its loader into index.html (scripts/build_app.py).
1. Puts the sha256 of the inline loader script (build_app.py's) into the Content-Security-Policy, so
   the page runs no inline script but that one.
2. Writes the service worker's precache list and version (the hashed file names change
   with every build, so sw.js changes too and browsers see the update).
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

files = sorted(p for p in staging.rglob("*") if p.is_file() and p.name != "sw.js")
version = hashlib.sha256()
for p in files:
    version.update(p.relative_to(staging).as_posix().encode())
    version.update(p.read_bytes())
precache = ["./"] + ["./" + p.relative_to(staging).as_posix() for p in files]
sw = staging / "sw.js"
text = sw.read_text(encoding="utf-8")
for placeholder in ("'__PEIXUN_VERSION__'", "__PEIXUN_PRECACHE__"):
    if placeholder not in text:
        sys.exit(f"post_build: sw.js lacks {placeholder}")
text = text.replace("'__PEIXUN_VERSION__'", repr(version.hexdigest()[:16]))
text = text.replace("__PEIXUN_PRECACHE__", "[\n  " + ",\n  ".join(f"'{p}'" for p in precache) + "\n]")
sw.write_text(text, encoding="utf-8")
print(f"post_build: CSP loader sha256-{digest}; service worker precaches {len(precache)} files")
