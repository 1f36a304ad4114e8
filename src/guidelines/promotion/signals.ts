// Finds self-promotion signals in a message. One pass over the characters collects word
// prefixes (looked up in a trigger table, see triggers.ts), digit counts and whether Bengali
// letters occur; only the patterns whose trigger words are present run. Ordinary chat runs no regex at all.
// The text result is cached for the last message seen, so every rule asking costs one scan.
import { BENGALI_PATTERNS, PATTERNS, SIGNALS, type Signal } from "./lexicon.js";
import { BENGALI_CLASS, BENGALI_DIGIT_CLASS, BRACKET_CLASS, CHAR, CLASS, FLAG_BASE, PSEUDO, SEP_CLASS, buildTriggerTable, findSlot, slotOf, wordKey, type TriggerTable } from "./triggers.js";
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
  /** First hit of each pattern that matched, in the order the patterns' triggers completed. */
  hits: readonly SignalHit[];
}

export const signalBit = (s: Signal): number => 1 << SIGNALS.indexOf(s);

interface Compiled {
  table: TriggerTable;
  regexes: RegExp[];
  signals: Signal[];
  bengali: [Signal, RegExp][];
}

let compiled: Compiled | undefined;

function compile(): Compiled {
  return {
    table: buildTriggerTable(),
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
// patterns to run, in the order their triggers were completed. Module state, reused by every
// scan (scan is synchronous and not reentrant).
let stamp = new Uint32Array(0);
let groups = new Uint8Array(0);
let generation = 0;
const runList: number[] = [];
let runCount = 0;

/** Marks the groups that a trigger slot's entries stand for; a pattern whose groups are complete joins runList. */
function feedSlot(t: TriggerTable, slot: number): void {
  const entries = t.entries;
  for (let j = t.start[slot]!, end = t.end[slot]!; j < end; j++) {
    const e = entries[j]!;
    const p = e >> 1;
    if (stamp[p] !== generation) {
      stamp[p] = generation;
      groups[p] = 0;
    }
    const before = groups[p]!;
    const after = before | (1 << (e & 1));
    if (after === before) continue;
    groups[p] = after;
    if (after === t.need[p]) runList[runCount++] = p;
  }
}

function feed(t: TriggerTable, key: number): void {
  const slot = findSlot(t, key);
  if (slot !== -1) feedSlot(t, slot);
}

function scan(text: string): TextSignals {
  const c = (compiled ??= compile());
  const t = c.table;
  if (stamp.length !== t.need.length) {
    stamp = new Uint32Array(t.need.length);
    groups = new Uint8Array(t.need.length);
  }
  if (++generation === 0xffffffff) {
    stamp.fill(0);
    generation = 1;
  }
  runCount = 0;

  let digits = 0;
  let longest = 0;
  let flags = 0; // bit (class - FLAG_BASE) set for each flag class seen
  let dotted = false;
  // Locals, not imported bindings, in the hot loop (V8 re-checks an import on every read).
  const keys = t.keys;
  const slotMask = t.mask;
  const classOf = CLASS;
  const flagBase = FLAG_BASE;
  const bengaliDigit = BENGALI_DIGIT_CLASS;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let cls = classOf[text.charCodeAt(i)]!;
    if (cls === 0) {
      i++;
      continue;
    }
    if (cls >= flagBase) {
      // A handle separator, a bracket ("(dot)" links), Bengali.
      flags |= 1 << (cls - flagBase);
      if (cls === bengaliDigit) digits++;
      i++;
      continue;
    }
    // A word starts. After "x." it is a dotted word (a possible link).
    if (i >= 2 && text.charCodeAt(i - 1) === 46) {
      const before = text.charCodeAt(i - 2);
      if (before < 128 && CHAR[before] !== 0) dotted = true;
    }
    const start = i;
    let h = 0;
    // Its first four characters make the key; the rest only count digits.
    do {
      h = h * 37 + cls;
      if (cls >= 27) digits++;
      cls = ++i < n ? classOf[text.charCodeAt(i)]! : 0;
    } while (cls !== 0 && cls < flagBase && i - start < 4);
    while (cls !== 0 && cls < flagBase) {
      if (cls >= 27) digits++;
      cls = ++i < n ? classOf[text.charCodeAt(i)]! : 0;
    }
    const len = i - start;
    if (len > longest) longest = len;
    // Look the word up (inlined findSlot: this runs for every word of every message).
    const key = wordKey(h, len);
    for (let s = slotOf(key, slotMask); ; s = (s + 1) & slotMask) {
      const k = keys[s]!;
      if (k === key) {
        feedSlot(t, s);
        break;
      }
      if (k === 0) break;
    }
  }
  const sep = (flags & (1 << (SEP_CLASS - FLAG_BASE))) !== 0;
  const bracket = (flags & (1 << (BRACKET_CLASS - FLAG_BASE))) !== 0;
  const bengali = (flags & ((1 << (BENGALI_CLASS - FLAG_BASE)) | (1 << (BENGALI_DIGIT_CLASS - FLAG_BASE)))) !== 0;
  if (digits >= 1) feed(t, PSEUDO.d1);
  if (digits >= 4) feed(t, PSEUDO.d4);
  if (digits >= 6) feed(t, PSEUDO.d6);
  // "(dot)" / "[.]" links are rare: only then ask the link pre-check.
  if (dotted || (bracket && mayContainLinks(text))) feed(t, PSEUDO.link);
  if (sep) feed(t, PSEUDO.sep);
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
