// Finds self-promotion signals in a message. One pass over the characters collects word
// prefixes (looked up in a trigger table), digit counts and whether Bengali letters occur;
// only the patterns whose trigger words are present run. Ordinary chat runs no regex at all.
// The text result is cached for the last message seen, so every rule asking costs one scan.
import { BENGALI_PATTERNS, PATTERNS, SIGNALS, type Signal } from "./lexicon.js";
import { findPhones } from "./phone.js";

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
// so "sub" (a whole word) and "subs…" (prefix) are different keys.
function keyOf(word: string): number {
  let h = 0;
  const n = Math.min(word.length, 4);
  for (let i = 0; i < n; i++) h = h * 37 + charIndex(word.charCodeAt(i));
  return h * 5 + n;
}

function charIndex(c: number): number {
  if (c >= 97 && c <= 122) return c - 96;
  if (c >= 65 && c <= 90) return c - 64;
  if (c >= 48 && c <= 57) return c - 21; // 27..36
  return 0;
}

interface Compiled {
  triggers: Map<number, number[]>;
  regexes: RegExp[];
  signals: Signal[];
  bengali: [Signal, RegExp][];
}

let compiled: Compiled | undefined;

function compile(): Compiled {
  const triggers = new Map<number, number[]>();
  PATTERNS.forEach((p, i) => {
    for (const w of p.when) {
      const k = keyOf(w.toLowerCase());
      const list = triggers.get(k);
      if (!list) triggers.set(k, [i]);
      else if (!list.includes(i)) list.push(i);
    }
  });
  return {
    triggers,
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

// Scratch for the pattern indices to run (reused; patterns are few).
const stamp = new Uint32Array(512);
let generation = 0;

function scan(text: string): TextSignals {
  const c = (compiled ??= compile());
  let toRun: number[] | null = null;
  let digits = 0;
  let longest = 0;
  let bengali = false;
  if (++generation === 0xffffffff) {
    stamp.fill(0);
    generation = 1;
  }
  let h = 0;
  let len = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const ch = i < n ? text.charCodeAt(i) : 32;
    const idx = ch < 128 ? charIndex(ch) : 0;
    if (idx !== 0) {
      if (len < 4) h = h * 37 + idx;
      len++;
      if (idx >= 27) digits++;
      continue;
    }
    if (len !== 0) {
      if (len > longest) longest = len;
      const list = c.triggers.get(h * 5 + (len < 4 ? len : 4));
      if (list !== undefined) {
        for (let j = 0; j < list.length; j++) {
          const p = list[j]!;
          if (stamp[p] !== generation) {
            stamp[p] = generation;
            (toRun ??= []).push(p);
          }
        }
      }
      h = 0;
      len = 0;
    }
    if (ch >= 0x0980 && ch <= 0x09ff) {
      bengali = true;
      if (ch >= 0x09e6 && ch <= 0x09ef) digits++;
    }
  }
  if (toRun === null && digits < 9 && !bengali && longest < 26) return EMPTY;

  let mask = 0;
  const hits: SignalHit[] = [];
  if (toRun !== null) {
    toRun.sort((a, b) => a - b);
    for (const p of toRun) {
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
