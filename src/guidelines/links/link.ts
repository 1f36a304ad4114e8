// Finds URLs and bare domains in a message: "https://x.com/a", "www.x.com", "discord-gift.xyz",
// "bit.ly/abc", defanged "hxxps://evil[.]com" or "evil(dot)com", IDN hosts ("exаmple.com" with a
// Cyrillic а is returned as punycode, its Unicode form kept for lookalike checks).
// Emails are not links; "file.txt", "node.js", "e.g." are not links (TLD set, see tlds.ts).
// Runs on every message: a pre-check finds the whitespace-separated chunks holding a dot between
// two letters (sentence full stops do not count) and the link pattern runs on those chunks
// only, in its ASCII form when it can; most chat returns at the pre-check.
import { domainToASCII, domainToUnicode } from "node:url";
import { AMBIGUOUS_TLDS, KNOWN_AMBIGUOUS_HOSTS, PUBLIC_SECOND_LEVEL, TLDS } from "./tlds.js";
import { detectInvite, type Invite } from "./invites.js";

export type { Invite } from "./invites.js";

/** One URL or bare domain found in a message. */
export interface Link {
  /** The text as written (may be defanged: hxxp, [.]). */
  readonly raw: string;
  /** Lower-case ASCII host (punycode for IDN), "www." kept, no trailing dot: "discord-gift.xyz", "www.shop.co.uk". */
  readonly host: string;
  /** Offsets of `raw` in the original message text. */
  readonly start: number;
  readonly end: number;
  /** The host in Unicode (differs from `host` only for IDN), for display and confusable checks. */
  readonly unicodeHost: string;
  /** Path, query and fragment as written ("/abc?x=1"), "" when none. */
  readonly path: string;
  /** "http", "https", "ftp" (refanged), or null for a bare domain. */
  readonly scheme: string | null;
  /** Written defanged: hxxp, [.], (dot). */
  readonly defanged: boolean;
  /** Last label of the host: "com", "xyz". */
  readonly tld: string;
  /** Set when the link is an invite to a chat server or group (discord.gg/x, t.me/x, chat.whatsapp.com/x). */
  readonly invite: Invite | null;
  /** Refanged URL: scheme (https when bare) + host + port + path. */
  readonly url: string;
}

// A separator between labels: a dot, a defanged dot, or a full-width/ideographic dot.
// "x . com" / "x. com" (spaced to dodge filters) only before com/net/org.
const SEP = String.raw`(?:\.|\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\}|。|．|｡|[ \t]{0,2}\.[ \t]{1,2}(?=(?:com|net|org)\b)|[ \t]{1,2}\.(?=(?:com|net|org)\b))`;
/** The link pattern, for Unicode text or (much faster) for ASCII-only text. */
function linkPattern(unicode: boolean): RegExp {
  const word = unicode ? String.raw`\p{L}\p{N}` : "a-z0-9";
  const wordM = unicode ? String.raw`\p{L}\p{N}\p{M}` : "a-z0-9";
  const label = String.raw`[${word}](?:[${wordM}_-]{0,62})`;
  const sep = unicode ? SEP : SEP.replace("|。|．|｡", "");
  return new RegExp(
    // Not inside a word, an email address or a hostname; "..." before a link is fine.
    String.raw`(?<![${wordM}_@\-])(?<![^.]\.)` +
      String.raw`(?:(?<scheme>h(?:tt|xx|XX)ps?|ftp)(?::|\[:\])\/\/(?:[^\s/?#@<>"']{0,64}@)?)?` +
      String.raw`(?<host>(?:${label}${sep})+${label})` +
      String.raw`(?<port>:\d{1,5})?` +
      String.raw`(?![${wordM}_@-])` +
      String.raw`(?<path>[/?#][^\s<>"'\x60]*)?`,
    unicode ? "giu" : "gi",
  );
}
const LINK_RE = linkPattern(true);
const LINK_RE_ASCII = linkPattern(false);
const LABEL_RE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}_-]*/gu;
const DEFANG_HINT = /[\[({]dot[\])}]/i;
/** True whenever a full-width dot or DEFANG_HINT is in the text (a superset of both). */
const RARE_DOTS = /[\u3002\uff0e\uff61]|[\[({]dot[\])}]/i;
const TRAILING = /[.,;:!?'"»”’…*_~]+$/;

/** Only ASCII letters, digits, "-", "_" and ".": the host pattern then matched plain labels. */
function isPlainHost(host: string): boolean {
  for (let i = 0; i < host.length; i++) {
    const c = host.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 95)) return false;
  }
  return true;
}

/** Four labels of 1–3 ASCII digits: an IPv4 address (as /^\d{1,3}(?:\.\d{1,3}){3}$/ on the joined labels). */
function isIpv4(labels: readonly string[]): boolean {
  for (let k = 0; k < 4; k++) {
    const l = labels[k]!;
    if (l.length > 3) return false;
    for (let i = 0; i < l.length; i++) {
      const c = l.charCodeAt(i);
      if (c < 48 || c > 57) return false;
    }
  }
  return true;
}

/** "com", "net" or "org" as a whole word at `j`, after at most two spaces. */
function spacedTldAt(text: string, j: number): boolean {
  let k = j;
  while (k < j + 2 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  const a = text.charCodeAt(k) | 0x20;
  const b = text.charCodeAt(k + 1) | 0x20;
  const c = text.charCodeAt(k + 2) | 0x20;
  const ok = (a === 99 && b === 111 && c === 109) || (a === 110 && b === 101 && c === 116) || (a === 111 && b === 114 && c === 103);
  return ok && !wordish(text.charCodeAt(k + 3));
}

/** A letter or digit, ASCII or not (IDN hosts), by char code. */
function wordish(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c >= 0xc0;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 0x3000;
}

const WHOLE = -1;

/**
 * Where links may be: null for none (most chat: sentence full stops are followed by a space or
 * the end), WHOLE for "look everywhere" (spaced, defanged or ideographic dots: rare), else the
 * whitespace-delimited chunks [start, end, start, end, ...] holding a dot between two letters or
 * digits ("x.com", "e.g").
 */
function candidates(text: string): number[] | typeof WHOLE | null {
  const n = text.length;
  if (n < 4) return null;
  let chunks: number[] | null = null;
  let covered = -1; // end of the last chunk
  for (let i = text.indexOf("."); i !== -1; i = text.indexOf(".", i + 1)) {
    if (i === 0 || i === n - 1) continue;
    const prev = text.charCodeAt(i - 1);
    const next = text.charCodeAt(i + 1);
    if (wordish(next)) {
      if (wordish(prev)) {
        if (i < covered) continue;
        let a = i - 1;
        while (a > 0 && a > covered && !isSpace(text.charCodeAt(a - 1))) a--;
        let b = i + 1;
        while (b < n && !isSpace(text.charCodeAt(b))) b++;
        (chunks ??= []).push(a, b);
        covered = b;
        continue;
      }
      if (prev === 32 && spacedTldAt(text, i + 1)) return WHOLE;
    } else if (next === 32 || next === 9) {
      if ((wordish(prev) || prev === 32) && spacedTldAt(text, i + 1)) return WHOLE;
    } else if (next === 93 /* ] */ || next === 41 /* ) */ || next === 125 /* } */) {
      if (prev === 91 || prev === 40 || prev === 123) return WHOLE; // [.] (.) {.}
    }
  }
  // 。 ． ｡ (ideographic and full-width full stops), "[dot]" / "(dot)". One native search rules
  // both out for almost every message; only a hit asks the exact questions.
  if (RARE_DOTS.test(text)) {
    if (text.indexOf("\u3002") !== -1 || text.indexOf("\uff0e") !== -1 || text.indexOf("\uff61") !== -1) return WHOLE;
    if ((text.indexOf("dot") !== -1 || text.indexOf("DOT") !== -1 || text.indexOf("Dot") !== -1) && DEFANG_HINT.test(text)) return WHOLE;
  }
  return chunks;
}

/** True when the text may contain a link (see candidates). */
export function mayContainLinks(text: string): boolean {
  return candidates(text) !== null;
}

function isAscii(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) >= 128) return false;
  return true;
}

/** Shared result for the (usual) message without links. Frozen: never push to a result. */
const NO_LINKS = Object.freeze([]) as unknown as Link[];

export function extractLinks(text: string): Link[] {
  const where = candidates(text);
  if (where === null) return NO_LINKS;
  const out: Link[] = [];
  if (where === WHOLE) {
    scanRange(text, 0, text.length, out);
    return out.length ? out : NO_LINKS;
  }
  for (let k = 0; k < where.length; k += 2) scanRange(text, where[k]!, where[k + 1]!, out);
  return out.length ? out : NO_LINKS;
}

/** Links in text[from, to): the regex runs on that slice only, offsets are the text's. */
function scanRange(text: string, from: number, to: number, out: Link[]): void {
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  const re = isAscii(part, 0, part.length) ? LINK_RE_ASCII : LINK_RE;
  re.lastIndex = 0;
  for (let m = re.exec(part); m !== null; m = re.exec(part)) {
    const link = toLink(part, m, from);
    if (link) out.push(link);
  }
}

function toLink(text: string, m: RegExpExecArray, offset: number): Link | null {
  const g = m.groups!;
  const schemeRaw = g.scheme;
  const hostRaw = g.host!;
  const port = g.port ?? "";
  let path = g.path ?? "";
  const start = m.index;
  const hostStart = start + m[0].indexOf(hostRaw, schemeRaw ? schemeRaw.length : 0);

  // Labels as written, with the end offset of each inside hostRaw and whether a separator was
  // spaced ("x . com"). Trailing labels that are not a TLD are dropped ("example.com.Thanks").
  let labels: string[];
  let ends: number[];
  let spaced = false;
  const plain = isPlainHost(hostRaw);
  if (plain) {
    // The usual host: ASCII labels between plain dots ("www.shop.co.uk").
    labels = hostRaw.split(".");
    ends = new Array<number>(labels.length);
    let at = -1;
    for (let k = 0; k < labels.length; k++) ends[k] = at += labels[k]!.length + 1;
  } else {
    labels = [];
    ends = [];
    // "(dot)" is a separator, not a label: blank it out (same length keeps offsets).
    const scan = hostRaw.replace(/[\[({]dot[\])}]/gi, ".\u0001\u0001\u0001\u0001");
    LABEL_RE.lastIndex = 0;
    for (let l = LABEL_RE.exec(scan); l !== null; l = LABEL_RE.exec(scan)) {
      if (ends.length && /\s/.test(scan.slice(ends[ends.length - 1], l.index))) spaced = true;
      labels.push(l[0]);
      ends.push(l.index + l[0].length);
    }
  }
  if (path) path = trimPath(path);
  const explicit = schemeRaw !== undefined || labels[0]!.toLowerCase() === "www";
  let n = labels.length;
  for (; n >= 2; n--) {
    if (acceptHost(labels, n, explicit, schemeRaw !== undefined, n === labels.length && (path.length > 1 || port !== ""), spaced)) break;
  }
  if (n < 2) return null;
  if (n < labels.length) {
    // The host ended earlier; what followed was prose, so there is no path.
    path = "";
  }
  const hostEnd = hostStart + ends[n - 1]!;
  const written = plain ? (n === labels.length ? hostRaw : hostRaw.slice(0, ends[n - 1])) : labels.slice(0, n).join(".");
  let host = written.toLowerCase();
  let unicodeHost = host;
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(host)) {
    const ascii = domainToASCII(host);
    if (!ascii) return null;
    host = ascii;
  } else if (host.includes("xn--")) {
    unicodeHost = domainToUnicode(host) || host;
  }
  if (unicodeHost === host && host !== written.toLowerCase()) unicodeHost = written.toLowerCase();

  const end = n < labels.length ? hostEnd : hostEnd + port.length + path.length;
  const raw = text.slice(start, end);
  const scheme = schemeRaw ? schemeRaw.toLowerCase().replace(/x/g, "t") : null;
  const defanged = (schemeRaw !== undefined && /x/i.test(schemeRaw)) || spaced || (!plain && /[\[({]|[。．｡]/.test(hostRaw.slice(0, ends[n - 1]))) || raw.includes("[:]");
  const tld = host.slice(host.lastIndexOf(".") + 1);
  const portOut = n < labels.length ? "" : port;
  return {
    raw,
    host,
    start: start + offset,
    end: end + offset,
    unicodeHost,
    path,
    scheme,
    defanged,
    tld,
    invite: path ? detectInvite(host, path) : null,
    url: `${scheme ?? "https"}://${host}${portOut}${path}`,
  };
}

/** Whether the first `n` labels form a host we believe is a link. */
function acceptHost(labels: readonly string[], n: number, explicit: boolean, scheme: boolean, hasPath: boolean, spaced: boolean): boolean {
  const tldWritten = labels[n - 1]!;
  const tld = tldWritten.toLowerCase();
  if (spaced && (n !== labels.length || tldWritten !== tld)) return false;
  for (let i = 0; i < n; i++) {
    const l = labels[i]!;
    if (l.length > 63 || l.endsWith("-") || l.endsWith("_")) return false;
  }
  if (explicit) {
    if (n === 4 && isIpv4(labels)) return true;
    // "www.word" alone is not a host ("www.Ldew"); a scheme makes any alphabetic TLD acceptable.
    if (n < 3 && !scheme) return false;
    return tld.length >= 2 && (/^[a-z]+$/.test(tld) || tld.startsWith("xn--") || /^\p{L}+$/u.test(tld));
  }
  if (!TLDS.has(tld)) return false;
  // "hello.World", "home.So": a capitalised (not all-caps) TLD is a sentence after a missing space.
  // All caps is fine: "Example.COM", "DISCORD.GG".
  if (tldWritten !== tld && tldWritten !== tldWritten.toUpperCase()) return false;
  // Labels made only of digits before the TLD ("1.5m", "2.to") are numbers, not hosts.
  if (/^\d+$/.test(labels[n - 2]!) && n === 2) return false;
  if (!hasPath && AMBIGUOUS_TLDS.has(tld)) {
    // "co.uk"-style hosts are fine; "Nice.nice.how", "ok.so", "soon.xxx" are prose.
    if (n > 2 && PUBLIC_SECOND_LEVEL.has(labels[n - 2]!.toLowerCase())) return true;
    return KNOWN_AMBIGUOUS_HOSTS.has(labels.slice(0, n).join(".").toLowerCase());
  }
  return true;
}

function trimPath(path: string): string {
  let p = path.replace(TRAILING, "");
  // Drop unbalanced closing brackets at the end: "(see x.com/a)" but keep "wiki/Foo_(bar)".
  for (;;) {
    const last = p[p.length - 1];
    const open = last === ")" ? "(" : last === "]" ? "[" : last === "}" ? "{" : null;
    if (!open) break;
    const opens = p.split(open).length - 1;
    const closes = p.split(last!).length - 1;
    if (closes <= opens) break;
    p = p.slice(0, -1).replace(TRAILING, "");
  }
  return p;
}
