"""The pull request workflow: a fast content-check job beside the full test run, and the preview artifact."""

from __future__ import annotations

import yaml
from site_config import mkdocs_config
from support import ROOT


def test_pull_requests_get_the_content_checks_beside_the_full_run():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "test.yml").read_text(encoding="utf-8"))
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as true
    runs = {name: [step.get("run") for step in job["steps"] if "run" in step] for name, job in workflow["jobs"].items()}
    assert runs["check"][0] == "make check"  # the verdict comes first, then the preview is built
    assert runs["test"] == ["make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    upload = next(step for step in workflow["jobs"]["check"]["steps"] if "upload-artifact" in step.get("uses", ""))
    assert upload["with"]["path"].rstrip("/") == mkdocs_config(ROOT)["site_dir"]
    assert upload["if"] == "vars.PREVIEW_HOST == ''"
