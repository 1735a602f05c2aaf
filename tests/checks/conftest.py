"""Fixtures for the content-check tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import copy_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of everything the checks read; no git history, as in a shallow CI clone."""
    return copy_project(tmp_path, also=("scripts",))
