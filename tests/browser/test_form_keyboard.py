"""The report form by keyboard alone: the tab order, focus while sending and after each end state,
and a 320 px wide screen."""

from __future__ import annotations

import re

import pytest
from form_support import FORM_PATH, WIDTHS, texts
from playwright.sync_api import expect
from support import LANGUAGES


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_report_can_be_made_with_the_keyboard_alone(form_page, intake, page, language, width):
    t = texts(language)
    form_page(language, width)
    page.locator("#report-url-1").focus()
    page.keyboard.type("www.example.com/kb")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=t["add_url"])).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#report-description")).to_be_focused()
    page.keyboard.type("Typed")
    page.keyboard.press("Tab")
    expect(page.locator("#report-email")).to_be_focused()
    page.keyboard.press("Tab")  # the honeypot is skipped: the next stop is the submit button
    expect(page.locator("[data-submit]")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("[data-confirmation]")).to_be_focused()
    expect(page.locator("[data-reference]")).to_have_text(re.compile("MK-"))
    assert intake.received[0]["fields"][0] == ("url", "https://www.example.com/kb")
    # From the panel, the next tab stops are its own: print, help, another report.
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=t["confirmation.print"])).to_be_focused()


@pytest.mark.parametrize("language", LANGUAGES)
def test_while_sending_focus_stays_on_the_button_and_sending_is_announced(form_page, intake, page, language):
    t = texts(language)
    intake.answer = "slow"  # one second
    form_page(language)
    page.locator("#report-url-1").fill("https://www.example.com/page")
    page.locator("[data-submit]").focus()
    page.keyboard.press("Enter")
    status = page.locator("[data-status]")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_text(t["sending"])
    assert status.evaluate("el => !el.closest('[aria-busy]')")  # a busy region may go unannounced
    expect(page.locator("[data-submit]")).to_have_attribute("aria-disabled", "true")
    assert page.evaluate("() => document.activeElement.matches('[data-submit]')")
    page.keyboard.press("Enter")  # pressing again while sending sends nothing more
    expect(page.locator("[data-confirmation]")).to_be_focused()
    expect(page.locator("[data-status]")).to_be_empty()
    assert len(intake.received) == 1


def test_the_error_summary_by_keyboard(form_page, intake, page):
    t = texts(LANGUAGES[0])
    form_page(LANGUAGES[0])
    page.locator("#report-url-1").focus()
    page.keyboard.type("http://192.168.1.1/")
    page.keyboard.press("Enter")  # submits the form from the field
    expect(page.locator("[data-summary]")).to_be_focused()
    page.keyboard.press("Tab")
    link = page.locator("[data-summary]").get_by_role("link", name=t["not-public"])
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#report-url-1")).to_be_focused()


def test_the_form_fits_a_320_pixel_screen(browser, server, intake):
    context = browser.new_context(base_url=server, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(FORM_PATH[LANGUAGES[0]])
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 320
    for selector in ("#report-url-1", "#report-description", "[data-submit]"):
        box = page.locator(selector).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320
    context.close()
