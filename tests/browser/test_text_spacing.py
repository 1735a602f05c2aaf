"""With the text spaced out (WCAG 1.4.12) on 320 and 375 px wide screens, or twice as large (1.4.4) on 375.

No text is cut off in the quick-exit bar, the header, the report form and the help cards, and no
page scrolls sideways (1.4.10). Text size is Chromium's own setting (as a user sets it in the
browser), not a zoom: the page keeps its width and every rem grows.
"""

from __future__ import annotations

import pytest
from a11y_support import viewport_page
from support import LANGUAGES, page_names, page_path

# WCAG 1.4.12's values, applied to everything as a user's style sheet or bookmarklet would.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
REGIONS = ".quick-exit, .md-header, .report-form, .help-card"

# Elements of those regions whose text does not fit: a box that clips (overflow other than
# visible) and holds more than it shows, or that reaches past the screen's edge.
CLIPPED = """regions => {
  const found = [];
  for (const region of document.querySelectorAll(regions)) {
    for (const element of [region, ...region.querySelectorAll("*")]) {
      if (!element.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
      if (element.closest(".md-search, .md-select__inner, [hidden]")) continue;  // closed
      if (element.closest(".report-form__trap, .visually-hidden, .md-visually-hidden")) continue;  // off screen on purpose
      const style = getComputedStyle(element);
      const clips = style.overflowX !== "visible" || style.overflowY !== "visible";
      const text = element.textContent.trim();
      if (!text || element.matches("input, textarea")) continue;
      const over = element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1;
      const box = element.getBoundingClientRect();
      if (clips && over && element.clientWidth) {
        found.push(`cut off: ${element.className || element.tagName} "${text.slice(0, 40)}"`);
      } else if (box.right > innerWidth + 1 || box.left < -1) {
        found.push(`past the edge: ${element.className || element.tagName} "${text.slice(0, 40)}"`);
      }
    }
  }
  if (document.documentElement.scrollWidth > innerWidth) found.push(`scrolls sideways: ${document.documentElement.scrollWidth} px`);
  return found;
}"""


def check_every_page(page, language: str, prepare) -> list[str]:
    found = []
    for name in page_names():
        page.goto(page_path(language, name))
        prepare(page)
        found += [f"{name}: {problem}" for problem in page.evaluate(CLIPPED, REGIONS)]
    return found


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", [320, 375])
def test_text_spacing_cuts_nothing_off(browser, server, width, language):
    # A user's own style sheet is not the site's: let it past the site's Content-Security-Policy.
    with viewport_page(browser, server, {"width": width, "height": 740}, bypass_csp=True) as page:
        found = check_every_page(page, language, lambda page: page.add_style_tag(content=TEXT_SPACING))
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_twice_the_text_size_cuts_nothing_off_on_a_phone(browser, server, language):
    """375 px at 200 % is as wide as 187 px at 100 %, narrower than WCAG's 320 px reflow width
    already; 320 px at 200 % (160 px) is not asked for, and the form's button does not fit it."""
    with viewport_page(browser, server, {"width": 375, "height": 740}) as page:
        # Chromium's "font size" setting, twice its default of 16 px.
        page.context.new_cdp_session(page).send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
        found = check_every_page(page, language, lambda page: None)
        title = page.locator(".md-header__topic").first.evaluate("topic => topic.getBoundingClientRect().width")
    assert found == [], "\n".join(found)
    assert title > 100, f"the site's name in the header is squeezed to {title} px"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_long_example_address_does_not_widen_the_form(browser, server, language):
    """A fieldset is as wide as its widest content unless told otherwise (min-inline-size: auto)."""
    with viewport_page(browser, server, {"width": 320, "height": 740}) as page:
        page.goto(page_path(language, "melden.md"))
        page.locator(".report-form fieldset p").first.evaluate(
            "hint => hint.textContent = 'https://www.example.com/' + 'a'.repeat(120)"
        )
        found = page.evaluate(CLIPPED, ".report-form")
    assert found == [], "\n".join(found)
