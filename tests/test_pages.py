"""What a reader meets: every page in both languages, the right language, and the same facts in each."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup
from support import DEFAULT_LANGUAGE, LANGUAGES, ROOT, language_prefix, material_text, output_path, page_names, page_path, strings

PAGES = page_names()
DIRECTORY = yaml.safe_load((ROOT / "data" / "help.yml").read_text(encoding="utf-8"))["entries"]
DIRECTORY_TEL_LINKS = ["tel:" + re.sub(r"\D", "", entry["phone"]) for entry in DIRECTORY if "phone" in entry]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_url(base_url: str, language: str, page: str) -> str:
    return urljoin(base_url, page_path(language, page))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_the_same_pages(language):
    folder = ROOT / "docs" / language
    assert PAGES == sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.md"))
    for page in ("index.md", "melden.md", "wat-melden.md", "hulp-nodig.md", "hostingproviders.md",
                 "contact.md", "privacy.md", "toegankelijkheid.md"):
        assert page in PAGES


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_page_is_built_in_its_language(site, language, page):
    html = soup(output_path(site, language, page))
    assert html.html["lang"] == language
    assert html.h1 and html.h1.get_text(strip=True)
    description = html.find("meta", attrs={"name": "description"})
    assert description and len(description["content"]) > 40


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_hreflang_links_are_absolute_and_complete(site, base_url, language, page):
    links = {link["hreflang"]: link["href"] for link in soup(output_path(site, language, page)).select("link[rel=alternate][hreflang]")}
    assert links == {
        **{other: page_url(base_url, other, page) for other in LANGUAGES},
        "x-default": page_url(base_url, DEFAULT_LANGUAGE, page),
    }
    canonical = soup(output_path(site, language, page)).find("link", rel="canonical")["href"]
    assert canonical == page_url(base_url, language, page)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switch_leads_to_the_same_page(site, base_url, language, page):
    here = page_url(base_url, language, page)
    switch = {a["hreflang"]: urljoin(here, a["href"]) for a in soup(output_path(site, language, page)).select("a.md-select__link")}
    assert switch == {other: page_url(base_url, other, page) for other in LANGUAGES}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_edit_link_opens_the_pages_own_file(site, language, page):
    edit = soup(output_path(site, language, page)).find("a", rel="edit")
    assert edit["href"].endswith(f"/edit/main/docs/{language}/{page}")


FACTS_DATA = {fact["id"]: fact for fact in yaml.safe_load((ROOT / "data" / "facts.yml").read_text(encoding="utf-8"))["facts"]}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_footer_names_who_runs_the_hotline_and_links_to_the_about_page(site, base_url, language, page):
    operator = soup(output_path(site, language, page)).select_one(".site-footer__operator a")
    assert operator.get_text(strip=True) == FACTS_DATA["operator"]["value"][language]
    here = page_url(base_url, language, page)
    assert urljoin(here, operator["href"]) == page_url(base_url, language, "over-ons.md")


@pytest.mark.parametrize("language", LANGUAGES)
def test_titles_are_unique(site, language):
    titles = [soup(output_path(site, language, page)).title.get_text() for page in PAGES]
    assert len(set(titles)) == len(titles), titles


# Facts that must appear on a page in both languages: (page, {language: [texts]}).
FACTS = [
    ("wat-melden.md", {"nl": ["jonger dan 18 jaar", "seksuele handelingen", "seksueel poseren", "seksueel getinte omgeving",
                              "foto's, video's, GIF's en stickers", "Twijfel je? Meld het toch", "openbare plek", "URL",
                              "alleen volwassenen", "hentai", "cloudomgeving", "e-mail", "darkweb",
                              "strafbaar", "politieonderzoeken verstoren", "zelf in een politieonderzoek"],
                       "en": ["under 18", "perform sexual acts", "pose sexually", "sexually charged setting",
                              "photos, videos, GIFs and stickers", "Not sure? Report it anyway", "public place", "URL",
                              "adults only", "hentai", "cloud storage", "e-mail", "dark web",
                              "a crime", "disrupt police investigations", "subject of a police investigation"]}),
    ("hostingproviders.md", {"nl": ["artikel 6 van de Digital Services Act", "2022/2065", "17 februari 2024",
                                    "artikel 14", "2000/31/EG", "6:196c", "dat ene bestand", "de hele pagina", ".jpg", "IP-adres"],
                             "en": ["article 6 of the Digital Services Act", "2022/2065", "17 February 2024",
                                    "article 14", "2000/31/EC", "6:196c", "that single file", "the whole page", ".jpg", "IP address"]}),
    ("index.md", {"nl": ["Meld het", "Hulp nodig?", "Voor hostingproviders"],
                  "en": ["Report it", "Need help?", "For hosting providers"]}),
]


@pytest.mark.parametrize(("page", "facts"), FACTS, ids=[page for page, _ in FACTS])
def test_facts_appear_in_both_languages(site, page, facts):
    for language, texts in facts.items():
        text = " ".join(soup(output_path(site, language, page)).select_one("article").get_text(" ").split())
        missing = [fact for fact in texts if fact not in text]
        assert not missing, f"{language}/{page} lacks {missing}"


def test_where_to_go_instead_lists_the_numbers_as_phone_links(site):
    for language in LANGUAGES:
        links = {a["href"] for a in soup(output_path(site, language, "wat-melden.md")).select("article a[href^='tel:']")}
        assert {"tel:09008844", "tel:08007000", "tel:112", "tel:08002000"} <= links


def test_every_phone_number_on_the_site_comes_from_the_directory(site):
    # Truth: a number lives in data/help.yml alone; pages place it with a component.
    known = set(DIRECTORY_TEL_LINKS)
    for language in LANGUAGES:
        for page in PAGES:
            assert "tel:" not in (ROOT / "docs" / language / page).read_text(encoding="utf-8"), f"{language}/{page}"
            links = {a["href"] for a in soup(output_path(site, language, page)).select("article a[href^='tel:']")}
            assert links <= known, f"{language}/{page}: {links - known}"
    for page in ("index.md", "contact.md", "hulp-nodig.md"):
        for language in LANGUAGES:
            assert soup(output_path(site, language, page)).select("article a.phone[href='tel:112']"), f"{language}/{page}"


def directory_links(site: Path, language: str) -> tuple[list[str], list[str]]:
    article = soup(output_path(site, language, "hulp-nodig.md")).select_one("article")
    phones = [a["href"] for a in article.select(".help-card a[href^='tel:']")]
    websites = [a["href"] for a in article.select(".help-card a[href^='https:']")]
    return phones, websites


def test_directory_shows_the_same_numbers_and_sites_in_every_language(site):
    links = [directory_links(site, language) for language in LANGUAGES]
    assert all(other == links[0] for other in links)
    phones, websites = links[0]
    assert sorted(phones) == sorted(DIRECTORY_TEL_LINKS)
    assert sorted(websites) == sorted(entry["website"] for entry in DIRECTORY if "website" in entry)
    for language in LANGUAGES:
        text = soup(output_path(site, language, "hulp-nodig.md")).select_one("article").get_text(" ")
        for entry in DIRECTORY:
            assert entry["name"][language] in text
            assert " ".join(entry["about"][language].split()) in " ".join(text.split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_missing_page_gets_a_404_in_its_language(server, language):
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(server + language_prefix(language) + "nope/")
    assert error.value.code == 404
    html = BeautifulSoup(error.value.read().decode(), "html.parser")
    assert html.html["lang"] == language
    assert html.h1.get_text(strip=True) == strings(language)["not_found"]["title"]


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language_prefix(language)])
def test_hosts_get_a_routing_rule_for_each_other_languages_404(site, language):
    prefix = language_prefix(language)
    assert (site / prefix / "404.html").exists()
    assert f"/{prefix}*  /{prefix}404.html  404" in (site / "_redirects").read_text()


def test_sitemap_lists_both_languages(site, base_url):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for page in PAGES:
        for language in LANGUAGES:
            assert f"<loc>{page_url(base_url, language, page)}</loc>" in sitemap


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_search_dialog_has_a_name_in_the_pages_language(site, language):
    pages = [output_path(site, language, page) for page in PAGES] + [site / language_prefix(language) / "404.html"]
    for path in pages:
        dialog = soup(path).select_one(".md-search[role=dialog]")
        assert dialog["aria-label"] == material_text(language, "search.placeholder"), path


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_loads_on_demand_from_files_that_exist(site, language):
    """Pages start the small on-demand worker; the index it is handed names Material's worker and
    the full index, which must exist (a Material upgrade that renames its worker must fail here)."""
    folder = site / language_prefix(language)
    config = json.loads(soup(folder / "index.html").find("script", id="__config").string)
    worker = urljoin(f"http://site/{language_prefix(language)}", config["search"])
    assert worker == "http://site/assets/javascripts/search-on-demand.js"
    stub = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == []
    for target in stub["config"]["on_demand"].values():
        assert (site / urljoin("assets/javascripts/search-on-demand.js", target)).is_file(), target


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_search_index_holds_every_page_of_its_language_only(site, language):
    index = json.loads((site / language_prefix(language) / "search" / "search_index.full.json").read_text())
    assert index["config"]["lang"] == [language]
    locations = {doc["location"] for doc in index["docs"]}
    pages = {doc["location"] for doc in index["docs"] if "#" not in doc["location"]}
    # Every section has its page, so no result shows up without a title.
    assert {location.split("#")[0] for location in locations} <= pages
    expected = {page_path(DEFAULT_LANGUAGE, p) for p in PAGES if p != "bedankt.md"}  # locations are per language
    assert expected <= pages
    assert not any(location.startswith(language_prefix(other)) for other in LANGUAGES if language_prefix(other) for location in locations)
