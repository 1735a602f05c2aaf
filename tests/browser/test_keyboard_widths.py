"""By keyboard alone, on a phone, a tablet and a laptop, in every language, on every page.

Every tab stop is visible, on screen and not covered by the sticky bars or by a menu, forwards and
backwards (WCAG 2.4.3, 2.4.7, 2.4.11); the closed menu drawer takes no focus; the menu, the
language menu and search open and close from the keyboard, and Escape closes them (2.1.1, 1.4.13).
The keyboard test at Playwright's default size is tests/browser/test_keyboard.py.
"""

from __future__ import annotations

import time

import pytest
from a11y_support import (
    DRAWER,
    LANGUAGE_BUTTON,
    MENU_BUTTON,
    PHONE,
    SEARCH_BUTTON,
    TABLET,
    WIDTHS,
    problems,
    viewport_page,
    walk,
)
from playwright.sync_api import expect
from support import LANGUAGES, page_names, page_path


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", WIDTHS)
def test_every_tab_stop_is_visible_on_screen_and_uncovered(browser, server, size, language):
    """Forwards and backwards through every page: nothing hidden, off screen or under a sticky bar."""
    started = time.monotonic()
    found, stops = [], 0
    with viewport_page(browser, server, WIDTHS[size]) as page:
        for name in page_names():
            for key in ("Tab", "Shift+Tab"):
                page.goto(page_path(language, name))
                walked = walk(page, key)
                stops += len(walked)
                assert len(walked) >= 5, f"{name} {key}: {walked}"
                found += [f"{name} {key}: {problem}" for problem in problems(walked)]
    print(f"\n{size} {language}: {stops} tab stops in {time.monotonic() - started:.1f} s")
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_backwards_through_the_form_on_a_very_small_screen(browser, server, language):
    """320×256: a phone on its side, or a laptop zoomed to 400 %; the sticky bars take much of it."""
    with viewport_page(browser, server, {"width": 320, "height": 256}) as page:
        page.goto(page_path(language, "melden.md"), wait_until="networkidle")
        page.locator("[data-submit]").focus()
        found = problems(walk(page, "Shift+Tab"))
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("viewport", [PHONE, TABLET], ids=["375", "768"])
def test_the_drawers_links_are_tab_stops_only_while_it_is_open(browser, server, viewport, language):
    with viewport_page(browser, server, viewport) as page:
        page.goto(page_path(language, "wat-melden.md"), wait_until="networkidle")
        closed = walk(page)
        assert [stop["name"] for stop in closed if stop["in_drawer"]] == []

        menu = page.locator(MENU_BUTTON)
        expect(menu).to_have_attribute("aria-expanded", "false")
        menu.focus()
        page.keyboard.press("Enter")
        expect(menu).to_have_attribute("aria-expanded", "true")
        page.wait_for_timeout(300)  # the drawer slides in
        opened = walk(page)
        assert [stop for stop in opened if stop["in_drawer"]], opened
        assert problems(opened) == []
        # "Snel weg" / "Exit this site" stays within reach while the drawer is open.
        assert any("data-quick-exit-link" in stop["name"] for stop in opened), opened

        page.locator(f"{DRAWER} a").first.focus()
        page.keyboard.press("Escape")
        expect(page.locator("#__drawer")).not_to_be_checked()
        expect(menu).to_be_focused()
        expect(menu).to_have_attribute("aria-expanded", "false")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("size", WIDTHS)
def test_the_language_menu_opens_on_request_and_escape_closes_it(browser, server, size, language):
    with viewport_page(browser, server, WIDTHS[size]) as page:
        page.goto(page_path(language, "contact.md"), wait_until="networkidle")
        button = page.locator(LANGUAGE_BUTTON)
        links = page.locator(".md-select__link")
        button.focus()
        # Focus alone does not open it: it would cover where Tab goes next.
        expect(button).to_have_attribute("aria-expanded", "false")
        expect(links.first).to_be_hidden()
        found = problems(walk(page, limit=3))
        assert found == [], "\n".join(found)

        button.focus()
        page.keyboard.press("Enter")
        expect(button).to_have_attribute("aria-expanded", "true")
        expect(links.first).to_be_visible()
        page.keyboard.press("Tab")
        expect(links.first).to_be_focused()
        page.keyboard.press("Escape")
        expect(button).to_have_attribute("aria-expanded", "false")
        expect(links.first).to_be_hidden()
        expect(button).to_be_focused()


@pytest.mark.parametrize("language", LANGUAGES)
def test_open_search_on_a_phone_is_a_dialog(browser, server, language):
    """Focus stays in search until it is closed; Escape closes it and returns to the search button;
    the field is not under the quick-exit bar."""
    with viewport_page(browser, server, PHONE) as page:
        page.goto(page_path(language, "index.md"), wait_until="networkidle")
        button = page.locator(SEARCH_BUTTON)
        field = page.locator("input.md-search__input")
        expect(button).to_have_attribute("aria-expanded", "false")
        button.focus()
        page.keyboard.press("Enter")
        expect(field).to_be_focused()
        expect(button).to_have_attribute("aria-expanded", "true")
        page.wait_for_timeout(300)  # search slides in
        centre = field.evaluate(
            "field => { const box = field.getBoundingClientRect();"
            " return field.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)); }"
        )
        assert centre, "the search field lies under something"
        page.keyboard.type("politie")
        page.locator(".md-search-result__item").first.wait_for(state="visible")
        page.wait_for_timeout(300)  # Material draws the results again for each query it answers
        for key in ["Tab"] * 6 + ["Shift+Tab"] * 8:
            page.keyboard.press(key)
            inside = page.evaluate("() => !!document.activeElement.closest('.md-search')")
            assert inside, f"{key} left search for {page.evaluate('() => document.activeElement.outerHTML.slice(0, 100)')}"
            expect(page.locator("#__search")).to_be_checked()
        page.keyboard.press("Escape")
        expect(page.locator("#__search")).not_to_be_checked()
        expect(button).to_be_focused()
        expect(button).to_have_attribute("aria-expanded", "false")
