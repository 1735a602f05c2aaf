"""What the tests share: where the project is, its languages and pages, and (from scripts/site_tools.py,
which the scripts use too) building, copying and serving it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from site_config import default_language, language_prefix, languages, strings  # noqa: E402,F401 (tests import them from here)
from site_tools import build_site, chromium_path, copy_project, free_port, serve  # noqa: E402,F401 (shared with the scripts)

LANGUAGES = tuple(languages())  # the default language first
DEFAULT_LANGUAGE = default_language()


def material_text(language: str, key: str) -> str:
    """Material's own interface text in a language (its partials/languages/LANG.html), such as "search.placeholder"."""
    import material

    source = (Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{language}.html").read_text(encoding="utf-8")
    return re.search(rf'"{re.escape(key)}": "([^"]*)"', source)[1]


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
