"""What a screen-reader user hears: the accessibility tree (Playwright's ARIA snapshot) of the
header and the report form, in every language, on a phone and a laptop.

The names come from data/strings (support.strings), so the test reads what the site should say.
"""

from __future__ import annotations

import pytest
from a11y_support import LANGUAGE_BUTTON, LAPTOP, MENU_BUTTON, PHONE, SEARCH_BUTTON, viewport_page
from playwright.sync_api import expect
from support import LANGUAGES, page_path, strings


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_on_a_phone(browser, server, language):
    t = strings(language)
    with viewport_page(browser, server, PHONE) as page:
        page.goto(page_path(language, "melden.md"))
        header = page.locator("header.md-header")
        # Closed: three buttons with their names, nothing of the menu or of search in the tree.
        expect(header).to_match_aria_snapshot(f"""
- banner:
  - navigation {quoted(t["landmarks"]["header"])}:
    - button {quoted(t["header_buttons"]["menu"])} [expanded=false]
    - button [expanded=false]
    - button {quoted(t["header_buttons"]["search"])} [expanded=false]
    - dialog {quoted(t["header_buttons"]["search"])}
""")
        assert "textbox" not in header.aria_snapshot()  # closed search is out of the tree
        assert "link" not in header.aria_snapshot()  # and the closed language menu too

        page.locator(LANGUAGE_BUTTON).click()
        expect(header).to_match_aria_snapshot(f"""
- navigation {quoted(t["landmarks"]["header"])}:
  - button [expanded]
  - list:
    - listitem:
      - link
    - listitem:
      - link
""")
        page.keyboard.press("Escape")

        page.locator(SEARCH_BUTTON).click()
        expect(header).to_match_aria_snapshot(f"""
- navigation {quoted(t["landmarks"]["header"])}:
  - button {quoted(t["header_buttons"]["search"])} [expanded]
  - dialog {quoted(t["header_buttons"]["search"])}:
    - search:
      - textbox {quoted(t["header_buttons"]["search"])}
      - button {quoted(t["header_buttons"]["close_search"])}
""")
        page.keyboard.press("Escape")

        menu = page.locator(MENU_BUTTON)
        menu.click()
        expect(menu).to_have_attribute("aria-expanded", "true")
        # The open drawer is modal: what it covers is inert, so a screen reader stays in it.
        assert page.locator(".md-content").evaluate("content => content.inert")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_on_a_laptop(browser, server, language):
    t = strings(language)
    with viewport_page(browser, server, LAPTOP) as page:
        page.goto(page_path(language, "melden.md"))
        expect(page.locator("header.md-header")).to_match_aria_snapshot(f"""
- banner:
  - navigation {quoted(t["landmarks"]["header"])}:
    - link
    - button [expanded=false]
    - dialog {quoted(t["header_buttons"]["search"])}:
      - search:
        - textbox {quoted(t["header_buttons"]["search"])}
""")
        # No menu or search button where the menu and the search field are on screen.
        assert page.locator(MENU_BUTTON).is_hidden()
        assert page.locator(SEARCH_BUTTON).is_hidden()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_language_links_say_their_own_language(page, server, language):
    """"Nederlands" is read with Dutch sounds on an English page, "English" with English ones."""
    page.goto(page_path(language, "index.md"))
    links = page.locator(".md-select__link")
    assert links.count() == len(LANGUAGES)
    for link in links.all():
        assert link.get_attribute("lang") == link.get_attribute("hreflang")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_report_form(browser, server, language):
    t = strings(language)["report_form"]
    with viewport_page(browser, server, PHONE) as page:
        page.goto(page_path(language, "melden.md"))
        expect(page.locator(".report-form")).to_match_aria_snapshot(f"""
- group {quoted(t["urls"])}:
  - textbox {quoted(t["url_label"])}
  - button {quoted(t["add_url"])}
- textbox {quoted(t["description"])}
- textbox {quoted(t["email"])}
- button {quoted(t["submit"])}
""")
