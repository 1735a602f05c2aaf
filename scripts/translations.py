#!/usr/bin/env python3
"""Keep the pages of every language in step, and add a language.

    python3 scripts/translations.py check              # what `make check` runs
    python3 scripts/translations.py report             # which pages are out of step, with diffs
    python3 scripts/translations.py mark-done PAGE.md  # record that PAGE's languages are in step
    python3 scripts/translations.py add-language pl --name Polski   # a new language (--dir rtl for
                                                                    # a right-to-left one)

The languages are the i18n plugin's `languages` in mkdocs.yml, the default language first. Every
page is docs/LANG/PAGE.md in each. `check` fails when
- a page is missing in a language, or exists in a language but not in the default language;
- a version drifts from the default language's: other headings (number and levels), other link
  targets, phone numbers, e-mail addresses or components;
- some versions changed and others did not since they were last recorded in step;
- a language's page is still the untranslated copy `add-language` made.

The record is data/translation-sync.json: for each page, the git blob id of both versions when
they were last in step. It is a file in the repository, not git history, so the check works in
any clone, shallow ones too. After translating a change (or deciding it needs no translation),
run `mark-done` and commit the record with the change: that is the reviewable "done".

`add-language CODE --name NAME` adds the language's entry to mkdocs.yml, copies the default
language's pages to docs/CODE/ and its interface text to data/strings/CODE.yml, and records every
new page as not translated yet, so `make check` lists them until a translator has translated each
and run `mark-done`. Nothing else needs to change: the build reads the languages from mkdocs.yml.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import material
import yaml
from babel import Locale, UnknownLocaleError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from site_config import default_language, languages  # noqa: E402

RECORD = Path("data") / "translation-sync.json"
STRINGS = Path("data") / "strings"
HELP = Path("data") / "help.yml"
SCRIPT = "python3 scripts/translations.py"
UNTRANSLATED = "not translated yet"  # in the record, for a page add-language copied from the default language


def language_name(code: str) -> str:
    """The language's name in English, for messages: "Dutch", "Polish"."""
    try:
        return Locale.parse(code.replace("-", "_")).english_name or code
    except (ValueError, UnknownLocaleError):
        return code


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


def drift(page: str, language: str, default: str, texts: dict[str, str]) -> list[Problem]:
    """How a language's version of a page differs in structure and facts from the default language's."""
    ours, theirs = shape(texts[default]), shape(texts[language])
    our_file, their_file = f"docs/{default}/{page}", f"docs/{language}/{page}"
    ours_name, theirs_name = language_name(default), language_name(language)
    problems = []
    our_levels = [level for level, _, _ in ours.headings]
    their_levels = [level for level, _, _ in theirs.headings]
    if our_levels != their_levels:
        index = next((i for i, (a, b) in enumerate(zip(our_levels, their_levels, strict=False)) if a != b), min(len(our_levels), len(their_levels)))
        at_ours = f"{our_file}:{ours.headings[index][1]} '{ours.headings[index][2]}'" if index < len(ours.headings) else f"the end of {our_file}"
        at_theirs = f"{their_file}:{theirs.headings[index][1]} '{theirs.headings[index][2]}'" if index < len(theirs.headings) else f"the end of {their_file}"
        problems.append(Problem(
            their_file,
            f"the headings differ from the {ours_name} version ({len(our_levels)} in {ours_name}, {len(their_levels)} in {theirs_name}); "
            f"the first difference is heading {index + 1}: {at_ours} against {at_theirs}",
            "give both versions the same sections, with headings of the same level (#, ##, ###) in the same order",
        ))
    for name, our_set, their_set in (("link targets", ours.links, theirs.links), ("phone numbers", ours.phones, theirs.phones),
                                     ("e-mail addresses", ours.emails, theirs.emails)):
        if our_set != their_set:
            only_ours = ", ".join(sorted(our_set - their_set)) or "none"
            only_theirs = ", ".join(sorted(their_set - our_set)) or "none"
            problems.append(Problem(
                their_file,
                f"the {name} differ from the {ours_name} version: only in {ours_name}: {only_ours}; only in {theirs_name}: {only_theirs}",
                f"use the same {name} in {our_file} and {their_file}",
            ))
    if ours.components != theirs.components:
        problems.append(Problem(
            their_file,
            f"the components differ from the {ours_name} version: {ours_name} has {ours.components}, {theirs_name} has {theirs.components}",
            f"place the same <!-- component: ... --> lines, in the same order, in {our_file} and {their_file}",
        ))
    return problems


# --- The checks ------------------------------------------------------------------------------

def check(root: Path = ROOT) -> list[Problem]:
    """Every translation problem in the project at `root`."""
    problems: list[Problem] = []
    codes, default = languages(root), default_language(root)
    found = {language: pages(root, language) for language in codes}
    for language in codes[1:]:
        for page in sorted(found[default] - found[language]):
            problems.append(Problem(f"docs/{default}/{page}", f"has no {language_name(language)} version docs/{language}/{page}",
                                    f"translate it into docs/{language}/{page}, or create every language's version at once with "
                                    "`python3 scripts/new_page.py`"))
        for page in sorted(found[language] - found[default]):
            problems.append(Problem(f"docs/{language}/{page}", f"has no {language_name(default)} version docs/{default}/{page}",
                                    f"translate it into docs/{default}/{page} ({language_name(default)} is the site's main language)"))
    record = load_record(root)
    everywhere = set.intersection(*found.values())
    for page in sorted(everywhere):
        data = {language: (root / "docs" / language / page).read_bytes() for language in codes}
        texts = {language: content.decode("utf-8") for language, content in data.items()}
        for language in codes[1:]:
            problems += drift(page, language, default, texts)
        problems += staleness(page, data, record.get(page), codes)
    for page in sorted(set(record) - set().union(*found.values())):
        problems.append(Problem(str(RECORD), f"lists '{page}', which no longer exists",
                                f"run `{SCRIPT} mark-done --prune` and commit {RECORD}"))
    return problems + untranslated_help(root, codes)


def untranslated_help(root: Path, codes: list[str]) -> list[Problem]:
    """Texts of the help directory (data/help.yml) that a language lacks; the site shows the
    default language's there until they are translated."""
    try:
        entries = yaml.safe_load((root / HELP).read_text(encoding="utf-8"))["entries"]
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        return []  # check_content.py's directory check reports a broken file
    problems = []
    for entry in entries:
        for field, value in entry.items():
            if isinstance(value, dict) and codes[0] in value:
                for language in [language for language in codes if language not in value]:
                    problems.append(Problem(f"{HELP}: entry '{entry.get('id')}', field '{field}'",
                                            f"has no {language_name(language)} text ({language})",
                                            f"add `{language}:` with the {language_name(language)} translation next to `{codes[0]}:`"))
    return problems


def staleness(page: str, data: dict[str, bytes], recorded: dict[str, str] | None, codes: list[str]) -> list[Problem]:
    default = codes[0]
    current = json.dumps({language: blob_id(data[language]) for language in codes})
    done = (f"`{SCRIPT} mark-done {page}` and commit {RECORD} with your change "
            f"(in GitHub's web editor: set \"{page}\" in {RECORD} to {current})")
    if recorded is None:
        return [Problem(f"docs/{default}/{page}", "is not in the translation record yet",
                        f"when every language is ready, run {done}")]
    untranslated = [language for language in codes if recorded.get(language) == UNTRANSLATED]
    if untranslated:
        return [Problem(f"docs/{language}/{page}", f"is not translated yet: it is still the copy of docs/{default}/{page}",
                        f"translate it into {language_name(language)}, then run {done}")
                for language in untranslated]
    changed = [language for language in codes if blob_id(data[language]) != recorded.get(language)]
    if not changed:
        return []
    if len(changed) == len(codes):
        versions = "both versions" if len(codes) == 2 else "every version"
        return [Problem(f"docs/{default}/{page}", f"{versions} changed since they were last recorded in step",
                        f"if the translation is complete, run {done}")]
    edited = ", ".join(f"the {language_name(language)} version docs/{language}/{page}" for language in changed)
    return [Problem(
        f"docs/{other}/{page}",
        f"{edited} changed, this one did not",
        f"bring the change over to docs/{other}/{page} (or decide it needs none, a typo, say), then run "
        f"{done}. `{SCRIPT} report` shows what changed",
    ) for other in codes if other not in changed]


def mark_done(root: Path, names: list[str], prune: bool) -> list[str]:
    """Record the pages' current versions as in step; returns what changed in the record."""
    record = load_record(root)
    codes = languages(root)
    changed = []
    for page in names:
        versions = {language: blob_id((root / "docs" / language / page).read_bytes()) for language in codes}
        if record.get(page) != versions:
            record[page] = versions
            changed.append(page)
    if prune:
        existing = set.intersection(*(pages(root, language) for language in codes))
        for page in [p for p in record if p not in existing]:
            del record[page]
            changed.append(page)
    save_record(root, record)
    return changed


# --- Adding a language ------------------------------------------------------------------------

# Material's own interface text, one file per language it supports; a language needs one.
MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[A-Za-z]{2,4})?")


def language_entry(code: str, name: str, direction: str | None) -> str:
    """The language's entry in the i18n plugin's `languages`, as mkdocs.yml writes it."""
    entry = f"        - locale: {code}\n          name: {json.dumps(name, ensure_ascii=False)}\n          build: true\n"
    if direction:
        # Read by overrides/hooks/html_direction.py; without it, Material's own language file decides.
        entry += f"          extra:\n            direction: {direction}\n"
    return entry


def add_to_config(config: str, entry: str) -> str:
    """mkdocs.yml's text with `entry` after the last entry of the i18n plugin's `languages`."""
    lines = config.splitlines(keepends=True)
    start = next((number for number, line in enumerate(lines) if line.strip() == "languages:"), None)
    if start is None:
        raise ValueError("mkdocs.yml: no `languages:` under the i18n plugin")
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    while not lines[end - 1].strip():  # keep the blank line that ends the plugin's settings after the entry
        end -= 1
    return "".join(lines[:end]) + entry + "".join(lines[end:])


def add_language(root: Path, code: str, name: str, direction: str | None = None) -> list[Path]:
    """Add a language to the project at `root`; the files written. ValueError if it cannot be added."""
    if not LANGUAGE_CODE.fullmatch(code):
        raise ValueError(f"'{code}': give the language's code, such as pl, tr, ar or pt-BR")
    if not (MATERIAL_LANGUAGES / f"{code}.html").exists():
        known = ", ".join(sorted(path.stem for path in MATERIAL_LANGUAGES.glob("*.html")))
        raise ValueError(f"'{code}': Material has no interface text (search, menus) in this language. It has: {known}")
    if code in languages(root):
        raise ValueError(f"'{code}' is already one of the site's languages ({', '.join(languages(root))})")
    default = default_language(root)
    folder = root / "docs" / code
    strings = root / STRINGS / f"{code}.yml"
    for path in (folder, strings):
        if path.exists():
            raise ValueError(f"{path.relative_to(root)} exists already; remove it or choose another code")
    config = root / "mkdocs.yml"
    config.write_text(add_to_config(config.read_text(encoding="utf-8"), language_entry(code, name, direction)), encoding="utf-8")
    shutil.copytree(root / "docs" / default, folder)
    source = (root / STRINGS / f"{default}.yml").read_text(encoding="utf-8")
    strings.write_text(f"# Copied from {default}.yml by add-language: translate every text into {language_name(code)}.\n"
                       + source, encoding="utf-8")
    record = load_record(root)
    for page in sorted(pages(root, code)):
        record.setdefault(page, {})[code] = UNTRANSLATED
    save_record(root, record)
    return [config, folder, strings, root / RECORD]


def old_version(root: Path, blob: str) -> str | None:
    """The text of an earlier version from git, if this clone has it."""
    result = subprocess.run(["git", "cat-file", "-p", blob], cwd=root, capture_output=True)
    return result.stdout.decode("utf-8", errors="replace") if result.returncode == 0 else None


def report(root: Path = ROOT) -> str:
    """Which pages are out of step, and the diff of what changed since they were in step."""
    record = load_record(root)
    lines = []
    codes = languages(root)
    for page in sorted(set.intersection(*(pages(root, language) for language in codes))):
        recorded = record.get(page)
        if recorded is None:
            lines.append(f"{page}: not recorded yet")
            continue
        for lang in codes:
            path = root / "docs" / lang / page
            if recorded.get(lang) == UNTRANSLATED:
                lines.append(f"{page}: docs/{lang}/{page} is not translated yet")
                continue
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
    add = commands.add_parser("add-language", help="add a language: its config entry, pages, interface text and record")
    add.add_argument("code", help="the language's code, as Material and lunr know it: pl, tr, ar, uk")
    add.add_argument("--name", required=True, help="the language's name in that language, for the language switch: Polski")
    add.add_argument("--dir", choices=("ltr", "rtl"), help="the writing direction, if Material does not know it (it knows ar, fa, he, ur)")
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
    codes = languages(args.root)
    if args.command == "add-language":
        try:
            written = add_language(args.root, args.code, args.name, args.dir)
        except ValueError as error:
            print(error, file=sys.stderr)
            return 2
        for path in written:
            print(f"Wrote {path}")
        print(f"Next: translate data/strings/{args.code}.yml and every page in docs/{args.code}/; after each page, "
              f"`{SCRIPT} mark-done PAGE.md`. Until then `make check` lists the pages still to translate.")
        return 0
    names = sorted(set.intersection(*(pages(args.root, language) for language in codes))) if args.all else args.pages
    missing = [page for page in names if not all((args.root / "docs" / lang / page).exists() for lang in codes)]
    if missing:
        folders = ", ".join(f"docs/{language}/" for language in codes)
        print(f"Not in every language ({folders}): {', '.join(missing)}", file=sys.stderr)
        return 2
    changed = mark_done(args.root, names, args.prune)
    print(f"Recorded in {RECORD}: {', '.join(changed)}" if changed else "Nothing to record: already in step.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
