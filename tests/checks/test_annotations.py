"""What an editor sees on a pull request: each problem on its line, and a job summary.

The real check runs on a copy of the project with one planted mistake, as GitHub Actions runs it
(GITHUB_ACTIONS=true, GITHUB_STEP_SUMMARY set); the tests read what it prints and writes.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from check_support import edit, failing, line_with, run_check
from support import DEFAULT_LANGUAGE, LANGUAGES

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from check_content import Problem  # noqa: E402

OTHER_LANGUAGE = LANGUAGES[1]


def in_actions(tmp_path: Path) -> dict[str, str]:
    return {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")}


def test_a_broken_link_is_shown_on_the_line_where_it_is_written(project, tmp_path):
    page = f"docs/{DEFAULT_LANGUAGE}/contact.md"
    edit(project, page, "(melden.md)", "(meldn.md)")
    output = failing(project, env=in_actions(tmp_path))
    line = line_with(project, page, "(meldn.md)")
    assert re.search(rf"^::error file={page},line={line},title=Broken link::.*'meldn\.md'.*%0AWhat to do: ", output, re.M)
    # Locally the output stays plain text; so it does in the full test job, beside this one.
    assert "::error" not in run_check(project).stdout
    assert "::error" not in run_check(project, env={**in_actions(tmp_path), "CONTENT_ANNOTATIONS": "off"}).stdout


def test_a_help_directory_mistake_is_shown_on_the_line_of_the_entry(project, tmp_path):
    edit(project, "data/help.yml", 'phone: "0900-8844"', 'phone: "0900 88 44"')
    output = failing(project, env=in_actions(tmp_path))
    line = line_with(project, "data/help.yml", '"0900 88 44"')
    assert f"::error file=data/help.yml,line={line},title=Help directory::entry 2 ('politie'), field 'phone'" in output


def test_a_problem_without_a_line_is_shown_at_the_file_and_the_summary_says_how_to_fix_it(project, tmp_path):
    edit(project, f"docs/{OTHER_LANGUAGE}/privacy.md", "The website sets no cookies.", "This website sets no cookies.")
    env = in_actions(tmp_path)
    output = failing(project, env=env)
    assert re.search(rf"^::error file=docs/{DEFAULT_LANGUAGE}/privacy\.md,title=Languages out of step::", output, re.M)

    summary = Path(env["GITHUB_STEP_SUMMARY"]).read_text(encoding="utf-8")
    assert "1 problem(s)" in summary
    assert "### Pages out of step between the languages\n\n- `privacy.md`" in summary
    assert "python3 scripts/translations.py mark-done privacy.md" in summary
    record_line = re.search(r'^"privacy\.md": (\{.*\})$', summary, re.M).group(1)
    # The record line the summary gives is the one `mark-done` writes.
    subprocess.run([sys.executable, "scripts/translations.py", "--root", str(project), "mark-done", "privacy.md"],
                   cwd=project, check=True, capture_output=True)
    record = json.loads((project / "data" / "translation-sync.json").read_text(encoding="utf-8"))
    assert record["privacy.md"] == json.loads(record_line)


def test_a_warning_is_shown_as_a_warning_and_does_not_fail(project, tmp_path):
    env = in_actions(tmp_path)
    result = run_check(project, "--today", "2028-01-01", env=env)  # every entry older than 12 months
    assert result.returncode == 0, result.stdout
    line = line_with(project, "data/help.yml", "verified_on", after="id: politie")
    assert (f"::warning file=data/help.yml,line={line},title=Not verified for 12 months::"
            "entry 'politie' was last verified on") in result.stdout
    assert "0 problem(s)" in Path(env["GITHUB_STEP_SUMMARY"]).read_text(encoding="utf-8")


def test_workflow_commands_escape_what_github_would_misread():
    problem = Problem("docs/a,b:c.md", 3, "error", "Odd: this, that", "100% sure\r\nWhat to do: nothing")
    assert problem.workflow_command() == (
        "::error file=docs/a%2Cb%3Ac.md,line=3,title=Odd%3A this%2C that::100%25 sure%0D%0AWhat to do: nothing")
    assert Problem("mkdocs.yml", None, "warning", "T", "m").workflow_command() == "::warning file=mkdocs.yml,title=T::m"


def test_each_problem_a_build_step_lists_is_shown_on_its_own_line(project, tmp_path):
    page = f"docs/{DEFAULT_LANGUAGE}/privacy.md"
    with open(project / page, "a", encoding="utf-8") as file:
        file.write('\n<script>alert(1)</script>\n\n<iframe src="https://example.org/"></iframe>\n')
    output = failing(project, env=in_actions(tmp_path))
    for planted in ("<script>", "<iframe"):
        assert re.search(rf"^::error file={page},line={line_with(project, page, planted)},title=Build::found ", output, re.M), output
