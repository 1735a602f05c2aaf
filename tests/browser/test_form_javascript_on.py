"""The report form with JavaScript on: checking, sending, answers, failures and retries."""

from __future__ import annotations

import re

import pytest
from form_support import URL_CASES, fields
from playwright.sync_api import expect

SUCCESS = {"nl": "Bedankt, je melding is ontvangen", "en": "Thank you, your report has been received"}
FAILED = {"nl": "Versturen is niet gelukt", "en": "Sending did not work"}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_report_is_sent_and_its_reference_shown(form_page, intake, language):
    page = form_page(language)
    page.get_by_label(re.compile("URL")).first.fill("https://www.example.com/page")
    page.locator("#report-description").fill("Gezien via een forum")
    page.locator("#report-email").fill("iemand@example.nl")
    page.locator("[data-submit]").click()

    status = page.get_by_role("status")
    expect(status).to_contain_text(SUCCESS[language])
    expect(status).to_contain_text("MK-")
    assert len(intake.received) == 1
    received = intake.received[0]
    assert received["content_type"].startswith("application/x-www-form-urlencoded")
    assert "application/json" in received["accept"]
    assert fields(received) == {
        "url": ["https://www.example.com/page"],
        "description": ["Gezien via een forum"],
        "email": ["iemand@example.nl"],
        "lang": [language],
        "homepage": [""],
    }
    # Cleared only after success, and the status has focus for screen readers and keyboards.
    expect(page.locator("#report-url-1")).to_have_value("")
    expect(page.locator("#report-description")).to_have_value("")
    expect(status).to_be_focused()


def test_several_urls_are_sent_as_a_repeated_field(form_page, intake):
    page = form_page("en")
    page.locator("#report-url-1").fill("https://one.example.com/a.jpg")
    page.get_by_role("button", name="Add another address").click()
    expect(page.locator("#report-url-2")).to_be_focused()
    page.locator("#report-url-2").fill("two.example.org/b")
    page.get_by_role("button", name="Add another address").click()  # a third, left empty
    page.locator("[data-submit]").click()
    expect(page.get_by_role("status")).to_contain_text("MK-")
    assert fields(intake.received[0])["url"] == ["https://one.example.com/a.jpg", "https://two.example.org/b"]
    expect(page.locator("input[name=url]")).to_have_count(1)


def test_a_url_without_scheme_is_sent_with_https(form_page, intake):
    page = form_page("nl")
    page.locator("#report-url-1").fill("www.example.com/x")
    page.locator("[data-submit]").click()
    expect(page.get_by_role("status")).to_contain_text("MK-")
    assert fields(intake.received[0])["url"] == ["https://www.example.com/x"]


REFUSED = [(text, reason) for text, reason in URL_CASES["refused"].items()]


@pytest.mark.parametrize(("text", "reason"), REFUSED, ids=[repr(text) for text, _ in REFUSED])
def test_a_refused_url_is_stopped_at_the_field_and_nothing_is_sent(form_page, intake, text, reason):
    page = form_page("en")
    url = page.locator("#report-url-1")
    url.fill(text)
    page.locator("[data-submit]").click()

    expect(url).to_have_attribute("aria-invalid", "true")
    expect(url).to_be_focused()
    error = page.locator("#report-url-1-error")
    expect(error).to_be_visible()
    assert "report-url-1-error" in url.get_attribute("aria-describedby")
    expected = {"empty": "Fill in the address", "invalid": "not a valid address", "scheme": "http:// or https://",
                "not-public": "not public", "darkweb": "dark web"}[reason]
    expect(error).to_contain_text(expected)
    expect(page.get_by_role("alert")).to_contain_text("has not been sent")
    page.wait_for_timeout(200)
    assert intake.received == []


def test_the_dark_web_message_is_in_dutch_on_the_dutch_form(form_page, intake):
    page = form_page("nl")
    page.locator("#report-url-1").fill("http://abcdefghijklmnop.onion/")
    page.locator("[data-submit]").click()
    expect(page.locator("#report-url-1-error")).to_contain_text("darkweb")


def fill_report(page):
    page.locator("#report-url-1").fill("https://www.example.com/page")
    page.locator("#report-description").fill("Een toelichting")
    page.locator("#report-email").fill("iemand@example.nl")


def assert_input_kept(page):
    expect(page.locator("#report-url-1")).to_have_value("https://www.example.com/page")
    expect(page.locator("#report-description")).to_have_value("Een toelichting")
    expect(page.locator("#report-email")).to_have_value("iemand@example.nl")


@pytest.mark.parametrize("answer", ["500", "drop"])
def test_a_failed_send_keeps_the_input_and_a_retry_succeeds(form_page, intake, answer):
    intake.next_answers = [answer]
    page = form_page("nl")
    fill_report(page)
    page.locator("[data-submit]").click()
    expect(page.get_by_role("alert")).to_contain_text(FAILED["nl"])
    assert_input_kept(page)
    expect(page.locator("[data-submit]")).to_be_enabled()

    page.locator("[data-submit]").click()
    expect(page.get_by_role("status")).to_contain_text("MK-")
    expect(page.get_by_role("alert")).to_be_empty()
    assert len(intake.received) == 2


def test_field_errors_from_the_endpoint_show_at_the_fields(form_page, intake):
    intake.next_answers = ["422"]
    page = form_page("en")
    fill_report(page)
    page.locator("[data-submit]").click()
    expect(page.locator("#report-url-1-error")).to_contain_text("cannot handle this address")
    expect(page.locator("#report-url-1")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_role("alert")).to_contain_text("has not been sent")
    assert_input_kept(page)
    page.locator("[data-submit]").click()
    expect(page.get_by_role("status")).to_contain_text("MK-")
    assert len(intake.received) == 2


def test_no_answer_within_the_timeout_is_a_failure_and_a_retry_succeeds(form_page, intake, page):
    page.clock.install()
    intake.next_answers = ["hang"]
    form_page("nl")
    fill_report(page)
    page.locator("[data-submit]").click()
    expect(page.locator("[data-submit]")).to_be_disabled()
    page.wait_for_function("() => true")
    page.clock.run_for(19_000)
    expect(page.get_by_role("alert")).to_be_empty()
    page.clock.run_for(1_500)
    expect(page.get_by_role("alert")).to_contain_text(FAILED["nl"])
    assert_input_kept(page)
    page.locator("[data-submit]").click()
    expect(page.get_by_role("status")).to_contain_text("MK-")
    assert len(intake.received) == 2


def test_a_double_click_sends_one_report(form_page, intake):
    intake.answer = "slow"  # one second: time for a second click while the first is on its way
    page = form_page("en")
    fill_report(page)
    page.locator("[data-submit]").dblclick()
    expect(page.locator("[data-submit]")).to_have_text("Sending…")
    expect(page.get_by_role("status")).to_contain_text("MK-")
    assert len(intake.received) == 1


def test_nothing_typed_is_stored_in_the_browser_or_shown_as_a_link(form_page, intake, context):
    page = form_page("nl")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    fill_report(page)
    page.locator("[data-submit]").click()
    expect(page.get_by_role("status")).to_contain_text("MK-")
    storage = page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]")
    assert storage == [0, 0, ""]
    assert context.cookies() == []
    assert page.url.endswith("/melden/")
    assert page.locator("a[href*='example.com']").count() == 0
    assert not any("example.com" in url for url in requests)
