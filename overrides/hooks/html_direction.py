"""Give right-to-left languages `dir="rtl"` on `<html>`, not only on `<body>`.

Material writes the direction on `<body>` only, from its own language file (it knows Arabic,
Persian, Hebrew, Kurdish and Urdu as right-to-left) or from `theme.direction`. The page's title
and the browser's own interface read the direction from `<html>`, so this hook copies it there.
A language Material does not know as right-to-left gets `extra: {direction: rtl}` in its i18n
entry in mkdocs.yml (`translations.py add-language CODE --dir rtl` writes it), which this hook
hands to Material as that language's `theme.direction`. Left-to-right pages stay as they are.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

HTML_TAG = re.compile(r"<html(?=[\s>])")
RTL_BODY = re.compile(r'<body[^>]*\sdir="rtl"')


@event_priority(-150)  # after mkdocs-static-i18n has applied the language's own settings
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The language's own direction (extra.direction in its i18n entry), if it has one."""
    config.theme["direction"] = config.extra.get("direction")
    return config


def with_direction(html: str) -> str:
    """The page with dir="rtl" on <html> where Material put it on <body>."""
    return HTML_TAG.sub('<html dir="rtl"', html, count=1) if RTL_BODY.search(html) else html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return with_direction(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page, which is a template rather than a page."""
    return with_direction(output_content) if template_name == "404.html" else output_content
