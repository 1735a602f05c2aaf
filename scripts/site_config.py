"""What the scripts and tests need to know of the site's configuration, read from its one source.

The languages are the i18n plugin's `languages` in mkdocs.yml; the interface text of each is
data/strings/LANG.yml. Nothing else should name a language.

    python3 scripts/site_config.py    # prints the languages, the default first
"""

from __future__ import annotations

import argparse
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: `!ENV [NAME, default]` reads as its default, `!!python/...` as null."""


_ConfigLoader.add_constructor(
    "!ENV", lambda loader, node: (loader.construct_sequence(node) or [None])[-1] if isinstance(node, yaml.SequenceNode) else None
)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@cache
def mkdocs_config(root: Path = ROOT) -> dict[str, Any]:
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


def _i18n_languages(root: Path) -> list[dict[str, Any]]:
    for plugin in mkdocs_config(root)["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]["languages"]
    raise SystemExit(f"{root / 'mkdocs.yml'}: no i18n plugin with languages")


def languages(root: Path = ROOT) -> list[str]:
    """The site's language codes, the default language first: ["nl", "en"]."""
    entries = _i18n_languages(root)
    return sorted((entry["locale"] for entry in entries), key=lambda code: code != default_language(root))


def default_language(root: Path = ROOT) -> str:
    return next(entry["locale"] for entry in _i18n_languages(root) if entry.get("default"))


def language_prefix(language: str, root: Path = ROOT) -> str:
    """Where a language's pages live, from the site's root: "" for the default language, "en/" otherwise."""
    return "" if language == default_language(root) else f"{language}/"


def strings(language: str, root: Path = ROOT) -> dict[str, Any]:
    """The interface text of one language (data/strings/LANG.yml)."""
    return yaml.safe_load((root / "data" / "strings" / f"{language}.yml").read_text(encoding="utf-8"))


if __name__ == "__main__":
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    print(" ".join(languages()))
