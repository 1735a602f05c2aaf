"""By keyboard alone: every stop that Tab reaches, on every page, shows where the focus is.

WCAG 2.2 AA asks for a visible focus indicator (2.4.7) that is not hidden behind sticky bars
(2.4.11). The quick exit and the form have keyboard tests of their own.
"""

from __future__ import annotations

import pytest
from support import LANGUAGES, page_names, page_path

# For the focused element: what shows the focus, where it is, and whether something covers it.
# Something that seems to cover it while a transition runs is judged again once that has
# settled: leaving search fades its overlay out over a quarter of a second.
FOCUS_STATE = """async () => {
  const measure = () => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    return {
      name: element.outerHTML.slice(0, 120),
      outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
      ring: style.boxShadow !== "none",
      size: box.width > 0 && box.height > 0,
      in_view: box.bottom > 0 && box.top < innerHeight,
      covered: !(top === element || element.contains(top) || (top && top.contains(element))
                 || (top && top.closest("label") && top.closest("label").control === element)),
    };
  };
  const state = measure();
  const animations = document.getAnimations();
  if (!state || !(state.covered || !state.in_view) || !animations.length) return state;
  await Promise.all(animations.map(animation => animation.finished.catch(() => null)));
  return measure();
}"""


@pytest.mark.parametrize("name", page_names())
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_tab_stop_shows_its_focus(page, server, language, name):
    page.goto(page_path(language, name), wait_until="networkidle")
    seen, problems = [], []
    for _ in range(80):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None or state["name"] in seen[:1]:
            break  # back at the start: every stop visited
        seen.append(state["name"])
        if not (state["outline"] or state["ring"]):
            problems.append(f"no visible focus: {state['name']}")
        elif not (state["size"] and state["in_view"]) or state["covered"]:
            problems.append(f"focus hidden or covered: {state['name']}")
    assert len(seen) >= 10, seen
    assert problems == [], "\n".join(problems)
