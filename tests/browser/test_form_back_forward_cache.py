"""Leaving the report form and coming Back, with the browser's back/forward cache ON, as real
Chrome has it (Playwright's Chromium turns it off unless told not to): what a visitor typed, and
the reference of a sent report, never come back. The issue this guards: type a report, follow a
link, press the quick exit, press Back, and the report page returned filled in."""

from __future__ import annotations

import re

from urllib.parse import quote

import pytest
from form_support import FORM_PATH, THANK_YOU_PATH, WIDTHS, texts
from playwright.sync_api import expect
from support import LANGUAGES, chromium_path, strings

# Set on every page: whether it was shown again from the back/forward cache.
RECORD_RESTORES = "addEventListener('pageshow', (event) => { if (event.persisted) window.__restored = true; });"


@pytest.fixture(scope="module")
def cached_browser(browser):
    """Chromium with the back/forward cache left on (started by the session's Playwright)."""
    cached = browser.browser_type.launch(
        executable_path=chromium_path(),
        args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        ignore_default_args=["--disable-back-forward-cache"],
    )
    yield cached
    cached.close()


@pytest.fixture
def cached_page(cached_browser, server):
    def open_page(width: int):
        context = cached_browser.new_context(base_url=server, viewport={"width": width, "height": 800})
        context.add_init_script(RECORD_RESTORES)
        contexts.append(context)
        return context.new_page()

    contexts = []
    yield open_page
    for context in contexts:
        context.close()


def leave_by_quick_exit_and_come_back(page, language, neutral_url, link_name):
    """Follow a link, press the quick exit there, press Back: as the issue describes."""
    page.get_by_role("link", name=link_name).first.click()
    page.wait_for_load_state()
    page.get_by_role("link", name=strings(language)["quick_exit"]["exit"], exact=True).click()
    page.wait_for_url(neutral_url)
    page.go_back(wait_until="commit")
    page.wait_for_function("() => document.readyState === 'complete'")
    assert page.evaluate("() => window.__restored === true"), "the back/forward cache was not used"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_typed_report_is_gone_after_the_quick_exit_and_back(cached_page, intake, neutral_url, language, width):
    t = texts(language)
    page = cached_page(width)
    page.goto(FORM_PATH[language])
    page.locator("[data-add-url]").wait_for(state="visible")
    page.locator("#report-url-1").fill("https://www.example.com/secret-1")
    page.locator("[data-add-url]").click()
    page.locator("input[name=url]").nth(1).fill("https://www.example.com/secret-2")
    page.locator("#report-description").fill("Een toelichting")
    page.locator("#report-email").fill("iemand@example.nl")

    leave_by_quick_exit_and_come_back(page, language, neutral_url, strings(language)["quick_exit"]["about"])
    assert page.url.endswith(FORM_PATH[language])
    expect(page.locator("input[name=url]")).to_have_count(1)
    expect(page.locator("#report-url-1")).to_have_value("")
    expect(page.locator("#report-description")).to_have_value("")
    expect(page.locator("#report-email")).to_have_value("")
    assert "secret" not in page.content() and "iemand@" not in page.content()
    expect(page.get_by_role("button", name=t["add_url"])).to_be_visible()  # and the form still works
    assert intake.received == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_sent_reports_confirmation_is_gone_after_the_quick_exit_and_back(cached_page, intake, neutral_url, language):
    t = texts(language)
    page = cached_page(WIDTHS[0])
    page.goto(FORM_PATH[language])
    page.locator("[data-add-url]").wait_for(state="visible")
    page.locator("#report-url-1").fill("https://www.example.com/page")
    page.locator("[data-submit]").click()
    reference = page.locator("[data-reference]")
    expect(reference).to_have_text(re.compile(r"^MK-\d{6}$"))
    sent = reference.inner_text()

    leave_by_quick_exit_and_come_back(page, language, neutral_url, t["confirmation.help_link"])
    assert sent not in page.content()
    expect(page.locator("[data-confirmation]")).to_have_count(0)
    expect(page.locator("[data-report-form]")).to_be_visible()
    expect(page.locator("#report-url-1")).to_have_value("")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_thank_you_pages_reference_is_gone_after_the_quick_exit_and_back(cached_page, intake, neutral_url, language):
    t = texts(language)
    page = cached_page(WIDTHS[-1])
    page.goto(f"{THANK_YOU_PATH[language]}#reference={quote('MK-$&-42', safe='')}")  # as the endpoint sends it
    reference = page.locator("[data-reference]")
    expect(reference).to_have_text("MK-$&-42")  # shown exactly, as text
    assert "#" not in page.url  # and taken out of the address bar and the history entry

    leave_by_quick_exit_and_come_back(page, language, neutral_url, t["confirmation.help_link"])
    assert "MK-$&-42" not in page.content()
    expect(page.locator("[data-reference-block]")).to_be_hidden()
