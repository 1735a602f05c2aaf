"""The rules for a reported URL, in Python: http(s) with a public host name.

The ranges, names, schemes and limits are data/report-rules.yml, which the page reads too; the
rules here are the same as overrides/assets/javascripts/url-rules.js (what the browser checks
before sending) and INTAKE-CONTRACT.md (what the real endpoint must check again). The cases in
tests/url_cases.json hold all of them to the same answers.

From the command line, it says what the form would do with an address, and why:

    python3 scripts/url_rules.py www.example.com/x http://192.168.1.10/

    >>> check_url("www.example.com/x")
    Verdict(ok=True, url='https://www.example.com/x', reason=None)
    >>> check_url("http://192.168.1.10/").reason
    'not-public'
"""

from __future__ import annotations

import argparse
import ipaddress
import re
import sys
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import yaml

RULES_FILE = Path(__file__).resolve().parent.parent / "data" / "report-rules.yml"
RULES: dict[str, Any] = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
LIMITS: dict[str, int] = RULES["limits"]
URLS: dict[str, Any] = RULES["urls"]

SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
HOST_AND_PORT = re.compile(r"^[^:/]+:\d+(/|$)")
NAME = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)*\.(xn--[a-z0-9-]+|[a-z]{2,})$")
LOCAL_SUFFIXES = tuple("." + suffix for suffix in URLS["local_suffixes"])
DARKWEB_SUFFIXES = tuple("." + suffix for suffix in URLS["darkweb_suffixes"])


class Verdict(NamedTuple):
    ok: bool
    url: str | None = None
    reason: str | None = None  # empty, invalid, scheme, not-public, darkweb


def check_url(text: str) -> Verdict:
    """Check one reported URL; a URL without a scheme gets https://."""
    value = text.strip()
    if not value:
        return Verdict(False, reason="empty")
    if any(c.isspace() for c in value) or len(value) > URLS["max_length"]:
        return Verdict(False, reason="invalid")
    if value.startswith("//"):
        value = "https:" + value
    elif not SCHEME.match(value) or HOST_AND_PORT.match(value):
        value = "https://" + value
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return Verdict(False, reason="invalid")
    if parts.scheme.lower() not in URLS["schemes"]:
        return Verdict(False, reason="scheme")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return Verdict(False, reason="invalid")
    if host in URLS["darkweb_suffixes"] or host.endswith(DARKWEB_SUFFIXES):
        return Verdict(False, reason="darkweb")
    if ":" in host:
        try:
            address = ipaddress.IPv6Address(host)
        except ValueError:
            return Verdict(False, reason="invalid")
        return Verdict(True, url=value) if is_public_ipv6(address) else Verdict(False, reason="not-public")
    numeric = ipv4_number(host)
    if numeric == "invalid":
        return Verdict(False, reason="invalid")
    if numeric is not None:
        return Verdict(True, url=value) if is_public_ipv4(numeric) else Verdict(False, reason="not-public")
    try:
        host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return Verdict(False, reason="invalid")
    if not re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)*", host):
        return Verdict(False, reason="invalid")
    if "." not in host or host in URLS["local_names"] or host.endswith(LOCAL_SUFFIXES):
        return Verdict(False, reason="not-public")
    if not NAME.match(host):
        return Verdict(False, reason="invalid")
    return Verdict(True, url=value)


def ipv4_number(host: str) -> int | str | None:
    """A host the way browsers read IPv4 (127.1, 0x7f.1, 2130706433): its number, "invalid", or None for a name."""
    labels = host.split(".")
    if labels and labels[-1] == "":
        labels = labels[:-1]
    if not labels or not re.fullmatch(r"(0x[0-9a-f]*|\d+)", labels[-1], re.I):
        return None
    numbers = []
    for label in labels:
        if re.fullmatch(r"0x[0-9a-f]*", label, re.I):
            numbers.append(int(label[2:] or "0", 16))
        elif re.fullmatch(r"0[0-7]+", label):
            numbers.append(int(label, 8))
        elif re.fullmatch(r"\d+", label) and not re.fullmatch(r"0\d+", label):
            numbers.append(int(label))
        else:
            return "invalid"
    if len(numbers) > 4 or any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        return "invalid"
    value = numbers[-1]
    for index, number in enumerate(numbers[:-1]):
        value += number * 256 ** (3 - index)
    return value


NOT_PUBLIC_V4 = [ipaddress.IPv4Network(n) for n in URLS["ipv4_not_public"]]


def is_public_ipv4(number: int) -> bool:
    address = ipaddress.IPv4Address(number)
    return not any(address in network for network in NOT_PUBLIC_V4)


PUBLIC_V6 = [ipaddress.IPv6Network(n) for n in URLS["ipv6_public"]]
NOT_PUBLIC_V6 = [ipaddress.IPv6Network(n) for n in URLS["ipv6_not_public"]]
CARRYING_V4 = [(ipaddress.IPv6Network(c["range"]), c["ipv4"]) for c in URLS["ipv6_carrying_ipv4"]]


def carried_ipv4(address: ipaddress.IPv6Address) -> list[int]:
    """The IPv4 addresses an IPv6 address carries (IPv4-mapped, 6to4, Teredo), as numbers."""
    number = int(address)
    found = []
    for network, places in CARRYING_V4:
        if address in network:
            for place in places:
                value = (number >> (128 - 32 - place["at"])) & 0xFFFFFFFF
                found.append(value ^ 0xFFFFFFFF if place.get("inverted") else value)
    return found


def is_public_ipv6(address: ipaddress.IPv6Address) -> bool:
    """In a public range, in no range that is not, and every IPv4 address it carries public."""
    return (
        any(address in network for network in PUBLIC_V6)
        and not any(address in network for network in NOT_PUBLIC_V6)
        and all(is_public_ipv4(number) for number in carried_ipv4(address))
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("urls", nargs="+", metavar="URL", help="an address as someone would type it in the form")
    args = parser.parse_args(argv)
    verdicts = [(text, check_url(text)) for text in args.urls]
    for text, verdict in verdicts:
        print(f"{text}: accepted as {verdict.url}" if verdict.ok else f"{text}: refused ({verdict.reason})")
    return 0 if all(verdict.ok for _, verdict in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
