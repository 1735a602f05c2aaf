#!/usr/bin/env python3
"""Keep the Dutch and English pages in step.

    python3 scripts/translations.py check              # what `make check` runs
    python3 scripts/translations.py report             # which pages are out of step, with diffs
    python3 scripts/translations.py mark-done PAGE.md  # record that PAGE's languages are in step

Every page is docs/nl/PAGE.md and docs/en/PAGE.md. `check` fails when
- a page exists in one language only;
- the two versions drift apart: other headings (number and levels), other link targets, phone
  numbers, e-mail addresses or components;
- one version changed and the other did not since they were last recorded in step.

The record is data/translation-sync.json: for each page, the git blob id of both versions when
they were last in step. It is a file in the repository, not git history, so the check works in
any clone, shallow ones too. After translating a change (or deciding it needs no translation),
run `mark-done` and commit the record with the change: that is the reviewable "done".
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("nl", "en")
RECORD = Path("data") / "translation-sync.json"
SCRIPT = "python3 scripts/translations.py"


@dataclass(frozen=True)
class Problem:
    where: str  # file, or file:line
    what: str
    fix: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}\n    What to do: {self.fix}"


def blob_id(data: bytes) -> str:
    """The id git gives this content (git hash-object), so `report` can find old versions in git."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def pages(root: Path, language: str) -> set[str]:
    folder = root / "docs" / language
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.md")}


def load_record(root: Path) -> dict[str, dict[str, str]]:
    path = root / RECORD
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def save_record(root: Path, record: dict[str, dict[str, str]]) -> None:
    text = json.dumps(dict(sorted(record.items())), indent=2, ensure_ascii=False) + "\n"
    (root / RECORD).write_text(text, encoding="utf-8")


# --- What must be the same in both languages -------------------------------------------------

FENCE = re.compile(r"^(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+\S")
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|(?:href|src)=\"([^\"]+)\"")
PHONE = re.compile(r"(?<![\d-])(?:0\d{1,3}-\d{4,8}|112)(?![\d-])")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
COMPONENT = re.compile(r"<!--\s*component:\s*(.*?)\s*-->")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


@dataclass
class Shape:
    headings: list[tuple[int, int, str]]  # (level, line, text)
    links: set[str]
    phones: set[str]
    emails: set[str]
    components: list[str]


def shape(text: str) -> Shape:
    """What a page is made of, apart from its words."""
    offset = 0
    if match := FRONT_MATTER.match(text):
        offset = match.group(0).count("\n")
        text = text[match.end():]
    headings, links, phones, emails, components = [], set(), set(), set(), []
    in_code = False
    for number, line in enumerate(text.splitlines(), start=offset + 1):
        if FENCE.match(line.strip()):
            in_code = not in_code
            continue
        if in_code:
            continue
        if match := HEADING.match(line):
            headings.append((len(match.group(1)), number, line.strip()))
        for match in LINK.finditer(line):
            target = match.group(1) or match.group(2)
            # Anchors are headings' slugs, which differ per language: compare the page only.
            links.add(target.split("#")[0] or "#")
        phones.update(PHONE.findall(line))
        emails.update(EMAIL.findall(line))
        components += COMPONENT.findall(line)
    return Shape(headings, links - {"#"}, phones, emails, components)


def drift(page: str, nl_text: str, en_text: str) -> list[Problem]:
    """How the two versions of a page differ in structure and facts."""
    nl, en = shape(nl_text), shape(en_text)
    nl_file, en_file = f"docs/nl/{page}", f"docs/en/{page}"
    problems = []
    nl_levels = [level for level, _, _ in nl.headings]
    en_levels = [level for level, _, _ in en.headings]
    if nl_levels != en_levels:
        index = next((i for i, (a, b) in enumerate(zip(nl_levels, en_levels, strict=False)) if a != b), min(len(nl_levels), len(en_levels)))
        at_nl = f"{nl_file}:{nl.headings[index][1]} '{nl.headings[index][2]}'" if index < len(nl.headings) else f"the end of {nl_file}"
        at_en = f"{en_file}:{en.headings[index][1]} '{en.headings[index][2]}'" if index < len(en.headings) else f"the end of {en_file}"
        problems.append(Problem(
            en_file,
            f"the headings differ from the Dutch version ({len(nl_levels)} in Dutch, {len(en_levels)} in English); "
            f"the first difference is heading {index + 1}: {at_nl} against {at_en}",
            "give both versions the same sections, with headings of the same level (#, ##, ###) in the same order",
        ))
    for name, nl_set, en_set in (("link targets", nl.links, en.links), ("phone numbers", nl.phones, en.phones),
                                 ("e-mail addresses", nl.emails, en.emails)):
        if nl_set != en_set:
            only_nl = ", ".join(sorted(nl_set - en_set)) or "none"
            only_en = ", ".join(sorted(en_set - nl_set)) or "none"
            problems.append(Problem(
                en_file,
                f"the {name} differ from the Dutch version: only in Dutch: {only_nl}; only in English: {only_en}",
                f"use the same {name} in {nl_file} and {en_file}",
            ))
    if nl.components != en.components:
        problems.append(Problem(
            en_file,
            f"the components differ from the Dutch version: Dutch has {nl.components}, English has {en.components}",
            f"place the same <!-- component: ... --> lines, in the same order, in {nl_file} and {en_file}",
        ))
    return problems


# --- The checks ------------------------------------------------------------------------------

def check(root: Path = ROOT) -> list[Problem]:
    """Every translation problem in the project at `root`."""
    problems: list[Problem] = []
    nl_pages, en_pages = pages(root, "nl"), pages(root, "en")
    for page in sorted(nl_pages - en_pages):
        problems.append(Problem(f"docs/nl/{page}", "has no English version docs/en/" + page,
                                f"translate it into docs/en/{page}, or create both at once with "
                                "`python3 scripts/new_page.py`"))
    for page in sorted(en_pages - nl_pages):
        problems.append(Problem(f"docs/en/{page}", "has no Dutch version docs/nl/" + page,
                                f"translate it into docs/nl/{page} (Dutch is the site's main language)"))
    record = load_record(root)
    for page in sorted(nl_pages & en_pages):
        data = {lang: (root / "docs" / lang / page).read_bytes() for lang in LANGUAGES}
        problems += drift(page, data["nl"].decode("utf-8"), data["en"].decode("utf-8"))
        problems += staleness(page, data, record.get(page))
    for page in sorted(set(record) - (nl_pages | en_pages)):
        problems.append(Problem(str(RECORD), f"lists '{page}', which no longer exists",
                                f"run `{SCRIPT} mark-done --prune` and commit {RECORD}"))
    return problems


def staleness(page: str, data: dict[str, bytes], recorded: dict[str, str] | None) -> list[Problem]:
    current = json.dumps({lang: blob_id(data[lang]) for lang in LANGUAGES})
    done = (f"`{SCRIPT} mark-done {page}` and commit {RECORD} with your change "
            f"(in GitHub's web editor: set \"{page}\" in {RECORD} to {current})")
    if recorded is None:
        return [Problem(f"docs/nl/{page}", "is not in the translation record yet",
                        f"when both languages are ready, run {done}")]
    changed = [lang for lang in LANGUAGES if blob_id(data[lang]) != recorded.get(lang)]
    if len(changed) == 1:
        edited, other = changed[0], "en" if changed[0] == "nl" else "nl"
        name = {"nl": "Dutch", "en": "English"}
        return [Problem(
            f"docs/{other}/{page}",
            f"the {name[edited]} version docs/{edited}/{page} changed, this one did not",
            f"bring the change over to docs/{other}/{page} (or decide it needs none, a typo, say), then run "
            f"{done}. `{SCRIPT} report` shows what changed",
        )]
    if len(changed) == 2:
        return [Problem(f"docs/nl/{page}", "both versions changed since they were last recorded in step",
                        f"if the translation is complete, run {done}")]
    return []


def mark_done(root: Path, names: list[str], prune: bool) -> list[str]:
    """Record the pages' current versions as in step; returns what changed in the record."""
    record = load_record(root)
    changed = []
    for page in names:
        versions = {lang: blob_id((root / "docs" / lang / page).read_bytes()) for lang in LANGUAGES}
        if record.get(page) != versions:
            record[page] = versions
            changed.append(page)
    if prune:
        existing = pages(root, "nl") & pages(root, "en")
        for page in [p for p in record if p not in existing]:
            del record[page]
            changed.append(page)
    save_record(root, record)
    return changed


def old_version(root: Path, blob: str) -> str | None:
    """The text of an earlier version from git, if this clone has it."""
    result = subprocess.run(["git", "cat-file", "-p", blob], cwd=root, capture_output=True)
    return result.stdout.decode("utf-8", errors="replace") if result.returncode == 0 else None


def report(root: Path = ROOT) -> str:
    """Which pages are out of step, and the diff of what changed since they were in step."""
    record = load_record(root)
    lines = []
    for page in sorted(pages(root, "nl") & pages(root, "en")):
        recorded = record.get(page)
        if recorded is None:
            lines.append(f"{page}: not recorded yet")
            continue
        for lang in LANGUAGES:
            path = root / "docs" / lang / page
            if blob_id(path.read_bytes()) == recorded.get(lang):
                continue
            lines.append(f"{page}: docs/{lang}/{page} changed since the pages were in step")
            before = old_version(root, recorded[lang])
            if before is None:
                lines.append("    (the earlier version is not in this clone; `git fetch --unshallow` gets it)")
                continue
            lines += difflib.unified_diff(before.splitlines(), path.read_text(encoding="utf-8").splitlines(),
                                          f"docs/{lang}/{page} (in step)", f"docs/{lang}/{page} (now)", lineterm="")
    return "\n".join(lines) if lines else "All pages are in step."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="fail on missing, drifting or stale translations")
    commands.add_parser("report", help="show the pages out of step and what changed")
    done = commands.add_parser("mark-done", help="record pages as in step (after translating, or when no translation is needed)")
    done.add_argument("pages", nargs="*", help="page file names, such as wat-melden.md")
    done.add_argument("--all", action="store_true", help="every page")
    done.add_argument("--prune", action="store_true", help="forget pages that no longer exist")
    args = parser.parse_args(argv)

    if args.command == "check":
        problems = check(args.root)
        for problem in problems:
            print(problem)
        print(f"translations: {len(problems)} problem(s)" if problems else "translations: all pages in step")
        return 1 if problems else 0
    if args.command == "report":
        print(report(args.root))
        return 0
    names = sorted(pages(args.root, "nl") & pages(args.root, "en")) if args.all else args.pages
    missing = [page for page in names if not all((args.root / "docs" / lang / page).exists() for lang in LANGUAGES)]
    if missing:
        print(f"Not in both docs/nl/ and docs/en/: {', '.join(missing)}", file=sys.stderr)
        return 2
    changed = mark_done(args.root, names, args.prune)
    print(f"Recorded in {RECORD}: {', '.join(changed)}" if changed else "Nothing to record: already in step.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
