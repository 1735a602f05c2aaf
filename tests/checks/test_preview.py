"""What an editor meets in `make serve`: a live preview of both languages, reloading on save."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request

from site_config import mkdocs_config
from support import ROOT, free_port


def fetch(url: str, seconds: float) -> str:
    """The page's text, once the preview answers; fails after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_make_serve_previews_both_languages_with_live_reload():
    port = free_port()
    # What `make serve` runs, on a free port.
    preview = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        dutch = fetch(f"http://127.0.0.1:{port}/wat-melden/", seconds=60)
        english = fetch(f"http://127.0.0.1:{port}/en/wat-melden/", seconds=10)
    finally:
        preview.terminate()
        errors = preview.communicate(timeout=20)[1]
    assert '<html lang="nl"' in dutch and "Wat melden?" in dutch
    assert '<html lang="en"' in english and "What to report" in english
    # The live reload is an inline script: no <meta> Content-Security-Policy may block it.
    assert "livereload" in english
    assert 'http-equiv="Content-Security-Policy"' not in english
    assert "ERROR" not in errors


def test_netlify_builds_production_at_the_production_address():
    """Netlify sets DEPLOY_PRIME_URL for production builds too: there, SITE_URL must win, and be mkdocs.yml's."""
    settings = tomllib.loads((ROOT / "netlify.toml").read_text(encoding="utf-8"))
    assert settings["context"]["production"]["environment"]["SITE_URL"] == mkdocs_config(ROOT)["site_url"]
    assert settings["build"]["publish"] == mkdocs_config(ROOT)["site_dir"]
