"""The report form with JavaScript off: the browser posts it, the endpoint answers the browser."""

from __future__ import annotations

import pytest
from form_support import FORM_PATH, fields


@pytest.fixture
def no_js_page(browser, server):
    context = browser.new_context(base_url=server, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("language", "thanks"), [("nl", "Bedankt voor je melding"), ("en", "Thank you for your report")])
def test_the_form_posts_natively_and_lands_on_the_thank_you_page(no_js_page, intake, server, language, thanks):
    page = no_js_page
    page.goto(FORM_PATH[language])
    assert page.locator("[data-add-url]").is_hidden()  # the button needs the script
    page.locator("#report-url-1").fill("https://www.example.com/page")
    page.locator("#report-description").fill("No script")
    page.locator("[data-submit]").click()
    page.wait_for_url(f"{server}{'' if language == 'nl' else 'en/'}bedankt/")
    assert page.locator("h1").inner_text() == thanks
    received = intake.received[0]
    assert received["content_type"].startswith("application/x-www-form-urlencoded")
    assert "application/json" not in received["accept"]
    assert fields(received)["url"] == ["https://www.example.com/page"]
    assert fields(received)["lang"] == [language]


def test_without_javascript_an_empty_url_is_stopped_by_the_browser(no_js_page, intake):
    page = no_js_page
    page.goto(FORM_PATH["en"])
    page.locator("[data-submit]").click()
    page.wait_for_timeout(300)
    assert page.url.endswith("/en/melden/")
    assert intake.received == []
