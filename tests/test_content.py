"""What the content promises, as readers meet it in the built site: the questions page and where
it is linked, help by situation, the hosting providers' sample notice and checklist, and facts
that each carry their source and the date they were checked."""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from support import DEFAULT_LANGUAGE, LANGUAGES, ROOT, build_site, copy_project, output_path, page_path, strings

sys.path.insert(0, str(ROOT / "scripts"))
import check_content  # noqa: E402 - the real freshness check

HELP = yaml.safe_load((ROOT / "data" / "help.yml").read_text(encoding="utf-8"))
FACTS = yaml.safe_load((ROOT / "data" / "facts.yml").read_text(encoding="utf-8"))["facts"]
NEW_PAGES = ["veelgestelde-vragen.md", "over-ons.md"]
SAME_SHAPE = NEW_PAGES + ["hostingproviders.md", "hulp-nodig.md", "privacy.md", "toegankelijkheid.md", "contact.md"]


def article(site: Path, language: str, page: str) -> BeautifulSoup:
    return BeautifulSoup(output_path(site, language, page).read_text(encoding="utf-8"), "html.parser").select_one("article")


def text(node) -> str:  # noqa: ANN001
    return " ".join(node.get_text(" ").split())


def targets(site: Path, language: str, page: str) -> set[str]:
    """Where the article's links lead, as site paths with their fragment: "/en/hulp-nodig/#sextortion"."""
    here = "/" + page_path(language, page)
    found = set()
    for link in article(site, language, page).select("a[href]"):
        parts = urlsplit(urljoin(here, link["href"]))
        if not parts.scheme:
            found.add(parts.path + (f"#{parts.fragment}" if parts.fragment else ""))
    return found


# --- New pages and sections: in both languages, with the same structure ------------------------

@pytest.mark.parametrize("page", SAME_SHAPE)
def test_pages_have_the_same_sections_in_every_language(site, page):
    shapes = {language: [heading.name for heading in article(site, language, page).select("h1, h2, h3")]
              for language in LANGUAGES}
    reference = shapes[DEFAULT_LANGUAGE]
    assert len(reference) >= 3
    assert all(shape == reference for shape in shapes.values()), shapes


@pytest.mark.parametrize("page", NEW_PAGES)
def test_new_pages_are_in_the_menu_of_every_language(site, page):
    for language in LANGUAGES:
        menu = BeautifulSoup(output_path(site, language, "index.md").read_text(encoding="utf-8"), "html.parser")
        here = "/" + page_path(language, "index.md")
        paths = {urlsplit(urljoin(here, a["href"])).path for a in menu.select(".md-nav a[href]")}
        assert "/" + page_path(language, page) in paths, language


def test_the_questions_page_has_at_least_eight_questions_each_a_heading(site):
    for language in LANGUAGES:
        questions = [text(h2) for h2 in article(site, language, "veelgestelde-vragen.md").select("h2")
                     if not h2.find_parent("nav")]  # not the page's own table of contents
        assert len(questions) >= 8, questions
        assert all(question.endswith("?") for question in questions), questions


@pytest.mark.parametrize("page", ["index.md", "melden.md", "hulp-nodig.md"])
def test_the_questions_page_is_linked_from_home_report_and_help(site, page):
    for language in LANGUAGES:
        assert "/" + page_path(language, "veelgestelde-vragen.md") in targets(site, language, page), language


def test_the_questions_page_links_to_situations_that_exist(site):
    for language in LANGUAGES:
        help_path = "/" + page_path(language, "hulp-nodig.md")
        anchors = {target.split("#")[1] for target in targets(site, language, "veelgestelde-vragen.md")
                   if target.startswith(help_path + "#")}
        assert anchors >= {"images-of-me", "sextortion", "worried-about-myself"}, anchors
        ids = {node["id"] for node in article(site, language, "hulp-nodig.md").select("[id]")}
        assert anchors <= ids


def test_the_questions_page_never_asks_for_material(site):
    for language in LANGUAGES:
        body = article(site, language, "veelgestelde-vragen.md")
        assert not body.select("input[type=file], form"), language


# --- Help by situation -------------------------------------------------------------------------

def test_situations_and_directory_entries_cover_each_other():
    situations = HELP["situations"]
    for entry in HELP["entries"]:
        assert entry["situations"], entry["id"]
        assert set(entry["situations"]) <= set(situations), entry["id"]
    for situation in situations:
        assert any(situation in entry["situations"] for entry in HELP["entries"]), situation
    for language in LANGUAGES:
        assert set(situations) <= set(strings(language)["situations"]), language


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_help_page_starts_from_the_situation(site, language):
    body = article(site, language, "hulp-nodig.md")
    t = strings(language)["situations"]
    jump = body.select_one("nav.situations")
    assert text(jump.select_one("h2")) == t["title"]
    # One tap: a plain in-page link per situation, in data order, before the directory.
    assert [a["href"] for a in jump.select("a")] == [f"#{name}" for name in HELP["situations"]]
    cards = {card["id"] for card in body.select(".help-card")}
    assert cards == {entry["id"] for entry in HELP["entries"]}
    reached = set()
    for name in HELP["situations"]:
        section = body.select_one(f"section.situation:has(> h2#{name})")
        assert text(section.h2) == t[name]["heading"]
        linked = {a["href"].removeprefix("#") for a in section.select("a[href^='#']")}
        assert linked, f"situation {name} leads to no organisation"
        assert linked <= cards, linked - cards
        reached |= linked
    assert reached == cards, f"organisations under no situation: {cards - reached}"
    # The situations come before the directory, so a reader meets them first.
    html = str(body)
    assert html.index('class="situations"') < html.index('class="help-directory"')


def test_a_0900_number_is_never_called_free():
    for entry in HELP["entries"]:
        if entry.get("phone", "").startswith("0900"):
            words = " ".join(entry[field][language] for field in ("about", "hours") if field in entry for language in LANGUAGES)
            assert not re.search(r"\b(gratis|free)\b", words, re.I), entry["id"]


# --- Hosting providers: sample notice and checklist --------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sample_notice_and_checklist_render(site, language):
    body = article(site, language, "hostingproviders.md")
    rows = body.select(".sample-notice table tbody tr")
    assert len(rows) >= 7
    notice = text(body.select_one(".sample-notice"))
    for part in ("MKP-2026-000123", "https://hosting-klant.example/", "192.0.2.15", "2026", "Digital Services Act"):
        assert part in notice, part
    checklist = body.select_one(".checklist")
    assert len(checklist.select("h3")) == 2
    assert len(checklist.select("li")) >= 8


def test_the_hosting_page_states_the_deadlines_from_the_facts(site):
    facts = {fact["id"]: fact for fact in FACTS}
    for language in LANGUAGES:
        body = text(article(site, language, "hostingproviders.md"))
        for fact in ("atkm-deadline", "atkm-fine", "ntd-24-hours", "wbaok-in-force", "dsa-applies-from"):
            assert facts[fact]["value"][language] in body, (language, fact)


# --- Facts: each with its source and date, and covered by the freshness check -----------------

def sourced(items: list[dict]) -> None:
    today = datetime.date.today()
    for item in items:
        assert item["source"].startswith("https://"), item["id"]
        if item["verified_on"] is None:
            assert item.get("note"), f"{item['id']}: unverified without a note saying why"
        else:
            assert isinstance(item["verified_on"], datetime.date) and item["verified_on"] <= today, item["id"]


def test_every_fact_and_entry_has_a_source_and_a_date():
    sourced(FACTS)
    sourced(HELP["entries"])


def test_the_freshness_check_covers_every_fact_and_entry():
    today = datetime.date.today()
    assert check_content.check_facts(ROOT, today, freshness=True) == []
    later = today + datetime.timedelta(days=400)
    stale_facts = check_content.check_facts(ROOT, later, freshness=True)
    stale_entries = check_content.check_directory(ROOT, later, freshness=True)
    assert {problem.severity for problem in stale_facts + stale_entries} == {"error"}
    assert len(stale_facts) == len(FACTS)
    assert len(stale_entries) == len(HELP["entries"])


def test_an_unverified_fact_is_reported_by_the_freshness_check_today(tmp_path):
    (tmp_path / "data").mkdir()
    for name in ("facts.yml", "facts.schema.json"):
        (tmp_path / "data" / name).write_text((ROOT / "data" / name).read_text(encoding="utf-8"), encoding="utf-8")
    facts = tmp_path / "data" / "facts.yml"
    first = FACTS[0]["id"]
    text = facts.read_text(encoding="utf-8")
    at = text.index(f"id: {first}\n")
    start = text.index("verified_on:", at)
    end = text.index("\n", start)
    facts.write_text(text[:start] + "verified_on: null" + text[end:], encoding="utf-8")
    found = check_content.check_facts(tmp_path, datetime.date.today(), freshness=False)
    assert [problem for problem in found
            if problem.severity == "warning" and f"fact '{first}' is unverified" in problem.message]


def test_a_fact_shows_the_same_in_both_languages_through_its_component():
    for language in LANGUAGES:
        for page in (ROOT / "docs" / language).glob("*.md"):
            other = [(ROOT / "docs" / lang / page.name).read_text(encoding="utf-8") for lang in LANGUAGES]
            used = [re.findall(r"component:\s*fact\s+(\S+)", source) for source in other]
            assert all(ids == used[0] for ids in used), page.name


def test_a_misspelt_fact_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "nl" / "hostingproviders.md"
    page.write_text(page.read_text(encoding="utf-8").replace("fact atkm-deadline", "fact atkm-dedline", 1), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "component 'fact' needs exactly one id from data/facts.yml; got: atkm-dedline" in result.stderr
