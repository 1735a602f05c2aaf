#!/usr/bin/env python3
"""Write the report form's rules (data/report-rules.yml) into INTAKE-CONTRACT.md.

The contract's table of limits and address ranges, between its `rules:start` and `rules:end`
markers, is made from the data file, so the endpoint's copy of the rules cannot drift from the
page's and the Python reference's. Run it after changing data/report-rules.yml; it exits 1 when
it had to change the contract (tests/test_url_rules.py fails until it is run and committed).

    python3 scripts/intake_contract.py
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from url_rules import RULES  # noqa: E402

CONTRACT = Path(__file__).resolve().parent.parent / "INTAKE-CONTRACT.md"
START = "<!-- rules:start: written by scripts/intake_contract.py from data/report-rules.yml; edit those, not this table -->"
END = "<!-- rules:end -->"
BLOCK = re.compile(re.escape(START.split(":")[0] + ":start") + r".*?" + re.escape(END), re.S)


def codes(values: list[str], prefix: str = "") -> str:
    return ", ".join(f"`{prefix}{value}`" for value in values)


def carried(carrier: dict[str, Any]) -> str:
    places = [f"bits {p['at']}–{p['at'] + 31}" + (" inverted" if p.get("inverted") else "") for p in carrier["ipv4"]]
    return f"`{carrier['range']}`: " + " and ".join(places)


def table(rules: dict[str, Any]) -> str:
    """The contract's table of limits and ranges, in Markdown."""
    limits, urls = rules["limits"], rules["urls"]
    rows = [
        ("Addresses in one report", f"at most {limits['max_urls']}"),
        ("Length of an address", f"at most {urls['max_length']} characters, once cleaned and normalised"),
        ("Length of the description", f"at most {limits['description_max_length']} characters"),
        ("The page waits for an answer", f"{limits['timeout_seconds']} seconds"),
        ("Invisible marks removed", ", ".join(f"U+{ord(c):04X}" for c in urls["invisible"])),
        ("Quotes taken off", " ".join(f"`{c}`" for c in urls["quotes"])),
        ("Punctuation taken off the end", " ".join(f"`{c}`" for c in urls["trailing_punctuation"])),
        ("Schemes", f"{codes(urls['schemes'])}; an address without one gets `{urls['schemes'][0]}`"),
        ("Dark web (refused with its own message)", f"names ending in {codes(urls['darkweb_suffixes'], '.')}"),
        ("Names that are not public", f"{codes(urls['local_names'])}, and names ending in {codes(urls['local_suffixes'], '.')}"),
        ("IPv4 ranges that are not public", codes(urls["ipv4_not_public"])),
        ("IPv6 ranges that can be public", codes(urls["ipv6_public"])),
        ("IPv6 ranges that are not public", codes(urls["ipv6_not_public"])),
        ("IPv6 ranges that carry IPv4 addresses (bit 0 first)", "; ".join(carried(c) for c in urls["ipv6_carrying_ipv4"])),
    ]
    lines = ["| Rule | Value |", "| --- | --- |", *(f"| {name} | {value} |" for name, value in rows)]
    return "\n".join([START, "", *lines, "", END])


def write(path: Path = CONTRACT, rules: dict[str, Any] = RULES) -> bool:
    """Put the table into the contract; True when that changed the file."""
    text = path.read_text(encoding="utf-8")
    if not BLOCK.search(text):
        raise SystemExit(f"{path}: no rules:start ... rules:end markers to write the table between")
    new = BLOCK.sub(lambda _: table(rules), text, count=1)
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args(argv)
    if write():
        print(f"{CONTRACT.name}: the rules table was out of date and has been rewritten; commit it")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
