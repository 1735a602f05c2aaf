"""What the content-check tests share: running the real check on a copy of the project, and editing that copy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support import ROOT

CHECK = [sys.executable, str(ROOT / "scripts" / "check_content.py")]


def run_check(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`make check` on the copy; outside GitHub Actions unless `env` says otherwise."""
    environment = {name: value for name, value in os.environ.items() if name not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    return subprocess.run([*CHECK, "--root", str(project), *args], capture_output=True, text=True,
                          env={**environment, **(env or {})})


def edit(project: Path, path: str, old: str, new: str) -> None:
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_with(project: Path, path: str, text: str, after: str | None = None) -> int:
    """The number of the first line of a file that holds `text` (after the line holding `after`)."""
    lines = (project / path).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i, line in enumerate(lines) if i >= start and text in line) + 1


def failing(project: Path, *args: str, env: dict[str, str] | None = None) -> str:
    result = run_check(project, *args, env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stdout
