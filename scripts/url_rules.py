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
import encodings.idna
import ipaddress
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any, NamedTuple, Union
from urllib.parse import unquote

import yaml

RULES_FILE = Path(__file__).resolve().parent.parent / "data" / "report-rules.yml"
RULES: dict[str, Any] = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
LIMITS: dict[str, int] = RULES["limits"]
URLS: dict[str, Any] = RULES["urls"]

SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
HOST_AND_PORT = re.compile(r"^[^:/]+:\d+(/|$)")
NAME = re.compile(r"^[a-z0-9_-]+(\.[a-z0-9_-]+)*\.(xn--[a-z0-9-]+|[a-z]{2,})$")
LOCAL_SUFFIXES = tuple("." + suffix for suffix in URLS["local_suffixes"])
DARKWEB_SUFFIXES = tuple("." + suffix for suffix in URLS["darkweb_suffixes"])


class Verdict(NamedTuple):
    ok: bool
    url: str | None = None
    reason: str | None = None  # empty, invalid, scheme, not-public, darkweb


def check_url(text: str) -> Verdict:
    """Check one reported URL; a URL without a scheme gets https://. The URL is as a browser normalises it."""
    value = clean(text)
    if value is None:
        return Verdict(False, reason="invalid")
    if not value:
        return Verdict(False, reason="empty")
    if value.startswith("//"):
        value = URLS["schemes"][0] + ":" + value
    elif not SCHEME.match(value) or HOST_AND_PORT.match(value):
        value = URLS["schemes"][0] + "://" + value
    scheme, _, rest = value.partition(":")
    if scheme.lower() not in URLS["schemes"]:
        return Verdict(False, reason="scheme")
    parsed = parse_url(scheme.lower(), rest)
    if parsed is None or len(parsed.url) > URLS["max_length"]:
        return Verdict(False, reason="invalid")
    url, host = parsed
    if isinstance(host, ipaddress.IPv6Address):
        return Verdict(True, url=url) if is_public_ipv6(host) else Verdict(False, reason="not-public")
    if isinstance(host, ipaddress.IPv4Address):
        return Verdict(True, url=url) if is_public_ipv4(int(host)) else Verdict(False, reason="not-public")
    name = host
    if name in URLS["darkweb_suffixes"] or name.endswith(DARKWEB_SUFFIXES):
        return Verdict(False, reason="darkweb")
    if not re.fullmatch(r"[a-z0-9_-]+(\.[a-z0-9_-]+)*", name):
        return Verdict(False, reason="invalid")
    if "." not in name or name in URLS["local_names"] or name.endswith(LOCAL_SUFFIXES):
        return Verdict(False, reason="not-public")
    if not NAME.match(name):
        return Verdict(False, reason="invalid")
    return Verdict(True, url=url)


def clean(text: str) -> str | None:
    """The address in what was pasted, or None when there is not exactly one.

    Invisible marks go; an address alone loses the quotes, brackets and punctuation around it;
    in a sentence, the one word that is an address (with "://", or starting with "www." or a
    scheme) is taken, but only when no other word has a dot or a slash, which would mean the
    address itself was broken by a space ("https://example.com/my photo.jpg").
    """
    text = "".join(c for c in text if c not in URLS["invisible"])
    words = [unwrap(word) for word in SEPARATORS.split(text)]
    words = [word for word in words if word]
    if len(words) <= 1:
        return words[0] if words else ""
    starts = ("www.", *(scheme + ":" for scheme in URLS["schemes"]))
    addresses = [word for word in words if "://" in word or word.lower().startswith(starts)]
    others = [word for word in words if word not in addresses]
    if len(addresses) == 1 and not any("." in word or "/" in word for word in others):
        return addresses[0]
    return None


# White space and controls separate the words of a text: Unicode's Cc, Zs, Zl and Zp, which is
# Python's \s with the controls it leaves out (url-rules.js: /[\p{Cc}\p{Zs}\p{Zl}\p{Zp}]+/u).
SEPARATORS = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")


def unwrap(word: str) -> str:
    """A word without the quotes, brackets and sentence punctuation around it."""
    quotes, punctuation = URLS["quotes"], URLS["trailing_punctuation"]
    while word and (word[0] in quotes or word[0] in "<("):
        word = word[1:]
    while word and (
        word[-1] in quotes or word[-1] in punctuation or word[-1] == ">" or (word[-1] == ")" and word.count(")") > word.count("("))
    ):
        word = word[:-1]
    return word


# How a browser reads an http(s) URL: the WHATWG URL standard (https://url.spec.whatwg.org/), as
# Chromium implements it, for the two special schemes only. Reading it any other way (as
# urllib.parse does) lets an address mean one host here and another in the browser.

Host = Union[str, ipaddress.IPv4Address, ipaddress.IPv6Address]


class Parsed(NamedTuple):
    url: str
    host: Host


DEFAULT_PORTS = {"http": 80, "https": 443}
# Characters a host name may not hold once decoded: the URL's delimiters, controls and these.
FORBIDDEN_IN_HOST = set("\x7f #%/:<>?@[\\]^|") | {chr(c) for c in range(0x20)}
# What the browser percent-encodes in each part (besides controls and everything past "~").
ENCODE_IN_USERINFO = set(" \"#'/:;<=>?@[\\]^`{|}")
ENCODE_IN_PATH = set(" \"#<>?^`{|}")
ENCODE_IN_QUERY = set(" \"#<>'")
ENCODE_IN_FRAGMENT = set(" \"<>`")
DOTS = re.compile("[.\u3002\uff0e\uff61]")  # the full stops that separate the labels of a name


def parse_url(scheme: str, rest: str) -> Parsed | None:
    """The browser's normalised URL and its host, for `scheme:rest`; None where a browser fails."""
    rest = rest.lstrip("/\\")  # "https:x", "https:\\x" and "https:///x" all mean https://x
    hash_at = rest.find("#")
    before_hash, fragment = (rest, None) if hash_at < 0 else (rest[:hash_at], rest[hash_at + 1 :])
    query_at = before_hash.find("?")
    before_query, query = (before_hash, None) if query_at < 0 else (before_hash[:query_at], before_hash[query_at + 1 :])
    # A backslash ends the host like a slash: "https://127.0.0.1\@good.example/" goes to 127.0.0.1.
    before_query = before_query.replace("\\", "/")
    authority, slash, path = before_query.partition("/")
    userinfo, at, host_and_port = authority.rpartition("@")
    if at and not host_and_port:
        return None
    if host_and_port.startswith("["):
        close = host_and_port.find("]") + 1
        host_text, port_text = host_and_port[:close], host_and_port[close:]
        if not close or (port_text and not port_text.startswith(":")):
            return None
    else:
        colon = host_and_port.find(":")
        host_text, port_text = (host_and_port, "") if colon < 0 else (host_and_port[:colon], host_and_port[colon:])
    host = parse_host(host_text)
    port = port_text[1:]
    if host is None or (port and not re.fullmatch("[0-9]+", port)) or (port and int(port) > 65535):
        return None
    username, _, password = userinfo.partition(":")
    url = scheme + "://"
    if username or password:
        url += encode(username, ENCODE_IN_USERINFO) + (":" + encode(password, ENCODE_IN_USERINFO) if password else "") + "@"
    if isinstance(host, str) and len(host) > 1 and host.endswith("."):
        # Cleaned: "example.com." is example.com (the one place we differ from the browser). Read
        # again, as url-rules.js's `url.hostname = ...` does: "2.." becomes "2.", which is 0.0.0.2.
        host = parse_host(host[:-1])
        if host is None:
            return None
    url += serialise_host(host)
    if port and int(port) != DEFAULT_PORTS.get(scheme):
        url += f":{int(port)}"
    url += serialise_path(path if slash else "")
    if query is not None:
        url += "?" + encode(query, ENCODE_IN_QUERY)
    if fragment is not None:
        url += "#" + encode(fragment, ENCODE_IN_FRAGMENT)
    return Parsed(url, host)


def parse_host(text: str) -> Host | None:
    """A host as the browser reads it: an IPv6 address in brackets, an IPv4 address in any form, or a name."""
    if not text:
        return None
    if text.startswith("["):
        if not text.endswith("]") or "%" in text:  # no zone ids ("fe80::1%eth0") in a URL
            return None
        try:
            return ipaddress.IPv6Address(text[1:-1])
        except ValueError:
            return None
    name = domain_to_ascii(unquote(text, errors="replace"))
    if not name or any(c in FORBIDDEN_IN_HOST for c in name):
        return None
    if ends_in_a_number(name):
        number = ipv4_number(name)
        return None if number is None else ipaddress.IPv4Address(number)
    return name


def domain_to_ascii(domain: str) -> str | None:
    """A name in lower case ASCII, international labels in their xn-- form (what UTS 46 does for the browser)."""
    if domain.isascii():
        return domain.lower()
    labels = []
    for label in DOTS.split(domain):
        if not label.isascii():
            if "\u200c" in label or "\u200d" in label:
                return None  # joiners: the browser refuses them where a name's script does not need them
            # Python's IDNA is the 2003 version, which turns ß and ς into ss and σ; browsers keep them.
            try:
                label = "".join(nameprep(piece) for piece in re.split("([ßς])", label.replace("\u1e9e", "ß")))
            except UnicodeError:
                return None
            if not label.isascii():
                if label.lower().startswith("xn--"):
                    return None
                label = "xn--" + label.encode("punycode").decode("ascii")
        label = label.lower()
        if label.startswith("xn--") and not is_punycode(label[4:]):
            return None
        labels.append(label)
    return ".".join(labels)


def nameprep(piece: str) -> str:
    if any(unicodedata.category(c) == "Cn" for c in piece):
        raise UnicodeError("unassigned")  # UTS 46 refuses what Unicode has not assigned; nameprep does not
    return piece if piece in ("ß", "ς") else encodings.idna.nameprep(piece)


def is_punycode(text: str) -> bool:
    """Whether an xn-- label holds an international name, as the browser checks in a name it maps."""
    try:
        decoded = text.encode("ascii").decode("punycode")
        return not decoded.isascii() and "".join(nameprep(piece) for piece in re.split("([ßς])", decoded)) == decoded
    except UnicodeError:
        return False


def ends_in_a_number(name: str) -> bool:
    labels = name.split(".")
    if labels[-1] == "" and len(labels) > 1:
        labels.pop()
    return bool(re.fullmatch(r"[0-9]+|0x[0-9a-f]*", labels[-1]))


def ipv4_number(host: str) -> int | None:
    """A host the way browsers read IPv4 (127.1, 0x7f.1, 2130706433): its number, or None where a browser fails."""
    labels = host.split(".")
    if labels[-1] == "":
        labels.pop()
    numbers = []
    for label in labels:
        if re.fullmatch(r"0x[0-9a-f]*", label):
            numbers.append(int(label[2:] or "0", 16))
        elif re.fullmatch(r"0[0-7]+", label):
            numbers.append(int(label, 8))
        elif re.fullmatch(r"[0-9]+", label) and not re.fullmatch(r"0[0-9]+", label):
            numbers.append(int(label))
        else:
            return None
    if len(numbers) > 4 or any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        return None
    value = numbers[-1]
    for index, number in enumerate(numbers[:-1]):
        value += number * 256 ** (3 - index)
    return value


def serialise_host(host: Host) -> str:
    if isinstance(host, ipaddress.IPv6Address):
        groups = [int(host) >> (112 - 16 * i) & 0xFFFF for i in range(8)]
        # The longest run of two or more zero groups (the first of equals) becomes "::".
        best, length = -1, 1
        for start in range(8):
            run = next((i for i in range(start, 8) if groups[i]), 8) - start
            if run > length:
                best, length = start, run
        text = [f"{g:x}" for g in groups]
        if best < 0:
            return "[" + ":".join(text) + "]"
        return "[" + ":".join(text[:best]) + "::" + ":".join(text[best + length :]) + "]"
    return str(host)


def serialise_path(path: str) -> str:
    """The path after the host's "/", with "." and ".." segments resolved and characters encoded."""
    segments: list[str] = []
    parts = path.split("/")
    for index, segment in enumerate(parts):
        last = index == len(parts) - 1
        if segment.lower() in (".", "%2e"):
            if last:
                segments.append("")
        elif segment.lower() in ("..", ".%2e", "%2e.", "%2e%2e"):
            if segments:
                segments.pop()
            if last:
                segments.append("")
        else:
            segments.append(encode(segment, ENCODE_IN_PATH))
    return "/" + "/".join(segments)


def encode(text: str, also: set[str]) -> str:
    """Percent-encode controls, everything past "~" (as UTF-8) and the characters in `also`."""
    return "".join(
        "".join(f"%{byte:02X}" for byte in c.encode("utf-8")) if c < " " or c > "~" or c in also else c for c in text
    )


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
