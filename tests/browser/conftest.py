"""Fixtures for the browser tests of the report form."""

from __future__ import annotations

import pytest
from form_support import FORM_PATH


@pytest.fixture
def intake(intake_server, server):  # noqa: ANN001
    """The development endpoint, emptied (requests, kept reports, report ids) and answering "ok"."""
    intake_server.reset()
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
