"""What an editor meets in `make check`: each mistake fails with where it is and what to do.

Every test makes one mistake in a copy of the content and runs the real check on it.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from check_support import edit, failing, line_with, run_check
from support import LANGUAGES, ROOT

def test_the_real_content_passes_quickly():
    result = run_check(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    seconds = float(re.search(r"content checks: 0 problem\(s\), \d+ warning\(s\), in ([\d.]+) s", result.stdout).group(1))
    for language in LANGUAGES:  # every page's readability figure, in every language
        for page in sorted((ROOT / "docs" / language).glob("*.md")):
            assert re.search(rf"docs/{language}/{page.name}: LIX \d+ \(\d+ words, \d+ sentences\)", result.stdout)
    print(f"make check took {seconds:.1f} s")  # a figure, not a threshold: these machines are noisy


# 1. A page in one language only.

def test_a_dutch_page_without_english(project):
    (project / "docs" / "en" / "privacy.md").unlink()
    output = failing(project)
    assert "docs/nl/privacy.md: has no English version docs/en/privacy.md" in output
    assert "What to do: translate it into docs/en/privacy.md" in output


def test_an_english_page_without_dutch(project):
    (project / "docs" / "en" / "extra.md").write_text("# Extra\n", encoding="utf-8")
    output = failing(project)
    assert "docs/en/extra.md: has no Dutch version docs/nl/extra.md" in output


# 2. Broken links and anchors: in Markdown (MkDocs' validation) and in the built site (LinkChecker).

def test_a_broken_markdown_link(project):
    edit(project, "docs/nl/contact.md", "(melden.md)", "(meldn.md)")
    edit(project, "docs/en/contact.md", "(melden.md)", "(meldn.md)")
    output = failing(project)
    line = line_with(project, "docs/nl/contact.md", "(meldn.md)")
    assert re.search(rf"docs/nl/contact\.md:{line}: Doc file 'nl/contact\.md' contains a link 'meldn\.md'", output)


def test_a_broken_markdown_anchor(project):
    edit(project, "docs/nl/contact.md", "(hostingproviders.md)", "(hostingproviders.md#bestaat-niet)")
    output = failing(project)
    line = line_with(project, "docs/nl/contact.md", "#bestaat-niet")
    assert re.search(rf"docs/nl/contact\.md:{line}: .*does not contain an anchor '#bestaat-niet'", output)


def test_a_broken_link_in_html_is_found_by_the_crawl(project):
    for language in LANGUAGES:
        with open(project / "docs" / language / "contact.md", "a", encoding="utf-8") as page:
            page.write('\n<p><a href="../nergens/">x</a></p>\n')
    output = failing(project)
    line = line_with(project, "docs/nl/contact.md", "../nergens/")
    assert f"docs/nl/contact.md:{line}: link '../nergens/' on the built page /contact/: 404" in output
    assert f"docs/en/contact.md:{line_with(project, 'docs/en/contact.md', '../nergens/')}: link '../nergens/' on the built page /en/contact/: 404" in output


def test_a_broken_anchor_in_html_is_found_by_the_crawl(project):
    for language in LANGUAGES:
        with open(project / "docs" / language / "contact.md", "a", encoding="utf-8") as page:
            page.write('\n<p><a href="../wat-melden/#bestaat-niet">x</a></p>\n')
    output = failing(project)
    line = line_with(project, "docs/nl/contact.md", "#bestaat-niet")
    assert f"docs/nl/contact.md:{line}: link '../wat-melden/#bestaat-niet' on the built page /contact/" in output
    assert "Anchor `bestaat-niet' (decoded: `bestaat-niet') not found" in output


# 3. The two versions drift apart.

def test_headings_drift(project):
    edit(project, "docs/nl/contact.md", "## Andere vragen", "### Andere vragen")
    lines = (project / "docs" / "nl" / "contact.md").read_text(encoding="utf-8").splitlines()
    line = lines.index("### Andere vragen") + 1
    output = failing(project)
    # At the English heading that differs: the line GitHub marks in the pull request.
    english = line_with(project, "docs/en/contact.md", "## Other questions")
    assert f"docs/en/contact.md:{english}: the headings differ from the Dutch version" in output
    assert f"the first difference is heading 4: docs/nl/contact.md:{line} '### Andere vragen'" in output


def test_link_targets_drift(project):
    edit(project, "docs/en/contact.md", "(hostingproviders.md)", "(wat-melden.md)")
    output = failing(project)
    assert "the link targets differ from the Dutch version: only in Dutch: hostingproviders.md; only in English: wat-melden.md" in output


def test_phone_numbers_drift(project):
    edit(project, "docs/en/contact.md", "We are not the police", "Or call 0900-1234567. We are not the police")
    output = failing(project)
    assert "the phone numbers differ from the Dutch version: only in Dutch: none; only in English: 0900-1234567" in output


def test_email_addresses_drift(project):
    edit(project, "docs/nl/contact.md", "mail naar <!-- component: contact-email -->.",
         "mail naar <!-- component: contact-email --> of pers@example.nl.")
    output = failing(project)
    assert "the e-mail addresses differ from the Dutch version: only in Dutch: pers@example.nl" in output


def test_components_drift(project):
    edit(project, "docs/en/wat-melden.md", "help-contacts alarmnummer politie", "help-contacts politie")
    output = failing(project)
    assert "docs/en/wat-melden.md: the components differ from the Dutch version" in output


# 4. One version changed, the other not.

def test_one_sided_change_fails_until_marked_done(project):
    edit(project, "docs/nl/privacy.md", "Geen cookies.", "Helemaal geen cookies.")
    output = failing(project)
    assert "docs/en/privacy.md: the Dutch version docs/nl/privacy.md changed, this one did not" in output
    command = re.search(r"`(python3 scripts/translations\.py mark-done privacy\.md)`", output).group(1)
    # The printed command, run as the editor would in the project, is the deliberate "no translation needed".
    subprocess.run([sys.executable, *command.split()[1:]], cwd=project, check=True)
    assert run_check(project).returncode == 0


def test_report_shows_what_changed_in_the_other_language(project):
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "add", "-A"], cwd=project, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"], cwd=project, check=True)
    edit(project, "docs/en/privacy.md", "The website sets no cookies.", "The website sets no cookies at all.")
    result = subprocess.run([sys.executable, "scripts/translations.py", "--root", str(project), "report"],
                            cwd=project, capture_output=True, text=True, check=True)
    assert "privacy.md: docs/en/privacy.md changed since the pages were in step" in result.stdout
    assert "-- **No cookies.** The website sets no cookies." in result.stdout
    assert "+- **No cookies.** The website sets no cookies at all." in result.stdout


# 5. The help directory.

@pytest.mark.parametrize(("old", "new", "at", "message"), [
    ('phone: "0900-8844"', 'phone: "0900 88 44"', ('"0900 88 44"', None), "entry 2 ('politie'), field 'phone'"),
    ("      en: Police\n", "", ("name:", "id: politie"), "entry 2 ('politie'), field 'name': 'en' is a required property"),
    ("website: https://www.politie.nl/", "website: http://www.politie.nl/", ("http://www.politie.nl/", None), "entry 2 ('politie'), field 'website'"),
    ("entries:", "entries: [", None, "cannot be read as YAML"),
])
def test_a_malformed_directory_entry(project, old, new, at, message):
    edit(project, "data/help.yml", old, new)
    output = failing(project)
    # At the line of the field, or of the entry when the field is missing; a YAML error where reading stopped.
    line = line_with(project, "data/help.yml", *at) if at else r"\d+"
    assert re.search(rf"data/help\.yml:{line}: {re.escape(message)}", output), output
    assert "What to do: correct the entry in data/help.yml" in output


def test_an_old_entry_warns_in_check_and_fails_the_freshness_check(project):
    later = "2028-01-01"  # more than 12 months after every verified_on in the real data
    result = run_check(project, "--today", later)
    assert result.returncode == 0, result.stdout
    line = line_with(project, "data/help.yml", "verified_on", after="  - id: politie")
    assert f"warning: data/help.yml:{line}: entry 'politie' was last verified on" in result.stdout
    output = failing(project, "--today", later, "--freshness")
    assert f"data/help.yml:{line}: entry 'politie' was last verified on" in output
    assert "What to do: check its facts at https://www.politie.nl/informatie/" in output


# 6. Anything the strict build warns about.

def test_a_page_left_out_of_the_menu(project):
    for language in LANGUAGES:
        (project / "docs" / language / "los.md").write_text("---\ntitle: Los\n---\n\n# Los\n", encoding="utf-8")
    subprocess.run([sys.executable, str(project / "scripts" / "translations.py"), "--root", str(project),
                    "mark-done", "los.md"], check=True, capture_output=True)
    output = failing(project)
    nav = next(number for number, line in enumerate((project / "mkdocs.yml").read_text(encoding="utf-8").splitlines(), 1)
               if line.startswith("nav:"))
    assert re.search(rf"mkdocs\.yml:{nav}: .*not included in the \"nav\" configuration.*los\.md", output)


def test_the_record_lines_printed_for_the_web_editor_also_mark_it_done(project):
    import json

    edit(project, "docs/en/privacy.md", "The website sets no cookies.", "This website sets no cookies.")
    output = failing(project)
    printed = re.search(r'set "privacy\.md" in data/translation-sync\.json to (\{[^}]+\})', output).group(1)
    record_file = project / "data" / "translation-sync.json"
    record = json.loads(record_file.read_text(encoding="utf-8"))
    record["privacy.md"] = json.loads(printed)
    record_file.write_text(json.dumps(record, indent=2), encoding="utf-8")
    assert run_check(project).returncode == 0


# Editors' tools.

def test_a_new_page_is_created_in_both_languages_and_passes_the_checks(project):
    result = subprocess.run([sys.executable, str(project / "scripts" / "new_page.py"), "meldingen-volgen",
                             "--nl", "Je melding volgen", "--en", "Following your report", "--after", "melden.md",
                             "--root", str(project)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "# Je melding volgen" in (project / "docs" / "nl" / "meldingen-volgen.md").read_text(encoding="utf-8")
    assert "# Following your report" in (project / "docs" / "en" / "meldingen-volgen.md").read_text(encoding="utf-8")
    nav = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - melden.md\n  - meldingen-volgen.md\n" in nav
    assert run_check(project).returncode == 0  # in the menu, recorded as translated, links fine


@pytest.mark.parametrize("script", sorted(path.name for path in (ROOT / "scripts").glob("*.py")))
def test_every_script_explains_itself(script):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / script), "--help"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: ") and len(result.stdout) > 200
