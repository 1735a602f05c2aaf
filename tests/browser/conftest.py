"""Fixtures for the browser tests of the report form."""

from __future__ import annotations

import pytest
from form_support import FORM_PATH
from support import DEFAULT_LANGUAGE


@pytest.fixture
def form_page(page):
    """Open the report form in a language: form_page("en") returns the page, its script running."""

    def open_form(language: str = DEFAULT_LANGUAGE):
        page.goto(FORM_PATH[language])
        page.locator("[data-add-url]").wait_for(state="visible")
        return page

    return open_form
