"""Shared data and helpers for the browser tests of the report form."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from site_config import mkdocs_config
from support import DEFAULT_LANGUAGE, LANGUAGES, ROOT, page_path, strings

URL_CASES = json.loads((Path(__file__).resolve().parent.parent / "url_cases.json").read_text(encoding="utf-8"))
FORM_PATH = {language: page_path(language, "melden.md") for language in LANGUAGES}
THANK_YOU_PATH = {language: page_path(language, "bedankt.md") for language in LANGUAGES}
WIDTHS = (375, 1280)  # a phone and a laptop
OTHER_LANGUAGE = next((language for language in LANGUAGES if language != DEFAULT_LANGUAGE), DEFAULT_LANGUAGE)
LIMITS = yaml.safe_load((ROOT / "data" / "report-rules.yml").read_text(encoding="utf-8"))["limits"]
CONTACT_EMAIL = mkdocs_config()["extra"]["contact_email"]


def texts(language: str) -> dict:
    """The report form's interface text in a language: report_form plus confirmation."""
    all_strings = strings(language)
    return {**all_strings["report_form"], **{f"confirmation.{k}": v for k, v in all_strings["confirmation"].items()}}


def fields(received: dict) -> dict[str, list[str]]:
    """The fields of a received report, each name with its values in order."""
    result: dict[str, list[str]] = {}
    for name, value in received["fields"]:
        result.setdefault(name, []).append(value)
    return result
