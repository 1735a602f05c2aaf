"""WCAG 2.2 AA in Chromium: axe-core finds no violation on any page, in either language, with
Material's widgets (search, language menu, navigation drawer) and the form's messages open."""

from __future__ import annotations

import pytest

from support import LANGUAGES, ROOT, language_prefix, page_names, page_path

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def axe_page(browser, server):
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make test`, which installs it from package-lock.json")
    # axe is injected as a script: let it past the site's CSP (the site's own scripts stay checked elsewhere).
    context = browser.new_context(base_url=server, bypass_csp=True)
    yield context.new_page()
    context.close()


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:5]}" for v in result["violations"]]


@pytest.mark.parametrize("name", page_names())
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_violations_on_the_page(axe_page, language, name):
    axe_page.goto(page_path(language, name), wait_until="networkidle")
    assert violations(axe_page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_violations_on_the_404_page(axe_page, language):
    axe_page.goto(language_prefix(language) + "nope/")
    assert violations(axe_page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_violations_with_search_results_open(axe_page, language):
    axe_page.goto(page_path(language, "index.md"))
    axe_page.locator("input.md-search__input").press_sequentially("politie" if language == "nl" else "police")
    axe_page.locator(".md-search-result__item").first.wait_for(state="attached")
    assert violations(axe_page) == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("opened", ["[data-header-button='drawer']", "[data-header-button='search']"], ids=["menu", "search"])
def test_no_violations_on_a_phone_with_the_menu_or_search_open(browser, server, opened, language):
    context = browser.new_context(base_url=server, bypass_csp=True, viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(page_path(language, "wat-melden.md"))
    page.locator(opened).click()
    page.wait_for_timeout(400)  # it slides in
    assert violations(page) == []
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_violations_with_form_errors_shown(axe_page, intake, language):
    axe_page.goto(page_path(language, "melden.md"))
    axe_page.locator("[data-add-url]").click()
    axe_page.locator("#report-url-1").fill("http://localhost/")
    axe_page.locator("[data-submit]").click()
    axe_page.locator("#report-url-1-error").wait_for(state="visible")
    assert violations(axe_page) == []
