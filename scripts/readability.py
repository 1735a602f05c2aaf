#!/usr/bin/env python3
"""How easy a page is to read: its LIX figure and its longest sentences.

    python3 scripts/readability.py                      # every page, in every language
    python3 scripts/readability.py docs/nl/melden.md    # one page

LIX (Björnsson's läsbarhetsindex, 1968) is the average number of words per sentence plus the
percentage of words longer than six letters. It needs no word lists or syllable rules, so it
measures Dutch and English alike. The lower, the easier: CONTRIBUTING.md says what the figures
mean and data/readability.yml holds the limit above which `make check` warns.

Only the page's prose counts: front matter, code, HTML tags and comments (components), link
addresses and Markdown syntax are left out. Headings, list items and table cells end a sentence
as a full stop does.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LONG_WORD = 6  # letters; a word with more is a long word

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
COMMENT = re.compile(r"<!--.*?-->", re.S)
FENCE = re.compile(r"^\s*(```|~~~)")
# A line that starts a block of its own: a heading, a list item, a quote, an admonition, a table row.
BLOCK_START = re.compile(r"^\s*(#{1,6}\s|[-*+]\s|\d+[.)]\s|>|!!!|\?\?\?|\|)")
MARKUP = [
    (re.compile(r"`[^`]*`"), " "),  # inline code
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), " "),  # images
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links: keep the text, drop the address
    (re.compile(r"\[([^\]]*)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"\{:?[^}]*\}"), " "),  # attribute lists, { .cta }
    (re.compile(r"<[^>]+>"), " "),  # HTML tags
    (re.compile(r"\b(?:https?://|www\.)\S+"), " "),  # bare addresses
    (re.compile(r"\S+@\S+\.\w+"), " "),  # e-mail addresses
    (re.compile(r"^\s*(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>\s?)"), ""),  # heading, list and quote markers
    (re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s*\S+\s*(?:"([^"]*)")?.*$'), r"\1"),  # admonition: keep its title
    (re.compile(r"^\s*\|?[\s:|-]+\|?\s*$"), ""),  # a table's separator row
    (re.compile(r"[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}"), ""),  # emphasis
]
LEFT_OUT = re.compile(r"\s+([.,;:!?])")  # the space left where a component or address was
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?:])\s+|\s*\|\s*")  # as Björnsson: full stop, colon, ! and ?


@dataclass(frozen=True)
class Sentence:
    line: int  # in the Markdown file, counting from 1
    text: str
    words: int


@dataclass(frozen=True)
class Readability:
    lix: float
    words: int
    sentences: list[Sentence]

    def longest(self, count: int) -> list[Sentence]:
        return sorted(self.sentences, key=lambda sentence: -sentence.words)[:count]


def limits(root: Path = ROOT) -> dict[str, int]:
    """The agreed limit and how many long sentences to show (data/readability.yml)."""
    return yaml.safe_load((root / "data" / "readability.yml").read_text(encoding="utf-8"))


def prose_blocks(markdown: str) -> list[list[tuple[int, str]]]:
    """The page's prose as blocks (paragraphs, headings, list items) of (line number, text) pairs."""
    blank = lambda match: "\n" * match.group(0).count("\n")  # noqa: E731 - keep line numbers
    text = COMMENT.sub(blank, FRONT_MATTER.sub(blank, markdown))
    blocks: list[list[tuple[int, str]]] = [[]]
    in_code = False
    for number, line in enumerate(text.splitlines(), start=1):
        if FENCE.match(line):
            in_code = not in_code
            blocks.append([])
            continue
        if in_code:
            continue
        if BLOCK_START.match(line):
            blocks.append([])
        for pattern, replacement in MARKUP:
            line = pattern.sub(replacement, line)
        if line.strip():
            blocks[-1].append((number, line.strip()))
        else:
            blocks.append([])
    return [block for block in blocks if block]


def sentences(markdown: str) -> list[Sentence]:
    """Every sentence of the page's prose, with the line it starts on."""
    found = []
    for block in prose_blocks(markdown):
        text = " ".join(part for _, part in block)
        starts = list(itertools.accumulate([0] + [len(part) + 1 for _, part in block[:-1]]))
        position = 0
        for piece in SENTENCE_END.split(text):
            start = text.find(piece, position)
            position = start + len(piece)
            words = WORD.findall(piece)
            if words:
                line = block[bisect.bisect_right(starts, start) - 1][0]
                found.append(Sentence(line, LEFT_OUT.sub(r"\1", piece.strip()), len(words)))
    return found


def measure(markdown: str) -> Readability:
    """LIX = words / sentences + 100 * long words / words (Björnsson 1968)."""
    found = sentences(markdown)
    words = [word for sentence in found for word in WORD.findall(sentence.text)]
    if not words:
        return Readability(0.0, 0, [])
    long_words = sum(1 for word in words if sum(char.isalpha() for char in word) > LONG_WORD)
    lix = len(words) / len(found) + 100 * long_words / len(words)
    return Readability(round(lix, 1), len(words), found)


def report(label: str, result: Readability, shown: int) -> list[str]:
    """A page's figure and its longest sentences, as `make check` prints them."""
    lines = [f"{label}: LIX {result.lix:.0f} ({result.words} words, {len(result.sentences)} sentences)"]
    for sentence in result.longest(shown):
        lines.append(f"    line {sentence.line}, {sentence.words} words: {sentence.text}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="*", type=Path, help="Markdown files (default: every page in docs/)")
    args = parser.parse_args(argv)
    settings = limits()
    for path in args.pages or sorted((ROOT / "docs").glob("*/*.md")):
        label = str(path) if args.pages else path.relative_to(ROOT).as_posix()
        print("\n".join(report(label, measure(path.read_text(encoding="utf-8")), settings["longest_sentences"])))
    print(f"Above {settings['lix_limit']} is harder than we aim for: see CONTRIBUTING.md.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
