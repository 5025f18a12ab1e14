"""The server configs and deploy/README.md of the deployment package (scripts/package.py):
nginx (nginx-http.conf in http {}, nginx.conf in server {}) and Caddy, written from one build,
since the Content-Security-Policy header carries its loader's hash.
"""
import time

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
