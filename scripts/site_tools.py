"""What the scripts and the tests both do with the project: build it, copy it, serve a folder on
loopback, find a free port and find Chromium. One copy each, so a script and a test never build
or serve the site in two different ways. The tests reach these through tests/support.py.

    python3 scripts/site_tools.py --serve site/   # serve a built site on 127.0.0.1 until Ctrl-C
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a build reads: copy_project copies these, and nothing else is needed to build a copy.
PROJECT_FILES = ("docs", "overrides", "data", "mkdocs.yml")


def build_site(
    project: Path, site_dir: Path, env: dict[str, str] | None = None, strict: bool = True
) -> subprocess.CompletedProcess:
    """Run `mkdocs build` (strict unless told otherwise) on the project in `project`; the finished process."""
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)] + (["--strict"] if strict else [])
    return subprocess.run(
        command,
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True,
        text=True,
    )


def copy_project(target: Path, also: tuple[str, ...] = (), root: Path = ROOT) -> Path:
    """A copy of everything a build reads in `target` (data/ holds the translation record too),
    plus the folders or files named in `also` (such as "scripts")."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES + also:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy(source, target / name)
    return target


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(
    folder: Path, handler: type[http.server.SimpleHTTPRequestHandler] = http.server.SimpleHTTPRequestHandler,
    port: int = 0, server_class: type[http.server.ThreadingHTTPServer] = http.server.ThreadingHTTPServer,
) -> http.server.ThreadingHTTPServer:
    """Serve `folder` on 127.0.0.1 (any free port unless given) from a background thread.

    The caller stops it with `.shutdown()` and `.server_close()`; its address is `.server_address`."""
    httpd = server_class(("127.0.0.1", port), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def chromium_path() -> str | None:
    """Debian's Chromium, or the build CHROMIUM names; None if there is none."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--serve", type=Path, metavar="FOLDER", help="serve FOLDER on 127.0.0.1 until Ctrl-C")
    parser.add_argument("--port", type=int, default=0, help="the port to serve on (default: any free one)")
    args = parser.parse_args()
    if args.serve:
        httpd = serve(args.serve, port=args.port)
        print(f"Serving {args.serve} at http://127.0.0.1:{httpd.server_address[1]}/ (Ctrl-C stops)")
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            httpd.shutdown()
