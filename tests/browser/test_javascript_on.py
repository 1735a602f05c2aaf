"""In Chromium with JavaScript on: search stays in the page's language, nothing leaves the site."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from support import LANGUAGES, ROOT, page_names


def search(page, query: str) -> list[str]:
    """Type a query into Material's search and return the result links."""
    opener = page.locator("label.md-header__button[for='__search']")
    if opener.is_visible():  # on narrow screens search hides behind a button
        opener.click()
    page.locator("input.md-search__input").press_sequentially(query)
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(state="attached", timeout=10_000)
    return [results.nth(i).get_attribute("href") for i in range(results.count())]


@pytest.mark.parametrize(("start", "query"), [
    ("en/", "Veilig Thuis"),
    ("en/hulp-nodig/", "report"),
    ("", "Veilig Thuis"),
    ("wat-melden/", "melden"),
])
def test_search_returns_pages_in_the_pages_language_only(page, server, start, query):
    page.goto(start)
    language = "en" if start.startswith("en/") else "nl"
    links = search(page, query)
    assert links
    paths = [urlsplit(page.evaluate("href => new URL(href, location).pathname", link)).path for link in links]
    if language == "en":
        assert all(path.startswith("/en/") for path in paths), paths
    else:
        assert not any(path.startswith("/en/") for path in paths), paths


def test_dutch_search_stems_dutch_words(page, server):
    page.goto("")
    # melden.md says "hostingprovider" and never "hostingproviders": only the stemmer links them.
    assert "hostingproviders" not in (ROOT / "docs" / "nl" / "melden.md").read_text(encoding="utf-8")
    assert any(link.endswith("/melden/") for link in search(page, "hostingproviders"))
    # Whole words still find themselves, although the index holds their stems.
    assert any("wat-melden" in link for link in search_again(page, "beoordelen"))


def search_again(page, query: str) -> list[str]:
    page.locator("input.md-search__input").fill("")
    return search(page, query)


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
            stem = name.removesuffix(".md")
            path = ("" if language == "nl" else "en/") + ("" if stem == "index" else f"{stem}/")
            page.goto(path, wait_until="networkidle")
    foreign = [url for url in requests if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != origin]
    assert len(requests) > 20
    assert foreign == []
    assert failures == []
    assert context.cookies() == []
