"""A third language in one command: `translations.py add-language` on a copy of the project, then
the copy's build, as a translator and a reader meet them.

Two languages are added to one copy and it is built once: Polish, which lunr has no stemmer for,
and Arabic, which is written right to left and which lunr can stem. The real site stays Dutch and
English: which languages to publish is the hotline's choice.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup
from support import LANGUAGES, ROOT, build_site, copy_project, page_names, parse_headers_file

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from security_headers import INLINE_SCRIPT, runs  # noqa: E402
from site_config import default_language, language_prefix, languages  # noqa: E402

TRANSLATIONS = [sys.executable, str(ROOT / "scripts" / "translations.py")]
ADDED = {"pl": "Polski", "ar": "العربية"}  # code: the name the language switch shows
BASE = "https://example.org/"
PAGES = page_names()


def files(root: Path) -> dict[str, str]:
    """Every file of a project, by path, with a hash of its content."""
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in root.rglob("*") if path.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> dict:
    """The copy before and after adding the languages, the commands' outputs, and its built site."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    before = files(root)
    added = {}
    for code, name in ADDED.items():
        ahead = files(root)
        result = subprocess.run([*TRANSLATIONS, "--root", str(root), "add-language", code, "--name", name],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        added[code] = (ahead, files(root))
    site = tmp_path_factory.mktemp("site")
    build = build_site(root, site, {"SITE_URL": BASE})
    assert build.returncode == 0, build.stderr
    return {"root": root, "before": before, "added": added, "site": site}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def built(project: dict, language: str, page: str) -> Path:
    stem = page.removesuffix(".md")
    return project["site"] / language_prefix(language, project["root"]) / ("index.html" if stem == "index" else f"{stem}/index.html")


def url(project: dict, language: str, page: str) -> str:
    stem = page.removesuffix(".md")
    return urljoin(BASE, language_prefix(language, project["root"]) + ("" if stem == "index" else f"{stem}/"))


def all_languages(project: dict) -> list[str]:
    return languages(project["root"])


def test_the_real_site_keeps_its_own_languages(project):
    assert set(ADDED).isdisjoint(LANGUAGES)
    assert all_languages(project) == [*LANGUAGES, *ADDED]


@pytest.mark.parametrize("code", ADDED)
def test_add_language_touches_at_most_three_files_outside_its_folder(project, code):
    ahead, after = project["added"][code]
    changed = {path for path in after if ahead.get(path) != after[path]} | (set(ahead) - set(after))
    outside = changed - {path for path in changed if path.startswith(f"docs/{code}/")}
    assert outside == {"mkdocs.yml", f"data/strings/{code}.yml", "data/translation-sync.json"}
    default = default_language(ROOT)
    assert {path.removeprefix(f"docs/{code}/") for path in changed if path.startswith(f"docs/{code}/")} == set(PAGES)
    for page in PAGES:  # the default language's pages are the starting point
        assert (project["root"] / "docs" / code / page).read_bytes() == (ROOT / "docs" / default / page).read_bytes()
    interface = yaml.safe_load((project["root"] / "data" / "strings" / f"{code}.yml").read_text(encoding="utf-8"))
    assert interface == yaml.safe_load((ROOT / "data" / "strings" / f"{default}.yml").read_text(encoding="utf-8"))


def test_make_check_fails_naming_every_untranslated_page(project):
    result = subprocess.run([*TRANSLATIONS, "--root", str(project["root"]), "check"], capture_output=True, text=True)
    assert result.returncode == 1
    for code in ADDED:
        for page in PAGES:
            assert f"docs/{code}/{page}: is not translated yet" in result.stdout
    assert "mark-done" in result.stdout


def test_marking_the_pages_done_clears_them(project, tmp_path):
    root = copy_project(tmp_path / "copy", root=project["root"])
    done = subprocess.run([*TRANSLATIONS, "--root", str(root), "mark-done", "--all"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    result = subprocess.run([*TRANSLATIONS, "--root", str(root), "check"], capture_output=True, text=True)
    assert "is not translated yet" not in result.stdout
    # What is left: the help directory's texts, shown in the default language until translated.
    assert not [line for line in result.stdout.splitlines() if line.startswith("docs/")]
    assert "data/help.yml: entry" in result.stdout


@pytest.mark.parametrize("page", PAGES)
def test_every_page_of_every_language_has_its_lang_alternates_and_switch(project, page):
    codes = all_languages(project)
    for language in codes:
        html = soup(built(project, language, page))
        assert html.html["lang"] == language
        alternates = {link["hreflang"]: link["href"] for link in html.select("link[rel=alternate][hreflang]")}
        assert alternates == {**{code: url(project, code, page) for code in codes}, "x-default": url(project, codes[0], page)}
        here = url(project, language, page)
        switch = {a["hreflang"]: urljoin(here, a["href"]) for a in html.select("a.md-select__link")}
        assert switch == {code: url(project, code, page) for code in codes}
        names = {a["hreflang"]: a.get_text(strip=True) for a in html.select("a.md-select__link")}
        assert {code: names[code] for code in ADDED} == ADDED


@pytest.mark.parametrize("page", PAGES)
def test_right_to_left_pages_say_so_on_html(project, page):
    assert soup(built(project, "ar", page)).html.get("dir") == "rtl"
    for language in ("pl", *LANGUAGES):
        assert soup(built(project, language, page)).html.get("dir") is None


@pytest.mark.parametrize(("code", "stemmed"), [("pl", False), ("ar", True)])
def test_each_new_language_has_its_own_search_index(project, code, stemmed):
    site, prefix = project["site"], language_prefix(code, project["root"])
    stub = json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    full = json.loads((site / prefix / "search" / "search_index.full.json").read_text(encoding="utf-8"))
    assert stub["docs"] == [] and urljoin(f"{BASE}assets/javascripts/", stub["config"]["on_demand"]["index"]) == \
        f"{BASE}{prefix}search/search_index.full.json"
    assert {doc["location"].split("#")[0] for doc in full["docs"]} >= {url(project, code, page).removeprefix(BASE + prefix)
                                                                       for page in PAGES if page != "bedankt.md"}
    lunr_file = site / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{code}.min.js"
    query_stemming = (ROOT / "overrides" / "assets" / "javascripts" / "query-stemming.js").read_text(encoding="utf-8")
    if stemmed:
        assert full["config"]["lang"] == [code] and "stemmer" in full["config"]["pipeline"]
        assert lunr_file.read_text(encoding="utf-8").endswith(query_stemming)
    else:  # lunr has no Polish: no stemming, and no English trimmer or stop words either
        assert not lunr_file.exists()
        assert full["config"]["pipeline"] == []


def test_each_new_language_has_its_own_404_page(project):
    site = project["site"]
    rules = (site / "_redirects").read_text(encoding="utf-8")
    for code in ADDED:
        page = soup(site / code / "404.html")
        interface = yaml.safe_load((project["root"] / "data" / "strings" / f"{code}.yml").read_text(encoding="utf-8"))
        assert page.html["lang"] == code
        assert page.h1.get_text(strip=True) == interface["not_found"]["title"]
        assert f"/{code}/*  /{code}/404.html  404" in rules


def test_the_sitemap_lists_every_page_in_every_language(project):
    sitemap = (project["site"] / "sitemap.xml").read_text(encoding="utf-8")
    locations = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    assert {url(project, code, page) for code in all_languages(project) for page in PAGES} <= locations


def test_the_security_headers_cover_the_new_languages(project, site):
    def headers(folder: Path) -> dict[str, str]:
        return dict(next(rules for pattern, rules in parse_headers_file((folder / "_headers").read_text()) if pattern == "/*"))

    ours, real = headers(project["site"]), headers(site)
    assert ours.keys() == real.keys()
    assert {name: value for name, value in ours.items() if name != "Content-Security-Policy"} == \
        {name: value for name, value in real.items() if name != "Content-Security-Policy"}
    script_src = next(part for part in ours["Content-Security-Policy"].split("; ") if part.startswith("script-src"))
    for code in ADDED:  # every inline script of the new pages is allowed by its hash
        scripts = [match["body"] for page in (project["site"] / code).rglob("*.html")
                   for match in INLINE_SCRIPT.finditer(page.read_text(encoding="utf-8")) if runs(match["attributes"])]
        assert scripts
        for body in scripts:
            assert "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'" in script_src
