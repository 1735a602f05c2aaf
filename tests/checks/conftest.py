"""Fixtures for the content-check tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import ROOT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of everything the checks read; no git history, as in a shallow CI clone."""
    for name in ("docs", "overrides", "data", "scripts"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path
