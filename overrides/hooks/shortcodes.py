"""Expand the components editors place in pages with `<!-- component: NAME ARGS -->`.

Each component is listed in COMPONENTS and rendered by its Jinja partial,
overrides/partials/components/NAME.html, with the page's language, the arguments and the site
configuration. An unknown component name, an empty marker, or an argument the component does
not accept, fails the build naming the page and the line, so a typo never silently drops a form
or a phone number from a page. The marker is recognised in any casing and spacing
(`<!-- Component : phone 112 -->`); one inside a code block or code span is shown as text.
Ordinary HTML comments are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from _markdown_source import body_start, mask_code
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

MARKER = re.compile(r"<!--\s*component\s*:\s*(?P<body>.*?)\s*-->", re.I | re.S)


@dataclass(frozen=True)
class Component:
    takes_entry_ids: bool  # its arguments are ids from the help directory; otherwise it takes none
    block: bool  # stands on its own between paragraphs; otherwise it sits inside a sentence
    one_phone: bool = False  # takes exactly one id, of an entry with a phone number
    one_fact: bool = False  # takes exactly one id from data/facts.yml (hooks/facts.py)


COMPONENTS = {
    "help-directory": Component(takes_entry_ids=False, block=True),
    "help-contacts": Component(takes_entry_ids=True, block=True),
    "phone": Component(takes_entry_ids=True, block=False, one_phone=True),
    "contact-email": Component(takes_entry_ids=False, block=False),
    "report-form": Component(takes_entry_ids=False, block=True),
    "fact": Component(takes_entry_ids=False, block=False, one_fact=True),
    "help-situations": Component(takes_entry_ids=False, block=True),
    "confirmation": Component(takes_entry_ids=False, block=True),
}

_env: Environment | None = None


def on_pre_build(config: MkDocsConfig) -> None:
    """Each language build gets a fresh template environment, with that language's interface text
    (hooks/strings.py): MkDocs makes its own environment only after the pages' Markdown.

    Unlike Material's templates (written for no autoescaping, in their own environment), the
    components escape every value they print: a name, a text or an address from data/help.yml is
    published as text, never as HTML. A partial marks HTML it means with `| safe` or `tojson`.
    """
    global _env
    _env = config.theme.get_env()
    _env.autoescape = True
    _env.globals.update(config.extra["template_globals"])


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace every component marker in the page with its rendered partial."""
    assert _env is not None
    language = config.theme["language"]
    where = page.file.src_uri
    base_url = get_relative_url(".", page.url)  # the site root, relative to this page
    # MkDocs hands over the page without its front matter; editors count lines in the file.
    first_line = body_start(page.file.content_string)

    def render(match: re.Match[str]) -> str:
        line = first_line + markdown.count("\n", 0, match.start())
        if not match["body"]:
            known = ", ".join(sorted(COMPONENTS))
            raise PluginError(f"{where}:{line}: a component marker without a name. Write the component's "
                              f"name after 'component:', such as <!-- component: report-form -->. Known components: {known}.")
        name, *args = match["body"].split()
        if name not in COMPONENTS:
            known = ", ".join(sorted(COMPONENTS))
            raise PluginError(f"{where}:{line}: unknown component '{name}'. Known components: {known}.")
        facts = _fact(args, config, f"{where}:{line}") if COMPONENTS[name].one_fact else []
        entries = [] if facts else _arguments(name, args, config, f"{where}:{line}")
        template = _env.get_template(f"partials/components/{name}.html")
        html = template.render(
            lang=language, args=args, entries=entries, facts=facts, config=config, page=page, base_url=base_url
        ).strip()
        # Blank lines around a block keep Markdown from wrapping it in a paragraph.
        return f"\n\n{html}\n\n" if COMPONENTS[name].block else html

    # Markers are looked for where code is blanked out, and replaced at the same place in the page.
    parts, end = [], 0
    for match in MARKER.finditer(mask_code(markdown)):
        parts += [markdown[end:match.start()], render(match)]
        end = match.end()
    return "".join(parts) + markdown[end:]


def _fact(args: list[str], config: MkDocsConfig, where: str) -> list[dict]:
    known = config.extra["facts"]
    if len(args) != 1 or args[0] not in known:
        raise PluginError(f"{where}: component 'fact' needs exactly one id from data/facts.yml; got: "
                          f"{' '.join(args) or '(none)'}. Known ids: {', '.join(known)}.")
    return [known[args[0]]]


def _arguments(name: str, args: list[str], config: MkDocsConfig, where: str) -> list[dict]:
    if not COMPONENTS[name].takes_entry_ids:
        if args:
            raise PluginError(f"{where}: component '{name}' takes no arguments, got: {' '.join(args)}")
        return []
    by_id = {entry["id"]: entry for entry in config.extra["help_entries"]}
    unknown = [arg for arg in args if arg not in by_id]
    if not args or unknown:
        raise PluginError(
            f"{where}: component '{name}' needs ids from data/help.yml; "
            f"unknown: {', '.join(unknown) or '(none given)'}. Known ids: {', '.join(by_id)}."
        )
    entries = [by_id[arg] for arg in args]
    if COMPONENTS[name].one_phone and (len(entries) != 1 or "phone" not in entries[0]):
        with_phone = ", ".join(entry["id"] for entry in config.extra["help_entries"] if "phone" in entry)
        raise PluginError(
            f"{where}: component '{name}' needs exactly one id from data/help.yml of an entry with a phone "
            f"number; got: {' '.join(args)}. Ids with a phone number: {with_phone}."
        )
    return entries
