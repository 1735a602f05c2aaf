"""The endpoint's error page (intake/error-page.html), as scripts/intake_server.py fills it in:
self-contained, every slot filled, every value escaped, in each language."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from support import LANGUAGES, strings

from intake_server import ERROR_PAGE, IntakeHandler


def filled(language: str, errors: dict[str, str]) -> str:
    handler = IntakeHandler.__new__(IntakeHandler)  # only error_page() is used: no connection needed
    handler.server = SimpleNamespace(site="https://site.example/", exit_url="https://neutral.example/")
    return handler.error_page(language, errors)


def test_the_template_loads_nothing_and_runs_nothing():
    assert "<script" not in ERROR_PAGE.lower()
    assert not re.search(r"\b(src|srcset|action)\s*=", ERROR_PAGE, re.IGNORECASE)
    assert not re.search(r"url\(|@import", ERROR_PAGE, re.IGNORECASE)
    hrefs = re.findall(r'href="([^"]*)"', ERROR_PAGE)
    assert hrefs and all(re.fullmatch(r"\{\{\w+\}\}", href) for href in hrefs)  # only filled-in addresses


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_slot_is_filled_and_every_value_escaped(language):
    page = filled(language, {"url": "<b>bad</b> & more"})
    assert "{{" not in page
    assert f'<html lang="{language}">' in page
    assert "&lt;b&gt;bad&lt;/b&gt; &amp; more" in page and "<b>" not in page
    assert strings(language)["quick_exit"]["exit"] in page
    assert 'href="https://neutral.example/"' in page
    assert strings(language)["intake_error_page"]["back"] in page
