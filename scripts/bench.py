#!/usr/bin/env python3
"""Benchmark the site and print figures (`make bench`). Nothing here passes or fails.

    .venv/bin/python scripts/bench.py                 # everything (what `make bench` runs)
    .venv/bin/python scripts/bench.py --no-lighthouse # without Lighthouse: seconds instead of minutes
    .venv/bin/python scripts/bench.py --pages 3       # Lighthouse on the first 3 pages per language only

It prints:
- the build time of the real site, and of generated sites with 100 and 1000 extra pages per
  language, to show how build time grows with size;
- per page, on a first visit (empty cache) to the site served gzipped on loopback: bytes over
  the wire, counted at the server as they leave it (the browser's own figures leave out what
  web workers fetch), the number of requests, and requests to other origins;
- per page, Lighthouse's scores (mobile settings, Debian's Chromium) for performance,
  accessibility, best practices and SEO.
Targets (issue "Visitor safety, accessibility and performance"): Lighthouse 100 for
accessibility, best practices and SEO, at least 95 for performance, at most 80 KB (80,000
bytes) over the wire on a first visit, no third-party requests. A figure that misses its target
is marked with "!".
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import io
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from site_config import default_language, language_prefix, languages  # noqa: E402
from site_tools import build_site, chromium_path, copy_project, serve  # noqa: E402

# Debian's Chromium, or the build CHROMIUM names (as for the tests).
CHROMIUM = chromium_path() or "/usr/bin/chromium"
CHROMIUM_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking " \
                 "--disable-component-update --disable-sync --no-first-run"
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml")
MAX_BYTES = 80_000
LIGHTHOUSE_TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def build(project: Path, site: Path, strict: bool = True, site_url: str = "http://127.0.0.1:8000/") -> float:
    started = time.perf_counter()
    build_site(project, site, {"SITE_URL": site_url}, strict=strict).check_returncode()
    return time.perf_counter() - started


def generated_project(target: Path, extra_pages: int) -> Path:
    """A copy of the project with `extra_pages` more pages in each language."""
    copy_project(target)
    config = target / "mkdocs.yml"
    # The generated pages stay out of the menu, as a page reached by a link does.
    config.write_text(config.read_text(encoding="utf-8").replace("not_in_nav: |\n", "not_in_nav: |\n  generated/\n", 1), encoding="utf-8")
    paragraph = ("Dit is een gegenereerde pagina om te meten hoe de bouwtijd groeit. " * 8).strip()
    for language in languages():
        folder = target / "docs" / language / "generated"
        folder.mkdir()
        for number in range(extra_pages):
            sections = "\n\n".join(f"## Section {s}\n\n{paragraph}\n\n- one\n- two\n- [home](../index.md)" for s in range(4))
            (folder / f"page-{number:04d}.md").write_text(
                f"---\ntitle: Page {number}\ndescription: A generated page for the build benchmark.\n---\n\n"
                f"# Page {number}\n\n{paragraph}\n\n{sections}\n",
                encoding="utf-8",
            )
    return target


class CountingWriter(io.BufferedIOBase):
    """The connection's output, counting every byte that goes out."""

    def __init__(self, raw: io.BufferedIOBase, server: "CountingServer") -> None:
        super().__init__()
        self.raw, self.server = raw, server

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        with self.server.lock:
            self.server.sent += len(data)
        return self.raw.write(data)

    def flush(self) -> None:
        self.raw.flush()

    def close(self) -> None:
        super().close()  # flushes first
        self.raw.close()


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it, as any production host serves them."""

    server: "CountingServer"

    def setup(self) -> None:
        super().setup()
        self.wfile = CountingWriter(self.wfile, self.server)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        with self.server.lock:  # once for every answer, whatever its status
            self.server.requests += 1

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # noqa: ANN201 - http.server's signature
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in (self.headers.get("Accept-Encoding") or "")
        if not (accepts and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=9)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class CountingServer(http.server.ThreadingHTTPServer):
    """Serves a built site on loopback and counts what it sends: bytes, and requests answered."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self.lock = threading.Lock()
        self.sent = 0
        self.requests = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def take(self) -> tuple[int, int]:
        """Bytes sent and requests answered since the last call."""
        with self.lock:
            counts, self.sent, self.requests = (self.sent, self.requests), 0, 0
        return counts


def page_paths() -> dict[str, list[str]]:
    """Every page's path from the site's root, per language."""
    folder = ROOT / "docs" / default_language()
    names = sorted(p.relative_to(folder).as_posix() for p in folder.glob("*.md"))
    stems = ["" if n == "index.md" else n.removesuffix(".md") + "/" for n in names]
    return {language: [language_prefix(language) + stem for stem in stems] for language in languages()}


def weigh(server: CountingServer, paths: list[str]) -> list[dict]:
    """Bytes over the wire and requests for a first visit to each page, in Chromium."""
    from playwright.sync_api import sync_playwright

    origin = urlsplit(server.base).netloc
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS.replace("--headless=new ", "").split())
        for path in paths:
            context = browser.new_context()  # empty cache: a first visit
            urls: list[str] = []
            context.on("request", lambda request: urls.append(request.url))  # workers' requests too
            server.take()
            context.new_page().goto(server.base + path, wait_until="networkidle")
            time.sleep(0.5)  # what Material starts after load
            sent, answered = server.take()
            rows.append({
                "page": "/" + path,
                "bytes": sent,
                "requests": answered,
                "third_party": sum(urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != origin for url in urls),
            })
            context.close()
        browser.close()
    return rows


def lighthouse(url: str) -> dict[str, int]:
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run([str(binary), url, f"--chrome-path={CHROMIUM}",
                        f"--chrome-flags={CHROMIUM_FLAGS}", "--output=json", f"--output-path={report.name}",
                        "--quiet", "--only-categories=performance,accessibility,best-practices,seo"],
                       check=True, capture_output=True)
        categories = json.loads(Path(report.name).read_text())["categories"]
    return {key: round(value["score"] * 100) for key, value in categories.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--pages", type=int, help="run Lighthouse on this many pages per language only")
    parser.add_argument("--sizes", default="100,1000", help="extra pages per language for the build-time figures")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as temp:
        temp_path = Path(temp)
        print("Build time (mkdocs build, every language)")
        seconds = build(ROOT, temp_path / "real")
        pages = len(list((ROOT / "docs" / default_language()).glob("*.md")))
        print(f"  real site, {pages} pages per language: {seconds:6.1f} s")
        for size in [int(s) for s in args.sizes.split(",") if s]:
            project = generated_project(temp_path / f"gen{size}", size)
            seconds = build(project, temp_path / f"gen{size}-site")
            print(f"  with {size} extra pages per language:  {seconds:6.1f} s")

        site = temp_path / "served"
        site.mkdir()
        server = serve(site, GzipHandler, server_class=CountingServer)
        build(ROOT, site, site_url=server.base)
        per_language = page_paths()
        paths = [path for language_paths in per_language.values() for path in language_paths]
        print(f"\nFirst visit, served gzipped on loopback ({server.base})")
        print(f"  {'page':32} {'KB':>6} {'requests':>9} {'3rd party':>10}")
        for row in weigh(server, paths):
            kb = f"{row['bytes'] / 1000:6.1f}" + ("!" if row["bytes"] > MAX_BYTES else " ")
            third = f"{row['third_party']:10}" + ("!" if row["third_party"] else "")
            print(f"  {row['page']:32} {kb} {row['requests']:8} {third}")

        if not args.no_lighthouse:
            chosen = paths if args.pages is None else \
                [path for language_paths in per_language.values() for path in language_paths[: args.pages]]
            print("\nLighthouse (mobile): performance, accessibility, best practices, SEO")
            for path in chosen:
                scores = lighthouse(server.base + path)
                marked = [f"{scores[key]:4}" + ("!" if scores[key] < LIGHTHOUSE_TARGETS[key] else " ")
                          for key in LIGHTHOUSE_TARGETS]
                print(f"  {'/' + path:32} {' '.join(marked)}")
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
