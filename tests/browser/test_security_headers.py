"""The shipped security headers (site/_headers), and every page working under them in Chromium.

The test server sends the headers from the built site's _headers file, as Netlify would, so every
browser test runs under the real Content-Security-Policy; this file checks the policy itself and
listens for violations on every page, with search, the form and quick exit in use.
"""

from __future__ import annotations

import http.server
import re
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect
from support import LANGUAGES, ROOT, build_site, free_port, language_prefix, page_names, page_path, parse_headers_file, serve

LISTEN = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
"""


def header_policy(site) -> str:
    rules = dict(parse_headers_file((site / "_headers").read_text(encoding="utf-8")))
    return dict(rules["/*"])["Content-Security-Policy"]


def policy(site) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in header_policy(site).split("; ")}


def page_paths() -> list[str]:
    return [page_path(language, name) for language in LANGUAGES for name in page_names()]


def test_the_policy_allows_only_the_site_and_the_intake_endpoint(site, intake_port):
    csp = policy(site)
    intake = f"http://127.0.0.1:{intake_port}"
    assert csp["default-src"] == ["'self'"]
    assert csp["connect-src"] == ["'self'", intake]
    assert csp["form-action"] == ["'self'", intake]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["script-src"][0] == "'self'"
    assert all(source.startswith("'sha256-") for source in csp["script-src"][1:])
    assert "'unsafe-inline'" not in str(csp) and "'unsafe-eval'" not in str(csp)


def test_only_the_themes_own_inline_scripts_are_hashed(site, tmp_path):
    """A script that reached a built page some other way than a template stops the build, unhashed."""
    sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
    from material import templates
    from mkdocs.exceptions import PluginError
    from security_headers import inline_script_hashes, template_scripts

    known = template_scripts([ROOT / "overrides", Path(templates.__file__).parent])
    built = (site / "contact" / "index.html").read_text(encoding="utf-8")
    (tmp_path / "index.html").write_text(built, encoding="utf-8")
    assert set(inline_script_hashes(tmp_path, known)) <= set(policy(site)["script-src"][1:])
    (tmp_path / "index.html").write_text(built.replace("</article>", "<script>alert(1)</script></article>"), encoding="utf-8")
    with pytest.raises(PluginError, match=r"index\.html: an inline script that no template writes: 'alert\(1\)'"):
        inline_script_hashes(tmp_path, known)
    # A template's filled-in value cannot close the script's string to add code.
    scope = re.search(r"<script>(__md_scope=new URL\(\"[^\"]*\")", built)[1]
    (tmp_path / "index.html").write_text(built.replace(scope, scope[:-1] + '"+alert(1)+"\"'), encoding="utf-8")
    with pytest.raises(PluginError, match="no template writes"):
        inline_script_hashes(tmp_path, known)


def test_pages_are_served_with_the_headers(server):
    with urllib.request.urlopen(server + "melden/") as response:
        headers = response.headers
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in headers["Permissions-Policy"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000"
    # Pages: the default of the hosts that read _headers (max-age=0, must-revalidate), never a year.
    assert headers["Cache-Control"] is None


def test_only_fingerprinted_assets_are_cached_long(site):
    rules = parse_headers_file((site / "_headers").read_text(encoding="utf-8"))
    long_lived = [path for path, headers in rules if ("Cache-Control", "public, max-age=31536000, immutable") in headers]
    assert long_lived and all(".min." in path and path.count(".") >= 3 for path in long_lived)
    assert not any(path.endswith(("site.css", "quick-exit.js", "report-form.js", ".html")) for path in long_lived)


def test_an_nginx_snippet_says_the_same(site):
    nginx = (site / "_headers.nginx.conf").read_text(encoding="utf-8")
    csp = dict(dict(parse_headers_file((site / "_headers").read_text(encoding="utf-8")))["/*"])["Content-Security-Policy"]
    assert f'add_header Content-Security-Policy "{csp}" always;' in nginx
    assert 'add_header Cache-Control "public, max-age=31536000, immutable" always;' in nginx


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_runs_without_a_policy_violation(page, server, language):
    page.add_init_script(LISTEN)
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    for name in page_names():
        page.goto(page_path(language, name), wait_until="networkidle")
        assert page.evaluate("() => window.__violations") == [], name
    page.goto(language_prefix(language) + "nope/")  # the 404 page too
    assert page.evaluate("() => window.__violations") == []
    assert errors == [] or all("404" in error for error in errors)


def test_search_form_and_quick_exit_run_without_a_policy_violation(page, server, intake, neutral_url):
    page.add_init_script(LISTEN)
    page.goto("melden/")
    page.locator("input.md-search__input").press_sequentially("politie")
    expect(page.locator(".md-search-result__item").first).to_be_attached()
    page.keyboard.press("Escape")
    page.locator("#report-url-1").fill("https://www.example.com/x")
    page.locator("[data-submit]").click()
    expect(page.locator("[data-reference]")).to_contain_text("MK-")
    assert page.evaluate("() => window.__violations") == []
    page.get_by_role("link", name="Snel weg").click()
    page.wait_for_url(neutral_url)
    assert urlsplit(page.url).netloc == urlsplit(neutral_url).netloc


# Hosts that ignore _headers (GitHub Pages): the policy in a <meta> tag, when built with CSP_META=true.

class BareHost(http.server.SimpleHTTPRequestHandler):
    """A static host that sends no headers of the site's own, as GitHub Pages does."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def bare_host(tmp_path_factory, intake_port):
    """The site built with CSP_META=true, served with no security headers; yields its base URL and folder."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    site = tmp_path_factory.mktemp("meta-site")
    env = {"SITE_URL": base, "INTAKE_ENDPOINT": f"http://127.0.0.1:{intake_port}/reports", "CSP_META": "true"}
    result = build_site(ROOT, site, env)
    assert result.returncode == 0, result.stderr
    httpd = serve(site, BareHost, port)
    yield base, site
    httpd.shutdown()
    httpd.server_close()


def test_by_default_pages_carry_no_meta_policy(site):
    # `make serve` adds an inline live-reload script that a <meta> policy would block.
    assert 'http-equiv="Content-Security-Policy"' not in (site / "index.html").read_text(encoding="utf-8")


def test_the_meta_policy_is_the_header_policy_without_frame_ancestors(bare_host):
    _, site = bare_host
    expected = "; ".join(part for part in header_policy(site).split("; ") if not part.startswith("frame-ancestors"))
    pages = list(site.rglob("*.html"))
    assert len(pages) >= 22
    for path in pages:
        head = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").head
        first, second = head.find_all("meta")[:2]
        assert first.get("charset") == "utf-8", path
        assert second.get("http-equiv") == "Content-Security-Policy", path  # before any script
        assert second["content"] == expected, path
        assert head.find("meta", attrs={"name": "referrer"})["content"] == "no-referrer"


def test_without_headers_the_meta_policy_holds_on_every_page(browser, bare_host):
    base, _ = bare_host
    with urllib.request.urlopen(base) as response:
        assert response.headers["Content-Security-Policy"] is None  # only the <meta> is at work here
    context = browser.new_context(base_url=base)
    page = context.new_page()
    page.add_init_script(LISTEN)
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    for path in page_paths():
        page.goto(path, wait_until="networkidle")
        assert page.evaluate("() => window.__violations") == [], path
    assert errors == []
    # The policy is in force: a script slipped into the page does not run.
    ran = page.evaluate("""() => new Promise(resolve => {
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true';
        document.head.append(script);
        setTimeout(() => resolve(window.__injected === true), 100);
    })""")
    assert ran is False
    assert any("script-src" in violation for violation in page.evaluate("() => window.__violations"))
    context.close()
