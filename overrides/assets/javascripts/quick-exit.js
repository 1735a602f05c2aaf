// "Snel weg" / "Exit this site", after GOV.UK Frontend's "Exit this page". Without this script
// the control is a plain link to a neutral site. With it:
// - a click, or pressing Shift three times within 5 seconds, hides the page at once and leaves
//   with location.replace, so the browser's Back button does not return to this page;
// - Shift used as a modifier (Shift+A) does not count, and any other key starts the count again;
// - each press is announced to screen readers ("press Shift 2 more times ...");
// - coming back to a page kept in the browser's cache (pageshow) shows the page again;
// - the bar's height is kept in --quick-exit-height, which places the sticky header below it
//   and keeps focus from scrolling under it, also when its text wraps (text spacing, large text).

const root = document.querySelector("[data-quick-exit]");
if (root) enhance(root);

function enhance(root) {
  const link = root.querySelector("[data-quick-exit-link]");
  const announce = root.querySelector("[data-quick-exit-announce]");
  const overlay = document.querySelector("[data-quick-exit-overlay]");
  const messages = JSON.parse(root.querySelector("[data-quick-exit-messages]").textContent);
  const WINDOW_MS = 5000;
  let presses = 0;
  let shiftModified = false;
  let timer = null;

  root.querySelector("[data-quick-exit-hint]").hidden = false;

  new ResizeObserver(() => {
    document.documentElement.style.setProperty("--quick-exit-height", `${root.offsetHeight}px`);
  }).observe(root);

  function exit(event) {
    event?.preventDefault();
    document.documentElement.classList.add("quick-exit-active");
    overlay.hidden = false;
    announce.textContent = messages.exiting;
    window.location.replace(link.href);
  }

  function reset() {
    presses = 0;
    clearTimeout(timer);
    timer = null;
  }

  link.addEventListener("click", exit);

  // On window, captured: the count sees every key, also one another script keeps to itself
  // (header-controls.js keeps Tab inside open search). This script runs first, so its listener does too.
  window.addEventListener("keydown", (event) => {
    if (event.key === "Shift") return;
    if (event.shiftKey) shiftModified = true; // Shift+key: this Shift press does not count
    if (presses) reset();
  }, true);

  window.addEventListener("keyup", (event) => {
    if (event.key !== "Shift") return;
    if (shiftModified) {
      shiftModified = false;
      return;
    }
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(() => {
      reset();
      announce.textContent = messages.expired;
    }, WINDOW_MS);
    if (presses >= 3) {
      reset();
      exit();
    } else {
      announce.textContent = presses === 1 ? messages.two_more : messages.one_more;
    }
  }, true);

  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    document.documentElement.classList.remove("quick-exit-active");
    overlay.hidden = true;
    announce.textContent = "";
    reset();
  });
}
