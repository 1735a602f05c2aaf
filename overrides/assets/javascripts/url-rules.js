// The rules for a reported URL, before it is sent: http(s) with a public host name.
// The ranges, names, schemes and limits are data/report-rules.yml, which the form's template
// writes into the page (<script type="application/json" id="report-rules">); scripts/url_rules.py
// is the same rules in Python (for the development intake server), and INTAKE-CONTRACT.md writes
// them down for the real endpoint; tests/url_cases.json holds the cases all of them must agree on.
//
// checkUrl(text) returns {ok: true, url} with the normalised URL, or {ok: false, reason} with
// one of: "empty", "invalid", "scheme", "not-public", "darkweb".

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

let pageRules = null;

function rules() {
  pageRules ??= JSON.parse(document.getElementById("report-rules").textContent).urls;
  return pageRules;
}

export function checkUrl(text) {
  const r = rules();
  let value = clean(String(text), r);
  if (value === null) return { ok: false, reason: "invalid" };
  if (!value) return { ok: false, reason: "empty" };
  if (value.startsWith("//")) value = `${r.schemes[0]}:${value}`;
  else if (!SCHEME.test(value) || /^[^:/]+:\d+(\/|$)/.test(value)) value = `${r.schemes[0]}://${value}`;

  if (!r.schemes.includes(SCHEME.exec(value)[0].slice(0, -1).toLowerCase())) return { ok: false, reason: "scheme" };
  let url;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: "invalid" };
  }
  // Cleaned: "example.com." is example.com (the one place we differ from the browser).
  if (url.hostname.length > 1 && url.hostname.endsWith(".")) url.hostname = url.hostname.slice(0, -1);
  if (url.href.length > r.max_length) return { ok: false, reason: "invalid" };
  const host = url.hostname.toLowerCase();
  if (!host) return { ok: false, reason: "invalid" };
  if (endsWithAny(host, r.darkweb_suffixes)) return { ok: false, reason: "darkweb" };
  if (host.startsWith("[")) return isPublicIPv6(host.slice(1, -1)) ? { ok: true, url: url.href } : { ok: false, reason: "not-public" };
  if (/^\d+(\.\d+){3}$/.test(host)) return isPublicIPv4(host) ? { ok: true, url: url.href } : { ok: false, reason: "not-public" };
  if (!/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(host)) return { ok: false, reason: "invalid" };
  if (!host.includes(".") || r.local_names.includes(host) || endsWithAny(host, r.local_suffixes)) {
    return { ok: false, reason: "not-public" };
  }
  if (!/^[a-z0-9_-]+(\.[a-z0-9_-]+)*\.(xn--[a-z0-9-]+|[a-z]{2,})$/.test(host)) return { ok: false, reason: "invalid" };
  return { ok: true, url: url.href };
}

// The address in what was pasted, or null when there is not exactly one. Invisible marks go; an
// address alone loses the quotes, brackets and punctuation around it; in a sentence, the one
// word that is an address (with "://", or starting with "www." or a scheme) is taken, but only
// when no other word has a dot or a slash, which would mean the address itself was broken by a space.
export function clean(text, r = rules()) {
  const visible = [...text].filter((c) => !r.invisible.includes(c)).join("");
  const words = visible.split(/[\p{Cc}\p{Zs}\p{Zl}\p{Zp}]+/u).map((word) => unwrap(word, r)).filter(Boolean);
  if (words.length <= 1) return words[0] ?? "";
  const starts = ["www.", ...r.schemes.map((scheme) => `${scheme}:`)];
  const addresses = words.filter((word) => word.includes("://") || starts.some((start) => word.toLowerCase().startsWith(start)));
  const others = words.filter((word) => !addresses.includes(word));
  if (addresses.length === 1 && !others.some((word) => word.includes(".") || word.includes("/"))) return addresses[0];
  return null;
}

// A word without the quotes, brackets and sentence punctuation around it.
function unwrap(word, r) {
  const count = (c) => word.split(c).length - 1;
  while (word && (r.quotes.includes(word[0]) || "<(".includes(word[0]))) word = word.slice(1);
  while (
    word &&
    (r.quotes.includes(word.at(-1)) || r.trailing_punctuation.includes(word.at(-1)) || word.at(-1) === ">" ||
      (word.at(-1) === ")" && count(")") > count("(")))
  ) {
    word = word.slice(0, -1);
  }
  return word;
}

// A name that is one of the suffixes, or ends in "." and one of them.
function endsWithAny(host, suffixes) {
  return suffixes.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}

// Addresses as BigInt numbers, so that IPv4 (32 bits) and IPv6 (128 bits) ranges work the same.
function v4Number(address) {
  const parts = address.split(".");
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) return null;
  return parts.reduce((number, part) => (number << 8n) + BigInt(part), 0n);
}

function v6Number(address) {
  // The URL parser has already normalised the address: lower case, "::" compression, hex groups.
  let text = address.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = v4Number(v4[1]);
    if (n === null) return null;
    text = `${text.slice(0, -v4[1].length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail, ...more] = text.split("::");
  if (more.length) return null;
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  if (text.includes("::") ? missing < 1 : missing !== 0) return null;
  const groups = [...headGroups, ...Array(text.includes("::") ? missing : 0).fill("0"), ...tailGroups];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.reduce((number, g) => (number << 16n) + BigInt(`0x${g}`), 0n);
}

// "10.0.0.0/8" as [first, bits, width] for inRange.
function range(text, toNumber, width) {
  const [base, bits] = text.split("/");
  return [toNumber(base), BigInt(bits), width];
}

function inRange(number, [first, bits, width]) {
  return number >> (width - bits) === first >> (width - bits);
}

export function isPublicIPv4(address) {
  const number = v4Number(address);
  return number !== null && isPublicV4Number(number);
}

function isPublicV4Number(number) {
  return !rules().ipv4_not_public.some((text) => inRange(number, range(text, v4Number, 32n)));
}

// In a public range, in no range that is not, and every IPv4 address it carries public.
export function isPublicIPv6(address) {
  const number = v6Number(address);
  if (number === null) return false;
  const r = rules();
  const within = (text) => inRange(number, range(text, v6Number, 128n));
  if (!r.ipv6_public.some(within) || r.ipv6_not_public.some(within)) return false;
  return r.ipv6_carrying_ipv4.filter((carrier) => within(carrier.range)).every((carrier) =>
    carrier.ipv4.every(({ at, inverted }) => {
      const v4 = (number >> BigInt(128 - 32 - at)) & 0xffffffffn;
      return isPublicV4Number(inverted ? v4 ^ 0xffffffffn : v4);
    }),
  );
}
