"""The report form by keyboard alone, and on a 320 px wide screen."""

from __future__ import annotations

from form_support import FORM_PATH
from playwright.sync_api import expect


def test_a_report_can_be_made_with_the_keyboard_alone(form_page, intake, page):
    form_page("en")
    page.locator("#report-url-1").focus()
    page.keyboard.type("www.example.com/kb")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Add another address")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#report-description")).to_be_focused()
    page.keyboard.type("Typed")
    page.keyboard.press("Tab")
    expect(page.locator("#report-email")).to_be_focused()
    page.keyboard.press("Tab")  # the honeypot is skipped: the next stop is the submit button
    expect(page.locator("[data-submit]")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("MK-")
    expect(page.get_by_role("status")).to_be_focused()
    assert intake.received[0]["fields"][0] == ("url", "https://www.example.com/kb")


def test_the_form_fits_a_320_pixel_screen(browser, server, intake):
    context = browser.new_context(base_url=server, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(FORM_PATH["nl"])
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 320
    for selector in ("#report-url-1", "#report-description", "[data-submit]"):
        box = page.locator(selector).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320
    context.close()
