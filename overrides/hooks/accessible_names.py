"""Give Material's header what assistive technology needs, in the page's own language.

Material names its header and footer landmarks "Header" and "Footer" in every language; its menu
and search toggles are `<label>`s without a name; its language links say which language the page
behind them is in (`hreflang`) but not which language the link's own text is in (`lang`), so a
screen reader reads "Nederlands" with English sounds. This hook adds, on every page:

- the landmark names from data/strings (`landmarks.header`, `landmarks.footer`);
- `data-button-name` on the toggles (`header_buttons.menu`, `.search`, `.close_search`):
  overrides/assets/javascripts/header-controls.js turns each into a real `<button>` with that
  name. Without JavaScript the labels still open the menu on a click or tap;
- `lang` beside `hreflang` on the language links.

It changes Material's HTML instead of copying Material's templates, so they keep up with Material.
If Material's markup changes, the build fails here and says so, so nothing is lost silently.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

HEADER_LANDMARK = re.compile(r'(<nav class="md-header__inner md-grid" aria-label=")[^"]*(")')
FOOTER_LANDMARK = re.compile(r'(<nav class="md-footer__inner md-grid" aria-label=")[^"]*(")')
# Material's toggles, as (pattern, key in header_buttons); each must be found once.
TOGGLES = (
    ('<label class="md-header__button md-icon" for="__drawer"', "menu"),
    ('<label class="md-header__button md-icon" for="__search"', "search"),
    ('<label class="md-search__icon md-icon" for="__search"', "close_search"),
)
LANGUAGE_LINK = re.compile(r'(<a [^>]*hreflang="([^"]+)"[^>]*class="md-select__link")(?![^>]*\slang=)')


def attribute(value: str) -> str:
    """A text made safe inside a double-quoted HTML attribute."""
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def name(html: str, strings: dict[str, Any], where: str) -> str:
    """The page with its landmarks, toggles and language links named; PluginError if Material's markup changed."""
    landmarks, buttons = strings["landmarks"], strings["header_buttons"]
    html, found = HEADER_LANDMARK.subn(rf'\g<1>{attribute(landmarks["header"])}\g<2>', html, count=1)
    missing = [] if found else ["the header's <nav aria-label>"]
    html = FOOTER_LANDMARK.sub(rf'\g<1>{attribute(landmarks["footer"])}\g<2>', html, count=1)  # only with previous/next links
    for label, key in TOGGLES:
        if html.count(label) != 1:
            missing.append(label)
            continue
        html = html.replace(label, f'{label} data-button-name="{attribute(buttons[key])}"')
    if missing:
        raise PluginError(
            f"{where}: Material's header markup has changed ({', '.join(missing)}); update overrides/hooks/accessible_names.py"
        )
    return LANGUAGE_LINK.sub(r'\g<1> lang="\g<2>"', html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Name the header's parts on every page."""
    return name(output, config.extra["template_globals"]["strings"], page.file.src_uri)


@event_priority(50)  # before hooks/not_found_per_language.py files the 404 page away per language
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Name them on the 404 page too, which is a template rather than a page."""
    if template_name != "404.html":
        return output_content
    return name(output_content, config.extra["template_globals"]["strings"], template_name)
