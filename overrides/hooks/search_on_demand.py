"""Load search on demand: Material fetches search/search_index.json and starts its worker on every
page load, which costs every visitor the whole index and lunr.

This step moves each language's full index to search_index.full.json and writes in its place a
small index without documents, naming where the full index and Material's worker are; main.html
starts assets/javascripts/search-on-demand.js in place of Material's worker, and that loads the
rest only when someone types a query.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from search_per_language import index_paths, read_json, write_json

ON_DEMAND_WORKER = "assets/javascripts/search-on-demand.js"  # main.html names it too
FULL_INDEX = "search_index.full.json"


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


def write(config: MkDocsConfig) -> None:
    """Put each language's full index aside and leave the stub where Material looks."""
    site = Path(config.site_dir)
    worker = material_worker(site)
    for path in index_paths(config).values():
        index = read_json(path)
        full = path.with_name(FULL_INDEX)
        write_json(full, index)
        write_json(path, stub_index(index, worker, full.relative_to(site).as_posix()))
