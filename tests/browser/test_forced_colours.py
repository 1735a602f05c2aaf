"""In forced colours (Windows' contrast themes), where backgrounds and shadows are dropped.

A control drawn only by its background becomes bare text there: the header's buttons, the
language menu and "Snel weg" / "Exit this site" keep a border, so they still look like buttons.
The report form's buttons are tested with the form (tests/browser/test_form_*.py).
"""

from __future__ import annotations

import pytest
from a11y_support import PHONE, viewport_page
from support import LANGUAGES, page_path

CONTROLS = "[data-quick-exit-link], .md-header button:not(.md-search__icon)"

BORDERS = """selector => [...document.querySelectorAll(selector)]
  .filter(element => element.checkVisibility())
  .map(element => {
    const style = getComputedStyle(element);
    const border = ["Top", "Right", "Bottom", "Left"].every(side =>
      style[`border${side}Style`] !== "none" && parseFloat(style[`border${side}Width`]) >= 1);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1;
    return {name: element.outerHTML.replace(/\\s+/g, " ").slice(0, 100), drawn: border || outline};
  })"""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}], ids=["375", "1280"])
def test_buttons_and_the_quick_exit_keep_their_outline(browser, server, viewport, language):
    with viewport_page(browser, server, viewport) as page:
        page.emulate_media(forced_colors="active")
        page.goto(page_path(language, "melden.md"), wait_until="networkidle")
        controls = page.evaluate(BORDERS, CONTROLS)
    assert len(controls) >= 2, controls
    assert [control["name"] for control in controls if not control["drawn"]] == []
