#!/usr/bin/env python3
"""Create a new page in every language and add it to the menu.

    python3 scripts/new_page.py veilig-surfen --nl "Veilig surfen" --en "Browsing safely"

There is one title option per language of the site (the i18n plugin's `languages` in
mkdocs.yml). This writes docs/LANG/veilig-surfen.md for each (a title, a description to fill in
and the heading, placeholders from data/strings/LANG.yml), adds the page to `nav:` in mkdocs.yml
(before contact.md, or after the page given with --after), and records every version in the
translation record. Then write the pages, run `make serve` to look at them, and `make check`.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import translations  # noqa: E402
from site_config import languages, strings  # noqa: E402

TEMPLATE = """---
title: {title}
description: {description}
---

# {title}

{body}
"""


def add_to_nav(config: str, page: str, after: str | None) -> str:
    """mkdocs.yml's text with `page` added to the nav list."""
    lines = config.splitlines(keepends=True)
    start = lines.index("nav:\n")
    items = []
    for number in range(start + 1, len(lines)):
        if not lines[number].startswith("  - "):
            break
        items.append((number, lines[number][4:].strip()))
    names = [name for _, name in items]
    if page in names:
        raise SystemExit(f"{page} is already in the menu (nav: in mkdocs.yml)")
    if after is not None:
        if after not in names:
            raise SystemExit(f"--after {after}: not in the menu; choose one of {', '.join(names)}")
        position = items[names.index(after)][0] + 1
    else:
        position = items[names.index("contact.md")][0] if "contact.md" in names else items[-1][0] + 1
    lines.insert(position, f"  - {page}\n")
    return "".join(lines)


def create(root: Path, name: str, titles: dict[str, str], after: str | None) -> list[Path]:
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name):
        raise SystemExit(f"'{name}': use lower-case letters, digits and hyphens, like veilig-surfen")
    page = f"{name}.md"
    codes = languages(root)
    paths = [root / "docs" / language / page for language in codes]
    existing = [str(path.relative_to(root)) for path in paths if path.exists()]
    if existing:
        raise SystemExit(f"Already there: {', '.join(existing)}")
    config = root / "mkdocs.yml"
    config.write_text(add_to_nav(config.read_text(encoding="utf-8"), page, after), encoding="utf-8")
    for language, path in zip(codes, paths, strict=True):
        placeholder = strings(language, root)["new_page"]
        text = TEMPLATE.format(title=titles[language], description=placeholder["description"], body=placeholder["body"])
        path.write_text(text, encoding="utf-8")
    translations.mark_done(root, [page], prune=False)
    return paths


def main(argv: list[str] | None = None) -> int:
    root_only = argparse.ArgumentParser(add_help=False)
    root_only.add_argument("--root", type=Path, default=ROOT)
    root = root_only.parse_known_args(argv)[0].root
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("name", help="the page's file name without .md: lower case and hyphens, e.g. veilig-surfen")
    for language in languages(root):
        parser.add_argument(f"--{language}", required=True, metavar="TITLE", help=f"the {translations.language_name(language)} title")
    parser.add_argument("--after", help="put it in the menu after this page (e.g. hulp-nodig.md)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    titles = {language: getattr(args, language.replace("-", "_")) for language in languages(root)}
    paths = create(args.root, args.name, titles, args.after)
    for path in paths:
        print(f"Created {path.relative_to(args.root)}")
    print(f"Added {args.name}.md to nav: in mkdocs.yml and to {translations.RECORD}.")
    print("Next: write both pages, look at them with `make serve`, then run `make check`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
