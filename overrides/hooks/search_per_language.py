"""Split the search index by language, so a search on an English page finds English pages only.

mkdocs-static-i18n merges every language into one index at search/search_index.json. This hook
rewrites it into one index per language: the default language's at search/, each other
language's at LANG/search/ with locations relative to LANG/. main.html points the search of
each language's pages at its own index.

Dutch is stemmed ("meldingen" finds a page that says "melding"). Material adds a wildcard to
every query word ("meldingen*") and lunr never stems such words, so a stemmed index alone would
lose exact words. The Dutch search worker therefore gets a small addition (QUERY_STEMMING) that
also looks up the stem of each word; it is appended to the Dutch lunr file that the worker loads.
English keeps Material's default: prefix matching without stemming.

Search loads on demand: Material fetches search/search_index.json and starts its worker on every
page load. This hook writes there a small index without documents, naming where the full index
and Material's worker are; main.html starts assets/javascripts/search-on-demand.js in place of
Material's worker, and that loads the rest only when someone types a query.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

STEMMED = {"nl"}  # languages whose search worker loads QUERY_STEMMING
ON_DEMAND_WORKER = "assets/javascripts/search-on-demand.js"  # main.html names it too
FULL_INDEX = "search_index.full.json"

QUERY_STEMMING = """
/* Added by overrides/hooks/search_per_language.py: for each query word "word*", also look up
   the stem of "word", so inflected words find their stem in the stemmed index. */
(function () {
  var nextClause = lunr.QueryParser.prototype.nextClause;
  lunr.QueryParser.prototype.nextClause = function () {
    var clause = this.currentClause, word = /^([^*]+)\\*$/.exec(clause.term || "");
    if (word && clause.presence !== lunr.Query.presence.PROHIBITED) {
      var stemmed = { term: word[1], usePipeline: true };
      if (clause.fields) stemmed.fields = clause.fields;
      if (clause.presence) stemmed.presence = clause.presence;
      this.query.clause(stemmed);
    }
    return nextClause.call(this);
  };
})();
"""


def split(index: dict, languages: list[str], default: str) -> dict[str, dict]:
    """The index of each language, from the merged index."""
    other = tuple(f"{language}/" for language in languages if language != default)
    result: dict[str, dict] = {}
    for language in languages:
        prefix = "" if language == default else f"{language}/"
        if prefix:
            docs = [
                {**doc, "location": doc["location"][len(prefix):]}
                for doc in index["docs"]
                if doc["location"].startswith(prefix)
            ]
        else:
            docs = [doc for doc in index["docs"] if not doc["location"].startswith(other)]
        pipeline = ["trimmer", "stopWordFilter", "stemmer"] if language in STEMMED else index["config"]["pipeline"]
        result[language] = {**index, "config": {**index["config"], "lang": [language], "pipeline": pipeline}, "docs": docs}
    return result


def stub_index(index: dict, worker: str, full_index: str) -> dict:
    """The index Material fetches: the configuration without documents, plus where the rest is
    (relative to the on-demand worker, which resolves them against its own address)."""
    here = posixpath.dirname(ON_DEMAND_WORKER)
    on_demand = {"worker": posixpath.relpath(worker, here), "index": posixpath.relpath(full_index, here)}
    return {"config": {**index["config"], "on_demand": on_demand}, "docs": []}


def material_worker(site: Path) -> str:
    """Material's search worker in the built site (its file name carries a fingerprint)."""
    workers = sorted(site.glob("assets/javascripts/workers/search.*.min.js"))
    if len(workers) != 1:
        raise PluginError(f"expected one Material search worker in {site}/assets/javascripts/workers/, found {len(workers)}")
    return workers[0].relative_to(site).as_posix()


def write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


@event_priority(-200)  # after mkdocs-static-i18n has written the merged index
def on_post_build(config: MkDocsConfig) -> None:
    """Rewrite the merged index, once every language has been built."""
    i18n = config.plugins["i18n"]
    if i18n.building:  # a nested build of one language; the merged index comes later
        return
    site = Path(config.site_dir)
    worker = material_worker(site)
    merged = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for language, index in split(merged, i18n.build_languages, i18n.default_language).items():
        folder = posixpath.join("" if language == i18n.default_language else language, "search")
        write_json(site / folder / FULL_INDEX, index)
        write_json(site / folder / "search_index.json", stub_index(index, worker, posixpath.join(folder, FULL_INDEX)))
    for language in STEMMED:
        worker_language = site / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{language}.min.js"
        text = worker_language.read_text(encoding="utf-8")
        if QUERY_STEMMING not in text:
            worker_language.write_text(text + QUERY_STEMMING, encoding="utf-8")
