"""Load the help directory (data/help.yml), validate it against its schema, and hand it to the templates.

The directory is the one source of the phone numbers, websites and names that both languages
show. A malformed entry stops the build with a message that names the file and the entry, so an
editor can find and fix it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from _data import load_yaml, validate
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

GROUP_ORDER = ("emergency", "police", "child", "support", "worried")


def tel_uri(phone: str) -> str:
    """The tel: link for a number as Dutch people dial it: digits only, so it works on any phone here."""
    return "tel:" + re.sub(r"\D", "", phone)


def load(path: Path) -> list[dict[str, Any]]:
    """Read and validate the directory; raise PluginError naming the file and entry on any problem."""
    data = load_yaml(path)
    validate(path, data, "entries", "entry")

    entries = data["entries"]
    seen: set[str] = set()
    for entry in entries:
        if entry["id"] in seen:
            raise PluginError(f"{path}: entry '{entry['id']}': the id is used twice; give each entry its own id")
        seen.add(entry["id"])
        if "phone" in entry:
            entry["tel"] = tel_uri(entry["phone"])
    _check_situations(path, data["situations"], entries)
    return entries


def _check_situations(path: Path, situations: list[str], entries: list[dict[str, Any]]) -> None:
    """Every entry's situations are listed, and every listed situation has an entry to lead to."""
    problems = [f"{path}: entry '{entry['id']}': situation '{name}' is not in the list `situations:`; "
                f"use one of {', '.join(situations)}"
                for entry in entries for name in entry["situations"] if name not in situations]
    problems += [f"{path}: situation '{name}' has no entry; add it to the `situations` of the entries that help with it"
                 for name in situations if not any(name in entry["situations"] for entry in entries)]
    if problems:
        raise PluginError("\n".join(problems))


def with_every_language(entry: dict[str, Any], languages: list[str], default: str) -> dict[str, Any]:
    """The entry with a text in every language: a language added after the entry was written
    (scripts/translations.py add-language) shows the default language's text until it is
    translated, and `make check` lists what is left to translate."""
    return {
        key: {**{language: value[default] for language in languages}, **value} if isinstance(value, dict) and default in value else value
        for key, value in entry.items()
    }


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Put the validated entries, grouped in page order, on config.extra for the templates."""
    path = Path(config.config_file_path).parent / config.extra["help_directory"]
    i18n = config.plugins["i18n"]
    languages = [language.locale for language in i18n.config.languages]
    entries = [with_every_language(entry, languages, i18n.default_language) for entry in load(path)]
    config.extra["help_entries"] = entries
    config.extra["help_groups"] = [
        (group, [entry for entry in entries if entry["group"] == group]) for group in GROUP_ORDER
    ]
    situations = load_yaml(path)["situations"]
    config.extra["help_situations"] = [
        (name, [entry for entry in entries if name in entry["situations"]]) for name in situations
    ]
    return config
