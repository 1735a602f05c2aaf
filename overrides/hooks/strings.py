"""Load the interface text of every language (data/strings/LANG.yml) and hand the templates theirs.

The templates never hold words of their own: they look a text up by key, `strings.footer.contact`,
in the file of the language being built, as Material does with its `partials/languages/`. Every
language's file must have exactly the keys of the default language's: a missing or extra key
stops the build, naming the file and the key, so no page silently shows another language.

The same hook works out, once, where each language's pages live: the default language at the
site's root, every other language under its code (`lang_prefix`: "" or "en/").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from _data import load_yaml
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

FOLDER = Path("data") / "strings"


def language_prefix(language: str, default: str) -> str:
    """Where a language's pages live, relative to the site's root: "" for the default, "en/" otherwise."""
    return "" if language == default else f"{language}/"


def keys(tree: dict[str, Any], parent: str = "") -> set[str]:
    """Every key of a nested strings file, dotted: {"footer.contact", "help.groups.police", ...}."""
    found: set[str] = set()
    for key, value in tree.items():
        path = f"{parent}.{key}" if parent else str(key)
        found |= keys(value, path) if isinstance(value, dict) else {path}
    return found


def load(root: Path, languages: list[str], default: str) -> dict[str, dict[str, Any]]:
    """Every language's strings; PluginError naming the file and key where one differs from the default's."""
    strings: dict[str, dict[str, Any]] = {}
    for language in languages:
        path = FOLDER / f"{language}.yml"
        data = load_yaml(root / path, shown_as=path)
        if not isinstance(data, dict):
            raise PluginError(f"{path}: expected keys with texts, found {type(data).__name__}")
        strings[language] = data
    reference = keys(strings[default])
    problems = []
    for language in languages:
        path = FOLDER / f"{language}.yml"
        found = keys(strings[language])
        problems += [f"{path}: key '{key}' is missing (it is in {FOLDER / default}.yml)" for key in sorted(reference - found)]
        problems += [f"{path}: key '{key}' is not in {FOLDER / default}.yml; remove it or add it there" for key in sorted(found - reference)]
    if problems:
        raise PluginError("\n".join(problems))
    return strings


@event_priority(-150)  # after mkdocs-static-i18n has set the language being built
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Work out the template globals of the language being built: `strings` and `lang_prefix`.

    They go on config.extra["template_globals"], which on_env below and hooks/shortcodes.py (whose
    components render before MkDocs makes its template environment) both add to their environment.
    """
    i18n = config.plugins["i18n"]
    languages = [language.locale for language in i18n.config.languages]
    strings = load(Path(config.config_file_path).parent, languages, i18n.default_language)
    language = config.theme["language"]
    config.extra["template_globals"] = {
        "strings": strings[language],
        "lang_prefix": language_prefix(language, i18n.default_language),
    }
    return config


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Give the theme's templates the language's `strings` and `lang_prefix`."""
    env.globals.update(config.extra["template_globals"])
    return env
