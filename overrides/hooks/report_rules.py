"""Load the report form's rules (data/report-rules.yml) for the form's template and script.

The same file is read by scripts/url_rules.py and the development intake server, so the page, the
Python reference and the contract cannot drift apart.
"""

from __future__ import annotations

from pathlib import Path

from _data import load_yaml
from mkdocs.config.defaults import MkDocsConfig

RULES = Path("data") / "report-rules.yml"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Put the rules on config.extra.report_rules."""
    config.extra["report_rules"] = load_yaml(Path(config.config_file_path).parent / RULES, shown_as=RULES)
    return config
