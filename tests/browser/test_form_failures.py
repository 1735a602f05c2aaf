"""The report form when sending goes wrong: every answer leads to a message, nothing typed is lost,
and sending again is safe (the same report_id, so the endpoint keeps the report once)."""

from __future__ import annotations

import pytest
from form_support import CONTACT_EMAIL, OTHER_LANGUAGE, WIDTHS, fields, texts
from playwright.sync_api import expect
from support import LANGUAGES

# Each odd answer of the development endpoint, and what the page can honestly say about it.
FAILED = ("500", "400", "unknown-field")  # the endpoint said no: the report was not taken
UNSURE = ("drop", "204", "no-json", "no-cors")  # the report may have arrived


def fill_report(page):
    page.locator("#report-url-1").fill("https://www.example.com/page")
    page.locator("#report-description").fill("Een toelichting")
    page.locator("#report-email").fill("iemand@example.nl")


def assert_input_kept(page):
    expect(page.locator("#report-url-1")).to_have_value("https://www.example.com/page")
    expect(page.locator("#report-description")).to_have_value("Een toelichting")
    expect(page.locator("#report-email")).to_have_value("iemand@example.nl")


def report_ids(intake):
    return [fields(received)["report_id"][0] for received in intake.received]


@pytest.mark.parametrize("answer", FAILED + UNSURE)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_failed_answer_leads_to_a_message_and_a_safe_retry(form_page, intake, language, answer):
    t = texts(language)
    intake.next_answers = [answer]
    page = form_page(language)
    fill_report(page)
    page.locator("[data-submit]").click()

    failure = page.locator("[data-failure]")
    expect(failure).to_be_focused()
    title = t["unsure_title"] if answer in UNSURE else t["failed_title"]
    expect(failure.get_by_role("heading")).to_have_text(title)
    expect(failure).to_contain_text(t["failed_kept"])
    expect(failure).to_contain_text(t["failed_retry"])
    expect(failure.get_by_role("link", name=CONTACT_EMAIL)).to_have_attribute("href", f"mailto:{CONTACT_EMAIL}")
    expect(page.locator("[data-summary]")).to_be_hidden()
    assert_input_kept(page)
    expect(page.locator("[data-submit]")).to_have_text(t["submit"])
    assert page.locator("[data-report-form]").get_attribute("aria-busy") is None

    page.locator("[data-submit]").click()
    expect(page.locator("[data-confirmation]")).to_be_focused()
    expect(failure).to_be_hidden()
    # Both tries carried the same report_id: the endpoint kept the report once, whether or not
    # the first try had reached it.
    ids = report_ids(intake)
    assert len(ids) == 2 and ids[0] == ids[1]
    assert len(intake.reports) == 1


def test_no_answer_within_the_wait_is_a_message_and_the_late_report_is_kept_once(form_page, intake, page):
    t = texts(LANGUAGES[0])
    page.clock.install()
    intake.next_answers = ["late"]  # the endpoint keeps the report but answers after the wait
    form_page(LANGUAGES[0])
    fill_report(page)
    page.locator("[data-submit]").click()
    expect(page.locator("[data-submit]")).to_have_attribute("aria-disabled", "true")
    page.wait_for_function("() => true")
    page.clock.run_for(19_000)
    expect(page.locator("[data-failure]")).to_be_hidden()
    page.clock.run_for(1_500)
    expect(page.locator("[data-failure]")).to_be_focused()
    expect(page.locator("[data-failure-title]")).to_have_text(t["unsure_title"])
    assert_input_kept(page)

    page.locator("[data-submit]").click()
    expect(page.locator("[data-confirmation]")).to_be_visible()
    reference = page.locator("[data-reference]").inner_text()
    assert intake.by_report_id[report_ids(intake)[0]] == reference  # the reference of the first try
    assert len(intake.reports) == 1


def test_changed_fields_after_a_failure_are_a_new_report(form_page, intake):
    intake.next_answers = ["500"]
    page = form_page(OTHER_LANGUAGE)
    fill_report(page)
    page.locator("[data-submit]").click()
    expect(page.locator("[data-failure]")).to_be_visible()
    page.locator("#report-description").fill("Een andere toelichting")
    page.locator("[data-submit]").click()
    expect(page.locator("[data-confirmation]")).to_be_visible()
    ids = report_ids(intake)
    assert len(ids) == 2 and ids[0] != ids[1]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_same_failure_twice_is_written_again_and_focused_again(form_page, intake, width):
    t = texts(LANGUAGES[0])
    intake.next_answers = ["500", "500"]
    page = form_page(LANGUAGES[0], width)
    # Record, in order, each text the failure's heading gets and each change of aria-busy.
    page.evaluate(
        """() => {
            window.__log = [];
            const form = document.querySelector("[data-report-form]");
            new MutationObserver((records) => {
                for (const record of records) {
                    if (record.type === "attributes") window.__log.push(["busy", record.oldValue === null]);
                    else window.__log.push(["text", [...record.addedNodes].map((node) => node.textContent).join("")]);
                }
            }).observe(form, {attributes: true, attributeFilter: ["aria-busy"], attributeOldValue: true, childList: true, subtree: true});
        }"""
    )
    page.evaluate("""() => {
        window.__focused = 0;
        document.querySelector("[data-failure]").addEventListener("focus", () => window.__focused++);
    }""")
    fill_report(page)
    submit = page.locator("[data-submit]")
    submit.click()
    expect(page.locator("[data-failure]")).to_be_focused()
    submit.click()
    page.wait_for_function("() => window.__focused === 2")  # focus moved to the message again
    expect(page.locator("[data-failure]")).to_be_focused()
    busy, written = False, []
    for kind, value in page.evaluate("() => window.__log"):
        if kind == "busy":
            busy = value
        elif value in ("", t["failed_title"]):
            written.append((value, busy))
    titles = [(text, busy) for text, busy in written if text]
    assert titles == [(t["failed_title"], False)] * 2  # never written while the form is aria-busy
    assert written.index(titles[0]) < written.index(("", False)) < len(written) - 1  # emptied in between, so announced again


def test_field_errors_for_fields_the_form_has_not_lead_to_a_message(form_page, intake, server):
    """`{"errors": {"homepage": "…"}}`: no field to put it at; the page must still say something."""
    t = texts(LANGUAGES[0])
    intake.next_answers = ["unknown-field"]
    page = form_page(LANGUAGES[0])
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    fill_report(page)
    page.locator("[data-submit]").click()
    expect(page.locator("[data-failure-title]")).to_have_text(t["failed_title"])
    assert errors == []


def test_field_errors_from_the_endpoint_show_at_the_fields_and_in_the_summary(form_page, intake):
    t = texts(OTHER_LANGUAGE)
    intake.next_answers = ["422"]
    page = form_page(OTHER_LANGUAGE)
    fill_report(page)
    page.locator("[data-submit]").click()
    summary = page.locator("[data-summary]")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text(t["summary_title_one"])
    expect(page.locator("#report-url-1")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#report-url-1-error")).not_to_be_empty()
    assert_input_kept(page)
    page.locator("[data-submit]").click()
    expect(page.locator("[data-confirmation]")).to_be_visible()
