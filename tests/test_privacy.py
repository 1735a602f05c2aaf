"""Privacy and safety in the built files: nothing is loaded from another origin."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

# Attributes through which a page makes the browser fetch something by itself.
FETCHING = {
    "script": ["src"], "img": ["src", "srcset"], "iframe": ["src"], "frame": ["src"], "embed": ["src"],
    "object": ["data"], "source": ["src", "srcset"], "video": ["src", "poster"], "audio": ["src"],
    "track": ["src"], "input": ["src"], "image": ["href"], "use": ["href"],
}
LINK_RELS_THAT_FETCH = {"stylesheet", "icon", "preload", "prefetch", "preconnect", "dns-prefetch", "modulepreload", "manifest", "apple-touch-icon"}
EXTERNAL = re.compile(r"^(https?:)?//", re.I)


def external_resources(html: str) -> list[str]:
    found = []
    soup = BeautifulSoup(html, "html.parser")
    for tag, attributes in FETCHING.items():
        for element in soup.find_all(tag):
            found += [element[a] for a in attributes if element.has_attr(a) and EXTERNAL.match(element[a])]
    for link in soup.find_all("link", href=True):
        if LINK_RELS_THAT_FETCH & set(link.get("rel", [])) and EXTERNAL.match(link["href"]):
            found.append(link["href"])
    for style in soup.find_all(style=True):
        found += re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", style["style"])
    return found


def test_the_checker_finds_external_resources():
    html = '<link rel="stylesheet" href="https://fonts.googleapis.com/css"><script src="//cdn.example/x.js"></script>'
    assert sorted(external_resources(html)) == ["//cdn.example/x.js", "https://fonts.googleapis.com/css"]


def test_no_page_loads_anything_from_another_origin(site: Path):
    pages = list(site.rglob("*.html"))
    assert len(pages) >= 18
    offenders = {str(page.relative_to(site)): found for page in pages if (found := external_resources(page.read_text(encoding="utf-8")))}
    assert offenders == {}


def test_no_stylesheet_imports_from_another_origin(site: Path):
    for sheet in site.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), sheet
        assert not re.search(r"@import\s+(url\()?['\"]?(https?:)?//", text), sheet


def test_no_google_fonts(site: Path):
    for page in site.rglob("*.html"):
        assert "fonts.googleapis" not in page.read_text(encoding="utf-8")
        assert "fonts.gstatic" not in page.read_text(encoding="utf-8")
