// Domain lists by name or file, loaded lazily (on the first message with a link) and cached
// for the process: the 22k-entry phishing list becomes one Set shared by every rule naming it.
//
// Names:
//   phishing    built-in seed + scam host shapes + the file(s) in STEWARD_PHISHING_LIST
//   suspicious  the file(s) in STEWARD_SUSPICIOUS_LIST (empty without it)
//   shorteners  built-in shorteners + the file(s) in STEWARD_SHORTENERS_LIST
// Files: one domain (or "domain/path") a line, `#` comments, hosts-file lines ("0.0.0.0 x.com")
// and JSON arrays (["x.com", ...] or { "domains": [...] }) are all read.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { DomainSet, domainName } from "./domains.js";
import { BUILTIN_PHISHING, BUILTIN_SHORTENERS, SCAM_HOST_PAIRS } from "./builtin.js";

export const NAMED_LISTS = ["phishing", "suspicious", "shorteners"] as const;
export type NamedList = (typeof NAMED_LISTS)[number];

const ENV: Record<NamedList, string> = {
  phishing: "STEWARD_PHISHING_LIST",
  suspicious: "STEWARD_SUSPICIOUS_LIST",
  shorteners: "STEWARD_SHORTENERS_LIST",
};
const BUILTIN: Record<NamedList, readonly string[]> = {
  phishing: BUILTIN_PHISHING,
  suspicious: [],
  shorteners: BUILTIN_SHORTENERS,
};

export function isNamedList(ref: string): ref is NamedList {
  return (NAMED_LISTS as readonly string[]).includes(ref);
}

/** The env variable naming extra files for a named list. */
export function envVariable(name: NamedList): string {
  return ENV[name];
}

/** Files given for a named list by its environment variable (separated by the path delimiter). */
export function envFiles(name: NamedList): string[] {
  const v = process.env[ENV[name]];
  return v ? v.split(path.delimiter).filter(Boolean).map((f) => path.resolve(f)) : [];
}

const fileSets = new Map<string, DomainSet>();
const namedSets = new Map<string, DomainSet>();

/** Reads a list file into a DomainSet once per process (by absolute path). */
export function domainSetFromFile(file: string): DomainSet {
  const abs = path.resolve(file);
  let set = fileSets.get(abs);
  if (!set) {
    set = new DomainSet(parseListText(readFileSync(abs, "utf8")));
    fileSets.set(abs, set);
  }
  return set;
}

/** A named list: built-in entries plus its environment files. Cached per set of files. */
export function namedDomainSet(name: NamedList): DomainSet {
  const files = envFiles(name);
  const key = name + "\0" + files.join("\0");
  let set = namedSets.get(key);
  if (!set) {
    set = new DomainSet(BUILTIN[name]);
    for (const f of files) set.addAll(domainSetFromFile(f));
    namedSets.set(key, set);
  }
  return set;
}

export function parseListText(text: string): string[] {
  const t = text.trimStart();
  if (t.startsWith("[") || t.startsWith("{")) {
    const data: unknown = JSON.parse(t);
    const arr = Array.isArray(data) ? data : (data as { domains?: unknown }).domains;
    if (!Array.isArray(arr)) throw new Error("a JSON list must be an array of domains or { \"domains\": [...] }");
    return arr.filter((x): x is string => typeof x === "string");
  }
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const hash = line.indexOf("#");
    const l = (hash === -1 ? line : line.slice(0, hash)).trim();
    if (!l) continue;
    const sp = l.search(/\s/);
    out.push(sp === -1 ? l : l.split(/\s+/).pop()!);
  }
  return out;
}

/** Whether a reference names a file rather than a list name. */
export function looksLikePath(ref: string): boolean {
  return ref.includes("/") || ref.includes("\\") || /\.(txt|list|json|csv)$/i.test(ref);
}

export function fileExists(file: string): boolean {
  return existsSync(file);
}

// Scam host shapes without a brand: "free-nitro.xyz", "nitrogift.ru", "steam-trade.com".
const PAIR_WORDS = new Set(SCAM_HOST_PAIRS.map(([a, b]) => `${a} ${b}`));
const GLUED = SCAM_HOST_PAIRS.map(([a, b]) => a + b);

/** "free+nitro" when the host's name has a scam shape, else null. */
export function scamShape(host: string): string | null {
  let shape = recentShapes.get(host);
  if (shape === undefined) {
    if (recentShapes.size >= 256) recentShapes.clear();
    recentShapes.set(host, (shape = computeScamShape(host)));
  }
  return shape;
}

/** Answers for recent hosts: links repeat from message to message. */
const recentShapes = new Map<string, string | null>();

function computeScamShape(host: string): string | null {
  const name = domainName(host);
  const words = name.split(/[-_]+/).filter(Boolean);
  for (let i = 0; i + 1 < words.length; i++) {
    if (PAIR_WORDS.has(`${words[i]} ${words[i + 1]}`)) return `${words[i]}+${words[i + 1]}`;
  }
  const joined = words.join("");
  for (let i = 0; i < GLUED.length; i++) {
    if (joined.includes(GLUED[i]!)) return SCAM_HOST_PAIRS[i]!.join("+");
  }
  return null;
}
