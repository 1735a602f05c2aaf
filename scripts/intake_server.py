#!/usr/bin/env python3
"""A development intake endpoint for trying the report form locally. NOT for production.

It listens on loopback only, prints every report it receives, checks it as INTAKE-CONTRACT.md
says the real endpoint must, and answers like the real one: JSON for the form's script, a 303
redirect to the thank-you page for a browser without JavaScript. Flags make it answer with a
server error, a 422, a slow answer or a dropped connection, to try the form's failure paths.

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
from urllib.parse import parse_qsl, urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from site_config import default_language, language_prefix  # noqa: E402
from url_rules import LIMITS, check_url  # noqa: E402

ANSWERS = ("ok", "500", "422", "slow", "drop", "hang")
MESSAGES = {
    "nl": {
        "url": "Dit adres kunnen we niet behandelen.",
        "description": "De toelichting is te lang (maximaal {max} tekens).",
        "email": "Dit is geen geldig e-mailadres.",
        "bad": "Je melding kon niet worden verwerkt.",
        "back": "Terug naar het formulier",
    },
    "en": {
        "url": "We cannot handle this address.",
        "description": "The description is too long (at most {max} characters).",
        "email": "This is not a valid e-mail address.",
        "bad": "Your report could not be processed.",
        "back": "Back to the form",
    },
}


def check_report(fields: list[tuple[str, str]]) -> dict[str, str]:
    """The field errors of a report, keyed as the contract says ("url", "url.1", "email", ...)."""
    values = dict(fields)
    lang = values.get("lang") if values.get("lang") in MESSAGES else default_language()
    text = MESSAGES[lang]
    errors: dict[str, str] = {}
    urls = [value for name, value in fields if name == "url"]
    if not urls or len(urls) > LIMITS["max_urls"]:
        errors["url"] = text["url"]
    for index, url in enumerate(urls):
        if not check_url(url).ok:
            errors["url" if index == 0 else f"url.{index}"] = text["url"]
    if len(values.get("description", "")) > LIMITS["description_max_length"]:
        errors["description"] = text["description"].format(max=LIMITS["description_max_length"])
    email = values.get("email", "").strip()
    if email and ("@" not in email or " " in email or "." not in email.rsplit("@", 1)[-1]):
        errors["email"] = text["email"]
    return errors


class IntakeServer(ThreadingHTTPServer):
    """The server, with what tests and the command line can set: how to answer, what came in."""

    daemon_threads = True

    def __init__(self, port: int, allow_origin: str, site: str, answer: str = "ok", delay: float = 3.0) -> None:
        super().__init__(("127.0.0.1", port), IntakeHandler)
        self.allow_origin = allow_origin
        self.site = site
        self.answer = answer
        self.next_answers: list[str] = []  # answers for the next requests, before `answer` again
        self.delay = delay
        self.received: list[dict] = []
        self.references = (f"MK-{number:06d}" for number in itertools.count(1))
        self.lock = threading.Lock()

    def take_answer(self) -> str:
        with self.lock:
            return self.next_answers.pop(0) if self.next_answers else self.answer


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

        values = dict(fields)
        lang = values.get("lang") if values.get("lang") in MESSAGES else default_language()
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
        errors = {"url": MESSAGES[lang]["url"]} if answer == "422" else check_report(fields)
        if errors:
            return self.reply(422, {"errors": errors}, wants_json, lang)
        reference = next(self.server.references)
        if values.get("homepage"):  # the honeypot: answer as usual, keep nothing
            print("(honeypot filled: a bot; ignored)", flush=True)
        if wants_json:
            return self.reply(201, {"reference": reference}, True, lang)
        self.send_response(303)
        self.cors()
        thank_you = language_prefix(lang) + "bedankt/"
        self.send_header("Location", urljoin(self.server.site, thank_you))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def reply(self, status: int, data: dict, as_json: bool, lang: str) -> None:
        if as_json:
            payload = json.dumps(data).encode()
            content_type = "application/json"
        else:
            text = MESSAGES[lang]
            items = "".join(f"<li>{html.escape(m)}</li>" for m in data.get("errors", {}).values())
            payload = (
                f"<!doctype html><html lang='{lang}'><meta charset='utf-8'><title>{text['bad']}</title>"
                f"<h1>{text['bad']}</h1><ul>{items}</ul>"
                f"<p><a href='{html.escape(urljoin(self.server.site, 'melden/'))}'>{text['back']}</a></p></html>"
            ).encode()
            content_type = "text/html; charset=utf-8"
        self.send_response(status)
        self.cors()
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", self.server.allow_origin)
        self.send_header("Vary", "Origin")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8001, help="port on 127.0.0.1 (default 8001)")
    parser.add_argument("--site", default="http://127.0.0.1:8000/", help="the site's address, for the thank-you redirect and CORS")
    parser.add_argument("--answer", choices=ANSWERS, default="ok",
                        help="ok (default); 500: server error; 422: field errors; slow: answer after --delay; "
                             "drop: close the connection; hang: never answer")
    parser.add_argument("--delay", type=float, default=3.0, help="seconds to wait with --answer slow (default 3)")
    args = parser.parse_args(argv)
    site = urlsplit(args.site)
    origin = f"{site.scheme}://{site.netloc}"
    server = IntakeServer(args.port, origin, args.site, args.answer, args.delay)
    print(f"Development intake endpoint (not for production) at http://127.0.0.1:{args.port}/reports, "
          f"answering '{args.answer}', for the site at {args.site}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
