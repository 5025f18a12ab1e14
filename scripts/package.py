#!/usr/bin/env python3
"""Packs the built site for a web server: target/package/peixun-<version>.tar.gz and .zip.

    python3 scripts/package.py [SITE] [--out DIR] [--fast]

SITE is the built site (default dist/, as `make build` leaves it). Both archives hold one
folder, peixun-<version>/ (<version> = Cargo.toml's version and the build's own, from
index.html's peixun-version meta, e.g. peixun-0.1.0-956eb77e7fa192b2), with:

    site/               the site, with foo.br (brotli -q 11) and foo.gz (gzip -9) beside each
                        file of a compressible type where that saves at least 10 %
    deploy/nginx-http.conf  nginx, in http {}: picks the .br by Accept-Encoding, caching
    deploy/nginx.conf   nginx, in server {}: the site under /peixun/, its headers
    deploy/Caddyfile    Caddy, in a site block: the same
    deploy/README.md    how to install and check it
    SHA256SUMS          every other file's sha256 (`sha256sum -c SHA256SUMS` in the folder)

The server configs are written from this build: the Content-Security-Policy header is the
one in index.html's meta, whose sha256 of the inline loader changes with every build.

--fast compresses at brotli -q 5 and gzip -6 (the same files and configs, larger): for the
end-to-end test, which checks how the package is served, not how small it is.

Python's standard library and the `brotli` command (Debian's brotli). The archives list
their files in order, each with the build's time (index.html's mtime, or SOURCE_DATE_EPOCH)
and no owner: the same site gives the same archives.
"""
import argparse
import concurrent.futures
import gzip
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from deploy_configs import (  # noqa: E402
    COMPRESSIBLE,
    STORED,
    nginx_http_conf,
    nginx_conf,
    caddyfile,
    readme,
)

ROOT = Path(__file__).resolve().parent.parent

# A compressed copy is kept only when it is at most this share of the file.
KEEP_BELOW = 0.9

def fail(message):
    sys.exit(f"package: {message}")


def cargo_version():
    with open(ROOT / "Cargo.toml", "rb") as f:
        return tomllib.load(f)["package"]["version"]


def page_metas(html):
    """The build's version and its Content-Security-Policy, from the built index.html."""
    version = re.search(r'<meta\s+name="peixun-version"\s+content="([0-9a-f]{16})"', html)
    if not version:
        fail("index.html has no <meta name=\"peixun-version\"> (is this a build of scripts/post_build.py?)")
    csp = re.search(r'<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"', html, flags=re.S)
    if not csp:
        fail("index.html has no Content-Security-Policy meta")
    policy = " ".join(csp.group(1).split())
    if "sha256-LOADER" in policy or "'sha256-" not in policy:
        fail("the CSP has no hash of the app's loader (scripts/post_build.py did not run)")
    # Written into nginx ("…", where $ starts a variable) and Caddy (`…`) as it is.
    if re.search(r'["$`\\{}]', policy):
        fail(f"the CSP holds a character the server configs cannot carry: {policy}")
    if "frame-ancestors" in policy:
        fail("the CSP meta has frame-ancestors (ignored in a meta); package.py adds it to the header")
    return version.group(1), policy


def extension(path):
    return path.name.rsplit(".", 1)[-1].lower() if "." in path.name else ""


def site_files(site):
    files = sorted(p for p in site.rglob("*") if p.is_file())
    for p in files:
        if p.name.startswith("."):
            fail(f"the site holds a hidden file {p.relative_to(site)}")
        if p.suffix in (".br", ".gz"):
            fail(f"the site already holds a compressed copy {p.relative_to(site)} (give the built site, not a package's)")
        if extension(p) not in COMPRESSIBLE and extension(p) not in STORED:
            fail(f"{p.relative_to(site)}: no Content-Type for .{extension(p)} files; add it to package.py's tables")
    return files


def brotli(data, quality):
    out = subprocess.run(["brotli", "-q", str(quality), "-c", "-"], input=data, capture_output=True, check=True)
    return out.stdout


def gzipped(data, level):
    buf = io.BytesIO()
    # No name and no time in the header: the same file gives the same bytes.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=level, mtime=0) as f:
        f.write(data)
    return buf.getvalue()


def compress(path, fast):
    """Writes path.br and path.gz beside `path` where they help; returns what was written."""
    data = path.read_bytes()
    written = []
    for suffix, make in ((".br", lambda d: brotli(d, 5 if fast else 11)), (".gz", lambda d: gzipped(d, 6 if fast else 9))):
        packed = make(data)
        if len(packed) <= len(data) * KEEP_BELOW:
            Path(str(path) + suffix).write_bytes(packed)
            written.append((suffix, len(packed)))
    return path, len(data), written


def sha256sums(top):
    lines = []
    for p in sorted(q for q in top.rglob("*") if q.is_file()):
        rel = p.relative_to(top).as_posix()
        if rel == "SHA256SUMS":
            continue
        lines.append(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {rel}\n")
    return "".join(lines)


def entries(top):
    """The package's folder, then every folder and file in it, in order of their paths."""
    out = [top]
    out += sorted(top.rglob("*"), key=lambda p: p.relative_to(top).as_posix())
    return out


def write_tar(top, path, mtime):
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=mtime) as gz:
            with tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
                for p in entries(top):
                    name = p.relative_to(top.parent).as_posix()
                    info = tar.gettarinfo(str(p), arcname=name)
                    info.mtime = mtime
                    info.uid = info.gid = 0
                    info.uname = info.gname = ""
                    info.mode = 0o755 if p.is_dir() else 0o644
                    if p.is_dir():
                        tar.addfile(info)
                    else:
                        with open(p, "rb") as f:
                            tar.addfile(info, f)


def write_zip(top, path, mtime):
    stamp = time.gmtime(max(mtime, 315532800))[:6]  # zip cannot say before 1980
    with zipfile.ZipFile(path, "w") as z:
        for p in entries(top):
            name = p.relative_to(top.parent).as_posix()
            if p.is_dir():
                info = zipfile.ZipInfo(name + "/", stamp)
                info.external_attr = (0o40755 << 16) | 0x10
                z.writestr(info, b"")
                continue
            info = zipfile.ZipInfo(name, stamp)
            info.external_attr = 0o100644 << 16
            # Already compressed: stored as they are.
            stored = p.suffix in (".br", ".gz", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".woff2", ".woff", ".zip", ".xlsx", ".docx")
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            z.writestr(info, p.read_bytes(), compresslevel=None if stored else 9)


def main():
    parser = argparse.ArgumentParser(description="Packs the built site with nginx and Caddy configs.")
    parser.add_argument("site", nargs="?", default=str(ROOT / "dist"), help="the built site (default: dist/)")
    parser.add_argument("--out", default=str(ROOT / "target" / "package"), help="where the archives go (default: target/package/)")
    parser.add_argument("--fast", action="store_true", help="brotli -q 5 and gzip -6 instead of -q 11 and -9 (tests)")
    args = parser.parse_args()

    site = Path(args.site).resolve()
    index = site / "index.html"
    if not index.is_file():
        fail(f"{site} has no index.html (run `make build` first)")
    if shutil.which("brotli") is None:
        fail("no `brotli` command (Debian: apt-get install brotli)")
    build, policy = page_metas(index.read_text(encoding="utf-8"))
    for needed in ("sw.js", "manifest.webmanifest"):
        if not (site / needed).is_file():
            fail(f"{site} has no {needed}")
    version = f"{cargo_version()}-{build}"
    name = f"peixun-{version}"
    files = site_files(site)
    exts = {extension(p) for p in files}
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH") or index.stat().st_mtime)

    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="peixun-package-", dir=out) as tmp:
        top = Path(tmp) / name
        shutil.copytree(site, top / "site")
        todo = [p for p in sorted((top / "site").rglob("*")) if p.is_file() and extension(p) in COMPRESSIBLE]
        raw = packed_br = packed_gz = 0
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            for _path, size, written in pool.map(lambda p: compress(p, args.fast), todo):
                raw += size
                kinds = dict(written)
                packed_br += kinds.get(".br", size)
                packed_gz += kinds.get(".gz", size)
        deploy = top / "deploy"
        deploy.mkdir()
        (deploy / "nginx-http.conf").write_text(nginx_http_conf(version), encoding="utf-8")
        (deploy / "nginx.conf").write_text(nginx_conf(version, policy, exts), encoding="utf-8")
        (deploy / "Caddyfile").write_text(caddyfile(version, policy), encoding="utf-8")
        (deploy / "README.md").write_text(readme(version, name), encoding="utf-8")
        (top / "SHA256SUMS").write_text(sha256sums(top), encoding="utf-8")
        for p in top.rglob("*"):
            os.utime(p, (mtime, mtime), follow_symlinks=False)

        # Written beside the folder, then moved into place: a failed run leaves no half archive.
        tar_path = out / f"{name}.tar.gz"
        zip_path = out / f"{name}.zip"
        for final, write in ((tar_path, write_tar), (zip_path, write_zip)):
            partial = Path(tmp) / final.name
            write(top, partial, mtime)
            partial.replace(final)

    print(f"package: {len(files)} files, {len(todo)} compressible: {raw:,} bytes, as served with brotli {packed_br:,}, with gzip {packed_gz:,}")
    for p in (tar_path, zip_path):
        print(f"package: {p} ({p.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
