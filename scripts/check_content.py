#!/usr/bin/env python3
"""Run every content check, as `make check` does, and say for each problem where and what to do.

    python3 scripts/check_content.py              # translations, help directory, strict build, links
    python3 scripts/check_content.py --freshness  # also fail on help entries not checked for 12 months
    python3 scripts/check_content.py --external   # also check links to other sites (needs internet)

In order: the translations (scripts/translations.py), the help directory (data/help.yml), the
strict MkDocs build (any warning is an error: broken links and anchors in Markdown, unknown
components, a bad intake endpoint), then a crawl of the built site with LinkChecker over a local
HTTP server, anchors included. The crawl skips other sites unless --external is given, so the
check works offline.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import functools
import http.server
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

import translations  # noqa: E402
from help_directory import load as load_directory  # noqa: E402 - the build's own validation
from mkdocs.exceptions import PluginError  # noqa: E402

FRESH_FOR = datetime.timedelta(days=365)

# LinkChecker's command, as root (CI, `make test` on a fresh machine) minus one step: it switches
# to the user 'nobody' before it loads its plugins, and where 'nobody' cannot read this
# virtualenv (a clone in a private folder) the anchor check is silently left out and every
# broken anchor passes. The crawl reads only our own site on loopback: it runs as whoever runs
# the check.
LINKCHECKER = (
    "import sys, linkcheck.command.linkchecker as command; "
    "command.drop_privileges = lambda: None; sys.exit(command.linkchecker())"
)


def check_directory(root: Path, today: datetime.date) -> tuple[list[str], list[str]]:
    """Problems and stale entries of the help directory."""
    path = root / "data" / "help.yml"
    try:
        entries = load_directory(path)
    except PluginError as error:
        return [f"{line}\n    What to do: correct the entry in {path.relative_to(root)} (data/help.schema.json lists what is allowed)"
                for line in str(error).splitlines()], []
    stale = []
    for entry in entries:
        checked = datetime.date.fromisoformat(entry["verified_on"])
        if today - checked > FRESH_FOR:
            stale.append(f"data/help.yml: entry '{entry['id']}' was last verified on {checked}, more than 12 months ago\n"
                         f"    What to do: check its facts at {entry['source']} and set verified_on to the date you checked")
    return [], stale


def build(root: Path, site: Path, base_url: str) -> list[str]:
    """Problems the strict build reports."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": base_url}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=root, env=env, capture_output=True, text=True)
    if result.returncode == 0:
        return []
    messages: list[str] = []
    for line in result.stderr.splitlines():
        if re.match(r"^(WARNING|ERROR|Error)", line):
            messages.append(line)
        elif messages and line.startswith((" ", "\t")):  # a message that lists files goes on indented
            messages[-1] += " " + line.strip()
    return [f"mkdocs build --strict: {message}\n    What to do: fix what the message names (a link, an anchor, "
            "a component, a page missing from nav: in mkdocs.yml)"
            for message in messages or result.stderr.splitlines()[-5:]]


class CheckHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "any rate")  # lets LinkChecker skip its politeness delays
        super().end_headers()


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # noqa: ANN001
        pass  # LinkChecker hangs up once it has what it needs; that is not a problem


def crawl(site: Path, port: int, external: bool) -> list[str]:
    """Broken links and anchors in the built site, found by LinkChecker over HTTP."""
    handler = functools.partial(CheckHandler, directory=str(site))
    httpd = QuietServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    config = ["[checking]", "threads=4", "maxrequestspersecond=1000", "robotstxt=0",
              "[filtering]", "ignore=", "  ^mailto:", "  ^tel:"]
    if not external:
        config.append(rf"  ^https?://(?!127\.0\.0\.1:{port}/)")
    config += [f"checkextern={int(external)}", "[AnchorCheck]"]
    with tempfile.NamedTemporaryFile("w", suffix=".ini", delete=False) as rc:
        rc.write("\n".join(config) + "\n")
    try:
        result = subprocess.run(
            [sys.executable, "-c", LINKCHECKER, "-f", rc.name, "--no-status", "-o", "csv",
             f"http://127.0.0.1:{port}/"],
            capture_output=True, text=True)
    finally:
        httpd.shutdown()
        os.unlink(rc.name)
    if result.returncode == 0:
        return []
    return [f"{problem}\n    What to do: correct or remove the link on the page named above"
            for problem in read_failures(result.stdout, port)] or [result.stdout[-2000:] + result.stderr[-2000:]]


def read_failures(output: str, port: int) -> list[str]:
    """The broken links in LinkChecker's CSV output, each with the page it is on."""
    rows = [line for line in output.splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(rows, delimiter=";")
    prefix = f"http://127.0.0.1:{port}/"
    failures = []
    for row in reader:
        if row["valid"] == "True" and not row["warningstring"]:
            continue
        failures.append(f"{source_of(row['parentname'].removeprefix(prefix))}: link '{row['urlname']}': "
                        f"{(row['result'] + ' ' + row['warningstring']).strip()}")
    return failures


def source_of(path: str) -> str:
    """The Markdown file a built page comes from: "en/contact/" -> "docs/en/contact.md"."""
    language, _, rest = path.partition("/") if path.startswith("en/") else ("nl", "", path)
    stem = rest.strip("/").removesuffix("index.html").strip("/") or "index"
    return f"docs/{language}/{stem}.md (built as /{path})"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--freshness", action="store_true", help="fail (not just warn) on help entries older than 12 months")
    parser.add_argument("--external", action="store_true", help="also check links to other sites (needs internet)")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(), help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    started = time.monotonic()

    problems = [str(problem) for problem in translations.check(args.root)]
    directory_problems, stale = check_directory(args.root, args.today)
    problems += directory_problems + (stale if args.freshness else [])
    warnings = [] if args.freshness else stale
    with tempfile.TemporaryDirectory() as site:
        port = free_port()
        built = build(args.root, Path(site), f"http://127.0.0.1:{port}/")
        problems += built
        if not built:
            problems += crawl(Path(site), port, args.external)

    for warning in warnings:
        print(f"warning: {warning}")
    for problem in problems:
        print(problem)
    seconds = time.monotonic() - started
    print(f"content checks: {len(problems)} problem(s), {len(warnings)} warning(s), in {seconds:.1f} s")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
