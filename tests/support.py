"""What the tests share: where the project is, its pages, and building it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from site_config import default_language, language_prefix, languages, strings  # noqa: E402,F401 (tests import them from here)

LANGUAGES = tuple(languages())  # the default language first
DEFAULT_LANGUAGE = default_language()


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
    """The pages of the site, as file names in the default language's folder."""
    return sorted(path.relative_to(ROOT / "docs" / DEFAULT_LANGUAGE).as_posix() for path in (ROOT / "docs" / DEFAULT_LANGUAGE).rglob("*.md"))


def page_path(language: str, page: str) -> str:
    """Where a page (docs/LANG/page.md) is served, from the site's root: "", "en/wat-melden/"."""
    prefix = language_prefix(language)
    stem = page.removesuffix(".md")
    return prefix + ("" if stem == "index" else f"{stem}/")


def output_path(site: Path, language: str, page: str) -> Path:
    """Where the built HTML of a page (docs/LANG/page.md) lands in site/."""
    prefix = site / language_prefix(language)
    stem = page.removesuffix(".md")
    return prefix / ("index.html" if stem == "index" else f"{stem}/index.html")


def parse_headers_file(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The rules of a Netlify/Cloudflare _headers file: (path pattern, [(name, value)])."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        if line and not line[0].isspace():
            rules.append((line.strip(), []))
        elif line.strip():
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules
