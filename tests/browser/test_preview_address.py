"""A preview of a pull request, built where a host gives its address (Netlify's DEPLOY_PRIME_URL),
served at that address: every link to the site points at the preview, and no page requests
anything from another origin, the production site included."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from support import LANGUAGES, ROOT, build_site, free_port, output_path, page_names, page_path
from site_config import mkdocs_config

PRODUCTION = mkdocs_config(ROOT)["site_url"]  # mkdocs.yml's default: the production site


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory, host) -> tuple[str, Path]:  # noqa: ANN001
    """The site built with only DEPLOY_PRIME_URL set, served at that address; yields it and the folder."""
    port = free_port()
    address = f"http://127.0.0.1:{port}"  # as Netlify gives it, without a trailing slash
    site = tmp_path_factory.mktemp("preview")
    with pytest.MonkeyPatch.context() as environment:
        for name in ("SITE_URL", "CF_PAGES_URL"):
            environment.delenv(name, raising=False)
        result = build_site(ROOT, site, {"DEPLOY_PRIME_URL": address})
    assert result.returncode == 0, result.stderr
    return host(site, port), site


def test_canonical_hreflang_and_sitemap_use_the_preview_address(preview):
    base, site = preview
    for language in LANGUAGES:
        for page in page_names():
            head = BeautifulSoup(output_path(site, language, page).read_text(encoding="utf-8"), "html.parser").head
            assert head.find("link", rel="canonical")["href"] == base + page_path(language, page)
            alternates = [link["href"] for link in head.find_all("link", rel="alternate", hreflang=True)]
            assert len(alternates) == len(LANGUAGES) + 1  # each language, and x-default
            assert all(href.startswith(base) for href in alternates), alternates
    locations = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert len(locations) == len(LANGUAGES) * len(page_names())
    assert all(location.startswith(base) for location in locations)
    # Nothing the build wrote names the production site: pages, sitemap, search index, headers.
    mentions = [path.name for path in site.rglob("*") if path.is_file() and path.suffix in ("", ".html", ".xml", ".json", ".conf")
                and PRODUCTION.rstrip("/") in path.read_text(encoding="utf-8", errors="replace")]
    assert mentions == []


def test_no_page_of_the_preview_requests_another_origin(browser, preview):
    base, _ = preview
    context = browser.new_context(base_url=base)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    visited = 0
    for language in LANGUAGES:
        for name in page_names():
            page.goto(page_path(language, name), wait_until="networkidle")
            visited += 1
    context.close()
    origin = urlsplit(base)
    elsewhere = [url for url in requests if urlsplit(url)[:2] != origin[:2] and not url.startswith("data:")]
    assert visited == len(LANGUAGES) * len(page_names())
    assert len(requests) > visited  # pages, and what they load
    assert elsewhere == []
