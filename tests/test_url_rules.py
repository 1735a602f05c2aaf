"""The URL rules: the Python reference (scripts/url_rules.py) and the browser's (url-rules.js) agree.

Both read their ranges from data/report-rules.yml. The shared cases (tests/url_cases.json) hold
the first and last address of every range and the addresses just outside it, with the verdict
and normalised URL they must get: those catch a dropped or changed range. The randomised tests
look for what the cases did not think of.
"""

from __future__ import annotations

import copy
import ipaddress
import json
import re
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from intake_contract import write as write_contract
from playwright.sync_api import expect
from support import DEFAULT_LANGUAGE, ROOT, page_path
from url_rules import RULES, check_url

CASES = json.loads((ROOT / "tests" / "url_cases.json").read_text(encoding="utf-8"))
# The range edges are apart so that the form's browser tests, which try each refused case at the
# field, need not try a hundred addresses that all give the same message.
ACCEPTED = {**CASES["accepted"], **CASES["range_edges"]["accepted"]}
REFUSED = {**CASES["refused"], **CASES["range_edges"]["refused"]}


@pytest.mark.parametrize(("text", "normalised"), ACCEPTED.items())
def test_python_accepts_and_normalises_as_the_browser_does(text, normalised):
    assert check_url(text) == (True, normalised, None)


@pytest.mark.parametrize(("text", "reason"), REFUSED.items())
def test_python_refuses_with_the_reason(text, reason):
    assert check_url(text) == (False, None, reason)


def boundary_addresses(network):
    """The first and last address of a range, and the addresses just outside it."""
    addresses = [network[0], network[-1]]
    if int(network[0]) > 0:
        addresses.append(network[0] - 1)
    if int(network[-1]) < 2**network.max_prefixlen - 1:
        addresses.append(network[-1] + 1)
    return addresses


def as_url(address):
    return f"http://[{address}]/" if address.version == 6 else f"http://{address}/"


RANGES = [
    *RULES["urls"]["ipv4_not_public"], *RULES["urls"]["ipv6_public"], *RULES["urls"]["ipv6_not_public"],
    *(carrier["range"] for carrier in RULES["urls"]["ipv6_carrying_ipv4"]),
]


@pytest.mark.parametrize("network", RANGES)
def test_every_range_s_edges_are_shared_cases(network):
    """So that dropping or changing a range in the data fails a case, and a new range comes with its cases."""
    missing = [url for url in map(as_url, boundary_addresses(ipaddress.ip_network(network))) if url not in CASES["range_edges"]["accepted"] | CASES["range_edges"]["refused"]]
    assert not missing, f"add these to tests/url_cases.json with the verdict they must get: {missing}"


# Written here, not read from the data file: an oracle that shares the data's mistakes finds none.
PRIVATE_V4 = [ipaddress.ip_network(n) for n in (
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
    "192.168.0.0/16", "224.0.0.0/4", "240.0.0.0/4")]


@given(st.ip_addresses(v=4))
def test_any_ipv4_in_a_private_block_is_refused(address):
    verdict = check_url(f"http://{address}/x")
    if any(address in network for network in PRIVATE_V4):
        assert verdict.reason == "not-public"
    elif verdict.ok:
        assert address.is_global


@given(st.sampled_from(PRIVATE_V4).flatmap(lambda n: st.integers(0, n.num_addresses - 1).map(lambda i: n[i])))
def test_private_ipv4_written_as_one_number_is_refused(address):
    assert check_url(f"http://{int(address)}/").reason in ("not-public", "invalid")


@given(st.from_regex(r"[a-z][a-z0-9-]{0,20}(\.[a-z][a-z0-9-]{0,20}){0,3}\.(nl|com|org|eu)", fullmatch=True),
       st.from_regex(r"(/[a-zA-Z0-9._~-]{0,12}){0,3}", fullmatch=True))
def test_public_names_are_accepted_with_or_without_scheme(host, path):
    assert check_url(f"https://{host}{path}").ok
    without = check_url(f"{host}{path}")
    assert without.ok and without.url.startswith("https://")


ALONE = [text.strip() for text in ACCEPTED if " " not in text.strip()]
WRAPPINGS = ["<{}>", "({})", '"{}"', "“{}”", "‎{}", "﻿{}‏", "  {}\n", "{},"]


@given(st.sampled_from(ALONE), st.sampled_from(WRAPPINGS))
def test_an_address_wrapped_as_people_paste_it_gives_the_same_url(text, wrapping):
    assert check_url(wrapping.format(text)) == check_url(text)


@given(st.sampled_from([text for text in ALONE if re.match(r"(https?:|www\.)", text, re.I)]))
def test_an_address_in_a_sentence_gives_the_same_url(text):
    assert check_url(f"Ik zag {text} gisteren, via een link.") == check_url(text)


@pytest.fixture(scope="module")
def js_rules(browser, server):
    """The browser's checkUrl, loaded from the built site in Chromium."""
    context = browser.new_context(base_url=server)
    page = context.new_page()
    page.goto(page_path(DEFAULT_LANGUAGE, "melden"))
    page.evaluate("async () => { window.rules = await import('/assets/javascripts/url-rules.js') }")
    yield lambda texts: page.evaluate("texts => texts.map(t => window.rules.checkUrl(t))", texts)
    context.close()


def test_the_browser_agrees_on_every_case(js_rules):
    accepted = js_rules(list(ACCEPTED))
    assert [(r["ok"], r.get("url")) for r in accepted] == [(True, url) for url in ACCEPTED.values()]
    refused = js_rules(list(REFUSED))
    assert [r.get("reason") for r in refused] == list(REFUSED.values())


# Pieces of what people paste, and of what makes parsers disagree: delimiters, backslashes,
# percent escapes, full-width and invisible characters, IDNA's special cases, quotes, spaces.
PASTED = [
    *"ab1.:/\\?#@[]%2eEf0x-_ ()<>\"',!\t", "é", "ß", "ς", "\uff21", "\u3002", "\u00ad", "\u200b", "\u200e", "\u00a0",
    "\u65e5\u672c", "\u00ab", "\u00bb", "\u201c", "::", "ffff", "127", "0x7f", "%2E", "xn--", "..", "https://", "http://",
    "www.", ".com", ".onion", "2002:", "2001:0:", "localhost", ".local", "10.0.0.1", "8.8.8.8",
]


GENERATED = st.one_of(
    st.ip_addresses(v=4).map(lambda a: f"http://{a}/"),
    st.ip_addresses(v=6).map(lambda a: f"http://[{a}]/"),
    st.sampled_from(RULES["urls"]["ipv6_carrying_ipv4"]).flatmap(lambda c: st.ip_addresses(network=c["range"])).map(lambda a: f"http://[{a}]/"),
    st.ip_addresses(v=4).map(lambda a: f"http://{int(a)}/"),
    st.from_regex(r"[a-z0-9-]{1,10}(\.[a-z0-9-]{1,10}){0,2}(\.(onion|local|lan|nl|com))?", fullmatch=True),
    st.lists(st.sampled_from(PASTED), min_size=1, max_size=12).map("".join),
)


@settings(max_examples=100, deadline=None)
@given(st.lists(GENERATED, min_size=1, max_size=50))
def test_the_browser_and_python_agree_on_generated_addresses(js_rules, texts):
    """Many addresses per example: one call into the browser checks them all."""
    browser = [(r["ok"], r.get("url"), r.get("reason")) for r in js_rules(texts)]
    assert browser == [tuple(check_url(text)) for text in texts]


def test_the_contract_lists_the_limits_and_ranges_of_the_data_file(tmp_path):
    contract = tmp_path / "INTAKE-CONTRACT.md"
    shutil.copy(ROOT / "INTAKE-CONTRACT.md", contract)
    assert not write_contract(contract), "INTAKE-CONTRACT.md is out of date: run scripts/intake_contract.py"


@pytest.mark.parametrize("key", ["ipv4_not_public", "ipv6_public", "ipv6_not_public", "local_suffixes"])
def test_a_dropped_range_or_name_makes_the_contract_out_of_date(tmp_path, key):
    contract = tmp_path / "INTAKE-CONTRACT.md"
    shutil.copy(ROOT / "INTAKE-CONTRACT.md", contract)
    rules = copy.deepcopy(RULES)
    rules["urls"][key].pop(0)
    assert write_contract(contract, rules)


def test_every_limit_the_contract_names_elsewhere_is_the_data_file_s():
    """The request table and the answers name the description's length and the wait in prose."""
    text = (ROOT / "INTAKE-CONTRACT.md").read_text(encoding="utf-8")
    limits, urls = RULES["limits"], RULES["urls"]
    assert set(map(int, re.findall(r"(\d+) characters", text))) == {limits["description_max_length"], urls["max_length"]}
    assert set(map(int, re.findall(r"(\d+) seconds", text))) == {limits["timeout_seconds"]}


PASTE = "\u200e<https://some_user.blogspot.com./post>"
CLEANED = "https://some_user.blogspot.com/post"


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript on", "javascript off"])
def test_a_pasted_address_is_accepted_as_the_reporter_meets_it(browser, server, intake, javascript):
    """With JavaScript the field shows, and sends, the cleaned address; without, the endpoint cleans it."""
    context = browser.new_context(base_url=server, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(page_path(DEFAULT_LANGUAGE, "melden"))
    if javascript:
        page.locator("[data-add-url]").wait_for(state="visible")
    page.locator("#report-url-1").fill(PASTE)
    page.locator("[data-submit]").click()
    if javascript:
        expect(page.locator("[data-reference]")).to_contain_text("MK-")
    else:
        page.wait_for_url(server + page_path(DEFAULT_LANGUAGE, "bedankt") + "#reference=*")
    sent = [value for name, value in intake.received[0]["fields"] if name == "url"]
    context.close()
    assert sent == [CLEANED if javascript else PASTE]
    assert check_url(PASTE) == (True, CLEANED, None)
