"""Read the site's data files (data/help.yml, data/facts.yml, data/strings/*.yml, data/report-rules.yml) strictly, and check them against their schemas.

One loader for every data file the build reads, so an editor's slip reads the same everywhere:
a key written twice in the same place (a second `phone:`) is an error naming the line and the
entry, never a silent choice of one of the two. Anchors and aliases (`&name`, `*name`) are
refused before anything is built from them: a few lines of nested aliases can otherwise expand
to gigabytes. Dates are read as the text they are (2026-02-30 too); data/help.schema.json
checks them, with a message instead of a traceback.

Not a hook itself (mkdocs.yml does not list it): the hooks import it by name, which works because
MkDocs puts a hook's own folder on sys.path while it loads the hook (scripts/check_content.py puts
the folder there itself).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from mkdocs.exceptions import PluginError


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class StrictLoader(yaml.SafeLoader):
    """YAML's safe loader, refusing duplicate keys, anchors and aliases, reading dates as text."""

    # The safe loader's implicit types, without timestamps: an impossible date would crash it.
    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(event.start_mark.line + 1, f"'&{event.anchor}' or '*{event.anchor}' (a YAML anchor or "
                                                       "alias) is not allowed here. Write the value out in full.")
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise _Refused(line, f"'{key}' is written twice{_entry_of(node)} (first on line {seen[key]}). "
                                     "Keep one of the two and delete the other.")
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


def _entry_of(node: yaml.MappingNode) -> str:
    """ " in entry 'politie'" when the mapping has an id, else nothing."""
    for key_node, value_node in node.value:
        if getattr(key_node, "value", None) == "id" and isinstance(value_node, yaml.ScalarNode):
            return f" in entry '{value_node.value}'"
    return ""


def load_yaml(path: Path, shown_as: Path | str | None = None) -> Any:
    """The data in a YAML file; PluginError naming the file (as `shown_as`), the line and what to do on any problem."""
    name = shown_as or path
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise PluginError(f"{name}: cannot be read: {error}") from error
    try:
        return yaml.load(text, Loader=StrictLoader)  # noqa: S506 - StrictLoader is a SafeLoader
    except _Refused as error:
        raise PluginError(f"{name}:{error.line}: {error.message}") from None
    except yaml.YAMLError as error:
        raise PluginError(f"{name}: cannot be read as YAML: {error}") from error
    except ValueError as error:  # a value with an explicit tag that does not hold, such as !!timestamp 2026-02-30
        raise PluginError(f"{name}: a value cannot be read: {error}. Write it as plain text.") from error


def validate(path: Path, data: Any, items: str, noun: str) -> None:
    """Check `data` against the schema beside `path` (NAME.schema.json); PluginError listing every
    problem, each naming the item of `data[items]` it is in ("entry 4 ('veilig-thuis')") and the field."""
    schema = json.loads(path.with_name(path.stem + ".schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        raise PluginError("\n".join(_describe(path, data, error, items, noun) for error in errors))


def _describe(path: Path, data: Any, error: Any, items: str, noun: str) -> str:
    where = list(error.absolute_path)
    item = ""
    if len(where) >= 2 and where[0] == items and isinstance(where[1], int):
        found = data[items][where[1]]
        name = found.get("id") if isinstance(found, dict) else None
        item = f" {noun} {where[1] + 1}" + (f" ('{name}')" if name else "")
        where = where[2:]
    field = f", field '{'.'.join(str(part) for part in where)}'" if where else ""
    message = error.message
    if error.validator == "format" and error.validator_value == "date":
        message = f"{error.instance!r} is not a date that exists; write it as YYYY-MM-DD, such as 2026-01-31"
    return f"{path}:{item}{field}: {message}"
