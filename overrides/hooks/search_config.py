"""Point Material's search at the page's own language's index and at the on-demand worker.

Material writes its settings into every page as JSON, `<script id="__config">`. Two of them must
change: `base`, from which search fetches search/search_index.json, goes to the page's own
language folder (hooks/search_per_language.py writes one index per language), and `search`, the
worker Material starts, becomes assets/javascripts/search-on-demand.js (hooks/search_on_demand.py).
Changing the two keys in the JSON Material wrote, rather than copying Material's `config` block
into main.html, keeps every other key as Material makes it on upgrade. If Material changes that
markup, the build fails here, so search never silently loads the wrong index.
"""

from __future__ import annotations

import json
import re

from jinja2.utils import htmlsafe_json_dumps
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from search_on_demand import ON_DEMAND_WORKER
from strings import language_prefix

CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
MATERIAL_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]{8}\.min\.js$")


def patch(html: str, prefix: str, where: str) -> str:
    """The page with search's `base` under `prefix` ("" or "en/") and the on-demand worker."""
    found = CONFIG.search(html)
    settings = json.loads(found[2]) if found else {}
    if not isinstance(settings.get("base"), str) or not MATERIAL_WORKER.search(str(settings.get("search"))):
        raise PluginError(f"{where}: Material's __config settings have changed; update overrides/hooks/search_config.py")
    if prefix:
        settings["base"] = settings["base"].rstrip("/") + "/" + prefix
    settings["search"] = MATERIAL_WORKER.sub(ON_DEMAND_WORKER, settings["search"])
    # As Jinja's `tojson` wrote it (sorted keys, HTML-safe), so the rest of the page is unchanged.
    text = str(htmlsafe_json_dumps(settings, sort_keys=True))
    return html[: found.start(2)] + text + html[found.end(2):]


def _prefix(config: MkDocsConfig) -> str:
    return language_prefix(config.theme["language"], config.plugins["i18n"].default_language)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Patch the settings on every page."""
    return patch(output, _prefix(config), page.file.src_uri)


@event_priority(50)  # before hooks/not_found_per_language.py files the 404 page away per language
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Patch the settings on the 404 page, which is a template rather than a page."""
    return patch(output_content, _prefix(config), template_name) if template_name == "404.html" else output_content
