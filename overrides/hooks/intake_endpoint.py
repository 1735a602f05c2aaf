"""Check the report form's endpoint (extra.intake_endpoint, or INTAKE_ENDPOINT at build time).

Reports are the one thing that leaves the site, so the address must be https. Plain http is
allowed only on loopback, for local testing with scripts/intake_server.py. Anything else stops
the build with a message that says what to set.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def check_endpoint(value: object) -> str:
    """Return the endpoint if it is acceptable; raise PluginError saying why not."""
    text = str(value or "").strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        parts, port = None, None
    problem = None
    if not parts or not parts.hostname or parts.scheme not in ("https", "http"):
        problem = "it is not an http(s) URL"
    elif parts.username or parts.password:
        problem = "it must not contain a user name or password"
    elif parts.scheme == "http" and (parts.hostname not in LOOPBACK or port is None):
        problem = "it must use https (plain http only as http://127.0.0.1:PORT/... or http://localhost:PORT/...)"
    if problem:
        raise PluginError(
            f"The report form's endpoint {text!r} cannot be used: {problem}. "
            "Set extra.intake_endpoint in mkdocs.yml, or INTAKE_ENDPOINT when building."
        )
    return text


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate the endpoint and keep its origin for the templates (and the security headers)."""
    endpoint = check_endpoint(config.extra.get("intake_endpoint"))
    parts = urlsplit(endpoint)
    config.extra["intake_endpoint"] = endpoint
    config.extra["intake_origin"] = f"{parts.scheme}://{parts.netloc}"
    return config
