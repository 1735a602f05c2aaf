#!/usr/bin/env python3
"""A development intake endpoint for trying the report form locally. NOT for production.

It listens on loopback only, prints every report it receives, checks it as INTAKE-CONTRACT.md
says the real endpoint must, and answers like the real one: JSON for the form's script, a 303
redirect to the thank-you page (with the reference in its #fragment) for a browser without
JavaScript, and intake/error-page.html for that browser's errors. A repeated `report_id` is a
repeat of the same report: kept once, answered with the same reference. Flags make it answer
every other way the form must cope with.

Next to `make serve` (the site at http://127.0.0.1:8000/):

    INTAKE_ENDPOINT=http://127.0.0.1:8001/reports make serve
    .venv/bin/python scripts/intake_server.py            # in a second terminal
    .venv/bin/python scripts/intake_server.py --answer 500
"""

from __future__ import annotations

import argparse
import html
import itertools
import json
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, quote, urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from site_config import ROOT, default_language, language_prefix, languages, mkdocs_config, strings  # noqa: E402
from url_rules import LIMITS, check_url  # noqa: E402

ANSWERS = {
    "ok": "answer as the contract says (the default)",
    "500": "a server error",
    "422": "a field error for the first address, whatever was sent",
    "unknown-field": "a field error for a field the form does not have (homepage)",
    "400": "a 400 without JSON",
    "204": "keep the report, answer 204 without a body",
    "no-json": "keep the report, answer 200 with text instead of JSON",
    "no-cors": "keep the report, answer without the Access-Control-Allow-Origin header",
    "late": "keep the report, answer after --late seconds (longer than the form waits)",
    "slow": "answer after --delay seconds",
    "drop": "close the connection without an answer",
    "hang": "never answer",
}
KEEPS_QUIETLY = {"204": 204, "no-json": 200}  # received, but answered in a way the page cannot read
ERROR_PAGE = (ROOT / "intake" / "error-page.html").read_text(encoding="utf-8")


def report_language(fields: list[tuple[str, str]]) -> str:
    lang = dict(fields).get("lang", "")
    return lang if lang in languages() else default_language()


def site_name(lang: str) -> str:
    """The site's name in a language: the i18n plugin's override, or mkdocs.yml's site_name."""
    config = mkdocs_config()
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for entry in plugin["i18n"]["languages"]:
                if entry["locale"] == lang and entry.get("site_name"):
                    return entry["site_name"]
    return config["site_name"]


def check_report(fields: list[tuple[str, str]]) -> dict[str, str]:
    """The field errors of a report, keyed as the contract says ("url", "url.1", "email", ...)."""
    values = dict(fields)
    text = strings(report_language(fields))["intake_error_page"]
    errors: dict[str, str] = {}
    urls = [value for name, value in fields if name == "url"]
    if not urls:
        errors["url"] = text["url"]
    if len(urls) > LIMITS["max_urls"]:
        errors["url"] = text["too_many"]
    for index, url in enumerate(urls):
        if not check_url(url).ok:
            errors["url" if index == 0 else f"url.{index}"] = text["url"]
    if len(values.get("description", "")) > LIMITS["description_max_length"]:
        errors["description"] = text["description"]
    email = values.get("email", "").strip()
    if email and ("@" not in email or " " in email or "." not in email.rsplit("@", 1)[-1]):
        errors["email"] = text["email"]
    return errors


class IntakeServer(ThreadingHTTPServer):
    """The server, with what tests and the command line can set: how to answer, what came in."""

    daemon_threads = True

    def __init__(self, port: int, allow_origin: str, site: str, answer: str = "ok", delay: float = 3.0,
                 late: float = 30.0, exit_url: str = "") -> None:
        super().__init__(("127.0.0.1", port), IntakeHandler)
        self.allow_origin = allow_origin
        self.site = site
        self.answer = answer
        self.next_answers: list[str] = []  # answers for the next requests, before `answer` again
        self.delay = delay
        self.late = late
        self.exit_url = exit_url or mkdocs_config()["extra"]["quick_exit_url"]
        self.received: list[dict] = []  # every request, repeats included
        self.reports: list[dict] = []  # the reports kept: a repeated report_id is kept once
        self.by_report_id: dict[str, str] = {}  # report_id -> its reference
        self.references = (f"MK-{number:06d}" for number in itertools.count(1))
        self.lock = threading.Lock()

    def reset(self) -> None:
        """Forget every request and report, and answer "ok" again (for tests)."""
        with self.lock:
            self.answer = "ok"
            self.next_answers.clear()
            self.received.clear()
            self.reports.clear()
            self.by_report_id.clear()

    def take_answer(self) -> str:
        with self.lock:
            return self.next_answers.pop(0) if self.next_answers else self.answer

    def keep(self, record: dict) -> str:
        """Keep a report once per report_id; its reference (the first one for a repeat)."""
        report_id = dict(record["fields"]).get("report_id", "")
        with self.lock:
            if report_id and report_id in self.by_report_id:
                print(f"(a repeat of {self.by_report_id[report_id]}: not kept again)", flush=True)
                return self.by_report_id[report_id]
            reference = next(self.references)
            self.reports.append(record)
            if report_id:
                self.by_report_id[report_id] = reference
            return reference


class IntakeHandler(BaseHTTPRequestHandler):
    server: IntakeServer

    def log_message(self, format: str, *args: object) -> None:
        pass  # each report is printed in full below

    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's naming
        self.send_response(204)
        self.cors()
        self.send_header("Access-Control-Allow-Methods", "POST")
        self.end_headers()

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        fields = parse_qsl(body, keep_blank_values=True)
        wants_json = "application/json" in (self.headers.get("Accept") or "")
        record = {
            "path": self.path,
            "content_type": self.headers.get("Content-Type", ""),
            "accept": self.headers.get("Accept", ""),
            "origin": self.headers.get("Origin", ""),
            "body": body,
            "fields": fields,
        }
        with self.server.lock:
            self.server.received.append(record)
        print(json.dumps({"received": record}, ensure_ascii=False, indent=2), flush=True)

        lang = report_language(fields)
        answer = self.server.take_answer()
        if answer == "drop":
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
            return
        if answer == "hang":
            time.sleep(60)
            return
        if answer == "slow":
            time.sleep(self.server.delay)
        if answer == "500":
            return self.reply(500, {"error": "server error (asked for with --answer 500)"}, wants_json, lang)
        if answer == "400":
            return self.reply(400, None, wants_json, lang)
        if answer == "unknown-field":
            return self.reply(422, {"errors": {"homepage": strings(lang)["intake_error_page"]["failed"]}}, wants_json, lang)
        errors = {"url": strings(lang)["intake_error_page"]["url"]} if answer == "422" else check_report(fields)
        if errors:
            return self.reply(422, {"errors": errors}, wants_json, lang)
        if dict(fields).get("homepage"):  # the honeypot: answer as usual, keep nothing
            print("(honeypot filled: a bot; ignored)", flush=True)
            reference = next(self.server.references)
        else:
            reference = self.server.keep(record)
        if answer == "late":
            time.sleep(self.server.late)
        if answer in KEEPS_QUIETLY:
            return self.reply_plain(KEEPS_QUIETLY[answer])
        if wants_json:
            return self.reply(201, {"reference": reference}, True, lang, cors=answer != "no-cors")
        self.send_response(303)
        self.cors()
        thank_you = f"{language_prefix(lang)}bedankt/#reference={quote(reference, safe='')}"
        self.send_header("Location", urljoin(self.server.site, thank_you))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def reply(self, status: int, data: dict | None, as_json: bool, lang: str, cors: bool = True) -> None:
        if as_json and data is not None:
            payload = json.dumps(data).encode()
            content_type = "application/json"
        else:
            payload = self.error_page(lang, (data or {}).get("errors", {})).encode()
            content_type = "text/html; charset=utf-8"
        self.send_response(status)
        if cors:
            self.cors()
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def reply_plain(self, status: int) -> None:
        payload = b"" if status == 204 else b"OK"
        self.send_response(status)
        self.cors()
        if payload:
            self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def error_page(self, lang: str, errors: dict[str, str]) -> str:
        """intake/error-page.html filled in, as the contract asks of the real endpoint."""
        text = strings(lang)["intake_error_page"]
        quick_exit = strings(lang)["quick_exit"]
        site = self.server.site
        values = {
            "lang": lang,
            "title": text["title"],
            "intro": text["intro"],
            "back": text["back"],
            "back_url": urljoin(site, f"{language_prefix(lang)}melden/"),
            "exit": quick_exit["exit"],
            "exit_url": self.server.exit_url,
            "about": quick_exit["about"],
            "about_url": urljoin(site, f"{language_prefix(lang)}veilig-surfen/"),
            "site_name": site_name(lang),
        }
        page = ERROR_PAGE.split("-->", 1)[1].lstrip()  # the instructions are for the endpoint's authors
        for name, value in values.items():
            page = page.replace("{{" + name + "}}", html.escape(value))
        items = "\n".join(f"<li>{html.escape(str(message))}</li>" for message in errors.values()) or f"<li>{html.escape(text['failed'])}</li>"
        return page.replace("{{items}}", items)

    def cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", self.server.allow_origin)
        self.send_header("Vary", "Origin")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8001, help="port on 127.0.0.1 (default 8001)")
    parser.add_argument("--site", default="http://127.0.0.1:8000/", help="the site's address, for the thank-you redirect and CORS")
    parser.add_argument("--answer", choices=ANSWERS, default="ok",
                        help="; ".join(f"{name}: {meaning}" for name, meaning in ANSWERS.items()))
    parser.add_argument("--delay", type=float, default=3.0, help="seconds to wait with --answer slow (default 3)")
    parser.add_argument("--late", type=float, default=30.0, help="seconds to wait with --answer late (default 30)")
    args = parser.parse_args(argv)
    site = urlsplit(args.site)
    origin = f"{site.scheme}://{site.netloc}"
    server = IntakeServer(args.port, origin, args.site, args.answer, args.delay, args.late)
    print(f"Development intake endpoint (not for production) at http://127.0.0.1:{args.port}/reports, "
          f"answering '{args.answer}', for the site at {args.site}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
