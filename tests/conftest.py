"""Shared fixtures: the site is built once per test session and served on loopback like a host would."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("nl", "en")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_site(source: Path, site_dir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` on the project in `source`, returning the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=source,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True,
        text=True,
    )


def copy_project(target: Path) -> Path:
    """A copy of everything a build reads, for tests that break something on purpose."""
    for name in ("docs", "overrides", "data"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def page_names() -> list[str]:
    """The pages of the site, as file names in docs/nl/ (the default language)."""
    return sorted(path.relative_to(ROOT / "docs" / "nl").as_posix() for path in (ROOT / "docs" / "nl").rglob("*.md"))


def output_path(site: Path, language: str, page: str) -> Path:
    """Where the built HTML of a page (docs/LANG/page.md) lands in site/."""
    prefix = site if language == "nl" else site / language
    stem = page.removesuffix(".md")
    return prefix / ("index.html" if stem == "index" else f"{stem}/index.html")


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves site/ as a static host does: a miss under /en/ gets the English 404 page."""

    def log_message(self, format: str, *args: object) -> None:  # keep test output readable
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            return super().send_error(code, message, explain)
        root = Path(self.directory)
        page = root / "en" / "404.html" if self.path.startswith("/en/") else root / "404.html"
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def base_url(site_port: int) -> str:
    return f"http://127.0.0.1:{site_port}/"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, base_url: str) -> Path:
    """The built site, with its absolute URLs pointing at the loopback server."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site_dir, {"SITE_URL": base_url})
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def server(site: Path, site_port: int, base_url: str) -> Iterator[str]:
    """The built site served over HTTP on loopback; yields its base URL."""
    handler = functools.partial(SiteHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", site_port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base_url
    httpd.shutdown()
    httpd.server_close()


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Chromium is missing: run `make test`, which installs it, or set CHROMIUM=/path/to/chromium")
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def context(browser, server):  # noqa: ANN001 - Playwright types
    """A fresh browser profile per test: no cookies or storage carried over."""
    context = browser.new_context(base_url=server)
    yield context
    context.close()


@pytest.fixture
def page(context):  # noqa: ANN001
    return context.new_page()
