"""Load the facts the pages state (data/facts.yml), validate them, and hand them to the components.

A legal reference, a deadline or a name lives in data/facts.yml once, with its source and the
date it was checked; pages show it with `<!-- component: fact ID -->` (hooks/shortcodes.py), so
both languages state the same fact. A malformed fact stops the build, naming the file, the fact
and the field.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from _data import load_yaml
from jsonschema import Draft202012Validator
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

PATH = Path("data") / "facts.yml"


def load(path: Path) -> list[dict[str, Any]]:
    """Read and validate the facts; raise PluginError naming the file, fact and field on any problem."""
    schema = json.loads(path.with_name(path.stem + ".schema.json").read_text(encoding="utf-8"))
    data = load_yaml(path)  # strict: no duplicate keys or aliases; dates stay text for the schema
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path)):
        where = list(error.absolute_path)
        fact = ""
        if len(where) >= 2 and where[0] == "facts" and isinstance(where[1], int):
            item = data["facts"][where[1]]
            fact = f" fact {where[1] + 1}" + (f" ('{item['id']}')" if isinstance(item, dict) and "id" in item else "")
            where = where[2:]
        field = f", field '{'.'.join(str(part) for part in where)}'" if where else ""
        problems.append(f"{path}:{fact}{field}: {error.message}")
    if problems:
        raise PluginError("\n".join(problems))
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
