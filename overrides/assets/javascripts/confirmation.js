// The confirmation panel (overrides/partials/components/confirmation.html), on the thank-you page
// and in the report form. Its reference is written as text, never through a pattern or as HTML,
// so any reference shows exactly as the endpoint sent it. What the page shows is cleared when the
// page is left, so Back (from the quick exit, say) never brings a reference back.
//
// On the thank-you page the endpoint's redirect carries the reference in the fragment,
// /bedankt/#reference=MK-000123 (never sent to a server): shown, then taken out of the address
// bar and the history entry.

const MAX_REFERENCE_LENGTH = 100;

/** Fill a confirmation panel: the reference, and the sentences that count the addresses. */
export function fillConfirmation(panel, reference, messages, count = 0) {
  panel.querySelector("[data-reference]").textContent = reference;
  panel.querySelector("[data-reference-block]").hidden = !reference;
  if (count) {
    const form = count === 1 ? "one" : "other";
    panel.querySelector("[data-received]").textContent = messages[`received_${form}`].split("{count}").join(String(count));
    panel.querySelector("[data-next-look]").textContent = messages[`next_look_${form}`];
  }
  const print = panel.querySelector("[data-print]");
  print.hidden = false;
  print.addEventListener("click", () => window.print());
}

/** Empty a confirmation panel: no reference left in the page. */
export function clearConfirmation(panel) {
  panel.querySelector("[data-reference]").textContent = "";
  panel.querySelector("[data-reference-block]").hidden = true;
}

const page = document.querySelector("[data-confirmation-page]");
if (page) {
  const match = /^#reference=([^&]*)/.exec(window.location.hash);
  let reference = "";
  try {
    reference = match ? decodeURIComponent(match[1]).trim().slice(0, MAX_REFERENCE_LENGTH) : "";
  } catch {
    reference = ""; // a malformed fragment: show no reference rather than a garbled one
  }
  fillConfirmation(page, reference, {});
  if (match) history.replaceState(null, "", window.location.pathname + window.location.search);
  window.addEventListener("pagehide", () => clearConfirmation(page));
}
