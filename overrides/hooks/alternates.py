"""Give each page the absolute URLs of its language versions, for `<link rel="alternate" hreflang>`.

Material prints these links relative to the page, which search engines and Lighthouse reject, and
without x-default. The language switch keeps its relative links (they work on any host and in
previews); only the head links need to be absolute.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


@event_priority(-50)  # after mkdocs-static-i18n has found each page's alternates
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    """Set `hreflang_links`: one {lang, href} per language, then x-default (the default language)."""
    alternates = getattr(page.file, "alternates", {})
    i18n = config.plugins["i18n"]
    links = []
    for language in i18n.build_languages:
        if language in alternates:
            links.append({"lang": language, "href": urljoin(config.site_url, alternates[language].url)})
    default = [link for link in links if link["lang"] == i18n.default_language]
    context["hreflang_links"] = links + [{"lang": "x-default", "href": link["href"]} for link in default]
    return context
