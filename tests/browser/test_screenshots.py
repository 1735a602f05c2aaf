"""How the site looks, at 320, 390 and 1280 px wide in every language.

A picture of every page at every width goes to test-results/screenshots/ (git-ignored) for people
to look at. What a script can judge is asserted: nothing scrolls sideways, the site's name is
shown whole, no previous/next links or table-of-contents column, the edit link sits in the footer,
and on a phone the home page's first screen holds the report action and the emergency number.
"""

from __future__ import annotations

import re

import pytest
from support import LANGUAGES, ROOT, page_names, page_path, strings

SHOTS = ROOT / "test-results" / "screenshots"
# Phones at the height of a small one (375x667 and smaller): what the first screen must hold.
VIEWPORTS = [(320, 667), (390, 667), (1280, 800)]
PHONES = [viewport for viewport in VIEWPORTS if viewport[0] < 600]

# What a script can see of the page's layout, measured in the browser.
LAYOUT = """() => {
  const title = document.querySelector(".md-header__topic:first-child");
  const clipped = element => element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1;
  const titleBox = title.getBoundingClientRect();
  const edit = document.querySelector("a[rel=edit]");
  const visible = element => !!element && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden";
  return {
    sideways: document.documentElement.scrollWidth - innerWidth,
    title_text: title.textContent.trim(),
    title_clipped: [title, title.querySelector(".md-ellipsis"), title.closest(".md-header__title")].some(clipped),
    title_on_screen: titleBox.left >= 0 && titleBox.right <= innerWidth && titleBox.width > 0,
    title_ellipsis: getComputedStyle(title.querySelector(".md-ellipsis")).textOverflow === "ellipsis"
                    && clipped(title.querySelector(".md-ellipsis")),
    previous_next: document.querySelectorAll(".md-footer__link, .md-footer__inner").length,
    toc_column: visible(document.querySelector(".md-sidebar--secondary")),
    pencil: document.querySelectorAll("article .md-content__button").length,
    edit_in_footer: !!edit && !!edit.closest("footer") && visible(edit) ? edit.textContent.trim() : null,
  };
}"""


def site_name(language: str) -> str:
    """The site's name in a language: the i18n entry's own, or the site's."""
    from site_config import _i18n_languages, mkdocs_config

    entry = next(entry for entry in _i18n_languages(ROOT) if entry["locale"] == language)
    return entry.get("site_name") or mkdocs_config()["site_name"]


def shot(page, language: str, name: str, width: int, suffix: str = "") -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{language}-{name.removesuffix('.md')}-{width}{suffix}.png"), full_page=True)


@pytest.fixture
def sized_page(browser, server):
    """A page of the site in a browser window of a given size."""
    contexts = []

    def open_at(width: int, height: int):
        context = browser.new_context(base_url=server, viewport={"width": width, "height": height})
        contexts.append(context)
        return context.new_page()

    yield open_at
    for context in contexts:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("width", "height"), VIEWPORTS, ids=[f"{w}px" for w, _ in VIEWPORTS])
def test_every_page_looks_like_a_service_not_a_manual(sized_page, language, width, height):
    page = sized_page(width, height)
    expected_edit = strings(language)["footer"]["edit"]
    problems = []
    for name in [*page_names(), "404"]:
        page.goto(page_path(language, name) if name != "404" else page_path(language, "index.md") + "nope/",
                  wait_until="load")
        shot(page, language, name, width)
        layout = page.evaluate(LAYOUT)
        where = f"{language}/{name} at {width}px"
        if layout["sideways"] > 0:
            problems.append(f"{where}: scrolls sideways by {layout['sideways']}px")
        if layout["title_text"] != site_name(language):
            problems.append(f"{where}: the header shows {layout['title_text']!r}, not the site's name")
        if layout["title_clipped"] or layout["title_ellipsis"] or not layout["title_on_screen"]:
            problems.append(f"{where}: the site's name is cut off")
        if layout["previous_next"]:
            problems.append(f"{where}: previous/next links in the footer")
        if layout["toc_column"]:
            problems.append(f"{where}: a table-of-contents column")
        if layout["pencil"]:
            problems.append(f"{where}: an edit pencil beside the heading")
        if name != "404" and layout["edit_in_footer"] != expected_edit:
            problems.append(f"{where}: no {expected_edit!r} link in the footer ({layout['edit_in_footer']!r})")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("width", "height"), PHONES, ids=[f"{w}x{h}" for w, h in PHONES])
def test_the_home_pages_first_screen_holds_the_report_action_and_112(sized_page, language, width, height):
    page = sized_page(width, height)
    page.goto(page_path(language, "index.md"), wait_until="networkidle")
    first_screen = """element => { const box = element.getBoundingClientRect();
                                   return box.top >= 0 && box.bottom <= innerHeight && box.width > 0; }"""
    report = page.locator("article a.cta[href$='melden/']")
    emergency = page.locator("article a.phone[href='tel:112']")
    assert page.locator("article h1").evaluate(first_screen)
    assert report.evaluate(first_screen), "the report action is below the first screen"
    assert emergency.first.evaluate(first_screen), "112 is below the first screen"
    page.screenshot(path=str(SHOTS / f"{language}-index-{width}x{height}-first-screen.png"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_three_routes_sit_evenly(sized_page, language):
    """One column on a phone, one row of three on a laptop: never two and an orphan."""
    for width, height in VIEWPORTS:
        page = sized_page(width, height)
        page.goto(page_path(language, "index.md"))
        tops = page.locator(".routes > div").evaluate_all("cards => cards.map(card => Math.round(card.getBoundingClientRect().top))")
        lefts = page.locator(".routes > div").evaluate_all("cards => cards.map(card => Math.round(card.getBoundingClientRect().left))")
        assert len(tops) == 3
        assert len(set(tops)) == 3 or len(set(tops)) == 1, f"{width}px: rows at {tops}"
        assert len(set(lefts)) == 1 or len(set(lefts)) == 3, f"{width}px: columns at {lefts}"
    assert len(set(tops)) == 1, "on a laptop the three routes sit in one row"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_long_page_lists_its_sections_and_a_short_one_does_not(sized_page, language):
    page = sized_page(1280, 800)
    page.goto(page_path(language, "hostingproviders.md"))
    contents = page.locator("article .page-contents a")
    sections = page.locator("article > h2[id]").evaluate_all("headings => headings.map(h => '#' + h.id)")
    assert contents.evaluate_all("links => links.map(a => a.getAttribute('href'))") == sections
    assert page.locator("article .page-contents h2").inner_text() == strings(language)["page_contents"]["title"]
    page.goto(page_path(language, "contact.md"))
    assert page.locator("article .page-contents").count() == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_website_names_break_at_dots_not_inside_words(sized_page, language):
    """On a narrow phone a help entry's website may need two lines: it breaks after a dot or a slash."""
    page = sized_page(320, 667)
    page.goto(page_path(language, "hulp-nodig.md"))
    breaks = page.locator(".help-card__facts a[href^='http']").evaluate_all("""links => links.map(link => {
      const text = link.textContent, range = document.createRange(), found = [];
      let chars = [], top = null;
      const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.data.length; i++) {
          range.setStart(node, i); range.setEnd(node, i + 1);
          const y = Math.round(range.getBoundingClientRect().top);
          if (top !== null && y > top) found.push(chars.join("").slice(-1) + "|" + node.data[i]);
          top = y; chars.push(node.data[i]);
        }
      }
      return {text, found};
    })""")
    assert breaks, "no websites in the help directory"
    bad = [(b["text"], b["found"]) for b in breaks if any(not re.match(r"[./]\|", pair) for pair in b["found"])]
    assert bad == []


# A heading's weight, and the contrast of its colour with the first opaque background behind it.
HEADING_WEIGHT_AND_CONTRAST = """h => {
  const rgb = value => value.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map(c => c / 255)
    .map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  let box = h, background = [255, 255, 255];
  while (box) {
    const colour = rgb(getComputedStyle(box).backgroundColor);
    if (colour.length < 4 || colour[3] > 0) { background = colour.slice(0, 3); break; }
    box = box.parentElement;
  }
  const [light, dark] = [luminance(rgb(getComputedStyle(h).color)), luminance(background)].sort((a, b) => b - a);
  return [getComputedStyle(h).fontWeight, (light + 0.05) / (dark + 0.05)];
}"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_headings_are_clear_and_lines_comfortable(sized_page, language):
    page = sized_page(1280, 800)
    problems = []
    for name in page_names():
        page.goto(page_path(language, name))
        weight, contrast = page.locator("article h1").evaluate(HEADING_WEIGHT_AND_CONTRAST)
        # Bold, and dark on light (or light on a dark panel, as on the thank-you page) rather than
        # Material's grey: at least 6:1, where its grey title (rgba(0, 0, 0, .54) on white) is 4.6:1.
        if int(weight) < 700 or contrast < 6:
            problems.append(f"{name}: the heading is {weight} at {contrast:.1f}:1 contrast")
        # Characters per line of the page's longest paragraph: about 65-75 reads comfortably.
        per_line = page.locator("article p").evaluate_all("""ps => Math.max(0, ...ps.map(p => {
          const lines = Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
          return lines > 1 ? p.textContent.length / lines : 0; }))""")
        if per_line > 85:
            problems.append(f"{name}: {per_line:.0f} characters a line")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_print_keeps_the_look(sized_page, language):
    """Abuse desks print the hosting providers' page: the same heading type on paper."""
    page = sized_page(1280, 800)
    page.goto(page_path(language, "hostingproviders.md"))
    on_screen = page.locator("article h1").evaluate("h => [getComputedStyle(h).fontWeight, getComputedStyle(h).fontFamily]")
    page.emulate_media(media="print")
    on_paper = page.locator("article h1").evaluate("h => [getComputedStyle(h).fontWeight, getComputedStyle(h).fontFamily]")
    assert on_paper == on_screen
    assert page.locator("article .page-contents").is_visible()
    shot(page, language, "hostingproviders", 1280, "-print")


@pytest.mark.parametrize("language", LANGUAGES)
def test_help_entries_line_up_their_labels_and_values(sized_page, language):
    """Down the whole help page every value starts at the same place: beside its label on a
    laptop, under it on a phone."""
    for width, height in VIEWPORTS:
        page = sized_page(width, height)
        page.goto(page_path(language, "hulp-nodig.md"))
        lefts = page.locator(".help-card__facts").evaluate_all("""lists => lists.map(list => [
          [...list.querySelectorAll("dt")].map(dt => Math.round(dt.getBoundingClientRect().left)),
          [...list.querySelectorAll("dd")].map(dd => Math.round(dd.getBoundingClientRect().left))])""")
        labels = {left for dts, _ in lefts for left in dts}
        values = {left for _, dds in lefts for left in dds}
        assert len(labels) == 1 and len(values) == 1, f"{width}px: labels at {labels}, values at {values}"
        if width >= 600:
            assert values != labels, f"{width}px: values beside their labels"
