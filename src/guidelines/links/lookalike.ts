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

/** Checks one link against the names; null when it is not a lookalike (or is an official domain). */
export function lookalikeOf(link: Link, names: readonly ProtectedName[]): LookalikeHit | null {
  const host = link.host;
  const reg = registrableDomain(host);
  const regUnicode = registrableDomain(link.unicodeHost);
  const label = regUnicode.slice(0, regUnicode.indexOf(".") === -1 ? undefined : regUnicode.indexOf("."));
  const skel = skeleton(label);
  const words = skel.split("-").filter(Boolean);
  const joined = words.join("");
  for (const p of names) {
    if (p.official.has(host) || p.official.has(reg)) continue;
    // Homoglyphs (or the name on another TLD): "dlscord.com", "disсord.gg", "discord.xyz".
    if (joined === p.skel) return { name: p.name, shown: p.shown, how: label === p.name ? "brand-in-domain" : "homoglyph" };
    // Typos: "discrod", "steamcomunity" (same first letter: "binance" ≠ "finance").
    if (p.maxDistance > 0 && joined[0] === p.skel[0] && osaDistance(joined, p.skel, p.maxDistance) <= p.maxDistance) {
      return { name: p.name, shown: p.shown, how: "typo" };
    }
    // The name as one word of a hyphenated host, possibly misspelt: "disc0rd-nitro", "myshop-offer".
    if (words.length > 1) {
      for (const w of words) {
        if (w === p.skel || (p.maxDistance > 0 && w[0] === p.skel[0] && osaDistance(w, p.skel, p.maxDistance) <= p.maxDistance)) {
          return { name: p.name, shown: p.shown, how: w === p.skel ? "brand-in-domain" : "typo" };
        }
      }
    }
    // The name glued to a scam word: "discordnitro", "freesteamcommunity", "steamgift".
    if (p.skel.length >= 5 && joined.length > p.skel.length) {
      const at = joined.indexOf(p.skel);
      if (at !== -1) {
        const rest = joined.slice(0, at) + " " + joined.slice(at + p.skel.length);
        if (rest.split(" ").some((r) => r && SCAM_SKELETONS.has(r))) {
          return { name: p.name, shown: p.shown, how: "brand-in-domain" };
        }
      }
    }
    // A real domain used as a subdomain: "steamcommunity.com.trade-offer.ru".
    for (const off of p.officialDomains) {
      const i = host.indexOf(off + ".");
      if (i !== -1 && (i === 0 || host[i - 1] === ".")) return { name: p.name, shown: off, how: "embedded-domain" };
    }
  }
  return null;
}

// Words are compared in skeleton form: "glft" is how "gift" reads after folding i → l.
const SCAM_SKELETONS = new Set(SCAM_HOST_WORDS.map((w) => skeleton(w)));
