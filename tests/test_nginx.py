"""The built site on a real nginx (Debian's package) with the generated snippet, site/_headers.nginx.conf.

The test starts its own nginx, in the foreground as one process, on a loopback port, with its own
configuration and files in a temporary folder (never the package's service or port 80), serving
the session's built site with Debian's http { } defaults (`gzip on`, text/html only), and stops it
at the end. `make test` installs nginx when it is missing.
"""

from __future__ import annotations

import gzip
import http.client
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import LANGUAGES, free_port, language_prefix, page_names, page_path, parse_headers_file

CONFIG = """
daemon off;
master_process off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    gzip on;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {site};
        include {site}/_headers.nginx.conf;
    }}
}}
"""
YEAR = "public, max-age=31536000, immutable"
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")


def nginx_binary() -> str:
    path = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not path:
        pytest.fail("nginx is missing: run `make test`, which installs it, or `sudo apt-get install nginx`")
    return path


@pytest.fixture(scope="module")
def nginx(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """nginx serving the built site with its snippet on a loopback port; yields the port."""
    tmp = tmp_path_factory.mktemp("nginx")
    port = free_port()
    (tmp / "nginx.conf").write_text(CONFIG.format(tmp=tmp, port=port, site=site), encoding="utf-8")
    command = [nginx_binary(), "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log")]
    test = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert test.returncode == 0, test.stderr
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(100):
            assert process.poll() is None, process.stderr.read()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def get(port: int, path: str, **headers: str) -> tuple[int, http.client.HTTPMessage, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def site_headers(site: Path) -> dict[str, str]:
    """The headers every response must carry: those site/_headers gives every path."""
    return dict(dict(parse_headers_file((site / "_headers").read_text(encoding="utf-8")))["/*"])


def assert_security_headers(headers: http.client.HTTPMessage, expected: dict[str, str], path: str) -> None:
    for name, value in expected.items():
        assert headers.get_all(name) == [value], f"{path}: {name}"
    assert headers["Strict-Transport-Security"] == "max-age=31536000", path


def test_every_page_has_every_header_and_is_revalidated(nginx, site):
    expected = site_headers(site)
    for path in ["/"] + [f"/{page_path(language, name)}" for language in LANGUAGES for name in page_names()]:
        status, headers, _ = get(nginx, path)
        assert status == 200, path
        assert_security_headers(headers, expected, path)
        assert headers.get_all("Cache-Control") == ["no-cache"], path


def test_fingerprinted_assets_are_kept_a_year_and_others_revalidated(nginx, site):
    expected = site_headers(site)
    files = [path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()]
    fingerprinted = [name for name in files if FINGERPRINTED.search(name)]
    others = ["assets/stylesheets/site.css", "assets/javascripts/quick-exit.js", "assets/images/logo.svg",
              "search/search_index.json", "sitemap.xml"]
    assert fingerprinted and all(name in files for name in others)
    for name in fingerprinted + others:
        status, headers, _ = get(nginx, f"/{name}")
        assert status == 200, name
        assert_security_headers(headers, expected, name)
        assert headers.get_all("Cache-Control") == [YEAR if name in fingerprinted else "no-cache"], name


def test_a_page_unchanged_since_last_time_is_a_304(nginx):
    _, headers, _ = get(nginx, "/")
    status, _, body = get(nginx, "/", **{"If-None-Match": headers["ETag"]})
    assert (status, body) == (304, b"")


@pytest.mark.parametrize("name", [
    "index.html", "assets/stylesheets/site.css", "assets/javascripts/quick-exit.js", "search/search_index.json",
    "assets/images/logo.svg", "sitemap.xml",
])
def test_text_files_are_compressed(nginx, site, name):
    status, headers, body = get(nginx, f"/{name}", **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip", name
    assert "Accept-Encoding" in (headers["Vary"] or "")
    assert gzip.decompress(body) == (site / name).read_bytes()
    assert len(body) < (site / name).stat().st_size


def test_the_fingerprinted_script_and_stylesheet_are_compressed(nginx, site):
    names = [path.relative_to(site).as_posix() for path in site.rglob("*.min.*") if FINGERPRINTED.search(path.name)]
    assert {Path(name).suffix for name in names} == {".js", ".css"}
    for name in names:
        _, headers, body = get(nginx, f"/{name}", **{"Accept-Encoding": "gzip"})
        assert headers["Content-Encoding"] == "gzip", name
        assert gzip.decompress(body) == (site / name).read_bytes()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_page_gets_its_languages_404_with_every_header(nginx, site, language):
    prefix = language_prefix(language)
    for path in [f"/{prefix}does-not-exist/", f"/{prefix}deeper/does-not-exist.html"]:
        status, headers, body = get(nginx, path)
        assert status == 404, path
        assert body == (site / prefix / "404.html").read_bytes(), path
        assert f'lang="{language}"' in body.decode("utf-8")
        assert_security_headers(headers, site_headers(site), path)
        assert headers.get_all("Cache-Control") == ["no-cache"], path
