// Domain sets that match a host and all its subdomains with one Set lookup per label,
// plus optional "host/path" entries (some blocklists list single shortened URLs).
import { domainToASCII } from "node:url";
import { PRIVATE_SUFFIXES, PUBLIC_SECOND_LEVEL } from "./tlds.js";

/**
 * Normalise one list entry or configured domain: lower-case, no scheme, no "www.", no
 * trailing dot or slash, IDN to punycode. Returns null for blank or unusable entries.
 */
export function normalizeDomainEntry(entry: string): { host: string; path: string } | null {
  let s = entry.trim().toLowerCase();
  if (!s || s.startsWith("#")) return null;
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/^\*\./, "");
  const slash = s.search(/[/?#]/);
  let host = slash === -1 ? s : s.slice(0, slash);
  let path = slash === -1 ? "" : s.slice(slash);
  host = host.replace(/^www\./, "").replace(/\.+$/, "").replace(/:\d+$/, "");
  if (path === "/") path = "";
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(host)) host = domainToASCII(host);
  if (!host || !/^[a-z0-9.-]+$/.test(host) || host.startsWith(".") || host.includes("..")) return null;
  return { host, path };
}

/**
 * A host and the domains it is under, longest first ("a.b.com", "b.com", "com"). Remembered for
 * recent hosts: every link rule asks about the same few hosts in turn, and the strings made here
 * keep their hash for the next Set lookup.
 */
const recentDomains = new Map<string, readonly string[]>();
function domainsOf(host: string): readonly string[] {
  let out = recentDomains.get(host);
  if (out !== undefined) return out;
  const list = [host];
  for (let dot = host.indexOf("."); dot !== -1; dot = host.indexOf(".", dot + 1)) list.push(host.slice(dot + 1));
  if (recentDomains.size >= 256) recentDomains.clear();
  recentDomains.set(host, (out = list));
  return out;
}

/** A set of domains; each matches itself and every subdomain ("evil.com" matches "a.evil.com"). */
export class DomainSet {
  private readonly hosts = new Set<string>();
  /** host → path prefixes, for entries such as "bit.ly/abc". */
  private readonly paths = new Map<string, string[]>();

  constructor(entries: Iterable<string> = []) {
    for (const e of entries) this.add(e);
  }

  add(entry: string): void {
    const n = normalizeDomainEntry(entry);
    if (!n) return;
    if (!n.path) {
      this.hosts.add(n.host);
      return;
    }
    const list = this.paths.get(n.host);
    if (list) list.push(n.path);
    else this.paths.set(n.host, [n.path]);
  }

  addAll(other: DomainSet): void {
    for (const h of other.hosts) this.hosts.add(h);
    for (const [h, ps] of other.paths) for (const p of ps) this.add(h + p);
  }

  get size(): number {
    return this.hosts.size + this.paths.size;
  }

  /**
   * The listed domain that `host` is or is under, or null. `path` (e.g. "/abc?x") is checked
   * against "host/path" entries, case-insensitively, as a prefix ending at a path boundary.
   */
  match(host: string, path = ""): string | null {
    const suffixes = domainsOf(host);
    for (let i = 0; i < suffixes.length; i++) if (this.hosts.has(suffixes[i]!)) return suffixes[i]!;
    if (this.paths.size && path) {
      const prefixes = this.paths.get(host.startsWith("www.") ? host.slice(4) : host);
      if (prefixes) {
        const p = path.toLowerCase();
        for (const pre of prefixes) {
          if (p.startsWith(pre) && (p.length === pre.length || "/?#".includes(p[pre.length]!))) return host + pre;
        }
      }
    }
    return null;
  }

  has(host: string, path = ""): boolean {
    return this.match(host, path) !== null;
  }
}

/**
 * The registrable domain of a host without a public suffix list: the last two labels, or
 * three under a public second level ("example.co.uk", "shop.com.bd") or a hosting suffix
 * ("name.github.io").
 */
export function registrableDomain(host: string): string {
  let reg = recentRegistrable.get(host);
  if (reg === undefined) {
    if (recentRegistrable.size >= 256) recentRegistrable.clear();
    recentRegistrable.set(host, (reg = computeRegistrable(host)));
  }
  return reg;
}

/** Registrable domains of recent hosts: links repeat (youtube.com, discord.gg) from message to message. */
const recentRegistrable = new Map<string, string>();

function computeRegistrable(host: string): string {
  const labels = host.split(".");
  const n = labels.length;
  if (n <= 2) return host;
  const lastTwo = labels[n - 2] + "." + labels[n - 1];
  if (PRIVATE_SUFFIXES.has(lastTwo)) return labels.slice(n - 3).join(".");
  const lastThree = labels.slice(n - 3).join(".");
  if (n >= 4 && PRIVATE_SUFFIXES.has(lastThree)) return labels.slice(n - 4).join(".");
  if (labels[n - 1]!.length === 2 && PUBLIC_SECOND_LEVEL.has(labels[n - 2]!)) return lastThree;
  return lastTwo;
}

/** The name part of a registrable domain: "dlscord" for "www.dlscord.com", "example" for "example.co.uk". */
export function domainName(host: string): string {
  const reg = registrableDomain(host);
  const dot = reg.indexOf(".");
  return dot === -1 ? reg : reg.slice(0, dot);
}
