"""The build hooks' own rules: one place that orders the post-build steps, and no silent drift
from Material's markup where a hook changes it."""

from __future__ import annotations

import ast
import json
import sys

import pytest
from support import ROOT

HOOKS = ROOT / "overrides" / "hooks"
sys.path.insert(0, str(HOOKS))

from mkdocs.exceptions import PluginError  # noqa: E402
from search_config import patch  # noqa: E402


def test_one_hook_runs_the_post_build_steps_in_its_listed_order():
    defining = sorted(path.name for path in HOOKS.glob("*.py")
                      if any(isinstance(node, ast.FunctionDef) and node.name == "on_post_build"
                             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))))
    assert defining == ["post_build.py"]
    import post_build

    assert [step.__module__ for step in post_build.STEPS][-1] == "security_headers"  # sees every page


MATERIAL_CONFIG = ('<script id="__config" type="application/json">{"base": "..", "features": [], '
                   '"search": "../assets/javascripts/workers/search.a7633da7.min.js", "tags": null}</script>')


@pytest.mark.parametrize(("prefix", "base"), [("", ".."), ("xx/", "../xx/")])
def test_search_settings_point_at_the_languages_index_and_the_on_demand_worker(prefix, base):
    html = patch(f"<head>{MATERIAL_CONFIG}</head>", prefix, "page.md")
    settings = json.loads(html.removeprefix('<head><script id="__config" type="application/json">').removesuffix("</script></head>"))
    assert settings == {"base": base, "features": [], "search": "../assets/javascripts/search-on-demand.js", "tags": None}


@pytest.mark.parametrize("changed", [
    MATERIAL_CONFIG.replace('id="__config"', 'id="__md_config"'),
    MATERIAL_CONFIG.replace("workers/search.a7633da7.min.js", "search-worker.js"),
    MATERIAL_CONFIG.replace('"base": "..", ', ""),
])
def test_a_change_in_materials_settings_markup_stops_the_build(changed):
    with pytest.raises(PluginError, match="search_config.py"):
        patch(f"<head>{changed}</head>", "", "page.md")


def test_html_takes_the_right_to_left_direction_material_gives_body():
    from html_direction import with_direction

    assert with_direction('<html lang="ar" class="no-js"><head></head><body dir="rtl">') == \
        '<html dir="rtl" lang="ar" class="no-js"><head></head><body dir="rtl">'
    left_to_right = '<html lang="xx" class="no-js"><head></head><body dir="ltr">'
    assert with_direction(left_to_right) == left_to_right


def test_hooks_and_scripts_agree_on_each_languages_url_prefix():
    from strings import language_prefix as hooks_prefix
    from support import DEFAULT_LANGUAGE, LANGUAGES, language_prefix

    for language in LANGUAGES:
        assert hooks_prefix(language, DEFAULT_LANGUAGE) == language_prefix(language)
    assert [language_prefix(language) for language in LANGUAGES].count("") == 1
