"""Answer Material's sitemap look-ups, so no page makes a request that ends in a 404.

Material's language selector fetches `sitemap.xml` relative to every `<link rel="alternate">` in
the page (mkdocs-material#6582). Our hreflang links point at the page itself, as search engines
require, so Material asks for /PAGE/sitemap.xml, which MkDocs never writes, and every page logs a
404 in the console. This hook writes an empty sitemap in each folder that has a page and no
sitemap: Material then finds nothing to remap and leaves the language links (already correct)
alone. The real sitemap, with every page in both languages, stays at /sitemap.xml.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

EMPTY_SITEMAP = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'


def write(config: MkDocsConfig) -> None:
    """Write an empty sitemap.xml next to every page that lacks one (a step of hooks/post_build.py)."""
    for page in Path(config.site_dir).rglob("index.html"):
        sitemap = page.with_name("sitemap.xml")
        if not sitemap.exists():
            sitemap.write_text(EMPTY_SITEMAP, encoding="utf-8")
