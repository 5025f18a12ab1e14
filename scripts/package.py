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

ROOT = Path(__file__).resolve().parent.parent

# Every kind of file the site may hold, with its Content-Type. A file of another kind stops
# the packaging: the server configs name each type themselves (nginx's mime.types may lack
# wasm or webmanifest), so a new kind must be added here.
COMPRESSIBLE = {
    "html": "text/html",
    "js": "text/javascript",
    "mjs": "text/javascript",
    "css": "text/css",
    "wasm": "application/wasm",
    "json": "application/json",
    "map": "application/json",
    "webmanifest": "application/manifest+json",
    "svg": "image/svg+xml",
    "txt": "text/plain",
    "ics": "text/calendar",
    "xml": "application/xml",
    "csv": "text/csv",
}
STORED = {
    "png": "image/png",
    "ico": "image/x-icon",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "webp": "image/webp",
    "gif": "image/gif",
    "woff2": "font/woff2",
    "woff": "font/woff",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "zip": "application/zip",
}
# Types to which nginx adds "; charset=utf-8" (besides text/html, which it always does).
TEXT = sorted({t for t in COMPRESSIBLE.values() if t not in ("application/wasm", "text/html")})

# A compressed copy is kept only when it is at most this share of the file.
KEEP_BELOW = 0.9

# Files whose names change with their content: the app's and the export worker's folders
# (app-<16 hex>/, worker-<16 hex>/, scripts/post_build.py) and Trunk's hashed files
# (main-<16 hex>.css). Everything else (index.html, sw.js, the manifest, the icons, boot.js,
# recover.*) keeps its name from one deployment to the next. Regexes on the path below the
# site's folder; nginx-http.conf and the Caddyfile use the same.
HASHED = r"(?:^|/)(?:app|worker)-[0-9a-f]{16}/|(?:^|/)[^/]+-[0-9a-f]{16}\.[a-z]+(?:\.br|\.gz)?$"

PERMISSIONS = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
IMMUTABLE = "public, max-age=31536000, immutable"

# Where the configs expect the package's site/ folder (deploy/README.md).
SITE_PATH = "/srv/peixun/site"


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


def nginx_types(exts):
    by_type = {}
    for e in sorted(exts):
        by_type.setdefault(COMPRESSIBLE.get(e) or STORED[e], []).append(e)
    return [f"{t} {' '.join(es)};" for t, es in sorted(by_type.items())]


def nginx_http_conf(version):
    return f"""\
# peixun {version}: nginx, inside http {{ }} (on Debian: copy to /etc/nginx/conf.d/peixun-http.conf).
# Written by scripts/package.py for this build; deploy/nginx.conf uses these variables.

# ".br" when the browser accepts brotli (and not with q=0): nginx.conf then serves foo.br
# for foo where the package has one (nginx has no brotli of its own; gzip_static does .gz).
map $http_accept_encoding $peixun_br {{
    default "";
    "~*(?:^|,)\\s*br\\s*(?:$|,|;\\s*q=(?:1|0?\\.0*[1-9]))" .br;
}}

# The Content-Encoding of what was served: try_files changes $uri to the .br it found.
map $uri $peixun_encoding {{
    default "";
    "~\\.br$" br;
}}

# Files named by their content (app-<hash>/, worker-<hash>/, name-<hash>.css) never change:
# cached for a year. Everything else (index.html, sw.js, the manifest, the icons, boot.js)
# is checked with the server on each use.
map $uri $peixun_cache {{
    default "no-cache";
    "~{HASHED}" "{IMMUTABLE}";
}}
"""


def nginx_conf(version, policy, exts):
    compressible = sorted(e for e in exts if e in COMPRESSIBLE)
    types = "\n".join(f"        {line}" for line in nginx_types(exts))
    by_type = {}
    for e in compressible:
        by_type.setdefault(COMPRESSIBLE[e], []).append(e)
    nested = []
    for t, es in sorted(by_type.items()):
        nested.append(
            f"""\
    location ~ \\.(?:{'|'.join(es)})$ {{
        # foo.{es[0]}.br keeps foo.{es[0]}'s Content-Type.
        types {{ {t} {' '.join(es)} br; }}
        try_files $uri$peixun_br $uri =404;
    }}"""
        )
    nested_text = "\n".join(nested)
    return f"""\
# peixun {version}: nginx, inside the server {{ }} that should serve it, e.g.
#     include /srv/peixun/deploy/nginx.conf;
# with deploy/nginx-http.conf included in http {{ }} (it defines $peixun_br, $peixun_encoding
# and $peixun_cache). See deploy/README.md.
#
# Written by scripts/package.py for this build: the Content-Security-Policy holds the sha256
# of this build's inline loader, so every new package comes with its own nginx.conf (install
# both, then reload nginx).
#
# The sub-path: /peixun/ below (three times: the two locations and the redirect); another
# works the same (the site uses relative paths only), "/" too. ^~: the server's own regex
# locations (say `location ~* \.(png|js)$ {{ expires …; }}`) do not take this site's files.
# The site's folder: the one alias line below (an absolute path ending in "/").

location = /peixun {{
    absolute_redirect off;
    return 301 /peixun/;
}}

location ^~ /peixun/ {{
    alias {SITE_PATH}/;
    index index.html;

    # Every type this site has (nginx's own mime.types may lack wasm or webmanifest).
    types {{
{types}
    }}
    default_type application/octet-stream;
    charset utf-8;
    charset_types {' '.join(TEXT)};

    # Precompressed copies only: foo.gz by gzip_static, foo.br by the locations below.
    # No compression on the fly (it would compress a .br again), no second Vary.
    gzip off;
    gzip_static on;
    gzip_vary off;

    # nginx's rule: a location with add_header drops every add_header of its server, so
    # whatever your server adds (HSTS, …) must be repeated here. The locations below add
    # none of their own, so they keep these.
    add_header Content-Security-Policy "{policy}; frame-ancestors 'none'" always;
    add_header X-Content-Type-Options "nosniff" always;
    add_header Referrer-Policy "no-referrer" always;
    add_header Permissions-Policy "{PERMISSIONS}" always;
    add_header X-Frame-Options "DENY" always;
    add_header Cross-Origin-Opener-Policy "same-origin" always;
    add_header Vary "Accept-Encoding" always;
    # Not on errors: a 404 of a hashed name must not be kept for a year.
    add_header Cache-Control $peixun_cache;
    add_header Content-Encoding $peixun_encoding;

    # A compressible file: its .br where the browser takes brotli and the package has one,
    # else the file itself (gzip_static then sends its .gz where the browser takes gzip).
{nested_text}
}}
"""


def caddyfile(version, policy):
    return f"""\
# peixun {version}: Caddy (v2), inside the site block that should serve it, e.g.
#     example.org {{
#         import /srv/peixun/deploy/Caddyfile
#     }}
# See deploy/README.md. Written by scripts/package.py for this build: the
# Content-Security-Policy holds the sha256 of this build's inline loader, so every new
# package comes with its own Caddyfile (install both, then `caddy reload`).
#
# The sub-path: /peixun below (redir, handle_path); another works the same.
# The site's folder: the root line below.

redir /peixun /peixun/ 301

handle_path /peixun/* {{
	root * {SITE_PATH}

	header {{
		Content-Security-Policy `{policy}; frame-ancestors 'none'`
		X-Content-Type-Options nosniff
		Referrer-Policy no-referrer
		Permissions-Policy "{PERMISSIONS}"
		X-Frame-Options DENY
		Cross-Origin-Opener-Policy same-origin
	}}
	# Files named by their content (app-<hash>/, worker-<hash>/, name-<hash>.css): a year
	# (not a 404 of such a name). Everything else (index.html, sw.js, the manifest, the
	# icons, boot.js): checked each time.
	@hashed {{
		path_regexp hashed `{HASHED}`
		file
	}}
	header @hashed Cache-Control "{IMMUTABLE}"
	@unhashed not path_regexp unhashed `{HASHED}`
	header @unhashed Cache-Control no-cache
	# Not every system's MIME table knows these two (for files that exist: not on a 404).
	@wasm {{
		path *.wasm
		file
	}}
	header @wasm Content-Type application/wasm
	@manifest {{
		path *.webmanifest
		file
	}}
	header @manifest Content-Type application/manifest+json

	# foo.br or foo.gz, with foo's Content-Type and Vary: Accept-Encoding, where the browser
	# accepts it and the package has one.
	file_server {{
		precompressed br gzip
	}}
}}
"""


def readme(version, name):
    wasm = "$(grep -o 'app-[0-9a-f]*/' /srv/peixun/site/index.html | head -1)peixun_bg.wasm"
    return f"""\
# 部署 peixun {version}

`site/` 是网站（纯静态文件；每个可压缩的文件旁有预压缩的 `.br` 和 `.gz`），`deploy/` 是 nginx 和
Caddy 的配置，`SHA256SUMS` 是全部文件的校验和。服务器不运行程序、不保存数据：用户的数据只在各自的浏览器里。

1. **复制**到服务器，例如 `/srv/peixun/`（配置默认的位置）：

   ```sh
   sudo mkdir -p /srv/peixun
   sudo tar -xzf {name}.tar.gz --strip-components=1 -C /srv/peixun
   cd /srv/peixun && sha256sum -c --quiet SHA256SUMS
   ```

   放在别处时，只改一行：`deploy/nginx.conf` 的 `alias {SITE_PATH}/;`（或 `deploy/Caddyfile` 的 `root * {SITE_PATH}`），每次升级后也要再改。

2. **配置**。nginx（用 `gzip_static`，Debian/Ubuntu 的 nginx 自带；不需要 brotli 模块）：
   `sudo cp /srv/peixun/deploy/nginx-http.conf /etc/nginx/conf.d/peixun-http.conf`（须在 `http {{ }}` 中），
   并在提供本站的 `server {{ }}` 中加一行 `include /srv/peixun/deploy/nginx.conf;`，然后
   `sudo nginx -t && sudo systemctl reload nginx`。注意：`location` 中有 `add_header` 时，`server` 级的
   `add_header`（如 HSTS）在其中不再生效，需要的话抄进 `location ^~ /peixun/`。
   Caddy v2：在站点块中加 `import /srv/peixun/deploy/Caddyfile`，然后 `sudo systemctl reload caddy`。

3. **检查**：

   ```sh
   curl -sI http://localhost/peixun/
   #  200; Content-Type: text/html; charset=utf-8; Cache-Control: no-cache;
   #  Content-Security-Policy: 与 site/index.html 的 meta 相同，另加 frame-ancestors 'none';
   #  X-Content-Type-Options: nosniff; Referrer-Policy: no-referrer; X-Frame-Options: DENY;
   #  Cross-Origin-Opener-Policy: same-origin; Permissions-Policy: camera=(), …
   curl -sI -H 'Accept-Encoding: br' http://localhost/peixun/{wasm}
   #  200; Content-Type: application/wasm; Content-Encoding: br; Vary: Accept-Encoding;
   #  Cache-Control: public, max-age=31536000, immutable
   curl -sI -H 'Accept-Encoding: gzip' http://localhost/peixun/sw.js
   #  200; Content-Type: text/javascript; charset=utf-8; Content-Encoding: gzip; Cache-Control: no-cache
   ```

   再用浏览器打开 `http://<服务器>/peixun/`；打开过一次后，断网也能用。

**升级**：把新包照第 1 步解压到同一位置（覆盖；旧版本的 `app-*/`、`worker-*/` 留着无妨，还开着的旧页面
仍可取用），再复制一次 `nginx-http.conf` 并 reload。每个版本的内联脚本哈希不同，
`Content-Security-Policy` 头随之改变：新网站配旧配置，页面无法启动。

**子路径**：网站只用相对路径，可放在任何子路径下。改 `deploy/nginx.conf` 中的 `location = /peixun`、
`return 301 /peixun/`、`location ^~ /peixun/` 三处（放在根路径 `/` 时删去前两处所在的 location），或
`deploy/Caddyfile` 中的 `redir` 和 `handle_path` 两处。

---

# Deploying peixun {version}

`site/` is the site (static files only, with precompressed `.br` and `.gz` copies beside each
compressible file), `deploy/` holds the nginx and Caddy configs, `SHA256SUMS` every file's
checksum. The server runs no code and keeps no data: each user's data stays in their browser.

1. **Copy** to the server, e.g. to `/srv/peixun/` (where the configs expect it), with the three
   commands above. Elsewhere: change one line, `alias {SITE_PATH}/;` in `deploy/nginx.conf`
   (or `root * {SITE_PATH}` in `deploy/Caddyfile`), again after each upgrade.
2. **Configure.** nginx (uses `gzip_static`, built into Debian's and Ubuntu's nginx; no brotli
   module needed): copy `deploy/nginx-http.conf` into `http {{ }}` (Debian:
   `/etc/nginx/conf.d/peixun-http.conf`), add `include /srv/peixun/deploy/nginx.conf;` to the
   `server {{ }}` that serves the site, then `sudo nginx -t && sudo systemctl reload nginx`.
   nginx's rule: in a location with its own `add_header`, the server's `add_header`s (HSTS, …)
   no longer apply; repeat them in `location ^~ /peixun/` if you need them. Caddy v2: add
   `import /srv/peixun/deploy/Caddyfile` to the site block, then `sudo systemctl reload caddy`.
3. **Check** with the `curl -sI` commands above (the expected headers are beside each), then
   open `http://<server>/peixun/`; after one visit it works offline too.

**Upgrade**: extract the new package over the old one as in step 1 (old `app-*/` and
`worker-*/` folders may stay, for tabs still open on the old version), copy `nginx-http.conf`
again and reload. Each build's inline loader has a new hash, so the Content-Security-Policy
header changes with it: a new site with an old config does not start.

**Sub-path**: the site uses relative paths only, so any sub-path works. Change
`location = /peixun`, `return 301 /peixun/` and `location ^~ /peixun/` in `deploy/nginx.conf`
(for `/`, drop the redirect's location), or `redir` and `handle_path` in `deploy/Caddyfile`.
"""


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
