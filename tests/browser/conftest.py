"""Fixtures for the browser tests of the report form."""

from __future__ import annotations

import pytest
from form_support import FORM_PATH


@pytest.fixture
def intake(intake_server, server, neutral_url):  # noqa: ANN001
    """The development endpoint, emptied (requests, kept reports, report ids) and answering "ok";
    its error page's quick exit goes where the site's does in the tests."""
    intake_server.reset()
    intake_server.exit_url = neutral_url
    return intake_server


@pytest.fixture
def form_page(page):
    """Open the report form: form_page(language, width) returns the page, its script running."""

    def open_form(language: str, width: int = 1280):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(FORM_PATH[language])
        page.locator("[data-add-url]").wait_for(state="visible")
        return page

    return open_form
