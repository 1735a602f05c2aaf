// The rules for a reported URL, before it is sent: http(s) with a public host name.
// scripts/url_rules.py is the same rules in Python (for the development intake server), and
// INTAKE-CONTRACT.md writes them down for the real endpoint; tests/url_cases.json holds
// the cases all of them must agree on.
//
// checkUrl(text) returns {ok: true, url} with the normalised URL, or {ok: false, reason} with
// one of: "empty", "invalid", "scheme", "not-public", "darkweb".

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function checkUrl(text) {
  let value = String(text).trim();
  if (!value) return { ok: false, reason: "empty" };
  if (/\s/.test(value)) return { ok: false, reason: "invalid" }; // browsers differ on spaces in host names
  if (value.startsWith("//")) value = "https:" + value;
  else if (!SCHEME.test(value) || /^[^:/]+:\d+(\/|$)/.test(value)) value = "https://" + value;

  let url;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, reason: "scheme" };
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (!host) return { ok: false, reason: "invalid" };
  if (host === "onion" || host.endsWith(".onion")) return { ok: false, reason: "darkweb" };
  if (host.startsWith("[")) return isPublicIPv6(host.slice(1, -1)) ? { ok: true, url: url.href } : { ok: false, reason: "not-public" };
  if (/^[0-9.]+$/.test(host)) return isPublicIPv4(host) ? { ok: true, url: url.href } : { ok: false, reason: "not-public" };
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host)) return { ok: false, reason: "invalid" };
  if (!host.includes(".") || /\.(local|localhost|internal|lan|home\.arpa)$/.test(host) || host === "localhost") {
    return { ok: false, reason: "not-public" };
  }
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.(xn--[a-z0-9-]+|[a-z]{2,})$/.test(host)) return { ok: false, reason: "invalid" };
  return { ok: true, url: url.href };
}

// Blocks that are not the public internet: this network, private, loopback, link-local,
// shared (carrier-grade NAT), documentation/benchmark, multicast and reserved.
const PRIVATE_V4 = [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16],
  ["172.16.0.0", 12], ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15],
  ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
];

function v4ToNumber(address) {
  const parts = address.split(".").map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) return null;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

export function isPublicIPv4(address) {
  const number = v4ToNumber(address);
  if (number === null) return false;
  return !PRIVATE_V4.some(([base, bits]) => {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    return ((number & mask) >>> 0) === ((v4ToNumber(base) & mask) >>> 0);
  });
}

function v6Groups(address) {
  // The URL parser has already normalised the address: lower case, "::" compression, hex groups.
  let text = address.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = v4ToNumber(v4[1]);
    if (n === null) return null;
    text = text.slice(0, -v4[1].length) + ((n >>> 16).toString(16)) + ":" + ((n & 0xffff).toString(16));
  }
  const [head, tail] = text.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  if (text.includes("::") ? missing < 1 : missing !== 0) return null;
  const groups = [...headGroups, ...Array(text.includes("::") ? missing : 0).fill("0"), ...tailGroups].map((g) => parseInt(g, 16));
  return groups.some((g) => Number.isNaN(g) || g < 0 || g > 0xffff) ? null : groups;
}

export function isPublicIPv6(address) {
  const g = v6Groups(address);
  if (!g) return false;
  if (g.slice(0, 7).every((x) => x === 0) && g[7] <= 1) return false; // :: and ::1
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) {       // ::ffff:a.b.c.d
    return isPublicIPv4([g[6] >> 8, g[6] & 255, g[7] >> 8, g[7] & 255].join("."));
  }
  if ((g[0] & 0xfe00) === 0xfc00) return false;                        // fc00::/7 unique local
  if ((g[0] & 0xffc0) === 0xfe80) return false;                        // fe80::/10 link-local
  if ((g[0] & 0xff00) === 0xff00) return false;                        // ff00::/8 multicast
  if (g[0] === 0x2001 && g[1] === 0x0db8) return false;                // 2001:db8::/32 documentation
  return (g[0] & 0xe000) === 0x2000;                                   // 2000::/3 global unicast
}
