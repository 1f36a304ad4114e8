// The trigger table of the promotion scan: which patterns a word of the message may start.
// A word is keyed by its first four letters/digits (a-z0-9 → 1..36) and its length capped at 4,
// so "sub" (a whole word) and "subs…" (prefix) are different keys. Pseudo keys (negative) stand
// for facts of the whole message: digits, a dotted word, a handle separator.
// The table is open addressing over typed arrays (a few KB, stays in cache): one multiply and
// usually one probe per word of the message, no Map and no allocation.
import { PATTERNS } from "./lexicon.js";

/** Letter/digit index of an ASCII character: a-z and A-Z → 1..26, 0-9 → 27..36, else 0. */
export const CHAR = new Uint8Array(128);
for (let c = 97; c <= 122; c++) CHAR[c] = c - 96;
for (let c = 65; c <= 90; c++) CHAR[c] = c - 64;
for (let c = 48; c <= 57; c++) CHAR[c] = c - 21; // 27..36

/**
 * Class of every UTF-16 unit, for the scan's character loop: 1..36 a letter or digit (as CHAR),
 * else one of the flags below, else 0. One table read per character, no range tests.
 */
export const CLASS = new Uint8Array(65536);
/** First class that is not a letter or digit. */
export const FLAG_BASE = 40;
export const SEP_CLASS = 40; // : @ = → ➡ (a handle separator)
export const BRACKET_CLASS = 41; // ( [ {
export const BENGALI_CLASS = 42;
export const BENGALI_DIGIT_CLASS = 43;
CLASS.set(CHAR);
for (const c of [58, 64, 61, 0x2192, 0x27a1]) CLASS[c] = SEP_CLASS;
for (const c of [40, 91, 123]) CLASS[c] = BRACKET_CLASS;
for (let c = 0x0980; c <= 0x09ff; c++) CLASS[c] = c >= 0x09e6 && c <= 0x09ef ? BENGALI_DIGIT_CLASS : BENGALI_CLASS;

/** The key of a word from `h` (its first min(len, 4) indexes in base 37) and its length. */
export const wordKey = (h: number, len: number): number => h * 5 + (len < 4 ? len : 4);

function keyOf(word: string): number {
  let h = 0;
  const n = Math.min(word.length, 4);
  for (let i = 0; i < n; i++) h = h * 37 + (CHAR[word.charCodeAt(i)] ?? 0);
  return wordKey(h, word.length);
}

export const PSEUDO = { d1: -1, d4: -2, d6: -3, link: -4, sep: -5 } as const;
const PSEUDO_WORDS: Record<string, number> = { "#d1": PSEUDO.d1, "#d4": PSEUDO.d4, "#d6": PSEUDO.d6, "#link": PSEUDO.link, "#sep": PSEUDO.sep };

export interface TriggerTable {
  /** Hash slots: the key stored there (0 = empty; no key is 0). */
  readonly keys: Int32Array;
  /** The entries of slot s are entries[start[s]] .. entries[end[s] - 1]. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Pattern index × 2 + group (0: `when`, 1: `and`), in the order the lexicon lists them. */
  readonly entries: Int32Array;
  /** Groups each pattern needs: 1 (bit 0) or 3 (bits 0 and 1). */
  readonly need: Uint8Array;
  /** Slot mask (size - 1). */
  readonly mask: number;
}

export const slotOf = (key: number, mask: number): number => (Math.imul(key, 0x9e3779b1) >>> 16) & mask;

/** The slot holding `key`, or -1. */
export function findSlot(t: TriggerTable, key: number): number {
  const keys = t.keys;
  for (let s = slotOf(key, t.mask); ; s = (s + 1) & t.mask) {
    const k = keys[s]!;
    if (k === key) return s;
    if (k === 0) return -1;
  }
}

export function buildTriggerTable(): TriggerTable {
  // key → entries, first-seen order, no duplicates (as the scan has always fed them).
  const byKey = new Map<number, number[]>();
  const add = (word: string, entry: number) => {
    const w = word.toLowerCase();
    const k = PSEUDO_WORDS[w] ?? keyOf(w);
    const list = byKey.get(k);
    if (!list) byKey.set(k, [entry]);
    else if (!list.includes(entry)) list.push(entry);
  };
  PATTERNS.forEach((p, i) => {
    for (const w of p.when) add(w, i * 2);
    for (const w of p.and ?? []) add(w, i * 2 + 1);
  });
  let size = 16;
  while (size < byKey.size * 4) size *= 2;
  const mask = size - 1;
  const keys = new Int32Array(size);
  const start = new Int32Array(size);
  const end = new Int32Array(size);
  const entries: number[] = [];
  for (const [k, list] of byKey) {
    let s = slotOf(k, mask);
    while (keys[s] !== 0) s = (s + 1) & mask;
    keys[s] = k;
    start[s] = entries.length;
    entries.push(...list);
    end[s] = entries.length;
  }
  return { keys, start, end, entries: Int32Array.from(entries), need: Uint8Array.from(PATTERNS.map((p) => (p.and ? 3 : 1))), mask };
}
