"""Give each language's search index the lunr language and stemming that Material ships for it.

Material ships lunr's language support as assets/javascripts/lunr/min/lunr.LANG.min.js. A
language with such a file is stemmed ("meldingen" finds a page that says "melding"): its index
names that lunr language and keeps lunr's trimmer, stop words and stemmer. Material adds a
wildcard to every query word ("meldingen*") and lunr never stems such words, so a stemmed index
alone would lose exact words: the worker's language file therefore gets
assets/javascripts/query-stemming.js appended, which also looks up the stem of each word.

lunr's own language needs no file and keeps Material's default: prefix matching without
stemming. Any other language (Polish, Ukrainian...) has no lunr support: its index uses lunr's
own language with an empty pipeline, so no English trimming, stop words or stemming touch it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from search_per_language import index_paths, read_json, write_json

LUNR_LANGUAGES = Path("assets") / "javascripts" / "lunr" / "min"  # in the built site, as Material ships them
QUERY_STEMMING = Path("assets") / "javascripts" / "query-stemming.js"
LUNR_OWN_LANGUAGE = "en"  # lunr's built-in language: Material's worker loads no file for it
STEMMED_PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]


def has_stemmer(site: Path, language: str) -> bool:
    """Whether Material ships lunr support (a stemmer) for this language."""
    return (site / LUNR_LANGUAGES / f"lunr.{language}.min.js").is_file()


def search_config(index_config: dict, language: str, stemmed: bool) -> dict:
    """The index configuration for a language: its lunr language and pipeline."""
    if stemmed:
        return {**index_config, "lang": [language], "pipeline": STEMMED_PIPELINE}
    if language == LUNR_OWN_LANGUAGE:
        return {**index_config, "lang": [language]}
    return {**index_config, "lang": [LUNR_OWN_LANGUAGE], "pipeline": []}


def write(config: MkDocsConfig) -> None:
    """Set each language index's lunr language and pipeline; add query stemming to the stemmed ones' lunr files."""
    site = Path(config.site_dir)
    addition = (site / QUERY_STEMMING).read_text(encoding="utf-8")
    for language, path in index_paths(config).items():
        index = read_json(path)
        stemmed = has_stemmer(site, language)
        write_json(path, {**index, "config": search_config(index["config"], language, stemmed)})
        if stemmed:
            lunr_file = site / LUNR_LANGUAGES / f"lunr.{language}.min.js"
            text = lunr_file.read_text(encoding="utf-8")
            if addition not in text:
                lunr_file.write_text(text + addition, encoding="utf-8")
