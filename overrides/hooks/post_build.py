"""Run the steps that finish the built site, in the one order that works, once every language is built.

mkdocs-static-i18n builds the default language, then, in its own `on_post_build`, every other
language in a nested build of its own (during which `i18n.building` is true). The steps below
need the whole site, so they run once, after the last nested build, and never inside one. They
run in this order because each reads what the ones before it wrote:

1. search_per_language: the merged search index split into one index per language;
2. search_stemming: each index's lunr language and stemming;
3. search_on_demand: each full index put aside behind a small one;
4. not_found_per_language: the host rule serving each language's 404 page;
5. sitemap_probes: empty sitemaps where Material's language selector looks;
6. security_headers: last, because its Content-Security-Policy hashes the inline scripts of every
   page any step wrote.

This is the only `on_post_build` among our hooks: add a new step to STEPS, in its place.
"""

from __future__ import annotations

from collections.abc import Callable

import not_found_per_language
import search_on_demand
import search_per_language
import search_stemming
import security_headers
import sitemap_probes
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

STEPS: list[Callable[[MkDocsConfig], None]] = [
    search_per_language.write,
    search_stemming.write,
    search_on_demand.write,
    not_found_per_language.write_host_rules,
    sitemap_probes.write,
    security_headers.write,
]


@event_priority(-200)  # after mkdocs-static-i18n's (-100), which runs the nested builds
def on_post_build(config: MkDocsConfig) -> None:
    """Finish the site: every step of STEPS, in order, after the last language's build."""
    if config.plugins["i18n"].building:  # a nested build of one language; the rest comes later
        return
    for step in STEPS:
        step(config)
