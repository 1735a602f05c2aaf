"""What the accessibility tests by situation share: the widths, a focus check, the header's controls.

The widths are those where the audit of issue 13 found failures: a phone (375 px), a tablet (768 px,
below Material's 1220 px drawer breakpoint) and a laptop (1280 px).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

PHONE = {"width": 375, "height": 740}
TABLET = {"width": 768, "height": 1024}
LAPTOP = {"width": 1280, "height": 800}
WIDTHS = {"375x740": PHONE, "768x1024": TABLET, "1280x800": LAPTOP}

# The header's controls, by what a user meets: a button named from data/strings.
MENU_BUTTON = "[data-header-button='drawer']"
SEARCH_BUTTON = "[data-header-button='search']"
LANGUAGE_BUTTON = ".md-select > button"
DRAWER = ".md-sidebar--primary"

# The focused element: what shows its focus, whether it is on screen, and whether something lies
# on top of it (the element at its centre is neither it nor inside it). Something that seems to
# cover it while a transition runs is judged again once that has settled.
FOCUS_STATE = r"""async () => {
  const measure = () => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    // A link that wraps has a box per line: judge each line's centre, not the gap between them.
    const centres = [...element.getClientRects()].filter(r => r.width && r.height)
      .map(r => [r.left + r.width / 2, r.top + r.height / 2])
      .filter(([x, y]) => x >= 0 && x < innerWidth && y >= 0 && y < innerHeight);
    const on_screen = centres.length > 0;
    const hits = centres.map(([x, y]) => document.elementFromPoint(x, y));
    const mine = top => top === element || element.contains(top)
      || (top && top.closest("label") && top.closest("label").control === element);
    const top = hits.find(top => !mine(top)) ?? null;
    return {
      name: element.outerHTML.replace(/\s+/g, " ").slice(0, 140),
      in_drawer: !!element.closest(".md-sidebar--primary"),
      shown: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 || style.boxShadow !== "none",
      visible: box.width > 0 && box.height > 0 && element.checkVisibility({visibilityProperty: true, opacityProperty: true}),
      on_screen,
      covered: on_screen && !hits.some(mine),
      top: top ? top.outerHTML.replace(/\s+/g, " ").slice(0, 100) : null,
    };
  };
  const state = measure();
  const animations = document.getAnimations();
  if (!state || !(state.covered || !state.on_screen || !state.visible) || !animations.length) return state;
  await Promise.all(animations.map(animation => animation.finished.catch(() => null)));
  return measure();
}"""


def walk(page, key: str = "Tab", limit: int = 120) -> list[dict]:
    """Press `key` until the focus comes back to where it started, past the page's end once (where
    the browser's own controls take it); the state at every stop."""
    stops: list[dict] = []
    wrapped = False
    for _ in range(limit):
        page.keyboard.press(key)
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            if wrapped:
                break
            wrapped = True
        elif stops and state["name"] == stops[0]["name"]:
            break
        else:
            stops.append(state)
    return stops


def problems(stops: list[dict]) -> list[str]:
    """Every stop a sighted keyboard user could not see: no focus indicator, hidden, off screen, covered."""
    found = []
    for stop in stops:
        if not stop["visible"]:
            found.append(f"invisible: {stop['name']}")
        elif not stop["on_screen"]:
            found.append(f"off screen: {stop['name']}")
        elif stop["covered"]:
            found.append(f"covered by {stop['top']}: {stop['name']}")
        elif not stop["shown"]:
            found.append(f"no focus indicator: {stop['name']}")
    return found


@contextmanager
def viewport_page(browser, server: str, viewport: dict, **options) -> Iterator[object]:
    """One page in a fresh context of the given size: many pages are visited with it."""
    context = browser.new_context(base_url=server, viewport=viewport, **options)
    try:
        yield context.new_page()
    finally:
        context.close()
