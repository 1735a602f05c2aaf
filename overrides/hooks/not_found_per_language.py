"""Write a 404 page for every language: site/404.html in the default language, site/LANG/404.html in each other.

mkdocs-static-i18n renders the theme's 404.html once per language into the same site/404.html,
so the last language built would win. This hook keeps the default language's page there and
writes every other language's page to LANG/404.html. It also writes site/_redirects, the rule
by which Netlify serves LANG/404.html for a missing page under /LANG/. Cloudflare Pages finds the
nearest 404.html by itself; other hosts: see the README's deploy section.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from strings import language_prefix

_default_page: dict[str, str] = {}


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Route the 404 page of a non-default language to LANG/404.html."""
    if template_name != "404.html":
        return output_content
    i18n = config.plugins["i18n"]
    prefix = language_prefix(config.theme["language"], i18n.default_language)
    if not prefix:
        _default_page[config.site_dir] = output_content
        return output_content
    target = Path(config.site_dir) / prefix / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output_content, encoding="utf-8")
    # MkDocs writes what this returns to site/404.html: keep the default language's page there.
    return _default_page.get(config.site_dir, output_content)


def write_host_rules(config: MkDocsConfig) -> None:
    """Write the host routing rule for the per-language 404 pages (a step of hooks/post_build.py)."""
    i18n = config.plugins["i18n"]
    prefixes = [language_prefix(language, i18n.default_language) for language in i18n.build_languages]
    rules = [f"/{prefix}*  /{prefix}404.html  404" for prefix in prefixes if prefix]
    (Path(config.site_dir) / "_redirects").write_text("\n".join(rules) + "\n", encoding="utf-8")
