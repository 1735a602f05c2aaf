"""Stop the build when a page's Markdown holds something that could run, or load from another site.

Editors write pages; developers write the templates, components and scripts. A script, an `on…=`
attribute, a `javascript:` link, an iframe, a form, a `<meta>` refresh or an image from another
site pasted into a page would run or load on a site whose visitors report abuse: the build fails
instead, naming the Markdown file and line and saying what to do. The page's file is checked as
the editor wrote it, before hooks/shortcodes.py expands the components (the report form is ours),
and code blocks and code spans are left out (they are shown as text). Ordinary links to other
sites stay allowed. A page must also have a `title` and a `description` in its front matter:
they are what the browser's tab, search engines and shared links show.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from _markdown_source import mask_code, mask_front_matter
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# Elements that run, embed, post or redirect; a page never needs them (components do the form).
REFUSED_ELEMENTS = {
    "script": "a script",
    "iframe": "an embedded page (<iframe>)",
    "frame": "an embedded page (<frame>)",
    "frameset": "an embedded page (<frameset>)",
    "object": "an embedded object (<object>)",
    "embed": "an embedded object (<embed>)",
    "applet": "an embedded object (<applet>)",
    "form": "a form",
    "meta": "a <meta> tag (such as a refresh that sends visitors elsewhere)",
    "link": "a <link> tag (such as a stylesheet)",
    "base": "a <base> tag",
}
# Attributes that load something or send a request (href does too, except on a link). A link's
# ping tells another site who followed it; action and formaction post a form.
RESOURCE_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "href", "xlink:href", "ping", "action", "formaction"}
LINK_ELEMENTS = {"a", "area"}
# A scheme that runs code or carries a whole document instead of pointing to a place.
CODE_SCHEME = re.compile(r"^(?:javascript|vbscript|data):", re.I)
OTHER_ORIGIN = re.compile(r"^(?://|[a-z][a-z0-9+.-]*:)", re.I)
NOT_A_RESOURCE = re.compile(r"^(?:mailto|tel):", re.I)

# Markdown's own links and images: [text](target), ![alt](target), [label]: target, ![alt][label].
INLINE_LINK = re.compile(r"(?P<image>!?)\[(?P<text>(?:[^\[\]\\]|\\.)*)\]\(\s*(?P<target><[^>\n]*>|[^\s)]*)")
REFERENCE = re.compile(r"^ {0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*(?P<target><[^>\n]*>|\S+)", re.M)
REFERENCE_IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]*)\]\[(?P<label>[^\]\n]*)\]")
# attr_list's { key="value" } after a link, image or heading: it can add any attribute.
ATTRIBUTE_LIST = re.compile(r"\{:?(?P<body>[^{}\n]*)\}")
ATTRIBUTE = re.compile(r"""(?P<name>[^\s=#.{}]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s}]+))""")

WHAT_TO_DO_CODE = (
    "Pages cannot run code or embed other sites: remove it. If the page needs something that works, "
    "ask a developer for a component (see CONTRIBUTING.md)."
)
WHAT_TO_DO_RESOURCE = (
    "Pages may not load images or files from another site (it would tell that site who reads this page): "
    "save the file in the docs folder and link to it by its path, or link to the other site instead."
)


def clean_url(value: str) -> str:
    """A URL as the browser reads it: entities decoded, spaces and control characters dropped."""
    return re.sub(r"[\x00-\x20\x7f]", "", html.unescape(value)).strip("<>")


def url_problem(value: str, loads: bool) -> str | None:
    """What is wrong with a URL in a page, or None: a code scheme anywhere, another site for a resource."""
    url = clean_url(value)
    if CODE_SCHEME.match(url):
        return f"a '{url.split(':')[0].lower()}:' address ({value[:60]}). {WHAT_TO_DO_CODE}"
    if loads and OTHER_ORIGIN.match(url) and not NOT_A_RESOURCE.match(url):
        return f"an image or file from another site ({value[:80]}). {WHAT_TO_DO_RESOURCE}"
    return None


def attribute_problems(tag: str, attributes: list[tuple[str, str | None]]) -> list[str]:
    problems = []
    for name, value in attributes:
        name = name.lower()
        if name.startswith("on"):
            problems.append(f"an '{name}' attribute on <{tag}>, which runs code. {WHAT_TO_DO_CODE}")
        elif value is not None:
            if name == "srcset":
                urls = [part.split()[0] for part in value.split(",") if part.split()]
            else:
                urls = [value]
            loads = name in RESOURCE_ATTRIBUTES and not (name == "href" and tag in LINK_ELEMENTS)
            problems += [problem for url in urls if (problem := url_problem(url, loads))]
    return problems


class _TagFinder(HTMLParser):
    """Every refused element and attribute in the raw HTML of a page, with its line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag in REFUSED_ELEMENTS:
            self.problems.append((line, f"{REFUSED_ELEMENTS[tag]}. {WHAT_TO_DO_CODE}"))
        self.problems += [(line, problem) for problem in attribute_problems(tag, attrs)]


def line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def problems(source: str) -> list[tuple[int, str]]:
    """(line, what is wrong) for everything in a page's file that could run or load from elsewhere."""
    text = mask_code(mask_front_matter(source))
    finder = _TagFinder()
    finder.feed(text)
    finder.close()
    found = finder.problems
    references = {}
    for match in REFERENCE.finditer(text):
        references[match["label"].strip().lower()] = match["target"]
        if problem := url_problem(match["target"], loads=False):
            found.append((line_of(text, match.start()), problem))
    for match in INLINE_LINK.finditer(text):
        if problem := url_problem(match["target"], loads=bool(match["image"])):
            found.append((line_of(text, match.start()), problem))
    for match in REFERENCE_IMAGE.finditer(text):
        target = references.get((match["label"] or match["alt"]).strip().lower())
        if target and (problem := url_problem(target, loads=True)):
            found.append((line_of(text, match.start()), problem))
    for match in ATTRIBUTE_LIST.finditer(text):
        pairs = [(a["name"], a["dq"] if a["dq"] is not None else a["sq"] if a["sq"] is not None else a["bare"])
                 for a in ATTRIBUTE.finditer(match["body"])]
        # The braces sit after a link or an image: its href or src is checked above.
        found += [(line_of(text, match.start()), problem) for problem in attribute_problems("a", pairs)]
    return sorted(set(found))


def missing_front_matter(page: Page) -> list[str]:
    return [key for key in ("title", "description") if not str(page.meta.get(key) or "").strip()]


@event_priority(100)  # before hooks/shortcodes.py expands the components
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fail the build, naming the file and line, on anything in the page that could run or load from elsewhere."""
    docs = Path(config.docs_dir)
    root = Path(config.config_file_path).parent
    where = (docs.relative_to(root) if docs.is_relative_to(root) else docs) / page.file.src_uri
    messages = [f"{where}:{line}: found {problem}" for line, problem in problems(page.file.content_string)]
    messages += [
        f"{where}:1: the page has no '{key}' in its front matter (the lines between --- at the top). "
        f"Add one, such as '{key}: ...': the {key} is what the browser's tab, search engines and shared links show."
        for key in missing_front_matter(page)
    ]
    if messages:
        raise PluginError("\n".join(messages))
    return markdown
