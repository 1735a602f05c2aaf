// The report form, improved. Without this script the form is a plain POST to the intake
// endpoint; with it, the form:
// - checks every URL before sending; problems get a message at their field and an error summary
//   at the top (GOV.UK's pattern) whose links move focus to the fields;
// - splits several addresses pasted into one field into separate fields; "Add another address"
//   adds fields up to the limit in data/report-rules.yml, each with an id never used before;
// - sends the same fields with fetch (application/x-www-form-urlencoded, Accept:
//   application/json: a CORS simple request), once, however often the button is pressed, with a
//   random report_id that stays the same for every try of the same report, so the endpoint can
//   drop repeats (INTAKE-CONTRACT.md);
// - while sending, keeps focus where it was, says "Sending…" in a status region;
// - on success replaces the form with the confirmation panel (partials/components/confirmation.html)
//   and moves focus to it;
// - on any other answer (an error, field errors for fields it has or not, 2xx it cannot read,
//   no answer within the wait, a dropped connection) shows a message, moves focus to it, and
//   keeps everything typed, so sending again just works;
// - clears everything when the page is left (pagehide), so the browser's back/forward cache never
//   brings a typed report or a reference back, after the quick exit say.
// Nothing typed is written to storage, cookies or the page URL, and no reported URL is shown
// as a link.

import { checkUrl } from "./url-rules.js";
import { fillConfirmation } from "./confirmation.js";

const form = document.querySelector("[data-report-form]");
if (form) enhance(form);

/** A text with {name} replaced by value. split/join, not String.replace: no "$&" patterns. */
function fill(text, name, value) {
  return text.split(`{${name}}`).join(String(value));
}

/** A screen reader announces an alert again only when its content changes: give it a moment empty. */
function pause() {
  return new Promise((resolve) => setTimeout(resolve, 50));
}

function newReportId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

function enhance(form) {
  const all = JSON.parse(document.getElementById("report-form-messages").textContent);
  const messages = all.report_form;
  const submit = form.querySelector("[data-submit]");
  const status = document.querySelector("[data-status]");
  const summary = form.querySelector("[data-summary]");
  const failure = form.querySelector("[data-failure]");
  const addUrl = form.querySelector("[data-add-url]");
  const maxNote = form.querySelector("[data-max-urls-note]");
  const confirmation = document.querySelector("[data-confirmation-template]");
  const template = form.querySelector("[data-url-field]").cloneNode(true);
  const timeout = Number(form.dataset.timeoutMs) || 20000;
  const maxUrls = Number(form.dataset.maxUrls) || 20;
  let nextId = 2; // ids only ever count up, so a removed field's id is never given again
  let sending = false;
  let generation = 0; // goes up when the page is left: an answer arriving after that is dropped
  let reportId = null;
  let lastSent = null; // the fields of the last try: the same fields are the same report
  let panel = null;

  form.noValidate = true; // our messages replace the browser's, in the page's language
  addUrl.hidden = false;
  addUrl.addEventListener("click", () => {
    if (urlInputs().length < maxUrls) addUrlField().querySelector("input").focus();
  });
  summary.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    const input = link && document.getElementById(link.hash.slice(1));
    if (!input) return;
    event.preventDefault();
    input.focus();
  });
  form.addEventListener("paste", onPaste);
  window.addEventListener("pagehide", leave);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (sending) return;
    clearMessages();
    const tooMany = splitPasted();
    const problems = [...tooMany, ...checkFields(tooMany.map((problem) => problem.input))];
    if (problems.length) {
      await pause();
      showProblems(problems);
      return;
    }

    sending = true;
    const started = generation;
    submit.setAttribute("aria-disabled", "true"); // not disabled: focus stays on the button
    submit.textContent = messages.sending;
    status.textContent = messages.sending;
    form.setAttribute("aria-busy", "true");
    const answer = await send();
    if (started !== generation) return; // the page was left meanwhile and has been cleared
    stopSending();
    await pause(); // still `sending`: a press now does nothing until the message is written
    if (started !== generation) return;
    if (answer.kind === "ok") succeed(answer.reference, answer.count);
    else if (answer.kind === "errors" && answer.problems.some((problem) => problem.input)) showProblems(answer.problems);
    else fail(answer.kind === "unsure" ? messages.unsure_title : messages.failed_title);
    sending = false;
  });

  /** The form is no longer busy: written before any message, so the message is announced. */
  function stopSending() {
    submit.removeAttribute("aria-disabled");
    submit.textContent = messages.submit;
    status.textContent = "";
    form.removeAttribute("aria-busy");
  }

  function urlFields() {
    return [...form.querySelectorAll("[data-url-field]")];
  }

  function urlInputs() {
    return [...form.querySelectorAll("input[name=url]")];
  }

  function addUrlField(value = "", after = urlFields().at(-1)) {
    const number = nextId++;
    const field = template.cloneNode(true);
    const input = field.querySelector("input");
    const error = field.querySelector(".report-form__error");
    input.id = `report-url-${number}`;
    input.value = value;
    input.required = false;
    error.id = `${input.id}-error`;
    field.querySelector("label").htmlFor = input.id;
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "report-form__secondary";
    remove.dataset.removeUrl = "";
    remove.addEventListener("click", () => {
      field.remove();
      renumber();
      addUrl.focus();
    });
    field.append(remove);
    after.after(field);
    renumber();
    return field;
  }

  /** Labels count the fields as they stand now; the add button stops at the limit. */
  function renumber() {
    urlFields().forEach((field, index) => {
      if (index === 0) return;
      field.querySelector("label").textContent = fill(messages.url_label_more, "number", index + 1);
      field.querySelector("[data-remove-url]").textContent = fill(messages.remove_url, "number", index + 1);
    });
    const full = urlInputs().length >= maxUrls;
    addUrl.hidden = full;
    maxNote.hidden = !full;
  }

  /** The addresses in a list of them: a text of words that all look like an address (a dot,
   * slash or colon), two or more of them good and starting as an address bar shows them (http://,
   * https://, www.). Every word is kept, good or not, so none is dropped. Prose ("see https://…
   * and https://…") or one address broken by a space stays as it is, for the URL rules to judge. */
  function addressesIn(text) {
    const parts = text.split(/\s+/).filter(Boolean);
    if (!parts.every((part) => /[./:]/.test(part))) return [];
    const starts = parts.filter((part) => /^(https?:\/\/|www\.)/i.test(part) && checkUrl(part).ok);
    return starts.length > 1 ? parts : [];
  }

  /** One field becomes one field per address, if there is room for them all. */
  function split(input) {
    const parts = addressesIn(input.value);
    if (!parts.length) return true;
    if (urlInputs().length - 1 + parts.length > maxUrls) return false;
    input.value = parts[0];
    let field = input.closest("[data-url-field]");
    for (const part of parts.slice(1)) field = addUrlField(part, field);
    return true;
  }

  /** Several addresses pasted into one field (on separate lines, which a text field would run
   * together, or with spaces) become one field each, at once. */
  function onPaste(event) {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.name !== "url") return;
    const pasted = event.clipboardData ? event.clipboardData.getData("text") : "";
    if (!addressesIn(pasted).length) return;
    event.preventDefault();
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? input.value.length;
    input.value = `${input.value.slice(0, start)} ${pasted.replace(/\s+/g, " ")} ${input.value.slice(end)}`.trim();
    split(input);
  }

  /** Before sending: fields still holding several addresses (typed with spaces) are split too. */
  function splitPasted() {
    const problems = [];
    for (const input of urlInputs()) {
      if (!split(input)) problems.push({ input, message: fill(messages.too_many, "max", maxUrls) });
    }
    return problems;
  }

  function checkFields(skip) {
    const problems = [];
    urlInputs().forEach((input, index) => {
      if (skip.includes(input)) return; // already has its message
      if (index > 0 && !input.value.trim()) return; // an extra field left empty is not an error
      const verdict = checkUrl(input.value);
      if (verdict.ok) input.value = verdict.url; // show what is sent, e.g. with https:// added
      else problems.push({ input, message: messages[verdict.reason] || messages.invalid });
    });
    return problems;
  }

  async function send() {
    const body = new URLSearchParams();
    const sent = urlInputs().filter((input) => input.value.trim());
    for (const input of sent) body.append("url", input.value);
    for (const [name, value] of new FormData(form)) {
      if (name !== "url") body.append(name, value);
    }
    if (body.toString() !== lastSent) {
      reportId = newReportId(); // changed fields are a new report; the same fields, a new try
      lastSent = body.toString();
    }
    body.append("report_id", reportId);

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    try {
      let response;
      try {
        response = await fetch(form.action, {
          method: "POST",
          body,
          headers: { Accept: "application/json" },
          credentials: "omit",
          referrerPolicy: "no-referrer",
          cache: "no-store",
          signal: controller.signal,
        });
      } catch {
        // A dropped connection, an answer without the CORS header, or no answer within the wait:
        // the report may have arrived.
        return { kind: "unsure" };
      }
      let data = null;
      try {
        data = JSON.parse(await response.text());
      } catch {
        if (response.ok) return { kind: "unsure" }; // received, perhaps, but the answer is unreadable
      }
      if (response.ok) {
        const reference = data && typeof data.reference === "string" ? data.reference.trim() : "";
        return reference ? { kind: "ok", reference, count: sent.length } : { kind: "unsure" };
      }
      const errors = data && data.errors;
      if (response.status >= 400 && response.status < 500 && errors && typeof errors === "object" && !Array.isArray(errors)) {
        return { kind: "errors", problems: endpointProblems(errors, sent) };
      }
      return { kind: "failed" };
    } finally {
      clearTimeout(timer);
    }
  }

  /** The endpoint's field errors, each at the field it is about: `url` and `url.N` count the
   * addresses sent (from 0), not the fields on the page. */
  function endpointProblems(errors, sent) {
    return Object.entries(errors).map(([name, message]) => {
      const url = /^url(?:\.(\d+))?$/.exec(name);
      let input = null;
      if (url) input = sent[Number(url[1] || 0)] || null;
      else if (name === "description" || name === "email") input = form.elements.namedItem(name);
      const text = typeof message === "string" && message.trim() ? message : messages.failed_title;
      return { input: input && input.isConnected ? input : null, message: text };
    });
  }

  function showProblems(problems) {
    const list = summary.querySelector("[data-summary-list]");
    list.replaceChildren();
    for (const { input, message } of problems) {
      const item = document.createElement("li");
      if (input) {
        setError(input, message);
        const link = document.createElement("a");
        link.href = `#${input.id}`;
        link.textContent = message;
        item.append(link);
      } else {
        item.textContent = message;
      }
      list.append(item);
    }
    summary.querySelector("[data-summary-title]").textContent =
      problems.length === 1 ? messages.summary_title_one : fill(messages.summary_title_other, "count", problems.length);
    summary.hidden = false;
    summary.focus();
  }

  function fail(title) {
    failure.querySelector("[data-failure-title]").textContent = title;
    failure.hidden = false;
    failure.focus();
  }

  function succeed(reference, count) {
    reset();
    panel = confirmation.content.querySelector("[data-confirmation]").cloneNode(true);
    fillConfirmation(panel, reference, all.confirmation, count);
    form.hidden = true;
    form.before(panel);
    panel.focus();
  }

  function setError(input, message) {
    const error = document.getElementById(`${input.id}-error`);
    if (!error) return;
    error.textContent = message;
    error.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", `${error.id} ${input.getAttribute("aria-describedby") || ""}`.trim());
  }

  function clearMessages() {
    summary.hidden = true;
    summary.querySelector("[data-summary-list]").replaceChildren();
    summary.querySelector("[data-summary-title]").textContent = "";
    failure.hidden = true;
    failure.querySelector("[data-failure-title]").textContent = "";
    for (const error of form.querySelectorAll(".report-form__error")) {
      error.hidden = true;
      error.textContent = "";
    }
    for (const input of form.querySelectorAll("[aria-invalid]")) {
      input.removeAttribute("aria-invalid");
      const described = (input.getAttribute("aria-describedby") || "").split(" ").filter((id) => !id.endsWith("-error"));
      input.setAttribute("aria-describedby", described.join(" "));
    }
  }

  /** The form as it was when the page opened: one empty address field, nothing typed. */
  function reset() {
    for (const field of urlFields().slice(1)) field.remove();
    form.reset();
    clearMessages();
    renumber();
    reportId = null;
    lastSent = null;
  }

  /** Leaving the page (a link, the quick exit, closing the tab): keep nothing for Back to show. */
  function leave() {
    generation += 1;
    if (sending) stopSending();
    sending = false;
    reset();
    panel?.remove();
    panel = null;
    form.hidden = false;
  }
}
