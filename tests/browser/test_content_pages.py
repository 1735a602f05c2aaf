"""The content pages as a reader meets them in Chromium: help by situation with JavaScript off, at
a phone's width and a desktop's, and the hosting providers' page on paper."""

from __future__ import annotations

import pytest
import yaml
from playwright.sync_api import expect
from support import LANGUAGES, ROOT, page_path, strings

SITUATIONS = yaml.safe_load((ROOT / "data" / "help.yml").read_text(encoding="utf-8"))["situations"]
WIDTHS = [320, 1280]


# JavaScript off: a situation is one tap away, and leads to an organisation's card.

@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_one_tap_jumps_to_a_situation_and_on_to_an_organisation(browser, server, language, width):
    context = browser.new_context(base_url=server, java_script_enabled=False, viewport={"width": width, "height": 700})
    page = context.new_page()
    try:
        page.goto(page_path(language, "hulp-nodig.md"))
        t = strings(language)["situations"]
        for name in (SITUATIONS[0], SITUATIONS[-1]):
            page.locator("nav.situations").get_by_role("link", name=t[name]["heading"]).click()
            assert page.url.endswith(f"#{name}")
            heading = page.locator(f"h2#{name}")
            expect(heading).to_be_in_viewport()
            # Its first organisation's name leads to that organisation's card in the directory.
            organisation = page.locator(f"section.situation:has(> h2#{name}) li a").first
            target = organisation.get_attribute("href")
            organisation.click()
            expect(page.locator(f"li.help-card{target}")).to_be_in_viewport()
            page.goto(page_path(language, "hulp-nodig.md"))
    finally:
        context.close()


# On paper: the sample notice and the checklist print whole, with nothing of the site around them.

@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sample_notice_and_checklist_print_cleanly(page, server, language):
    page.goto(page_path(language, "hostingproviders.md"))
    page.emulate_media(media="print")
    expect(page.locator(".sample-notice table")).to_be_visible()
    for selector in (".sample-notice", ".checklist"):
        expect(page.locator(selector)).to_be_visible()
        assert page.locator(selector).evaluate("node => getComputedStyle(node).breakInside") == "avoid"
    expect(page.locator(".md-header")).to_be_hidden()
    # The tick boxes are drawn, and say nothing to a screen reader.
    box = page.locator(".checklist li").first.evaluate(
        "li => { const s = getComputedStyle(li, '::before'); return [s.content, s.borderTopStyle] }")
    assert box == ['""', "solid"]
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
