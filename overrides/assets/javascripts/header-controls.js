// Material's header for keyboard and screen-reader users, at every width.
//
// Without this script the header works by mouse and touch: the menu and search open from
// <label>s of hidden checkboxes (#__drawer, #__search), and the language menu opens on hover or
// focus. With it:
// - each toggle label becomes a real <button> named from data/strings (the label carries the
//   name: overrides/hooks/accessible_names.py), with aria-expanded; it clicks the hidden label,
//   so Material's own behaviour stays as it is;
// - the open menu drawer is modal: what it covers is inert, Escape closes it, and focus goes
//   back to the menu button;
// - open search on a phone or tablet is a dialog: Tab stays inside it, Escape (Material's) or its
//   close button closes it, and focus goes back to the search button;
// - the language menu opens on a click, not on focus (it covered the next tab stop), says
//   whether it is open (aria-expanded), and closes with Escape, or when focus or a click goes
//   elsewhere.

// - the header's height is kept in --header-height: the site's name may wrap onto two lines, and
//   focus must not scroll under the header;
// - an element that takes focus partly under the sticky bars, or partly below the screen's edge,
//   is scrolled into full view. The stylesheet's scroll-padding-top does that whenever the
//   browser scrolls, but Chromium does not scroll for an element already partly in view.

const drawer = document.getElementById("__drawer");
const search = document.getElementById("__search");
const buttons = new Map(); // label -> button

for (const label of document.querySelectorAll("label[data-button-name]")) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = `${label.className} header-button`;
  button.dataset.headerButton = label.htmlFor === "__drawer" ? "drawer" : label.closest(".md-search") ? "close-search" : "search";
  button.setAttribute("aria-label", label.dataset.buttonName);
  button.append(...[...label.children].map((child) => child.cloneNode(true)));
  button.addEventListener("click", () => {
    label.click();
    // Material focuses the field before the checkbox opens search, while it is still hidden.
    if (label.htmlFor === "__search" && search.checked) document.querySelector(".md-search__input")?.focus();
  });
  label.before(button);
  label.classList.add("header-button__label");
  buttons.set(label, button);
}
document.documentElement.classList.add("header-buttons");

const header = document.querySelector(".md-header");
if (header) {
  new ResizeObserver(() => {
    document.documentElement.style.setProperty("--header-height", `${header.offsetHeight}px`);
  }).observe(header);
}

document.addEventListener("focusin", (event) => {
  const target = event.target;
  if (!(target instanceof Element) || target.closest(".quick-exit, .md-header, .md-sidebar, .md-search")) return;
  const bars = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop);
  const box = target.getBoundingClientRect();
  if (box.top < bars || (box.bottom > innerHeight && box.height < innerHeight - bars)) {
    target.scrollIntoView({ block: "nearest" });
  }
});

const button = (name) => document.querySelector(`[data-header-button="${name}"]`);
const shown = (element) => element && element.checkVisibility();
const focusables = (root, alsoSkipped = ":not(*)") =>
  [...root.querySelectorAll("a[href], button, input, textarea, select, [tabindex]")].filter(
    (element) => (element.tabIndex >= 0 || element.matches(alsoSkipped)) && !element.disabled && shown(element),
  );

function syncExpanded() {
  button("drawer")?.setAttribute("aria-expanded", String(drawer.checked));
  button("search")?.setAttribute("aria-expanded", String(search.checked));
}

// The open drawer: everything it covers is inert, so Tab and a screen reader stay in the drawer
// (and in the quick-exit bar above it, which stays in reach).
const covered = () => document.querySelectorAll(".md-header, .md-content, .md-sidebar--secondary, .md-footer, .md-skip");
const sidebar = document.querySelector(".md-sidebar--primary");

drawer.addEventListener("change", () => {
  syncExpanded();
  const modal = drawer.checked && shown(button("drawer"));
  for (const element of covered()) element.inert = modal;
  if (modal) {
    focusables(sidebar)[0]?.focus({ preventScroll: true });
  } else if (!document.activeElement || document.activeElement === document.body || sidebar.contains(document.activeElement)) {
    if (shown(button("drawer"))) button("drawer").focus();
  }
});

search.addEventListener("change", () => {
  syncExpanded();
  // Open search on a phone or tablet covers the page: a screen reader stays in it too.
  const container = document.querySelector(".md-container");
  if (container) container.inert = search.checked && shown(button("search"));
  const active = document.activeElement;
  if (!search.checked && (!active || active === document.body || active.closest(".md-search"))) {
    if (shown(button("search"))) button("search").focus();
  }
});
syncExpanded();

// Tab inside open search, where search covers the page (the search button shows: below 60em).
// Captured before Material's own handler, which would close search on Tab, and would move focus
// back to the field on the Shift of Shift+Tab. Result links are stops too (Material gives them
// tabindex=-1 and reaches them with the arrow keys, which still work).
const dialog = document.querySelector(".md-search__inner");
window.addEventListener(
  "keydown",
  (event) => {
    if (!["Tab", "Shift"].includes(event.key) || !search.checked || !dialog || !shown(button("search"))) return;
    event.stopPropagation();
    if (event.key === "Shift") return;
    const stops = focusables(dialog, ".md-search-result__link");
    if (!stops.length) return;
    const at = stops.indexOf(document.activeElement);
    const next = event.shiftKey ? (at <= 0 ? stops.length - 1 : at - 1) : (at + 1) % stops.length;
    event.preventDefault();
    stops[next].focus();
  },
  true,
);

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && drawer.checked) {
    drawer.click(); // Material listens for the checkbox's change
  }
});

// The language menu: a disclosure, opened by its button.
for (const select of document.querySelectorAll(".md-select")) {
  const trigger = select.querySelector(":scope > button");
  if (!trigger) continue;
  const open = (state) => {
    select.classList.toggle("md-select--open", state);
    trigger.setAttribute("aria-expanded", String(state));
  };
  select.classList.add("md-select--managed");
  open(false);
  trigger.addEventListener("click", () => open(trigger.getAttribute("aria-expanded") !== "true"));
  select.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || trigger.getAttribute("aria-expanded") !== "true") return;
    event.stopPropagation();
    open(false);
    trigger.focus();
  });
  select.addEventListener("focusout", (event) => {
    if (!select.contains(event.relatedTarget)) open(false);
  });
  document.addEventListener("click", (event) => {
    if (!select.contains(event.target)) open(false);
  });
}
