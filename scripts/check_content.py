#!/usr/bin/env python3
"""Run every content check, as `make check` does, and say for each problem where and what to do.

    python3 scripts/check_content.py              # translations, help directory, strict build, links
    python3 scripts/check_content.py --freshness  # also fail on help entries not checked for 12 months
    python3 scripts/check_content.py --external   # also check links to other sites (needs internet)

In order: the translations (scripts/translations.py), the help directory (data/help.yml), the
strict MkDocs build (any warning is an error: broken links and anchors in Markdown, unknown
components, a bad intake endpoint), then a crawl of the built site with LinkChecker over a local
HTTP server, anchors included. The crawl skips other sites unless --external is given, so the
check works offline. Last, each page's readability (scripts/readability.py): a warning, never a
failure, above the limit in data/readability.yml.

Every problem names a file and, where there is one, a line: a broken link the line of the
Markdown file where it is written, a help directory mistake the line of its entry. In GitHub
Actions (GITHUB_ACTIONS=true) each problem is also printed as a workflow command, so that GitHub
shows it on that line of the pull request, and a summary goes to $GITHUB_STEP_SUMMARY when set.
CONTENT_ANNOTATIONS=off leaves both out (the full test job, which runs beside the fast one).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import http.server
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import unquote

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

import readability  # noqa: E402
import site_config  # noqa: E402
import translations  # noqa: E402
from facts import load as load_facts  # noqa: E402 - the build's own validation
from site_tools import build_site, free_port, serve  # noqa: E402
from help_directory import load as load_directory  # noqa: E402 - the build's own validation
from mkdocs.exceptions import PluginError  # noqa: E402

FRESH_FOR = datetime.timedelta(days=365)
DIRECTORY = "data/help.yml"
FACTS = "data/facts.yml"

# LinkChecker's command, as root (CI, `make test` on a fresh machine) minus one step: it switches
# to the user 'nobody' before it loads its plugins, and where 'nobody' cannot read this
# virtualenv (a clone in a private folder) the anchor check is silently left out and every
# broken anchor passes. The crawl reads only our own site on loopback: it runs as whoever runs
# the check.
LINKCHECKER = (
    "import sys, linkcheck.command.linkchecker as command; "
    "command.drop_privileges = lambda: None; sys.exit(command.linkchecker())"
)


# --- A problem, where it is, and how it is shown --------------------------------------------

@dataclass(frozen=True)
class Problem:
    file: str | None  # relative to the project, such as docs/en/contact.md
    line: int | None  # in that file, counting from 1
    severity: Literal["error", "warning"]  # an error fails the check; a warning does not
    title: str  # a few words: GitHub shows them above the message
    message: str  # what is wrong; the lines after the first say what to do

    def __str__(self) -> str:
        """As printed locally: where, what, and indented, what to do."""
        where = f"{self.file}:{self.line}" if self.file and self.line else self.file
        text = f"{where}: {self.message}" if where else self.message
        return ("warning: " if self.severity == "warning" else "") + text.replace("\n", "\n    ")

    def workflow_command(self) -> str:
        """As a GitHub Actions workflow command, which GitHub shows on the file's line in a pull request."""
        properties = {"file": self.file, "line": self.line, "title": self.title}
        given = ",".join(f"{name}={_escape_property(str(value))}" for name, value in properties.items() if value)
        return f"::{self.severity} {given}::{_escape_data(self.message)}"


def _escape_data(text: str) -> str:
    """What GitHub's toolkit escapes in a command's message (actions/toolkit, core/src/command.ts)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def error(file: str | None, line: int | None, title: str, what: str, fix: str) -> Problem:
    return Problem(file, line, "error", title, f"{what}\nWhat to do: {fix}")


def line_of(path: Path, *needles: str) -> int | None:
    """The first line of a file that holds the first of the needles found there."""
    if not path.is_file():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    for needle in needles:
        for number, line in enumerate(lines, start=1):
            if needle and needle in line:
                return number
    return None


# --- Translations ----------------------------------------------------------------------------

def check_translations(root: Path) -> list[Problem]:
    problems = []
    for found in translations.check(root):
        # The headings check names the line of the first difference in this file.
        line = re.search(rf"{re.escape(found.where)}:(\d+)", found.what)
        problems.append(error(found.where, int(line.group(1)) if line else None, "Languages out of step",
                              found.what, found.fix))
    return problems


def out_of_step(root: Path) -> dict[str, dict[str, str] | None]:
    """The pages whose languages are not recorded as in step: their versions now (None: one is missing)."""
    names = site_config.languages(root)
    per_language = {language: translations.pages(root, language) for language in names}
    record = translations.load_record(root)
    found: dict[str, dict[str, str] | None] = {}
    for page in sorted(set().union(*per_language.values())):
        if not all(page in pages for pages in per_language.values()):
            found[page] = None
            continue
        current = {language: translations.blob_id((root / "docs" / language / page).read_bytes()) for language in names}
        if record.get(page) != current:
            found[page] = current
    return found


# --- The help directory ----------------------------------------------------------------------

def directory_line(root: Path, message: str) -> int | None:
    """The line in data/help.yml that a directory message is about: the field, or else the entry."""
    if mark := re.findall(r"line (\d+), column", message):
        return int(mark[-1])  # a YAML syntax error: the last mark is where reading stopped
    try:
        document = yaml.compose((root / DIRECTORY).read_text(encoding="utf-8"))
    except yaml.YAMLError:
        return None
    entries = next((value for key, value in getattr(document, "value", []) if key.value == "entries"), None)
    if not isinstance(entries, yaml.SequenceNode):
        return None
    entry = None
    if match := re.search(r"entry (\d+)\b", message):
        index = int(match.group(1)) - 1
        entry = entries.value[index] if index < len(entries.value) else None
    elif match := re.search(r"entry '([^']+)'", message):
        with_id = [item for item in entries.value if isinstance(item, yaml.MappingNode)
                   and any(key.value == "id" and value.value == match.group(1) for key, value in item.value)]
        entry = with_id[-1] if with_id else None  # a duplicate id: the later entry is the one to change
    if entry is None:
        return None
    line, node = entry.start_mark.line + 1, entry
    field = re.search(r"field '([^']+)'", message)
    for name in field.group(1).split(".") if field else []:
        pair = next(((key, value) for key, value in node.value if key.value == name), None) \
            if isinstance(node, yaml.MappingNode) else None
        if pair is None:
            break
        line, node = pair[0].start_mark.line + 1, pair[1]
    return line


def check_directory(root: Path, today: datetime.date, freshness: bool) -> list[Problem]:
    """Problems and stale entries of the help directory (stale ones fail only with --freshness)."""
    path = root / DIRECTORY
    try:
        entries = load_directory(path)
    except PluginError as failure:
        problems = []
        for message in re.split(rf"\n(?={re.escape(str(path))})", str(failure)):  # one per schema error
            message = " ".join(message.removeprefix(f"{path}:").split())
            given = re.match(r"(\d+): (.*)", message)  # the loader names the line itself (a key written twice)
            line = int(given.group(1)) if given else directory_line(root, message)
            message = given.group(2) if given else message
            problems.append(error(DIRECTORY, line, "Help directory", message.strip(),
                                  f"correct the entry in {DIRECTORY} (data/help.schema.json lists what is allowed)"))
        return problems
    return [Problem(DIRECTORY, directory_line(root, f"entry '{entry['id']}', field 'verified_on'"),
                    "error" if freshness else "warning", title, f"entry {what}")
            for entry, title, what in stale_items(entries, today)]


def check_facts(root: Path, today: datetime.date, freshness: bool) -> list[Problem]:
    """Problems and stale or unverified facts of data/facts.yml (stale ones fail only with --freshness)."""
    path = root / FACTS
    try:
        facts = load_facts(path)
    except PluginError as failure:
        return [error(FACTS, None, "Facts", " ".join(message.removeprefix(f"{path}:").split()),
                      f"correct the fact in {FACTS} (data/facts.schema.json lists what is allowed)")
                for message in re.split(rf"\n(?={re.escape(str(path))})", str(failure))]
    return [Problem(FACTS, line_of(root / FACTS, f"id: {fact['id']}"), "error" if freshness else "warning", title,
                    f"fact {what}") for fact, title, what in stale_items(facts, today)]


def stale_items(items: list[dict], today: datetime.date) -> list[tuple[dict, str, str]]:
    """The items not verified for 12 months, or that no one could verify (verified_on: null):
    (item, title, what is wrong and what to do)."""
    found = []
    for item in items:
        fix = f"\nWhat to do: check its facts at {item['source']} and set verified_on to the date you checked"
        if item["verified_on"] is None:
            found.append((item, "Not verified", f"'{item['id']}' is unverified: {item['note']}{fix}"))
        elif today - (checked := datetime.date.fromisoformat(item["verified_on"])) > FRESH_FOR:
            found.append((item, "Not verified for 12 months",
                          f"'{item['id']}' was last verified on {checked}, more than 12 months ago{fix}"))
    return found


# --- The strict build ------------------------------------------------------------------------

DOC_LINK = re.compile(r"Doc file '(?P<page>[^']+)' contains (?:an? )?[\w ]*?link '(?P<target>[^']+)'")
PAGE_AND_LINE = re.compile(r"(?P<page>[\w./-]+\.md):(?P<line>\d+):")
FILE_AND_LINE = re.compile(r"^[\w./-]+\.\w+:\d+: ")
QUOTED_PAGE = re.compile(r"'(?P<page>[\w./-]+\.md)'")


def build(root: Path, site: Path, base_url: str) -> list[Problem]:
    """Problems the strict build reports, each at the page (and line) it is about."""
    result = build_site(root, site, {"SITE_URL": base_url})
    if result.returncode == 0:
        return []
    messages: list[str] = []
    reading = None  # the page named by "Error reading page 'x.md':", for a message that names none
    for line in result.stderr.splitlines():
        if not line.strip() or re.match(r"^(INFO|DEBUG)\b|^Aborted with", line):
            continue
        text = re.sub(r"^(WARNING|ERROR)\s*-\s*", "", line).strip()
        if page := re.fullmatch(r"Error reading page '([^']+)':", text):
            reading = page.group(1)
        elif re.match(r"^(WARNING|ERROR|Error)", line) or FILE_AND_LINE.match(line):
            # A hook's error may list several problems, one per line, each with its file and line.
            messages.append(text if reading is None or ".md" in text else f"{reading}: {text}")
        elif messages:  # a message that lists files goes on, indented
            messages[-1] += " " + text
    return [build_problem(root, message) for message in messages or result.stderr.splitlines()[-5:]]


def in_docs(page: str) -> str:
    """A page as the project names it: MkDocs says "nl/x.md", some hooks "docs/nl/x.md"."""
    return page if page.startswith("docs/") else f"docs/{page}"


def build_problem(root: Path, message: str) -> Problem:
    fix = "fix what the message names (a link, an anchor, a component, a page missing from nav: in mkdocs.yml)"
    message = message.replace(f"{root}/", "")
    if match := DOC_LINK.search(message):
        file = in_docs(match["page"])
        target = match["target"]
        line = line_of(root / file, f"]({target}", f'"{target}"', target)
        return error(file, line, "Broken link", message, "correct the link, or the heading it points to, on this line")
    if '"nav" configuration' in message:
        config = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
        line = next((number for number, text in enumerate(config, start=1) if text.startswith("nav:")), None)
        return error("mkdocs.yml", line, "Page not in the menu", message,
                     "add the page to nav: in mkdocs.yml (or to not_in_nav: if only a link leads to it)")
    if match := PAGE_AND_LINE.search(message):
        what = message.removeprefix(match.group(0)).strip()  # the place goes in front, once
        return error(in_docs(match["page"]), int(match["line"]), "Build", what, fix)
    if match := QUOTED_PAGE.search(message):
        return error(in_docs(match["page"]), None, "Build", message, fix)
    if match := re.match(r"(?P<file>[\w./-]+\.(?:yml|yaml|json)):", message):
        return error(match["file"], None, "Build", message, fix)
    return error("mkdocs.yml", None, "Build", message, fix)


# --- The crawl of the built site -------------------------------------------------------------

class CheckHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "any rate")  # lets LinkChecker skip its politeness delays
        super().end_headers()


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # noqa: ANN001
        pass  # LinkChecker hangs up once it has what it needs; that is not a problem


def crawl(root: Path, site: Path, port: int, external: bool) -> list[Problem]:
    """Broken links and anchors in the built site, found by LinkChecker over HTTP."""
    httpd = serve(site, CheckHandler, port, QuietServer)
    config = ["[checking]", "threads=4", "maxrequestspersecond=1000", "robotstxt=0",
              "[filtering]", "ignore=", "  ^mailto:", "  ^tel:"]
    if not external:
        config.append(rf"  ^https?://(?!127\.0\.0\.1:{port}/)")
    config += [f"checkextern={int(external)}", "[AnchorCheck]"]
    with tempfile.NamedTemporaryFile("w", suffix=".ini", delete=False) as rc:
        rc.write("\n".join(config) + "\n")
    try:
        result = subprocess.run(
            [sys.executable, "-c", LINKCHECKER, "-f", rc.name, "--no-status", "-o", "csv",
             f"http://127.0.0.1:{port}/"],
            capture_output=True, text=True)
    finally:
        httpd.shutdown()
        httpd.server_close()
        os.unlink(rc.name)
    if result.returncode == 0:
        return []
    return read_failures(root, result.stdout, port) or [
        error(None, None, "Link check", result.stdout[-2000:] + result.stderr[-2000:], "run `make check` locally and read the output")]


def read_failures(root: Path, output: str, port: int) -> list[Problem]:
    """The broken links in LinkChecker's CSV output, each at the line of the Markdown file it is written on."""
    rows = [line for line in output.splitlines() if line and not line.startswith("#")]
    prefix = f"http://127.0.0.1:{port}/"
    failures = []
    for row in csv.DictReader(rows, delimiter=";"):
        if row["valid"] == "True" and not row["warningstring"]:
            continue
        built = row["parentname"].removeprefix(prefix)
        file = source_of(root, built)
        link = row["urlname"]
        fragment = "#" + unquote(link.partition("#")[2]) if "#" in link else ""
        line = line_of(root / file, link, fragment) if file else None
        what = f"link '{link}' on the built page /{built}: {(row['result'] + ' ' + row['warningstring']).strip()}"
        failures.append(error(file, line, "Broken link", what, "correct or remove the link"))
    return failures


def source_of(root: Path, built: str) -> str | None:
    """The Markdown file a built page comes from ("en/contact/" -> "docs/en/contact.md"), if there is one."""
    built = built.split("#")[0].split("?")[0]
    language = next((code for code in site_config.languages(root)
                     if site_config.language_prefix(code, root) and built.startswith(site_config.language_prefix(code, root))),
                    site_config.default_language(root))
    rest = built.removeprefix(site_config.language_prefix(language, root))
    stem = rest.removesuffix("index.html").strip("/") or "index"
    for candidate in (f"docs/{language}/{stem}.md", f"docs/{language}/{stem}/index.md"):
        if (root / candidate).is_file():
            return candidate
    return None


# --- Readability -----------------------------------------------------------------------------

def check_readability(root: Path) -> tuple[list[str], list[Problem]]:
    """Each page's LIX and longest sentences, and a warning for each page above the agreed limit."""
    settings = readability.limits(root)
    limit, shown = settings["lix_limit"], settings["longest_sentences"]
    lines = [f"Readability (LIX; above {limit} is harder than we aim for, see CONTRIBUTING.md):"]
    warnings = []
    for language in site_config.languages(root):
        for path in sorted((root / "docs" / language).rglob("*.md")):
            file = path.relative_to(root).as_posix()
            result = readability.measure(path.read_text(encoding="utf-8"))
            lines += ["  " + line for line in readability.report(file, result, shown)]
            if result.lix > limit:
                longest = result.longest(shown)
                sentences = "\n".join(f"line {s.line} ({s.words} words): {s.text}" for s in longest)
                warnings.append(Problem(
                    file, longest[0].line if longest else None, "warning", "Hard to read",
                    f"LIX {result.lix:.0f}, above the limit of {limit}: long sentences or many long words. "
                    f"The longest sentences:\n{sentences}\n"
                    "What to do: split long sentences, and use shorter, everyday words where you can"))
    return lines, warnings


# --- The job summary -------------------------------------------------------------------------

def job_summary(problems: list[Problem], warnings: list[Problem], steps: dict[str, dict[str, str] | None]) -> str:
    """Markdown for GitHub's job summary: how many problems, the pages out of step and how to fix them.

    It lists every problem: GitHub puts only the first few of each kind on the lines of a pull request.
    """
    verdict = "passed" if not problems else "found problems"
    lines = [f"## Content checks {verdict}: {len(problems)} problem(s), {len(warnings)} warning(s)", ""]
    for problem in problems + warnings:
        where = f"{problem.file}:{problem.line}" if problem.file and problem.line else problem.file or ""
        lines.append(f"- **{problem.severity}** `{where}`: {problem.message.splitlines()[0]}")
    if steps:
        lines += ["", "### Pages out of step between the languages", ""]
        lines += [f"- `{page}`" + (" (exists in one language only)" if versions is None else "")
                  for page, versions in steps.items()]
        recordable = {page: versions for page, versions in steps.items() if versions}
        if recordable:
            lines += ["", "When both languages say the same, record them as in step, on your computer with:", "",
                      "```sh", f"python3 scripts/translations.py mark-done {' '.join(recordable)}", "```", "",
                      f"or, in GitHub's web editor, by putting each page's line in `{translations.RECORD}` in place of "
                      "its entry (with a comma between entries):", "", "```json"]
            lines += [f'"{page}": {json.dumps(versions)}' for page, versions in recordable.items()]
            lines += ["```"]
    return "\n".join(lines) + "\n"


# --- Running it all --------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--freshness", action="store_true", help="fail (not just warn) on help entries and facts older than 12 months or unverified")
    parser.add_argument("--external", action="store_true", help="also check links to other sites (needs internet)")
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(), help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    started = time.monotonic()

    found = check_translations(root)
    directory = check_directory(root, args.today, args.freshness) + check_facts(root, args.today, args.freshness)
    found += directory
    notes = []
    if any(problem.severity == "error" for problem in directory):
        notes.append("The site was not built and its links not checked: the build needs a correct help directory.")
    else:
        with tempfile.TemporaryDirectory() as site:
            port = free_port()
            built = build(root, Path(site), f"http://127.0.0.1:{port}/")
            found += built
            if not built:
                found += crawl(root, Path(site), port, args.external)
    figures, hard_to_read = check_readability(root)
    found += hard_to_read

    problems = [problem for problem in found if problem.severity == "error"]
    warnings = [problem for problem in found if problem.severity == "warning"]
    # The full test job sets CONTENT_ANNOTATIONS=off: the fast job beside it already shows each problem once.
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true" and os.environ.get("CONTENT_ANNOTATIONS") != "off"
    print("\n".join(figures))
    for problem in warnings + problems:
        print(problem)
        if in_actions:
            print(problem.workflow_command())
    for note in notes:
        print(note)
    if in_actions and (summary_file := os.environ.get("GITHUB_STEP_SUMMARY")):
        with open(summary_file, "a", encoding="utf-8") as summary:
            summary.write(job_summary(problems, warnings, out_of_step(root)))
    seconds = time.monotonic() - started
    print(f"content checks: {len(problems)} problem(s), {len(warnings)} warning(s), in {seconds:.1f} s")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
