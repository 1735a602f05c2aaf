"""Shared data and helpers for the browser tests of the report form."""

from __future__ import annotations

import json
from pathlib import Path

from support import LANGUAGES, page_path

URL_CASES = json.loads((Path(__file__).resolve().parent.parent / "url_cases.json").read_text(encoding="utf-8"))
FORM_PATH = {language: page_path(language, "melden.md") for language in LANGUAGES}


def fields(received: dict) -> dict[str, list[str]]:
    """The fields of a received report, each name with its values in order."""
    result: dict[str, list[str]] = {}
    for name, value in received["fields"]:
        result.setdefault(name, []).append(value)
    return result
