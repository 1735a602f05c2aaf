"""Load the facts the pages state (data/facts.yml), validate them, and hand them to the components.

A legal reference, a deadline or a name lives in data/facts.yml once, with its source and the
date it was checked; pages show it with `<!-- component: fact ID -->` (hooks/shortcodes.py), so
both languages state the same fact. A malformed fact stops the build, naming the file, the fact
and the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from _data import load_yaml, validate
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

PATH = Path("data") / "facts.yml"


def load(path: Path) -> list[dict[str, Any]]:
    """Read and validate the facts; raise PluginError naming the file, fact and field on any problem."""
    data = load_yaml(path)  # strict: no duplicate keys or aliases; dates stay text for the schema
    validate(path, data, "facts", "fact")
    ids = [fact["id"] for fact in data["facts"]]
    twice = sorted({id_ for id_ in ids if ids.count(id_) > 1})
    if twice:
        raise PluginError(f"{path}: fact id(s) used twice: {', '.join(twice)}; give each fact its own id")
    return data["facts"]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Put the validated facts, by id, on config.extra for the `fact` component."""
    facts = load(Path(config.config_file_path).parent / PATH)
    config.extra["facts"] = {fact["id"]: fact for fact in facts}
    return config
