"""What an editor meets when they make a mistake: the build stops and says where and what."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import DEFAULT_LANGUAGE, ROOT, build_site, copy_project, output_path


def build_broken(tmp_path: Path, path: str, old: str, new: str, before: tuple[str, str, str] | None = None) -> str:
    """Build a copy of the project with one text replaced (after `before`, another replacement, if
    given); return the build's error output."""
    project = copy_project(tmp_path / "project")
    if before:
        first = project / before[0]
        first.write_text(first.read_text(encoding="utf-8").replace(before[1], before[2], 1), encoding="utf-8")
    target = project / path
    text = target.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0, "the build should have failed"
    return result.stderr


def test_invalid_phone_number_names_file_entry_and_field(tmp_path):
    error = build_broken(tmp_path, "data/help.yml", 'phone: "0800-2000"', 'phone: "call us"')
    assert "data/help.yml" in error
    assert "entry 4 ('veilig-thuis')" in error
    assert "field 'phone'" in error


def test_missing_translation_in_directory_names_the_entry(tmp_path):
    error = build_broken(tmp_path, "data/help.yml", "      en: Police\n", "")
    assert "entry 2 ('politie'), field 'name': 'en' is a required property" in error


def test_entry_without_phone_or_website_fails(tmp_path):
    error = build_broken(
        tmp_path, "data/help.yml",
        '    phone: "020-2615275"\n    website: https://www.helpwanted.nl/\n', "")
    assert "entry 6 ('helpwanted')" in error


def test_impossible_date_fails(tmp_path):
    error = build_broken(tmp_path, "data/help.yml", "verified_on: 2026-11-24", 'verified_on: "2026-02-30"')
    assert "field 'verified_on'" in error


def test_directory_that_is_not_yaml_fails(tmp_path):
    error = build_broken(tmp_path, "data/help.yml", "entries:", "entries: [")
    assert "data/help.yml: cannot be read as YAML" in error


def test_unknown_component_names_page_and_line(tmp_path):
    lines = (ROOT / "docs" / "en" / "hulp-nodig.md").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, start=1) if "component: help-directory" in text)
    error = build_broken(tmp_path, "docs/en/hulp-nodig.md", "component: help-directory", "component: help-drectory")
    assert f"en/hulp-nodig.md:{line}: unknown component 'help-drectory'" in error


def test_unknown_directory_id_in_component_fails(tmp_path):
    error = build_broken(tmp_path, "docs/nl/wat-melden.md", "help-contacts alarmnummer", "help-contacts alarmnumer")
    assert "unknown: alarmnumer" in error


@pytest.mark.parametrize("ids", ["helpwanted", "alarmnummer politie"])
def test_a_phone_component_needs_one_entry_with_a_phone_number(tmp_path, ids):
    # Every entry has a phone number now: take Helpwanted's away to try an entry without one.
    without_phone = ("data/help.yml", '    phone: "020-2615275"\n', "")
    error = build_broken(tmp_path, "docs/nl/contact.md", "component: phone alarmnummer", f"component: phone {ids}",
                         before=without_phone)
    assert f"nl/contact.md:15: component 'phone' needs exactly one id from data/help.yml of an entry with a phone number; got: {ids}." in error
    assert "Ids with a phone number: alarmnummer, politie" in error


@pytest.mark.parametrize(("old", "new"), [
    ("[wat je wel en niet kunt melden](wat-melden.md)", "[wat je wel en niet kunt melden](wat-mleden.md)"),
    ("[wat je wel en niet kunt melden](wat-melden.md)", "[wat je wel en niet kunt melden](wat-melden.md#bestaat-niet)"),
])
def test_broken_link_or_anchor_fails(tmp_path, old, new):
    error = build_broken(tmp_path, "docs/nl/index.md", old, new)
    assert "nl/index.md" in error


@pytest.mark.parametrize("endpoint", [
    "http://intake.example.org/reports",       # plain http off loopback
    "ftp://intake.example.org/reports",
    "intake.example.org/reports",
    "https://user:secret@intake.example.org/",
    "http://127.0.0.1/reports",                # loopback, but without a port
])
def test_an_unusable_intake_endpoint_stops_the_build(tmp_path, endpoint):
    project = copy_project(tmp_path / "project")
    result = build_site(project, tmp_path / "site", {"INTAKE_ENDPOINT": endpoint})
    assert result.returncode != 0
    assert f"The report form's endpoint '{endpoint}' cannot be used" in result.stderr
    assert "INTAKE_ENDPOINT" in result.stderr


@pytest.mark.parametrize("endpoint", ["https://intake.example.org/reports", "http://localhost:8001/reports"])
def test_https_or_loopback_endpoints_are_accepted_and_used(tmp_path, endpoint):
    project = copy_project(tmp_path / "project")
    result = build_site(project, tmp_path / "site", {"INTAKE_ENDPOINT": endpoint})
    assert result.returncode == 0, result.stderr
    assert f'action="{endpoint}"' in (tmp_path / "site" / "en" / "melden" / "index.html").read_text()


def test_interface_text_missing_in_a_language_names_the_file_and_key(tmp_path):
    error = build_broken(tmp_path, "data/strings/en.yml", "  submit: Send report\n", "")
    assert "data/strings/en.yml: key 'report_form.submit' is missing" in error


def test_interface_text_only_in_a_translation_names_the_file_and_key(tmp_path):
    error = build_broken(tmp_path, "data/strings/en.yml", "  submit: Send report\n", "  submit: Send report\n  sumbit: Send\n")
    assert "data/strings/en.yml: key 'report_form.sumbit' is not in data/strings/nl.yml" in error


# What an editor pastes into a page never runs and never loads from another site (issue 14, point 9).

PASTED = [
    '<script>alert("pasted")</script>',
    '<p onclick="alert(1)">Klik</p>',
    '<img src="plaatje.png" onerror="alert(1)">',
    "[Klik hier](javascript:alert(1))",
    '<a href="jav&#x61;script:alert(1)">Klik</a>',
    "[Klik hier](https://www.example.org/){ onclick=\"alert(1)\" }",
    '<iframe src="https://www.example.org/"></iframe>',
    '<form action="https://www.example.org/"><input name="q"></form>',
    '<meta http-equiv="refresh" content="0; url=https://www.example.org/">',
    '<img src="https://www.example.org/pixel.png" alt="">',
    "![Een plaatje](https://www.example.org/plaatje.png)",
    '<link rel="stylesheet" href="https://www.example.org/style.css">',
    '<a href="https://www.politie.nl/" ping="https://www.example.org/teller">Politie</a>',
]


def test_pasted_code_and_other_sites_resources_fail_naming_the_markdown_file_and_line(tmp_path):
    page = f"docs/{DEFAULT_LANGUAGE}/contact.md"
    lines = (ROOT / page).read_text(encoding="utf-8").splitlines()
    error = build_broken(tmp_path, page, "## Andere vragen\n", "## Andere vragen\n\n" + "\n\n".join(PASTED) + "\n\n")
    first = lines.index("## Andere vragen") + 3  # the line of the first pasted text
    for number, pasted in enumerate(PASTED):
        assert f"{page}:{first + 2 * number}: found " in error, pasted
    assert "index.html" not in error  # the Markdown file, not the built page
    assert "Pages cannot run code" in error and "Pages may not load images or files from another site" in error


# Values from the data files are published as text (issue 14, point 10).

def test_html_in_a_help_entry_is_published_as_text(tmp_path):
    project = copy_project(tmp_path / "project")
    help_file = project / "data" / "help.yml"
    help_file.write_text(help_file.read_text(encoding="utf-8").replace(
        "Emergency number 112", "<em>Emergency</em> number 112").replace(
        "Is a child in danger right now?", '<img src="x.png" alt="">Is a child in danger right now?'), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    pages = [path.read_text(encoding="utf-8") for path in (tmp_path / "site").rglob("*.html")]
    assert any("&lt;em&gt;Emergency&lt;/em&gt; number 112" in page for page in pages)
    assert any('&lt;img src=&#34;x.png&#34; alt=&#34;&#34;&gt;Is a child' in page for page in pages)
    assert not any("<em>Emergency</em>" in page or '<img src="x.png"' in page for page in pages)


@pytest.mark.parametrize("website", [
    'https://www.politie.nl/" onmouseover="alert(1)',
    "https://www.politie.nl/'onmouseover='alert(1)",
    "https://www.politie.nl/<script>",
    "https://www.politie.nl/ spatie",
    "http://www.politie.nl/",
    "javascript://www.politie.nl/%0aalert(1)",
])
def test_a_website_must_be_a_plain_https_address(tmp_path, website):
    error = build_broken(tmp_path, "data/help.yml", "website: https://www.politie.nl/", f"website: '{website.replace(chr(39), chr(39) * 2)}'")
    assert "entry 2 ('politie'), field 'website'" in error


# The data files are read strictly (issue 14, points 11 and 12).

def test_a_key_written_twice_in_a_help_entry_names_the_entry_and_line(tmp_path):
    lines = (ROOT / "data" / "help.yml").read_text(encoding="utf-8").splitlines()
    first = lines.index('    phone: "0900-8844"') + 1
    error = build_broken(tmp_path, "data/help.yml", '    phone: "0900-8844"\n', '    phone: "0900-8844"\n    phone: "0900-1234"\n')
    assert f"data/help.yml:{first + 1}: 'phone' is written twice in entry 'politie' (first on line {first})" in error
    assert "Keep one of the two" in error


@pytest.mark.parametrize("path", ["data/report-rules.yml", f"data/strings/{DEFAULT_LANGUAGE}.yml"])
def test_a_key_written_twice_in_any_data_file_fails(tmp_path, path):
    text = (ROOT / path).read_text(encoding="utf-8")
    first_key = next(line for line in text.splitlines() if line and not line.startswith(("#", " ")))
    error = build_broken(tmp_path, path, first_key, f"{first_key}\n  doubled: 1\n{first_key}")
    assert f"{path}:" in error and f"'{first_key.rstrip(':')}' is written twice" in error


def test_yaml_anchors_and_aliases_are_refused(tmp_path):
    bomb = "".join(f'\nx{n}: &x{n} [' + ",".join([f"*x{n - 1}"] * 9) + "]" for n in range(1, 9))
    error = build_broken(tmp_path, "data/report-rules.yml", "limits:", 'x0: &x0 "lol"' + bomb + "\nlimits:")
    assert "data/report-rules.yml:" in error and "(a YAML anchor or alias) is not allowed here" in error


def test_an_unquoted_impossible_date_says_so_without_a_traceback(tmp_path):
    error = build_broken(tmp_path, "data/help.yml", "verified_on: 2026-11-24", "verified_on: 2026-02-30")
    assert "entry 1 ('alarmnummer'), field 'verified_on': '2026-02-30' is not a date that exists; write it as YYYY-MM-DD" in error
    assert "Traceback" not in error


def test_an_empty_component_marker_names_the_page_and_line(tmp_path):
    page = f"docs/{DEFAULT_LANGUAGE}/contact.md"
    line = next(number for number, text in enumerate((ROOT / page).read_text(encoding="utf-8").splitlines(), start=1)
                if "component: phone alarmnummer" in text)
    error = build_broken(tmp_path, page, "component: phone alarmnummer", "component: ")
    assert f"{page.removeprefix('docs/')}:{line}: a component marker without a name" in error
    assert "Traceback" not in error


def test_markers_in_any_casing_render_and_code_stays_text(tmp_path):
    """Markers with other casing or spacing work; in code, a marker (or a script) is shown as it is written."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / DEFAULT_LANGUAGE / "contact.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n".join([
        "",
        "Bel <!-- Component: phone politie --> of <!--component :phone meld-misdaad-anoniem-->.",
        "",
        "Schrijf `<!-- component: report-form -->` in een pagina, of `<script>`.",
        "",
        "```html",
        "<!-- component: help-directory -->",
        '<script>alert("voorbeeld")</script>',
        "```",
        "",
    ]), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    built = output_path(tmp_path / "site", DEFAULT_LANGUAGE, "contact.md").read_text(encoding="utf-8")
    assert 'href="tel:09008844"' in built and 'href="tel:08007000"' in built
    assert "<code>&lt;!-- component: report-form --&gt;</code>" in built
    assert "&lt;!-- component: help-directory --&gt;" in built
    assert 'class="report-form"' not in built and 'class="help-directory"' not in built


@pytest.mark.parametrize("key", ["title", "description"])
def test_a_page_without_title_or_description_names_the_file(tmp_path, key):
    page = f"docs/{DEFAULT_LANGUAGE}/contact.md"
    line = next(text for text in (ROOT / page).read_text(encoding="utf-8").splitlines() if text.startswith(f"{key}:"))
    error = build_broken(tmp_path, page, line + "\n", "")
    assert f"{page}:1: the page has no '{key}' in its front matter" in error
