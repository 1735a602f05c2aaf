"""Quick exit ("Snel weg" / "Exit this site") in Chromium: by click, by Shift three times, without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from support import DEFAULT_LANGUAGE, LANGUAGES, language_prefix, page_path, strings

LABEL = {language: strings(language)["quick_exit"]["exit"] for language in LANGUAGES}
PATH = {language: page_path(language, "wat-melden.md") for language in LANGUAGES}
OTHER_LANGUAGE = LANGUAGES[-1]  # some tests run in one language only: the default one, or this


def visit_two_pages(page, language: str) -> None:
    """A history of two pages of the site, so that Back has somewhere to go."""
    page.goto(language_prefix(language))
    page.goto(PATH[language])
    page.locator("[data-quick-exit-hint]").wait_for(state="visible")  # the script has run


def assert_left_with_history_replaced(page, server: str, neutral_url: str, language: str) -> None:
    page.wait_for_url(neutral_url)
    expect(page.locator("h1")).to_have_text("The weather today")
    page.go_back()
    # Back skips the page that was left: it was replaced, not added to.
    assert page.url == server + language_prefix(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_click_leaves_and_back_does_not_return(page, server, neutral_url, language):
    visit_two_pages(page, language)
    page.get_by_role("link", name=LABEL[language]).click()
    assert_left_with_history_replaced(page, server, neutral_url, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_shift_three_times_leaves_and_back_does_not_return(page, server, neutral_url, language):
    visit_two_pages(page, language)
    announce = page.locator("[data-quick-exit-announce]")
    page.keyboard.press("Shift")
    expect(announce).to_contain_text("2")
    page.keyboard.press("Shift")
    expect(announce).to_contain_text("1")
    page.keyboard.press("Shift")
    assert_left_with_history_replaced(page, server, neutral_url, language)


def test_the_page_is_hidden_at_once(page, server, neutral_url):
    visit_two_pages(page, OTHER_LANGUAGE)
    page.route(f"{neutral_url}**", lambda route: route.abort("aborted"))  # stay, to look at the page
    page.get_by_role("link", name=LABEL[OTHER_LANGUAGE]).click()
    expect(page.locator("[data-quick-exit-overlay]")).to_be_visible()
    assert page.evaluate("() => getComputedStyle(document.querySelector('article')).visibility") == "hidden"


def test_another_key_resets_the_count(page, server):
    visit_two_pages(page, OTHER_LANGUAGE)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url.endswith(PATH[OTHER_LANGUAGE])
    expect(page.locator("[data-quick-exit-announce]")).to_contain_text("2 more times")


def test_shift_as_a_modifier_does_not_count(page, server):
    visit_two_pages(page, DEFAULT_LANGUAGE)
    for _ in range(3):
        page.keyboard.press("Shift+A")
    page.wait_for_timeout(300)
    assert page.url.endswith(PATH[DEFAULT_LANGUAGE])


def test_the_count_expires(page, server):
    page.clock.install()
    visit_two_pages(page, OTHER_LANGUAGE)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.run_for(5_100)
    expect(page.locator("[data-quick-exit-announce]")).to_have_text("Exit this site expired.")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url.endswith(PATH[OTHER_LANGUAGE])


def test_coming_back_from_the_cache_shows_the_page_again(page, server):
    visit_two_pages(page, DEFAULT_LANGUAGE)
    page.evaluate("""() => {
        document.documentElement.classList.add('quick-exit-active');
        window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}));
    }""")
    assert not page.evaluate("() => document.documentElement.classList.contains('quick-exit-active')")


def test_by_keyboard_the_exit_link_is_the_first_stop(page, server, neutral_url):
    visit_two_pages(page, DEFAULT_LANGUAGE)
    page.keyboard.press("Tab")
    skip_or_exit = page.evaluate("() => document.activeElement.textContent.trim()")
    if skip_or_exit != LABEL[DEFAULT_LANGUAGE]:  # Material's "skip to content" link may come first
        page.keyboard.press("Tab")
    expect(page.get_by_role("link", name=LABEL[DEFAULT_LANGUAGE])).to_be_focused()
    page.keyboard.press("Enter")
    assert_left_with_history_replaced(page, server, neutral_url, DEFAULT_LANGUAGE)


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_it_is_a_plain_link(browser, server, neutral_url, language):
    context = browser.new_context(base_url=server, java_script_enabled=False)
    page = context.new_page()
    page.goto(PATH[language])
    link = page.get_by_role("link", name=LABEL[language])
    assert link.get_attribute("href") == neutral_url
    assert set(link.get_attribute("rel").split()) == {"nofollow", "noreferrer"}
    box = link.bounding_box()
    assert box["y"] + box["height"] <= 720  # visible without scrolling
    link.click()
    page.wait_for_url(neutral_url)
    context.close()


def test_on_a_phone_it_is_visible_without_scrolling(browser, server):
    context = browser.new_context(base_url=server, viewport={"width": 320, "height": 568}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(PATH[DEFAULT_LANGUAGE])
    box = page.get_by_role("link", name=LABEL[DEFAULT_LANGUAGE]).bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 568 and box["x"] + box["width"] <= 320
    page.mouse.wheel(0, 2000)
    page.wait_for_timeout(200)
    box = page.get_by_role("link", name=LABEL[DEFAULT_LANGUAGE]).bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 568  # it stays in view as the page scrolls
    context.close()
