// Finds self-promotion signals in a message. One pass over the characters collects word
// prefixes (looked up in a trigger table), digit counts and whether Bengali letters occur;
// only the patterns whose trigger words are present run. Ordinary chat runs no regex at all.
// The text result is cached for the last message seen, so every rule asking costs one scan.
import { BENGALI_PATTERNS, PATTERNS, SIGNALS, type Signal } from "./lexicon.js";
import { findPhones } from "./phone.js";
import { mayContainLinks } from "../links/link.js";

export type { Signal } from "./lexicon.js";
export { SIGNALS } from "./lexicon.js";

export interface SignalHit {
  signal: Signal;
  /** Offsets in the original text; -1 when the signal comes from a link's URL alone. */
  start: number;
  end: number;
}

export interface TextSignals {
  /** Bit i set when SIGNALS[i] was found. */
  mask: number;
  /** First hit of each pattern that matched, in pattern order. */
  hits: readonly SignalHit[];
}

export const signalBit = (s: Signal): number => 1 << SIGNALS.indexOf(s);

// Word keys: the first four letters/digits of a word (a-z0-9 → 1..36) and its length capped at 4,
// so "sub" (a whole word) and "subs…" (prefix) are different keys. Pseudo keys (negative) stand
// for facts of the whole message: digits, a dotted word, a handle separator.
const CHAR = new Uint8Array(128);
for (let c = 97; c <= 122; c++) CHAR[c] = c - 96;
for (let c = 65; c <= 90; c++) CHAR[c] = c - 64;
for (let c = 48; c <= 57; c++) CHAR[c] = c - 21; // 27..36

function keyOf(word: string): number {
  let h = 0;
  const n = Math.min(word.length, 4);
  for (let i = 0; i < n; i++) h = h * 37 + (CHAR[word.charCodeAt(i)] ?? 0);
  return h * 5 + n;
}

const PSEUDO: Record<string, number> = { "#d1": -1, "#d4": -2, "#d6": -3, "#link": -4, "#sep": -5 };

// A bitset over the first three characters of trigger words (and whole words of one or two):
// most words of a message fail it and skip the map lookup.
const PREFIX_BITS = 37 * 37 * 37 * 4;
function prefixSlot(h3: number, len: number): number {
  return len >= 3 ? h3 : h3 + 37 * 37 * 37 * len;
}

interface Compiled {
  /** key → entries (pattern index × 2 + group). */
  triggers: Map<number, number[]>;
  prefixes: Uint8Array;
  /** Groups each pattern needs: 1 (bit 0) or 3 (bits 0 and 1). */
  need: Uint8Array;
  regexes: RegExp[];
  signals: Signal[];
  bengali: [Signal, RegExp][];
}

let compiled: Compiled | undefined;

function compile(): Compiled {
  const triggers = new Map<number, number[]>();
  const prefixes = new Uint8Array(PREFIX_BITS);
  const add = (word: string, entry: number) => {
    const w = word.toLowerCase();
    const k = PSEUDO[w] ?? keyOf(w);
    if (k >= 0) {
      let h3 = 0;
      const n = Math.min(w.length, 3);
      for (let i = 0; i < n; i++) h3 = h3 * 37 + (CHAR[w.charCodeAt(i)] ?? 0);
      prefixes[prefixSlot(h3, w.length)] = 1;
    }
    const list = triggers.get(k);
    if (!list) triggers.set(k, [entry]);
    else if (!list.includes(entry)) list.push(entry);
  };
  PATTERNS.forEach((p, i) => {
    for (const w of p.when) add(w, i * 2);
    for (const w of p.and ?? []) add(w, i * 2 + 1);
  });
  return {
    triggers,
    prefixes,
    need: Uint8Array.from(PATTERNS.map((p) => (p.and ? 3 : 1))),
    regexes: PATTERNS.map((p) => new RegExp(p.re, "i")),
    signals: PATTERNS.map((p) => p.signal),
    bengali: Object.entries(BENGALI_PATTERNS).map(([s, res]) => [s as Signal, new RegExp(res!.join("|"), "u")]),
  };
}

// Asking is not offering: "is it still for sale?", "what's your WhatsApp for orders?", "can you
// DM me the price?", "can I use my referral code?" are customers. These signals do not count
// inside a clause that ends with a question mark.
const ASKS: Partial<Record<Signal, true>> = { contact: true, sell: true, referral: true };

/** The clause holding position `end` (up to the next . ! ? , ; or line break) ends with "?". */
function inQuestion(text: string, end: number): boolean {
  for (let i = end; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 63 /* ? */ || c === 0xff1f) return true;
    if (c === 46 || c === 33 || c === 44 || c === 59 || c === 10 || c === 0x0964 /* । */) return false;
  }
  return false;
}

// Crypto wallet addresses: Bitcoin (legacy, bech32), Ethereum-style, Tron.
const WALLET = /\b(?:[13][a-km-zA-HJ-NP-Z1-9]{25,34}|bc1[a-z0-9]{25,59}|0x[a-fA-F0-9]{40}|T[1-9A-HJ-NP-Za-km-z]{33})\b/g;

let lastText: string | undefined;
let lastResult: TextSignals | undefined;
const EMPTY: TextSignals = Object.freeze({ mask: 0, hits: Object.freeze([]) as readonly SignalHit[] });

/** The promotion signals in a message's text (links are judged separately, see linkSignals). */
export function textSignals(text: string): TextSignals {
  if (text === lastText) return lastResult!;
  const result = scan(text);
  lastText = text;
  lastResult = result;
  return result;
}

// Scratch per pattern: the scan generation that last touched it and the groups seen; the
// patterns to run. Module state, reused by every scan (scan is synchronous and not reentrant).
let stamp = new Uint32Array(0);
let groups = new Uint8Array(0);
let generation = 0;
const runList: number[] = [];
let runCount = 0;

function feed(c: Compiled, key: number): void {
  const list = c.triggers.get(key);
  if (list === undefined) return;
  for (let j = 0; j < list.length; j++) {
    const e = list[j]!;
    const p = e >> 1;
    if (stamp[p] !== generation) {
      stamp[p] = generation;
      groups[p] = 0;
    }
    const before = groups[p]!;
    const after = before | (1 << (e & 1));
    if (after === before) continue;
    groups[p] = after;
    if (after === c.need[p]) runList[runCount++] = p;
  }
}

function scan(text: string): TextSignals {
  const c = (compiled ??= compile());
  if (stamp.length !== c.need.length) {
    stamp = new Uint32Array(c.need.length);
    groups = new Uint8Array(c.need.length);
  }
  if (++generation === 0xffffffff) {
    stamp.fill(0);
    generation = 1;
  }
  runCount = 0;

  let digits = 0;
  let longest = 0;
  let bengali = false;
  let dotted = false;
  let sep = false;
  let bracket = false;
  let h = 0;
  let h3 = 0;
  let len = 0;
  let prev = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const ch = i < n ? text.charCodeAt(i) : 32;
    const idx = ch < 128 ? CHAR[ch]! : 0;
    if (idx !== 0) {
      if (len < 4) {
        h = h * 37 + idx;
        if (len < 3) h3 = h;
      }
      len++;
      if (idx >= 27) digits++;
      if (prev === 46 /* . */ && i >= 2 && CHAR[text.charCodeAt(i - 2)]) dotted = true;
      prev = ch;
      continue;
    }
    if (len !== 0) {
      if (len > longest) longest = len;
      if (c.prefixes[prefixSlot(h3, len)] === 1) feed(c, h * 5 + (len < 4 ? len : 4));
      h = 0;
      h3 = 0;
      len = 0;
    }
    if (ch === 58 || ch === 64 || ch === 61 || ch === 0x2192 || ch === 0x27a1) sep = true;
    else if (ch === 40 || ch === 91 || ch === 123) bracket = true;
    else if (ch >= 0x0980 && ch <= 0x09ff) {
      bengali = true;
      if (ch >= 0x09e6 && ch <= 0x09ef) digits++;
    }
    prev = ch;
  }
  if (digits >= 1) feed(c, PSEUDO["#d1"]!);
  if (digits >= 4) feed(c, PSEUDO["#d4"]!);
  if (digits >= 6) feed(c, PSEUDO["#d6"]!);
  // "(dot)" / "[.]" links are rare: only then ask the link pre-check.
  if (dotted || (bracket && mayContainLinks(text))) feed(c, PSEUDO["#link"]!);
  if (sep) feed(c, PSEUDO["#sep"]!);
  if (runCount === 0 && digits < 9 && !bengali && longest < 26) return EMPTY;

  let mask = 0;
  const hits: SignalHit[] = [];
  if (runCount !== 0) {
    // Hits come in trigger order, not pattern order: only their set and spans matter.
    for (let r = 0; r < runCount; r++) {
      const p = runList[r]!;
      const m = c.regexes[p]!.exec(text);
      if (m === null) continue;
      const signal = c.signals[p]!;
      if (ASKS[signal] && inQuestion(text, m.index + m[0].length)) continue;
      mask |= signalBit(signal);
      hits.push({ signal, start: m.index, end: m.index + m[0].length });
    }
  }
  if (bengali) {
    for (const [signal, re] of c.bengali) {
      const m = re.exec(text);
      if (m === null) continue;
      mask |= signalBit(signal);
      hits.push({ signal, start: m.index, end: m.index + m[0].length });
    }
  }
  if (digits >= 9) {
    for (const ph of findPhones(text)) {
      mask |= signalBit("phone");
      hits.push({ signal: "phone", start: ph.start, end: ph.end });
    }
  }
  if (longest >= 26) {
    WALLET.lastIndex = 0;
    for (let m = WALLET.exec(text); m !== null; m = WALLET.exec(text)) {
      if (!/\d/.test(m[0]) || !/[a-z]/i.test(m[0].slice(2))) continue;
      mask |= signalBit("wallet");
      hits.push({ signal: "wallet", start: m.index, end: m.index + m[0].length });
      break;
    }
  }
  return hits.length ? { mask, hits } : EMPTY;
}
