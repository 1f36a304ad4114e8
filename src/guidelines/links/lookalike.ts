// Lookalike domains: hosts that imitate a protected brand or the community's own domain
// ("dlscord.com", "steamcommunlty.com", "disc0rd-nitro.xyz", "myshop-offers.xyz",
// "steamcommunity.com.trade-offer.ru"), never the brand's real domains.
import { DomainSet, domainName, registrableDomain } from "./domains.js";
import { skeleton } from "./confusables.js";
import { osaDistance } from "./distance.js";
import { PROTECTED_BRANDS, SCAM_HOST_WORDS } from "./builtin.js";
import type { Link } from "./link.js";

export interface ProtectedName {
  /** The name as configured, e.g. "discord". */
  name: string;
  /** Its skeleton. */
  skel: string;
  /** Edit distance still counted as a lookalike. */
  maxDistance: number;
  /** Domains that really belong to the name (never lookalikes). */
  official: DomainSet;
  officialDomains: readonly string[];
  /** Shown to moderators: "discord.com". */
  shown: string;
}

export interface LookalikeHit {
  name: string;
  shown: string;
  how: "homoglyph" | "typo" | "brand-in-domain" | "embedded-domain";
}

/** Default edit distance by name length: short names only by homoglyphs ("bkash" ~ "nagar" is too close). */
export function defaultMaxDistance(name: string): number {
  return name.length <= 5 ? 0 : name.length <= 9 ? 1 : 2;
}

export function protectedName(name: string, official: Iterable<string>, maxDistance?: number): ProtectedName {
  const lower = name.toLowerCase().replace(/\s+/g, "");
  const domains = [...official];
  return {
    name: lower,
    skel: skeleton(lower).replace(/-/g, ""),
    maxDistance: Math.min(maxDistance ?? defaultMaxDistance(lower), defaultMaxDistance(lower) + 1),
    official: new DomainSet(domains),
    officialDomains: domains.map((d) => d.toLowerCase()),
    shown: domains[0] ?? lower,
  };
}

/** The built-in brands (discord, steam, paypal, bkash, ...) with their real domains. */
export function builtinProtectedNames(maxDistance?: number): ProtectedName[] {
  return [...PROTECTED_BRANDS].map(([name, domains]) => protectedName(name, domains, maxDistance));
}

/**
 * The community's own names: each own domain's name ("myshop" from "myshop.com.bd") and each
 * configured protected name, all with the own domains as official.
 */
export function communityProtectedNames(ownDomains: readonly string[], names: readonly string[], maxDistance?: number): ProtectedName[] {
  const out: ProtectedName[] = [];
  const seen = new Set<string>();
  const add = (n: string) => {
    const key = n.toLowerCase();
    if (key.length < 4 || seen.has(key)) return; // "abc" lookalikes are everywhere
    seen.add(key);
    const builtin = PROTECTED_BRANDS.get(key);
    out.push(protectedName(key, [...ownDomains, ...(builtin ?? [])], maxDistance));
  };
  for (const d of ownDomains) add(domainName(d.toLowerCase().replace(/^www\./, "")));
  for (const n of names) add(n);
  return out;
}

/**
 * A set of protected names prepared for checking many links: all their real domains in one set
 * (a real domain of any protected brand is never a lookalike), and "real domain + dot" needles
 * for the embedded-domain trick.
 */
export class LookalikeIndex {
  private readonly official: DomainSet;
  private readonly embedded: readonly [string, ProtectedName][];

  constructor(readonly names: readonly ProtectedName[]) {
    this.official = new DomainSet(names.flatMap((p) => p.officialDomains));
    this.embedded = names.flatMap((p) => p.officialDomains.filter((d) => d.includes(".")).map((d) => [`${d}.`, p] as [string, ProtectedName]));
  }

  /** Answers for recent hosts (keyed by host and Unicode host): links repeat from message to message. */
  private readonly recent = new Map<string, LookalikeHit | null>();

  /** The lookalike a link is, or null (not a lookalike, or a real domain). Hits are shared: do not modify. */
  check(link: Link): LookalikeHit | null {
    const key = link.unicodeHost === link.host ? link.host : `${link.host} ${link.unicodeHost}`;
    let hit = this.recent.get(key);
    if (hit === undefined) {
      if (this.recent.size >= 256) this.recent.clear();
      this.recent.set(key, (hit = this.compute(link.host, link.unicodeHost)));
    }
    return hit;
  }

  private compute(host: string, unicodeHost: string): LookalikeHit | null {
    if (this.official.has(host)) return null;
    const regUnicode = registrableDomain(unicodeHost);
    const dot = regUnicode.indexOf(".");
    const label = dot === -1 ? regUnicode : regUnicode.slice(0, dot);
    const skel = skeleton(label);
    const hyphen = skel.indexOf("-") !== -1;
    const words = hyphen ? skel.split("-").filter(Boolean) : null;
    const joined = words ? words.join("") : skel;
    for (const p of this.names) {
      const ps = p.skel;
      // Homoglyphs (or the name on another TLD): "dlscord.com", "disсord.gg", "discord.xyz".
      if (joined === ps) return { name: p.name, shown: p.shown, how: label === p.name ? "brand-in-domain" : "homoglyph" };
      // Typos: "discrod", "steamcomunity" (same first letter: "binance" is not "finance").
      const md = p.maxDistance;
      if (md > 0 && joined.charCodeAt(0) === ps.charCodeAt(0) && Math.abs(joined.length - ps.length) <= md && osaDistance(joined, ps, md) <= md) {
        return { name: p.name, shown: p.shown, how: "typo" };
      }
      // The name as one word of a hyphenated host, possibly misspelt: "disc0rd-nitro", "myshop-offer".
      if (words !== null && words.length > 1) {
        for (const w of words) {
          if (w === ps) return { name: p.name, shown: p.shown, how: "brand-in-domain" };
          if (md > 0 && w.charCodeAt(0) === ps.charCodeAt(0) && Math.abs(w.length - ps.length) <= md && osaDistance(w, ps, md) <= md) {
            return { name: p.name, shown: p.shown, how: "typo" };
          }
        }
      }
      // The name glued to a scam word: "discordnitro", "freesteamcommunity", "steamgift".
      if (ps.length >= 5 && joined.length > ps.length) {
        const at = joined.indexOf(ps);
        if (at !== -1 && (SCAM_SKELETONS.has(joined.slice(0, at)) || SCAM_SKELETONS.has(joined.slice(at + ps.length)) || gluedScam(joined.slice(0, at)) || gluedScam(joined.slice(at + ps.length)))) {
          return { name: p.name, shown: p.shown, how: "brand-in-domain" };
        }
      }
    }
    // A real domain used as a subdomain: "steamcommunity.com.trade-offer.ru".
    if (host.split(".").length >= 3) {
      for (const [needle, p] of this.embedded) {
        const i = host.indexOf(needle);
        if (i !== -1 && (i === 0 || host.charCodeAt(i - 1) === 46)) return { name: p.name, shown: needle.slice(0, -1), how: "embedded-domain" };
      }
    }
    return null;
  }
}

/** "freegift" → two scam words glued. */
function gluedScam(rest: string): boolean {
  if (rest.length < 6) return false;
  for (let i = 3; i <= rest.length - 3; i++) if (SCAM_SKELETONS.has(rest.slice(0, i)) && SCAM_SKELETONS.has(rest.slice(i))) return true;
  return false;
}

const indexes = new WeakMap<readonly ProtectedName[], LookalikeIndex>();

/** Checks one link against the names; null when it is not a lookalike (or is a real domain). */
export function lookalikeOf(link: Link, names: readonly ProtectedName[]): LookalikeHit | null {
  let index = indexes.get(names);
  if (!index) indexes.set(names, (index = new LookalikeIndex(names)));
  return index.check(link);
}

// Words are compared in skeleton form: "glft" is how "gift" reads after folding i → l.
const SCAM_SKELETONS = new Set(SCAM_HOST_WORDS.map((w) => skeleton(w)));
