// The report form, improved. Without this script the form is a plain POST to the intake
// endpoint; with it, the form:
// - checks every URL before sending and says at the field what is wrong (url-rules.js);
// - adds "Add another address" for several URLs;
// - sends the same fields with fetch (application/x-www-form-urlencoded, Accept:
//   application/json: a CORS simple request), once, however often the button is pressed;
// - shows the reference on success (role="status") and only then clears the form;
// - on any failure (an error answer, field errors, a dropped connection, no answer within the
//   timeout) says so (role="alert") and keeps everything typed, so sending again just works.
// Nothing typed is written to storage, cookies or the page URL, and no reported URL is shown
// as a link. INTAKE-CONTRACT.md describes the endpoint's side.

import { checkUrl } from "./url-rules.js";

const form = document.querySelector("[data-report-form]");
const messages = JSON.parse(document.getElementById("report-form-messages").textContent);

if (form) enhance(form);

function enhance(form) {
  const submit = form.querySelector("[data-submit]");
  const status = form.querySelector("[data-status]");
  const alert = form.querySelector("[data-alert]");
  const addUrl = form.querySelector("[data-add-url]");
  const template = form.querySelector("[data-url-field]").cloneNode(true);
  const timeout = Number(form.dataset.timeoutMs) || 20000;
  let sending = false;

  form.noValidate = true; // our messages replace the browser's, in the page's language
  addUrl.hidden = false;
  addUrl.addEventListener("click", () => addUrlField().querySelector("input").focus());

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (sending) return;
    clearMessages();
    if (!checkFields()) return;

    sending = true;
    submit.disabled = true;
    submit.textContent = messages.sending;
    form.setAttribute("aria-busy", "true");
    try {
      const answer = await send();
      if (answer.ok) succeed(answer.reference);
      else if (answer.errors) showFieldErrors(answer.errors);
      else fail();
    } finally {
      sending = false;
      submit.disabled = false;
      submit.textContent = messages.submit;
      form.removeAttribute("aria-busy");
    }
  });

  function urlInputs() {
    return [...form.querySelectorAll("input[name=url]")];
  }

  function addUrlField() {
    const number = urlInputs().length + 1;
    const field = template.cloneNode(true);
    const input = field.querySelector("input");
    const label = field.querySelector("label");
    const error = field.querySelector(".report-form__error");
    input.id = `report-url-${number}`;
    input.value = "";
    input.required = false;
    error.id = `report-url-${number}-error`;
    label.htmlFor = input.id;
    label.textContent = `${messages.url_label_more} (${number})`;
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "report-form__secondary";
    remove.textContent = `${messages.remove_url} (${number})`;
    remove.addEventListener("click", () => {
      field.remove();
      addUrl.focus();
    });
    field.append(remove);
    addUrl.before(field);
    return field;
  }

  function checkFields() {
    let firstInvalid = null;
    for (const input of urlInputs()) {
      const extra = input !== urlInputs()[0];
      if (extra && !input.value.trim()) continue; // an extra field left empty is not an error
      const verdict = checkUrl(input.value);
      if (verdict.ok) {
        input.value = verdict.url; // show what is sent, e.g. with https:// added
      } else {
        setError(input, messages[verdict.reason]);
        firstInvalid ??= input;
      }
    }
    if (firstInvalid) {
      alert.textContent = messages.invalid_summary;
      firstInvalid.focus();
      return false;
    }
    return true;
  }

  async function send() {
    const body = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (name === "url" && !String(value).trim()) continue;
      body.append(name, value);
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body,
        headers: { Accept: "application/json" },
        credentials: "omit",
        referrerPolicy: "no-referrer",
        cache: "no-store",
        signal: controller.signal,
      });
      const data = await response.json().catch(() => null);
      if (response.ok && data && typeof data.reference === "string" && data.reference) {
        return { ok: true, reference: data.reference };
      }
      if (response.status >= 400 && response.status < 500 && data && data.errors && typeof data.errors === "object") {
        return { ok: false, errors: data.errors };
      }
      return { ok: false };
    } catch {
      return { ok: false }; // dropped connection, blocked by CORS, or aborted by the timer
    } finally {
      clearTimeout(timer);
    }
  }

  function succeed(reference) {
    for (const field of form.querySelectorAll("[data-url-field]")) {
      if (field.querySelector("input") !== urlInputs()[0]) field.remove();
    }
    form.reset();
    status.textContent = messages.success.replace("{reference}", reference);
    status.focus();
  }

  function showFieldErrors(errors) {
    let first = null;
    for (const [name, message] of Object.entries(errors)) {
      const [field, index] = name.split(".");
      const input = field === "url" ? urlInputs()[Number(index) || 0] : form.elements.namedItem(field);
      if (input instanceof HTMLElement && input.type !== "hidden") {
        setError(input, String(message));
        first ??= input;
      }
    }
    alert.textContent = first ? messages.field_errors : messages.failed;
    first?.focus();
  }

  function fail() {
    alert.textContent = messages.failed;
  }

  function setError(input, message) {
    const error = document.getElementById(`${input.id}-error`);
    error.textContent = message;
    error.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", `${error.id} ${input.getAttribute("aria-describedby") || ""}`.trim());
  }

  function clearMessages() {
    alert.textContent = "";
    status.textContent = "";
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
}
