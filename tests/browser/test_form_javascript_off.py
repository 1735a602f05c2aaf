"""The report form with JavaScript off: the browser posts it, the endpoint answers the browser
(the thank-you page, or the endpoint's own error page in the site's look)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from form_support import FORM_PATH, THANK_YOU_PATH, WIDTHS, fields, texts
from playwright.sync_api import expect
from support import LANGUAGES, strings


@pytest.fixture
def no_js_page(browser, server):
    context = browser.new_context(base_url=server, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_posts_natively_and_lands_on_the_confirmation(no_js_page, intake, server, language, width):
    t = texts(language)
    page = no_js_page
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(FORM_PATH[language])
    assert page.locator("[data-add-url]").is_hidden()  # the button needs the script
    page.locator("#report-url-1").fill("https://www.example.com/page")
    page.locator("#report-description").fill("No script")
    page.locator("[data-submit]").click()
    page.wait_for_url(f"{server}{THANK_YOU_PATH[language]}#reference=*")

    # The same panel as the script shows in place of the form, as the page's heading.
    panel = page.locator("[data-confirmation]")
    expect(panel.get_by_role("heading", level=1)).to_have_text(t["confirmation.title"])
    reference = urlsplit(page.url).fragment.removeprefix("reference=")
    assert re.fullmatch(r"MK-\d{6}", reference)
    # Without a script only the address bar holds the reference, and the page says so (in a
    # <noscript>, which Playwright's locators skip).
    shown = page.evaluate("() => { const p = document.querySelector('[data-confirmation] noscript p'); return p && p.offsetHeight > 0 && p.innerText; }")
    assert shown == t["confirmation.reference_in_address"]
    expect(panel).to_contain_text(t["confirmation.next_look"])
    expect(panel.get_by_role("link", name=t["confirmation.another"])).to_be_visible()
    expect(panel.get_by_role("button", name=t["confirmation.print"])).to_be_hidden()  # it needs the script
    # (The whole page is not checked here: without JavaScript, Material's language list sticks out
    # on every page, which is the header's business.)
    box = panel.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width

    received = intake.received[0]
    assert received["content_type"].startswith("application/x-www-form-urlencoded")
    assert "application/json" not in received["accept"]
    assert fields(received)["url"] == ["https://www.example.com/page"]
    assert fields(received)["lang"] == [language]
    assert "report_id" not in fields(received)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_error_without_javascript_shows_the_endpoints_page_with_the_quick_exit(no_js_page, intake, server, neutral_url, language):
    intake.next_answers = ["422"]
    page = no_js_page
    page.goto(FORM_PATH[language])
    page.locator("#report-url-1").fill("https://www.example.com/page")
    page.locator("[data-submit]").click()
    page.wait_for_load_state()
    error_page = strings(language)["intake_error_page"]
    quick_exit = strings(language)["quick_exit"]
    assert page.locator("html").get_attribute("lang") == language
    expect(page.locator("h1")).to_have_text(error_page["title"])
    expect(page.get_by_role("link", name=quick_exit["exit"])).to_have_attribute("href", neutral_url)
    page.get_by_role("link", name=error_page["back"]).click()
    page.wait_for_url(f"{server}{FORM_PATH[language]}")


def test_no_field_lets_the_browser_keep_what_is_typed(no_js_page, server):
    """The form and every field say autocomplete="off": a browser saves no address, no description,
    no e-mail address in its autofill (an `autocomplete="email"` would override the form's off)."""
    page = no_js_page
    for language in LANGUAGES:
        page.goto(FORM_PATH[language])
        assert page.locator("[data-report-form]").get_attribute("autocomplete") == "off"
        controls = page.locator("[data-report-form] input:not([type=hidden]), [data-report-form] textarea")
        assert controls.count() >= 4
        for index in range(controls.count()):
            control = controls.nth(index)
            assert control.get_attribute("autocomplete") == "off", control.get_attribute("id")


def test_without_javascript_an_empty_url_is_stopped_by_the_browser(no_js_page, intake):
    page = no_js_page
    page.goto(FORM_PATH[LANGUAGES[-1]])
    page.locator("[data-submit]").click()
    page.wait_for_timeout(300)
    assert page.url.endswith(FORM_PATH[LANGUAGES[-1]])
    assert intake.received == []
