"""Split the search index by language, so a search on an English page finds English pages only.

mkdocs-static-i18n merges every language into one index at search/search_index.json. This step
rewrites it into one index per language: the default language's at search/, each other
language's at LANG/search/ with locations relative to LANG/. main.html points the search of
each language's pages at its own index. hooks/search_stemming.py then chooses each index's lunr
language and stemming, and hooks/search_on_demand.py defers loading it; hooks/post_build.py
runs the three in that order, once every language is built.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from strings import language_prefix

INDEX = "search/search_index.json"


def split(index: dict, languages: list[str], default: str) -> dict[str, dict]:
    """The index of each language, from the merged index."""
    other = tuple(language_prefix(language, default) for language in languages if language != default)
    result: dict[str, dict] = {}
    for language in languages:
        prefix = language_prefix(language, default)
        if prefix:
            docs = [
                {**doc, "location": doc["location"][len(prefix):]}
                for doc in index["docs"]
                if doc["location"].startswith(prefix)
            ]
        else:
            docs = [doc for doc in index["docs"] if not doc["location"].startswith(other)]
        result[language] = {**index, "config": {**index["config"], "lang": [language]}, "docs": docs}
    return result


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def index_paths(config: MkDocsConfig) -> dict[str, Path]:
    """Where each language's index is written: site/search/..., site/LANG/search/..."""
    i18n = config.plugins["i18n"]
    site = Path(config.site_dir)
    return {language: site / language_prefix(language, i18n.default_language) / INDEX for language in i18n.build_languages}


def write(config: MkDocsConfig) -> None:
    """Replace the merged index with one index per language."""
    i18n = config.plugins["i18n"]
    merged = read_json(Path(config.site_dir) / INDEX)
    paths = index_paths(config)
    for language, index in split(merged, i18n.build_languages, i18n.default_language).items():
        write_json(paths[language], index)
