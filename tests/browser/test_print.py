"""Printed: abuse desks print the hosting providers' page. Only the content, with link addresses spelled out."""

from __future__ import annotations

import pytest
from support import LANGUAGES, page_path

HIDDEN_IN_PRINT = [".quick-exit", ".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"]


@pytest.mark.parametrize("path", [page_path(language, "hostingproviders.md") for language in LANGUAGES])
def test_the_printed_page_is_the_content_alone(page, server, path):
    page.goto(path)
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        assert page.locator(selector).first.is_hidden(), selector
    assert page.locator("article h1").is_visible()
    assert page.locator("article h2").count() >= 3
    # A link to another site prints its address after it: paper has no links to follow.
    printed = page.evaluate("""() => getComputedStyle(
        document.querySelector("article a[href^='https://eur-lex.europa.eu']"), "::after").content""")
    assert "https://eur-lex.europa.eu/eli/reg/2022/2065/oj" in printed
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
