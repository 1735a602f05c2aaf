"""In Chromium with JavaScript on: search stays in the page's language, nothing leaves the site."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from support import DEFAULT_LANGUAGE, LANGUAGES, ROOT, language_prefix, page_names, page_path


def search(page, query: str) -> list[str]:
    """Search with Material's search and return the result links: one query, the whole of it."""
    opener = page.locator("[data-header-button='search']")
    if opener.is_visible():  # on narrow screens search hides behind a button
        opener.click()
    field = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item > a")
    if field.input_value():  # an earlier search: clear it and wait for its results to go
        field.fill("")
        field.press("End")  # Material reads the field on keyup
        expect(results).to_have_count(0)
    field.fill(query)
    field.press("End")
    results.first.wait_for(state="attached", timeout=10_000)
    return results.evaluate_all("links => links.map(link => link.getAttribute('href'))")


@pytest.mark.parametrize(("start", "query"), [
    ("en/", "Veilig Thuis"),
    ("en/hulp-nodig/", "report"),
    ("", "Veilig Thuis"),
    ("wat-melden/", "melden"),
])
def test_search_returns_pages_in_the_pages_language_only(page, server, start, query):
    page.goto(start)
    language = next((code for code in LANGUAGES if language_prefix(code) and start.startswith(language_prefix(code))), DEFAULT_LANGUAGE)
    links = search(page, query)
    assert links
    paths = [urlsplit(page.evaluate("href => new URL(href, location).pathname", link)).path for link in links]
    others = [f"/{language_prefix(code)}" for code in LANGUAGES if code != language and language_prefix(code)]
    assert all(path.startswith(f"/{language_prefix(language)}") and not path.startswith(tuple(others)) for path in paths), paths


def test_dutch_search_stems_dutch_words(page, server):
    page.goto("")
    # melden.md says "hostingprovider" and never "hostingproviders": only the stemmer links them.
    assert "hostingproviders" not in (ROOT / "docs" / "nl" / "melden.md").read_text(encoding="utf-8")
    assert any(link.endswith("/melden/") for link in search(page, "hostingproviders"))
    # Whole words still find themselves, although the index holds their stems.
    assert any("wat-melden" in link for link in search(page, "beoordelen"))


@pytest.mark.parametrize("start", [language_prefix(language) for language in LANGUAGES])
def test_the_search_engine_loads_only_when_someone_searches(page, server, start):
    """Lunr, the language files and the full index (most of a first visit's weight) wait for a query."""
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(start, wait_until="networkidle")
    page.wait_for_timeout(300)  # Material's search set-up runs after load
    engine = ("/workers/search.", "/lunr/", "search_index.full.json")
    assert not [path for path in requested if any(part in path for part in engine)]
    assert any(path.endswith("/search-on-demand.js") for path in requested)

    links = search(page, "Veilig Thuis")
    assert any(link.endswith("hulp-nodig/") for link in links)
    assert any("/workers/search." in path for path in requested)
    assert any(path == f"/{start}search/search_index.full.json" for path in requested)


def test_pages_load_cleanly_from_the_site_alone(page, context, server):
    """No request to another origin, no failed request, no console error, no cookie."""
    origin = urlsplit(server).netloc
    requests: list[str] = []
    failures: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failures.append(f"{response.status} {response.url}"))
    page.on("console", lambda message: message.type == "error" and failures.append(message.text))
    page.on("pageerror", lambda error: failures.append(str(error)))
    for language in LANGUAGES:
        for name in page_names():
            page.goto(page_path(language, name), wait_until="networkidle")
    foreign = [url for url in requests if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != origin]
    assert len(requests) > 20
    assert foreign == []
    assert failures == []
    assert context.cookies() == []
