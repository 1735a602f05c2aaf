"""What the hooks that read a page's Markdown share: where its code is, and where its body starts.

Not a hook itself (mkdocs.yml does not list it): hooks import it by name, which works because
MkDocs puts a hook's own folder on sys.path while it loads the hook.
"""

from __future__ import annotations

import re

# A fenced code block: ``` or ~~~ (three or more, indented or not, in a list too) up to a
# closing fence of the same character at least as long. One never closed is not blanked: what
# it holds is checked and expanded as if it were text, the safe side.
FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[^\n]*\n(?P<code>.*?)^[ \t]*(?P=fence)[`~]*[ \t]*$",
    re.M | re.S,
)
# Inline code: a run of backticks up to the next run of the same length, within one paragraph.
INLINE_CODE = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`)", re.S)


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match[0])


def mask_code(markdown: str) -> str:
    """The Markdown with every code block and code span blanked out, newlines kept.

    Positions and line numbers stay those of the original, so a search in the masked text finds
    only what Markdown does not show as code, at the place it has in the page.
    """
    return INLINE_CODE.sub(_blank, FENCE.sub(_blank, markdown))


def mask_front_matter(source: str) -> str:
    """The page's file with its `---` front matter blanked out, line numbers kept."""
    lines = source.split("\n")
    if lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], start=1):
            if line.strip() in ("---", "..."):
                return "\n".join([""] * (number + 1) + lines[number + 1:])
    return source


def body_start(source: str) -> int:
    """The line number in the file at which the Markdown body starts (after `---` front matter)."""
    lines = source.splitlines()
    if lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], start=2):
            if line.strip() in ("---", "..."):
                # MkDocs also drops the blank lines between the front matter and the body.
                while number < len(lines) and not lines[number].strip():
                    number += 1
                return number + 1
    return 1
