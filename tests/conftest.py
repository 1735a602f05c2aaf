"""Shared fixtures: the site is built once per test session and served on loopback like a host would."""

from __future__ import annotations

import http.server
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import LANGUAGES, ROOT, build_site, chromium_path, free_port, language_prefix, parse_headers_file, serve

sys.path.insert(0, str(ROOT / "scripts"))

from intake_server import IntakeServer  # noqa: E402


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site as a static host does: with the headers its _headers file gives (as
    Netlify would), and each language's own 404 page for a miss under its folder (/en/...)."""

    def end_headers(self) -> None:
        rules_file = Path(self.directory) / "_headers"
        if rules_file.exists():
            path = self.path.split("?")[0]
            for pattern, headers in parse_headers_file(rules_file.read_text(encoding="utf-8")):
                if pattern == "/*" or pattern == path:
                    for name, value in headers:
                        self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # keep test output readable
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            return super().send_error(code, message, explain)
        root = Path(self.directory)
        prefix = next((prefix for prefix in map(language_prefix, LANGUAGES) if prefix and self.path.startswith("/" + prefix)), "")
        page = root / prefix / "404.html"
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
def intake_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def neutral_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A neutral page on another loopback origin: where quick exit goes in the tests."""
    folder = tmp_path_factory.mktemp("neutral")
    (folder / "index.html").write_text("<!doctype html><title>Weather</title><h1>The weather today</h1>")
    httpd = serve(folder, SiteHandler)
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, base_url: str, intake_port: int, neutral_url: str) -> Path:
    """The built site: absolute URLs on the loopback server, the form posting to the fake endpoint,
    quick exit going to the neutral page."""
    site_dir = tmp_path_factory.mktemp("site")
    endpoint = f"http://127.0.0.1:{intake_port}/reports"
    result = build_site(ROOT, site_dir, {"SITE_URL": base_url, "INTAKE_ENDPOINT": endpoint, "QUICK_EXIT_URL": neutral_url})
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def server(site: Path, site_port: int, base_url: str) -> Iterator[str]:
    """The built site served over HTTP on loopback; yields its base URL."""
    httpd = serve(site, SiteHandler, site_port)
    yield base_url
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def host() -> Iterator[object]:
    """Serve another built site as `server` serves the main one: host(folder, port) returns its base URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def serve_at(folder: Path, port: int) -> str:
        servers.append(serve(folder, SiteHandler, port))
        return f"http://127.0.0.1:{port}/"

    yield serve_at
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def intake_server(intake_port: int, base_url: str) -> Iterator[IntakeServer]:
    """The development intake endpoint on another loopback port: another origin, as in production."""
    server = IntakeServer(intake_port, allow_origin=base_url.rstrip("/"), site=base_url, delay=1.0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def intake(intake_server: IntakeServer, server: str) -> IntakeServer:
    """The endpoint, emptied and answering "ok" for each test."""
    intake_server.received.clear()
    intake_server.answer = "ok"
    intake_server.next_answers.clear()
    return intake_server


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if not path:
        pytest.fail("Chromium is missing: run `make test`, which installs it, or set CHROMIUM=/path/to/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path,
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
