"""Load the report form's rules (data/report-rules.yml) for the form's template and script.

The same file is read by scripts/url_rules.py and the development intake server, so the page, the
Python reference and the contract cannot drift apart.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

RULES = Path("data") / "report-rules.yml"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Put the rules on config.extra.report_rules."""
    path = Path(config.config_file_path).parent / RULES
    try:
        config.extra["report_rules"] = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"{RULES}: cannot be read: {error}") from error
    return config
