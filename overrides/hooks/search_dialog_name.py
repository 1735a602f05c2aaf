"""Give Material's search dialog an accessible name, the same as its search field's ("Zoeken", "Search").

Material renders the search as `role="dialog"` without a name, which screen readers announce as
just "dialog" (axe and Lighthouse: aria-dialog-name). Adding the name here keeps Material's
search partial as it is, instead of a copy of it that would drift from Material's on upgrade. If
Material changes that markup, the build fails here, so the name is never lost silently.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
FIELD_NAME = re.compile(r'<input type="text" class="md-search__input"[^>]*\saria-label="([^"]+)"')


def name_dialog(html: str, where: str) -> str:
    """The page with `aria-label` on the search dialog; PluginError if the dialog is not as expected."""
    field = FIELD_NAME.search(html)
    if DIALOG not in html or not field:
        raise PluginError(
            f"{where}: Material's search dialog markup has changed; update overrides/hooks/search_dialog_name.py"
        )
    return html.replace(DIALOG, DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{field[1]}"'), 1)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Name the search dialog on every page."""
    return name_dialog(output, page.file.src_uri)


@event_priority(50)  # before hooks/not_found_per_language.py files the 404 page away per language
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Name the search dialog on the 404 page, which is a template rather than a page."""
    return name_dialog(output_content, template_name) if template_name == "404.html" else output_content
