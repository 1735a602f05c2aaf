"""The report form with JavaScript on: checking, the error summary, sending, the confirmation."""

from __future__ import annotations

import json
import re

import pytest
from form_support import FORM_PATH, LIMITS, OTHER_LANGUAGE, URL_CASES, WIDTHS, fields, texts
from playwright.sync_api import expect
from support import LANGUAGES

UUID = re.compile(r"^[0-9a-f-]{32,36}$")


def fill_report(page, url="https://www.example.com/page"):
    page.locator("#report-url-1").fill(url)
    page.locator("#report-description").fill("Een toelichting")
    page.locator("#report-email").fill("iemand@example.nl")


def answer_with(page, server, status, body, content_type="application/json"):
    """Make the endpoint give one odd answer, with the CORS header the page needs to read it."""
    headers = {"Access-Control-Allow-Origin": server.rstrip("/"), "Content-Type": content_type}
    page.route("**/reports", lambda route: route.fulfill(status=status, headers=headers, body=body))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_report_is_sent_and_the_confirmation_replaces_the_form(form_page, intake, language, width):
    t = texts(language)
    page = form_page(language, width)
    fill_report(page)
    page.locator("[data-submit]").click()

    panel = page.locator("[data-confirmation]")
    expect(panel).to_be_visible()
    expect(panel).to_be_focused()
    expect(page.locator("[data-report-form]")).to_be_hidden()
    expect(panel.get_by_role("heading", level=2)).to_have_text(t["confirmation.title"])
    expect(panel).to_contain_text(t["confirmation.reference_label"])
    expect(panel.locator("[data-reference]")).to_have_text(re.compile(r"^MK-\d{6}$"))
    expect(panel).to_contain_text(t["confirmation.received_one"])
    expect(panel).to_contain_text(t["confirmation.next_look_one"])
    expect(panel).to_contain_text(t["confirmation.next_outcome"])
    expect(panel.get_by_role("link", name=t["confirmation.help_link"])).to_be_visible()
    expect(panel.get_by_role("link", name=t["confirmation.another"])).to_be_visible()
    expect(panel.get_by_role("button", name=t["confirmation.print"])).to_be_visible()

    # The reference is large and on one line, and nothing scrolls sideways.
    number = panel.locator("[data-reference]")
    height, font_size = number.evaluate("el => [el.getBoundingClientRect().height, parseFloat(getComputedStyle(el).fontSize)]")
    assert font_size >= 24 and height < 2 * font_size
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width

    received = intake.received[0]
    assert received["content_type"].startswith("application/x-www-form-urlencoded")
    assert "application/json" in received["accept"]
    sent = fields(received)
    assert UUID.match(sent.pop("report_id")[0])
    assert sent == {
        "url": ["https://www.example.com/page"],
        "description": ["Een toelichting"],
        "email": ["iemand@example.nl"],
        "lang": [language],
        "homepage": [""],
    }
    # Cleared behind the panel: nothing typed is left in the page.
    expect(page.locator("#report-url-1")).to_have_value("")
    expect(page.locator("#report-description")).to_have_value("")
    expect(page.locator("#report-email")).to_have_value("")


@pytest.mark.parametrize("language", LANGUAGES)
def test_several_urls_are_sent_in_order_and_the_confirmation_counts_them(form_page, intake, language):
    t = texts(language)
    page = form_page(language)
    page.locator("#report-url-1").fill("https://one.example.com/a.jpg")
    page.get_by_role("button", name=t["add_url"]).click()
    second = page.get_by_label(t["url_label_more"].replace("{number}", "2"))
    expect(second).to_be_focused()
    second.fill("two.example.org/b")
    page.get_by_role("button", name=t["add_url"]).click()  # a third, left empty
    page.locator("[data-submit]").click()
    panel = page.locator("[data-confirmation]")
    expect(panel).to_contain_text(t["confirmation.received_other"].replace("{count}", "2"))
    expect(panel).to_contain_text(t["confirmation.next_look_other"])
    assert fields(intake.received[0])["url"] == ["https://one.example.com/a.jpg", "https://two.example.org/b"]


def test_a_url_without_scheme_is_sent_with_https(form_page, intake):
    page = form_page(LANGUAGES[0])
    page.locator("#report-url-1").fill("www.example.com/x")
    page.locator("[data-submit]").click()
    expect(page.locator("[data-reference]")).to_have_text(re.compile("MK-"))
    assert fields(intake.received[0])["url"] == ["https://www.example.com/x"]


def paste(page, selector, text):
    page.locator(selector).evaluate(
        """(input, text) => {
            input.focus();
            const data = new DataTransfer();
            data.setData("text/plain", text);
            input.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        text,
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_several_addresses_pasted_into_one_field_become_separate_fields(form_page, intake, language):
    page = form_page(language)
    paste(page, "#report-url-1", "https://a.example.com/1\nhttps://b.example.org/2\n\nc.example.net/3 ")
    inputs = page.locator("input[name=url]")
    expect(inputs).to_have_count(3)
    assert [inputs.nth(i).input_value() for i in range(3)] == ["https://a.example.com/1", "https://b.example.org/2", "c.example.net/3"]
    # Typed with spaces and sent at once: split before sending.
    page.locator("input[name=url]").nth(2).fill("c.example.net/3 https://d.example.net/4 www.e.example.net/5")
    page.locator("[data-submit]").click()
    expect(page.locator("[data-confirmation]")).to_be_visible()
    assert fields(intake.received[0])["url"] == [
        "https://a.example.com/1", "https://b.example.org/2", "https://c.example.net/3", "https://d.example.net/4",
        "https://www.e.example.net/5",
    ]


REFUSED = list(URL_CASES["refused"].items())


@pytest.mark.parametrize(("text", "reason"), REFUSED, ids=[repr(text) for text, _ in REFUSED])
def test_a_refused_url_is_stopped_at_the_field_and_nothing_is_sent(form_page, intake, text, reason):
    t = texts(OTHER_LANGUAGE)
    page = form_page(OTHER_LANGUAGE)
    url = page.locator("#report-url-1")
    url.fill(text)
    page.locator("[data-submit]").click()

    summary = page.locator("[data-summary]")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text(t["summary_title_one"])
    expect(url).to_have_attribute("aria-invalid", "true")
    error = page.locator("#report-url-1-error")
    expect(error).to_have_text(t.get(reason, t["invalid"]))
    assert "report-url-1-error" in url.get_attribute("aria-describedby")
    page.wait_for_timeout(200)
    assert intake.received == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_error_summary_counts_the_problems_and_its_links_move_focus(form_page, intake, language, width):
    t = texts(language)
    page = form_page(language, width)
    page.locator("#report-url-1").fill("http://localhost/")
    page.get_by_role("button", name=t["add_url"]).click()
    page.locator("input[name=url]").nth(1).fill("javascript:alert(1)")
    page.locator("[data-submit]").click()

    summary = page.locator("[data-summary]")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text(t["summary_title_other"].replace("{count}", "2"))
    expect(summary).to_contain_text(t["summary_text"])
    links = summary.get_by_role("link")
    expect(links).to_have_count(2)
    expect(links.nth(1)).to_have_text(t["scheme"])
    links.nth(1).click()
    expect(page.locator("input[name=url]").nth(1)).to_be_focused()
    links.nth(0).click()
    expect(page.locator("#report-url-1")).to_be_focused()
    assert intake.received == []


def test_ids_stay_unique_when_fields_are_added_and_removed(form_page, intake):
    t = texts(OTHER_LANGUAGE)
    page = form_page(OTHER_LANGUAGE)
    add = page.get_by_role("button", name=t["add_url"])
    for _ in range(3):
        add.click()
    page.get_by_role("button", name=t["remove_url"].replace("{number}", "3"), exact=True).click()
    add.click()
    ids = page.evaluate("() => [...document.querySelectorAll('[id]')].map((el) => el.id)")
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert ids.count("report-url-hint") == 1
    # Every field's label and error belong to its own input; labels count the fields as they stand.
    for number in range(2, 5):
        field = page.get_by_label(t["url_label_more"].replace("{number}", str(number)))
        expect(field).to_have_count(1)
        expect(field).to_have_attribute("aria-describedby", "report-url-hint")


def test_endpoint_errors_land_on_the_address_they_are_about(form_page, intake, server):
    t = texts(LANGUAGES[0])
    page = form_page(LANGUAGES[0])
    page.locator("#report-url-1").fill("https://a.example.com/1")
    add = page.get_by_role("button", name=t["add_url"])
    add.click()  # the second field stays empty: not sent
    add.click()
    page.locator("input[name=url]").nth(2).fill("https://c.example.com/3")
    answer_with(page, server, 422, json.dumps({"errors": {"url.1": "Dit adres niet."}}))
    page.locator("[data-submit]").click()

    third = page.locator("input[name=url]").nth(2)
    expect(third).to_have_attribute("aria-invalid", "true")
    error_id = third.get_attribute("id") + "-error"
    expect(page.locator(f"#{error_id}")).to_have_text("Dit adres niet.")
    expect(page.locator("input[name=url]").nth(1)).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator("[data-summary] a")).to_have_attribute("href", "#" + third.get_attribute("id"))


@pytest.mark.parametrize("reference", ["MK-$&-1", "MK-$'-2", "MK-$$-3", "MK-$`-4", "<b>MK-5</b>"])
def test_a_reference_is_shown_exactly_as_sent(form_page, intake, server, reference):
    page = form_page(LANGUAGES[0])
    fill_report(page)
    answer_with(page, server, 201, json.dumps({"reference": reference}))
    page.locator("[data-submit]").click()
    expect(page.locator("[data-reference]")).to_have_text(reference)
    assert page.locator("[data-confirmation] b").count() == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_adding_addresses_stops_at_the_limit(form_page, intake, language):
    t = texts(language)
    page = form_page(language)
    add = page.get_by_role("button", name=t["add_url"])
    elapsed = page.evaluate(
        """(clicks) => {
            const add = document.querySelector("[data-add-url]");
            const start = performance.now();
            for (let i = 0; i < clicks + 5; i++) add.click();  // five more than fit: ignored
            return performance.now() - start;
        }""",
        LIMITS["max_urls"] - 1,
    )
    print(f"adding {LIMITS['max_urls'] - 1} address fields took {elapsed:.1f} ms")
    expect(page.locator("input[name=url]")).to_have_count(LIMITS["max_urls"])
    expect(add).to_be_hidden()
    expect(page.locator("[data-max-urls-note]")).to_have_text(t["max_urls"].replace("{max}", str(LIMITS["max_urls"])))
    page.get_by_role("button", name=t["remove_url"].replace("{number}", "2"), exact=True).click()
    expect(add).to_be_focused()
    expect(page.locator("[data-max-urls-note]")).to_be_hidden()


def test_more_addresses_pasted_than_the_limit_are_refused_with_a_message(form_page, intake):
    t = texts(LANGUAGES[0])
    page = form_page(LANGUAGES[0])
    many = "\n".join(f"https://site{n}.example.com/" for n in range(LIMITS["max_urls"] + 1))
    paste(page, "#report-url-1", many)
    expect(page.locator("input[name=url]")).to_have_count(1)
    page.locator("[data-submit]").click()
    expect(page.locator("#report-url-1-error")).to_have_text(t["too_many"].replace("{max}", str(LIMITS["max_urls"])))
    page.wait_for_timeout(200)
    assert intake.received == []


def test_a_double_click_sends_one_report(form_page, intake):
    t = texts(OTHER_LANGUAGE)
    intake.answer = "slow"  # one second: time for a second click while the first is on its way
    page = form_page(OTHER_LANGUAGE)
    fill_report(page)
    page.locator("[data-submit]").dblclick()
    expect(page.locator("[data-submit]")).to_have_text(t["sending"])
    expect(page.locator("[data-confirmation]")).to_be_visible()
    assert len(intake.received) == 1


def test_nothing_typed_is_stored_in_the_browser_or_shown_as_a_link(form_page, intake, context):
    page = form_page(LANGUAGES[0])
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    fill_report(page)
    page.locator("[data-submit]").click()
    expect(page.locator("[data-confirmation]")).to_be_visible()
    storage = page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]")
    assert storage == [0, 0, ""]
    assert context.cookies() == []
    assert page.url.endswith(FORM_PATH[LANGUAGES[0]])
    assert page.locator("a[href*='example.com']").count() == 0
    assert not any("example.com" in url for url in requests)


def test_the_submit_button_keeps_its_shape_in_forced_colours(form_page, intake):
    page = form_page(LANGUAGES[0])
    page.emulate_media(forced_colors="active")
    style = page.locator("[data-submit]").evaluate(
        "el => { const s = getComputedStyle(el); return [s.borderTopStyle, parseFloat(s.borderTopWidth)]; }"
    )
    assert style[0] != "none" and style[1] >= 1
