"""Write the site's HTTP security headers: site/_headers (Netlify, Cloudflare Pages) and an nginx snippet.

The Content-Security-Policy allows scripts from the site itself and, by their SHA-256 hash, the
few small inline scripts Material writes into pages: no 'unsafe-inline', no 'unsafe-eval'. The
hashes are read from the built pages, so they stay right when Material changes, but only for a
script that a template of the theme writes (Material's or ours in overrides/): each inline script
is matched against the inline scripts in the templates, with their `{{ … }}` values filled in. Any
other inline script that would run (one that came in with a page's text or the data) stops the
build instead of being allowed; hooks/editor_input.py names its Markdown file and line first. Requests
(connect-src) and form posts (form-action) may go to the site and to the intake endpoint's
origin only. Strict-Transport-Security keeps browsers on https for a year (this host only: see
the README's deploy section for why not its subdomains).

Caching: fingerprinted assets (Material's name.1a2b3c4d.min.js) are cached for a year; pages and
every other file are revalidated on each use (`no-cache`: a 304 when unchanged), so a changed
page, stylesheet or script is seen at once. Netlify and Cloudflare Pages already send that
(`public, max-age=0, must-revalidate`) for every file that _headers gives no Cache-Control, and
Cloudflare would join two matching rules' values into one, so _headers names only the
fingerprinted files. nginx sends no Cache-Control of its own: the snippet says it for every file.
The snippet also compresses CSS, JavaScript, JSON, SVG and XML (Debian's nginx compresses only
HTML) and serves each language's own 404 page.

Hosts that ignore _headers (GitHub Pages) get the policy in a `<meta>` tag in every page when
extra.csp_meta is true (CSP_META=true at build time). It is off by default: `mkdocs serve` adds
an inline live-reload script to every page, which the policy would block. The README's deploy
section says what the `<meta>` fallback covers and what it cannot.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

INLINE_SCRIPT = re.compile(r"<script(?P<attributes>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S)
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")
CHARSET = '<meta charset="utf-8">'  # main.html's first tag: the policy must come before any script
PERMISSIONS = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"


# A template's `{{ value }}` inside a script: what it may become in a page. Never a quote, a
# backslash or a tag, so a filled-in value cannot end the script's string and add code.
TEMPLATE_VALUE = re.compile(r"\{\{.*?\}\}", re.S)
FILLED_VALUE = r'[^"\'\\<>]*'


def runs(attributes: str) -> bool:
    """Whether the browser runs a <script> with these attributes as inline code."""
    return "src=" not in attributes and not re.search(r'type="(?!text/javascript|module)[^"]*"', attributes)


def template_scripts(template_dirs: Iterable[Path]) -> list[re.Pattern[str]]:
    """Every inline script the theme's templates can write, as a pattern its rendered text matches."""
    patterns = []
    for folder in template_dirs:
        for template in Path(folder).rglob("*.html"):
            for match in INLINE_SCRIPT.finditer(template.read_text(encoding="utf-8")):
                if runs(match["attributes"]) and match["body"].strip():
                    parts = TEMPLATE_VALUE.split(match["body"])
                    patterns.append(re.compile(FILLED_VALUE.join(re.escape(part) for part in parts)))
    return patterns


def inline_script_hashes(site: Path, known: list[re.Pattern[str]]) -> list[str]:
    """The CSP hash source of every distinct inline script the browser would run.

    PluginError naming the built page if one of them is not written by a template.
    """
    hashes = set()
    for page in sorted(site.rglob("*.html")):
        for match in INLINE_SCRIPT.finditer(page.read_text(encoding="utf-8")):
            if not runs(match["attributes"]):
                continue  # external, or data such as type="application/json", which never runs
            body = match["body"]
            if not any(pattern.fullmatch(body) for pattern in known):
                raise PluginError(
                    f"{page.relative_to(site)}: an inline script that no template writes: {body[:80]!r}. "
                    "The policy allows only the theme's own inline scripts. Remove the script from the "
                    "page, or put it in overrides/assets/javascripts/ and load it from there."
                )
            digest = hashlib.sha256(body.encode("utf-8")).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(hashes)


def policy(script_hashes: list[str], intake_origin: str) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(script_hashes),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        f"connect-src 'self' {intake_origin}",
        f"form-action 'self' {intake_origin}",
        "worker-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'self'",
    ])


YEAR = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# What nginx compresses besides text/html (always compressed), by the types in Debian's mime.types.
COMPRESSED_TYPES = "text/css application/javascript text/javascript application/json image/svg+xml application/xml text/xml text/plain"


def headers(csp: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": csp,
        "Strict-Transport-Security": "max-age=31536000",
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": PERMISSIONS,
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def netlify(all_pages: dict[str, str], fingerprinted: list[str]) -> str:
    lines = ["/*"] + [f"  {name}: {value}" for name, value in all_pages.items()]
    for path in fingerprinted:
        lines += [f"/{path}", f"  Cache-Control: {YEAR}"]
    return "\n".join(lines) + "\n"


def nginx(all_pages: dict[str, str], other_languages: list[str]) -> str:
    """The snippet for the site's server { } block: headers, caching, compression, a 404 page per language."""
    common = "".join(f'add_header {name} "{value}" always;\n' for name, value in all_pages.items())
    # nginx drops the server's add_header lines in a location that has its own: repeat them there.
    fingerprinted = common + f'add_header Cache-Control "{YEAR}" always;\n'
    return (
        "# Headers, caching, compression and 404 pages for this site: include this file inside its\n"
        "# server { } block, whose root is the built site. Written by overrides/hooks/security_headers.py\n"
        "# at build time; do not edit.\n"
        + common
        + "# Pages and files without a fingerprint in their name: asked for again each time (304 if unchanged).\n"
        + f'add_header Cache-Control "{REVALIDATE}" always;\n'
        + "gzip on;\ngzip_vary on;\ngzip_comp_level 5;\n"  # level 1, nginx's default, sends a fifth more
        + f"gzip_types {COMPRESSED_TYPES};\n"
        + "error_page 404 /404.html;\n"
        + "".join(f"location /{language}/ {{\n    error_page 404 /{language}/404.html;\n}}\n" for language in other_languages)
        + 'location ~* "\\.[0-9a-f]{8}\\.min\\.(css|js)$" {\n'
        + "".join("    " + line + "\n" for line in fingerprinted.splitlines())
        + "}\n"
    )


def meta_policy(csp: str) -> str:
    """The policy as a `<meta>` tag gives it: browsers ignore frame-ancestors there, with a console error."""
    return "; ".join(part for part in csp.split("; ") if not part.startswith("frame-ancestors "))


def add_meta_policy(site: Path, csp: str) -> None:
    """Put the policy in every page, right after its charset, before any script."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{meta_policy(csp)}">'
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if CHARSET not in text:
            raise PluginError(f"{page}: no {CHARSET} to put the Content-Security-Policy <meta> after")
        page.write_text(text.replace(CHARSET, CHARSET + tag, 1), encoding="utf-8")


def write(config: MkDocsConfig) -> None:
    """Write site/_headers and site/_headers.nginx.conf from the finished site (and the <meta> fallback).

    The last step of hooks/post_build.py: the policy must see every page the other steps wrote."""
    site = Path(config.site_dir)
    known = template_scripts(Path(folder) for folder in config.theme.dirs)
    csp = policy(inline_script_hashes(site, known), config.extra["intake_origin"])
    fingerprinted = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if FINGERPRINTED.search(p.name))
    (site / "_headers").write_text(netlify(headers(csp), fingerprinted), encoding="utf-8")
    i18n = config.plugins["i18n"]
    other_languages = [language.locale for language in i18n.config.languages if language.locale != i18n.default_language]
    (site / "_headers.nginx.conf").write_text(nginx(headers(csp), other_languages), encoding="utf-8")
    if config.extra.get("csp_meta"):
        add_meta_policy(site, csp)
