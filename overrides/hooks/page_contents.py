"""No table-of-contents column; a list of its sections at the top of a page long enough to need one.

A column of headings beside every page makes a short page look like a manual. Every page hides
Material's table of contents (`hide: [toc]`); a page with at least `min_sections` sections and
`min_words` words (mkdocs.yml, `extra.page_contents`) gets `page.meta["contents"]`: its sections
as (title, anchor), which main.html shows under the page's heading with
overrides/partials/page-contents.html. Other pages get an empty list.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

TAG = re.compile(r"<[^>]+>")


def sections(page: Page) -> list[tuple[str, str]]:
    """The page's second-level headings: (title, "#anchor"), in order."""
    return [(child.title, child.url) for top in page.toc for child in top.children]


def word_count(html: str) -> int:
    return len(TAG.sub(" ", html).split())


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Hide the table-of-contents column; list the sections of a long page for the template."""
    rule = config.extra["page_contents"]
    hide = page.meta.get("hide") or []
    page.meta["hide"] = [*hide, "toc"] if "toc" not in hide else hide
    found = sections(page)
    long_enough = len(found) >= rule["min_sections"] and word_count(html) >= rule["min_words"]
    page.meta["contents"] = found if long_enough else []
    return html
